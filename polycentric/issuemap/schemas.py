# PATCH bodies declare fields as `name: str = Field(None)`: optional to send, never null. Mypy
# reads the None default as a type error; pydantic (and the OpenAPI document) read it right.
# mypy: disable-error-code="assignment, arg-type"
"""The shapes of the map API: query strings, request bodies and responses (django-ninja schemas).

Reads describe rows with the gap report's verdicts added; the `*_out` functions at the end build
them from selector results, so the endpoints stay thin. Request bodies refuse unknown fields and
values of the wrong type; in a PATCH body a field may be left out but not set to null unless the
map allows it to be empty (an issue's priority, a venue's parent, a mandate's aspect).
"""

from __future__ import annotations

from enum import StrEnum
from typing import Any

from ninja import Field, Schema
from pydantic import ConfigDict, StrictBool, StrictInt

from polycentric.accounts.models import StakeholderGroup
from polycentric.engines.gaps import AspectGap, GapReport, GapStatus
from polycentric.issuemap.models import (
    ActionLine,
    Aspect,
    Issue,
    Mandate,
    Participation,
    Venue,
)

MAX_PAGE_SIZE = 100
SMALL_INT_MAX = 32767  # the largest value of a PositiveSmallIntegerField on every database
DEFAULT_PAGE_SIZE = 50


class GapFilter(StrEnum):
    """The statuses that count as a gap (what `?status=` on /api/gaps accepts)."""

    HOME_CANNOT_ACT = GapStatus.HOME_CANNOT_ACT.value
    HOME_EXCLUDES_GROUPS = GapStatus.HOME_EXCLUDES_GROUPS.value
    HOME_NOT_GLOBAL = GapStatus.HOME_NOT_GLOBAL.value
    NO_HOME = GapStatus.NO_HOME.value


# ---- errors -----------------------------------------------------------------------------------


class ErrorOut(Schema):
    detail: str = Field(..., description="What went wrong, in a sentence.")
    errors: dict[str, list[str]] = Field(
        ..., description="Problems per field (query parameter or body field); may be empty."
    )


# ---- query strings ----------------------------------------------------------------------------


class PageQuery(Schema):
    limit: int = Field(DEFAULT_PAGE_SIZE, ge=1, le=MAX_PAGE_SIZE,
                       description=f"Items per page, at most {MAX_PAGE_SIZE}.")
    offset: int = Field(0, ge=0, description="How many items to skip.")


class IssueQuery(PageQuery):
    basket: str = Field("", max_length=64, description="Basket slug, e.g. `security`.")
    status: GapStatus | None = Field(None, description="The issue's gap status.")
    venue: str = Field("", max_length=80, description="Slug of a venue with a mandate for it.")
    action_line: str = Field("", max_length=40,
                             description="WSIS action line code, e.g. `C5` (C7 includes its sub-lines).")
    q: str = Field("", max_length=200, description="Words in the title, summary or an aspect.")


class VenueQuery(PageQuery):
    reach: Venue.Reach | None = None
    kind: Venue.Kind | None = None
    q: str = Field("", max_length=200, description="Words in the name, acronym or slug.")


class GapQuery(Schema):
    status: GapFilter | None = Field(None, description="Only gaps with this status.")


# ---- read shapes ------------------------------------------------------------------------------


class BasketRef(Schema):
    slug: str
    name: str


class VenueRef(Schema):
    slug: str
    name: str
    acronym: str


class IssueRef(Schema):
    slug: str
    title: str


class ActionLineRef(Schema):
    code: str
    title: str


class AspectSummary(Schema):
    slug: str
    title: str
    needs_global_policy: bool
    gap_status: GapStatus


class IssueSummary(Schema):
    slug: str
    title: str
    basket: BasketRef
    summary: str
    status: Issue.Status = Field(..., description="Where the issue stands in the workflow.")
    gap_status: GapStatus = Field(..., description="The most severe gap among its aspects.")
    aspects: list[AspectSummary]
    action_lines: list[str] = Field(..., description="WSIS action line codes.")


class IssuePage(Schema):
    count: int = Field(..., description="Issues matching the filters, on every page.")
    limit: int
    offset: int
    items: list[IssueSummary]


class CoveringVenue(Schema):
    slug: str
    name: str
    acronym: str
    extent: Mandate.Extent
    whole_issue: bool = Field(..., description="The mandate covers every aspect of the issue.")


class AspectDetail(Schema):
    slug: str
    title: str
    description: str
    needs_global_policy: bool
    order: int
    gap_status: GapStatus
    reasons: list[str]
    venues: list[CoveringVenue]


class MandateOut(Schema):
    id: int
    venue: VenueRef
    issue: IssueRef
    aspect: str | None = Field(..., description="Aspect slug; null when the whole issue is covered.")
    extent: Mandate.Extent
    source: str
    note: str


class IssueDetail(Schema):
    slug: str
    title: str
    basket: BasketRef
    summary: str
    expertise: str
    status: Issue.Status
    priority: int | None
    source: str
    gap_status: GapStatus
    aspects: list[AspectDetail]
    action_lines: list[ActionLineRef]
    mandates: list[MandateOut]


class VenueSummary(Schema):
    slug: str
    name: str
    acronym: str
    kind: Venue.Kind
    reach: Venue.Reach
    regions: list[str] = Field(..., description="Regions covered, as scheme:slug (e.g. un:african).")
    outputs: Venue.Outputs
    can_decide: bool
    can_recommend: bool
    participation: dict[str, Participation.Mode] = Field(
        ..., description="Mode per stakeholder group slug, every group listed (none if absent)."
    )
    issue_count: int = Field(..., description="Issues it has a mandate for.")


class VenuePage(Schema):
    count: int
    limit: int
    offset: int
    items: list[VenueSummary]


class CoveredIssue(Schema):
    mandate: int = Field(..., description="The mandate's id.")
    slug: str
    title: str
    aspect: str | None
    extent: Mandate.Extent


class VenueDetail(VenueSummary):
    description: str
    url: str
    source: str
    parent: VenueRef | None
    children: list[VenueRef]
    action_lines: list[ActionLineRef]
    issues: list[CoveredIssue]


class SubLineOut(Schema):
    code: str
    title: str
    lead_facilitator: str
    co_facilitators: list[str]
    venues: list[VenueRef] = Field(..., description="Venues on the map that facilitate it.")


class ActionLineOut(SubLineOut):
    sub_lines: list[SubLineOut]


class GapEntry(Schema):
    issue: str
    aspect: str
    status: GapStatus
    reasons: list[str]


class GapParametersOut(Schema):
    taking_part: list[str] = Field(..., description="Participation modes that count as taking part.")
    required_groups: list[str]


class GapDocument(Schema):
    issues: int
    venues: int
    aspects: int
    gaps: list[GapEntry]
    summary: dict[str, int] = Field(..., description="Assessed aspects per status.")
    parameters: GapParametersOut


# ---- request bodies ---------------------------------------------------------------------------


class _Body(Schema):
    model_config = ConfigDict(extra="forbid")


class IssueIn(_Body):
    slug: str
    title: str
    basket: str = Field(..., description="Basket slug.")
    summary: str = ""
    expertise: str = ""
    status: Issue.Status = Issue.Status.OPEN
    priority: StrictInt | None = Field(None, ge=0, le=SMALL_INT_MAX)
    source: str = ""
    action_lines: list[str] = Field([], description="WSIS action line codes, e.g. [\"C5\"].")


class IssuePatch(_Body):
    slug: str = Field(None)
    title: str = Field(None)
    basket: str = Field(None, description="Basket slug.")
    summary: str = Field(None)
    expertise: str = Field(None)
    status: Issue.Status = Field(None)
    priority: StrictInt | None = Field(None, ge=0, le=SMALL_INT_MAX, description="null clears it.")
    source: str = Field(None)
    action_lines: list[str] = Field(None, description="Replaces the issue's action lines.")


class AspectIn(_Body):
    slug: str
    title: str
    description: str = ""
    needs_global_policy: StrictBool = True
    order: StrictInt | None = Field(None, ge=0, le=SMALL_INT_MAX,
                                    description="Position; default: after the others.")


class AspectPatch(_Body):
    slug: str = Field(None)
    title: str = Field(None)
    description: str = Field(None)
    needs_global_policy: StrictBool = Field(None)
    order: StrictInt = Field(None, ge=0, le=SMALL_INT_MAX)


class VenueIn(_Body):
    slug: str
    name: str
    kind: Venue.Kind
    reach: Venue.Reach
    acronym: str = ""
    description: str = ""
    outputs: Venue.Outputs = Venue.Outputs.NOT_BINDING
    can_decide: StrictBool = False
    can_recommend: StrictBool = True
    parent: str | None = Field(None, description="Slug of the parent venue.")
    url: str = ""
    source: str = ""
    participation: dict[str, Participation.Mode] = Field(
        {}, description="Mode per stakeholder group slug, e.g. {\"civil_society\": \"observer\"}."
    )
    regions: list[str] = Field([], description="Regions covered, as scheme:slug, e.g. [\"un:african\"].")
    action_lines: list[str] = Field([], description="Action line codes it facilitates.")


class VenuePatch(_Body):
    slug: str = Field(None)
    name: str = Field(None)
    kind: Venue.Kind = Field(None)
    reach: Venue.Reach = Field(None)
    acronym: str = Field(None)
    description: str = Field(None)
    outputs: Venue.Outputs = Field(None)
    can_decide: StrictBool = Field(None)
    can_recommend: StrictBool = Field(None)
    parent: str | None = Field(None, description="Slug of the parent venue; null for none.")
    url: str = Field(None)
    source: str = Field(None)
    participation: dict[str, Participation.Mode] = Field(
        None, description="Modes to set, per group slug; groups left out keep theirs."
    )
    regions: list[str] = Field(None, description="Replaces the regions covered.")
    action_lines: list[str] = Field(None, description="Replaces the action lines facilitated.")


class MandateIn(_Body):
    venue: str = Field(..., description="Venue slug.")
    issue: str = Field(..., description="Issue slug.")
    aspect: str | None = Field(None, description="Aspect slug within the issue; null: all of it.")
    extent: Mandate.Extent = Mandate.Extent.FULL
    source: str = Field("", description="A link to the text that gives the mandate.")
    note: str = ""


class MandatePatch(_Body):
    venue: str = Field(None)
    issue: str = Field(None)
    aspect: str | None = Field(None, description="Aspect slug; null: the whole issue.")
    extent: Mandate.Extent = Field(None)
    source: str = Field(None)
    note: str = Field(None)


# ---- building responses -----------------------------------------------------------------------

NOT_GLOBAL_REASON = "Does not need global policy-making, so it is not checked for gaps."


def _venue_ref(venue: Venue) -> dict[str, Any]:
    return {"slug": venue.slug, "name": venue.name, "acronym": venue.acronym}


def _basket_ref(issue: Issue) -> dict[str, Any]:
    return {"slug": issue.basket.slug, "name": issue.basket.name}


def _aspect_gaps(report: GapReport, issue_slug: str) -> dict[str, AspectGap]:
    issue_gap = report.issues.get(issue_slug)
    return {g.aspect: g for g in issue_gap.aspects} if issue_gap else {}


def _issue_gap_status(report: GapReport, issue_slug: str) -> GapStatus:
    issue_gap = report.issues.get(issue_slug)
    return issue_gap.status if issue_gap else GapStatus.NOT_ASSESSED


def issue_summary_out(issue: Issue, report: GapReport) -> dict[str, Any]:
    """An issue from `selectors.issue_list`, as in the issue list."""
    gaps = _aspect_gaps(report, issue.slug)
    return {
        "slug": issue.slug,
        "title": issue.title,
        "basket": _basket_ref(issue),
        "summary": issue.summary,
        "status": issue.status,
        "gap_status": _issue_gap_status(report, issue.slug),
        "aspects": [
            {
                "slug": a.slug,
                "title": a.title,
                "needs_global_policy": a.needs_global_policy,
                "gap_status": gaps[a.slug].status if a.slug in gaps else GapStatus.NOT_ASSESSED,
            }
            for a in issue.aspects.all()
        ],
        "action_lines": [line.code for line in issue.action_lines.all()],
    }


def mandate_out(mandate: Mandate) -> dict[str, Any]:
    return {
        "id": mandate.pk,
        "venue": _venue_ref(mandate.venue),
        "issue": {"slug": mandate.issue.slug, "title": mandate.issue.title},
        "aspect": mandate.aspect.slug if mandate.aspect_id else None,
        "extent": mandate.extent,
        "source": mandate.source,
        "note": mandate.note,
    }


def aspect_detail_out(aspect: Aspect, mandates: list[Mandate], gaps: dict[str, AspectGap]) -> dict[str, Any]:
    """One aspect with its verdict and the venues whose mandates cover it."""
    gap = gaps.get(aspect.slug)
    covering = [m for m in mandates if m.aspect_id is None or m.aspect_id == aspect.pk]
    return {
        "slug": aspect.slug,
        "title": aspect.title,
        "description": aspect.description,
        "needs_global_policy": aspect.needs_global_policy,
        "order": aspect.order,
        "gap_status": gap.status if gap else GapStatus.NOT_ASSESSED,
        "reasons": list(gap.reasons) if gap else ([] if aspect.needs_global_policy else [NOT_GLOBAL_REASON]),
        "venues": [
            {**_venue_ref(m.venue), "extent": m.extent, "whole_issue": m.aspect_id is None}
            for m in covering
        ],
    }


def issue_detail_out(issue: Issue, report: GapReport) -> dict[str, Any]:
    """An issue from `selectors.issue_get`, with every aspect's verdict and its mandates."""
    gaps = _aspect_gaps(report, issue.slug)
    mandates = list(issue.mandates.all())
    for mandate in mandates:
        mandate.issue = issue  # already loaded; saves a query per mandate
    return {
        "slug": issue.slug,
        "title": issue.title,
        "basket": _basket_ref(issue),
        "summary": issue.summary,
        "expertise": issue.expertise,
        "status": issue.status,
        "priority": issue.priority,
        "source": issue.source,
        "gap_status": _issue_gap_status(report, issue.slug),
        "aspects": [aspect_detail_out(a, mandates, gaps) for a in issue.aspects.all()],
        "action_lines": [{"code": line.code, "title": line.title} for line in issue.action_lines.all()],
        "mandates": [mandate_out(m) for m in mandates],
    }


def issue_aspect_out(issue: Issue, aspect_pk: int, report: GapReport) -> dict[str, Any]:
    """One aspect of an issue from `selectors.issue_get`, as in the issue detail."""
    aspect = next(a for a in issue.aspects.all() if a.pk == aspect_pk)
    return aspect_detail_out(aspect, list(issue.mandates.all()), _aspect_gaps(report, issue.slug))


def _region_ref(region: Any) -> str:
    return f"{region.scheme.slug}:{region.slug}"


def venue_summary_out(
    venue: Venue, groups: list[StakeholderGroup], *, issue_count: int
) -> dict[str, Any]:
    """A venue with participation and regions (with their schemes) prefetched."""
    modes = {p.group_id: p.mode for p in venue.participation.all()}
    return {
        "slug": venue.slug,
        "name": venue.name,
        "acronym": venue.acronym,
        "kind": venue.kind,
        "reach": venue.reach,
        "regions": [_region_ref(r) for r in venue.regions.all()],
        "outputs": venue.outputs,
        "can_decide": venue.can_decide,
        "can_recommend": venue.can_recommend,
        "participation": {g.slug: modes.get(g.pk, Participation.Mode.NONE) for g in groups},
        "issue_count": issue_count,
    }


def venue_detail_out(venue: Venue, groups: list[StakeholderGroup]) -> dict[str, Any]:
    """A venue from `selectors.venue_get`, with what it facilitates and the issues it covers."""
    mandates = list(venue.mandates.all())
    return {
        **venue_summary_out(venue, groups, issue_count=len({m.issue_id for m in mandates})),
        "description": venue.description,
        "url": venue.url,
        "source": venue.source,
        "parent": _venue_ref(venue.parent) if venue.parent_id else None,
        "children": [_venue_ref(child) for child in venue.children.all()],
        "action_lines": [{"code": line.code, "title": line.title} for line in venue.action_lines.all()],
        "issues": [
            {
                "mandate": m.pk,
                "slug": m.issue.slug,
                "title": m.issue.title,
                "aspect": m.aspect.slug if m.aspect_id else None,
                "extent": m.extent,
            }
            for m in mandates
        ],
    }


def _facilitators(line: ActionLine) -> list[str]:
    return [name.strip() for name in line.co_facilitators.split(",") if name.strip()]


def action_lines_out(lines: list[ActionLine]) -> list[dict[str, Any]]:
    """Top-level action lines in order, each with its sub-lines (C7's) nested."""
    children: dict[int, list[ActionLine]] = {}
    for line in lines:
        if line.parent_id is not None:
            children.setdefault(line.parent_id, []).append(line)

    def sub_line(line: ActionLine) -> dict[str, Any]:
        return {
            "code": line.code,
            "title": line.title,
            "lead_facilitator": line.lead_facilitator,
            "co_facilitators": _facilitators(line),
            "venues": [_venue_ref(v) for v in line.facilitating_venues.all()],
        }

    return [
        {**sub_line(line), "sub_lines": [sub_line(child) for child in children.get(line.pk, [])]}
        for line in lines
        if line.parent_id is None
    ]
