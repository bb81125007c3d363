"""The map API: issues, aspects, venues, mandates, gaps and action lines under /api/.

Reads are public. Writes need an editor, identified by a bearer token or the site's session
(with CSRF), and call the same services as the editor forms. Slugs in a request body are turned
into rows here; every unknown one is reported under its field name, and nothing is written.
"""

from __future__ import annotations

from typing import Any, cast

from django.http import HttpRequest
from ninja import Query, Router

from polycentric.accounts.api_auth import BearerTokenAuth, SessionAuth
from polycentric.accounts.models import Region, StakeholderGroup
from polycentric.core.errors import NotFound, ValidationFailed
from polycentric.issuemap import selectors, services
from polycentric.issuemap.models import ActionLine, Aspect, Basket, Issue, Mandate, Venue
from polycentric.issuemap.permissions import can_edit_map
from polycentric.issuemap.schemas import (
    ActionLineOut,
    AspectDetail,
    AspectIn,
    AspectPatch,
    ErrorOut,
    GapDocument,
    GapQuery,
    IssueDetail,
    IssueIn,
    IssuePage,
    IssuePatch,
    IssueQuery,
    MandateIn,
    MandateOut,
    MandatePatch,
    VenueDetail,
    VenueIn,
    VenuePage,
    VenuePatch,
    VenueQuery,
    action_lines_out,
    issue_aspect_out,
    issue_detail_out,
    issue_summary_out,
    mandate_out,
    venue_detail_out,
    venue_summary_out,
)

router = Router(tags=["map"])

DENIED = "Only editors may change the map."
EDITORS = [
    BearerTokenAuth(permission=can_edit_map, denied_message=DENIED),
    SessionAuth(permission=can_edit_map, denied_message=DENIED),
]
READ_ERRORS: dict[int, Any] = {404: ErrorOut, 422: ErrorOut}
WRITE_ERRORS: dict[int, Any] = {
    401: ErrorOut, 403: ErrorOut, 404: ErrorOut, 409: ErrorOut, 422: ErrorOut,
}


# ---- turning slugs into rows ------------------------------------------------------------------


class References:
    """Looks up the slugs and codes a request names, collecting every unknown one by field."""

    def __init__(self) -> None:
        self.errors: dict[str, list[str]] = {}

    def _unknown(self, field: str, message: str) -> None:
        self.errors.setdefault(field, []).append(message)

    def basket(self, slug: str, field: str = "basket") -> Basket | None:
        found = Basket.objects.filter(slug=slug).first()
        if found is None:
            self._unknown(field, f"Unknown basket {slug!r}.")
        return found

    def issue(self, slug: str, field: str = "issue") -> Issue | None:
        found = Issue.objects.filter(slug=slug).first()
        if found is None:
            self._unknown(field, f"Unknown issue {slug!r}.")
        return found

    def venue(self, slug: str, field: str = "venue") -> Venue | None:
        found = Venue.objects.filter(slug=slug).first()
        if found is None:
            self._unknown(field, f"Unknown venue {slug!r}.")
        return found

    def aspect(self, issue: Issue | None, slug: str, field: str = "aspect") -> Aspect | None:
        if issue is None:
            return None
        found = Aspect.objects.filter(issue=issue, slug=slug).first()
        if found is None:
            self._unknown(field, f"Unknown aspect {slug!r} of issue {issue.slug!r}.")
        return found

    def action_line(self, code: str, field: str = "action_line") -> ActionLine | None:
        found = ActionLine.objects.filter(code=code).first()
        if found is None:
            self._unknown(field, f"Unknown action line {code!r}; use a code such as C5.")
        return found

    def action_lines(self, codes: list[str], field: str = "action_lines") -> list[ActionLine]:
        found = {line.code: line for line in ActionLine.objects.filter(code__in=codes)}
        for code in codes:
            if code not in found:
                self._unknown(field, f"Unknown action line {code!r}; use a code such as C5.")
        return [found[c] for c in dict.fromkeys(codes) if c in found]

    def regions(self, refs: list[str], field: str = "regions") -> list[Region]:
        regions = {
            f"{r.scheme.slug}:{r.slug}": r
            for r in Region.objects.select_related("scheme")
        }
        for ref in refs:
            if ref not in regions:
                self._unknown(field, f"Unknown region {ref!r}; use scheme:slug, e.g. un:african.")
        return [regions[r] for r in dict.fromkeys(refs) if r in regions]

    def participation(
        self, modes: dict[str, str], field: str = "participation"
    ) -> dict[StakeholderGroup, str]:
        groups = {g.slug: g for g in StakeholderGroup.objects.filter(slug__in=list(modes))}
        for slug in modes:
            if slug not in groups:
                self._unknown(f"{field}.{slug}", f"Unknown stakeholder group {slug!r}.")
        return {groups[slug]: mode for slug, mode in modes.items() if slug in groups}

    def check(self) -> None:
        if self.errors:
            summary = "; ".join(f"{f}: {' '.join(m)}" for f, m in self.errors.items())
            raise ValidationFailed(f"Invalid input: {summary}", errors=self.errors)


def _actor(request: HttpRequest) -> Any:
    """The user the authentication classes identified (ninja sets `request.auth`)."""
    return request.auth  # type: ignore[attr-defined]


def _issue_or_404(slug: str) -> Issue:
    try:
        return selectors.issue_get(slug)
    except Issue.DoesNotExist:
        raise NotFound(f"No issue {slug!r}.", errors={"slug": [f"No issue {slug!r}."]}) from None


def _venue_or_404(slug: str) -> Venue:
    try:
        return selectors.venue_get(slug)
    except Venue.DoesNotExist:
        raise NotFound(f"No venue {slug!r}.", errors={"slug": [f"No venue {slug!r}."]}) from None


def _aspect_or_404(issue: Issue, slug: str) -> Aspect:
    aspect = Aspect.objects.filter(issue=issue, slug=slug).select_related("issue").first()
    if aspect is None:
        message = f"No aspect {slug!r} in issue {issue.slug!r}."
        raise NotFound(message, errors={"aspect": [message]})
    return aspect


def _mandate_or_404(mandate_id: int) -> Mandate:
    mandate = Mandate.objects.select_related("venue", "issue", "aspect").filter(pk=mandate_id).first()
    if mandate is None:
        message = f"No mandate {mandate_id}."
        raise NotFound(message, errors={"mandate_id": [message]})
    return mandate


def _issue_detail(slug: str) -> dict[str, Any]:
    return issue_detail_out(_issue_or_404(slug), selectors.gap_report())


def _venue_detail(slug: str) -> dict[str, Any]:
    return venue_detail_out(_venue_or_404(slug), list(selectors.stakeholder_group_list()))


def _aspect_detail(aspect: Aspect) -> dict[str, Any]:
    return issue_aspect_out(_issue_or_404(aspect.issue.slug), aspect.pk, selectors.gap_report())


def _mandate_detail(mandate_id: int) -> dict[str, Any]:
    return mandate_out(_mandate_or_404(mandate_id))


# ---- reads ------------------------------------------------------------------------------------


@router.get("/issues", response={200: IssuePage, **READ_ERRORS}, url_name="issues",
            summary="List issues")
def issue_list(request: HttpRequest, filters: Query[IssueQuery]) -> Any:
    """Issues in title order, filtered and paginated; each with its gap status."""
    refs = References()
    if filters.basket:
        refs.basket(filters.basket)
    if filters.venue:
        refs.venue(filters.venue)
    if filters.action_line:
        refs.action_line(filters.action_line)
    refs.check()
    report = selectors.gap_report()
    issues = selectors.issue_list(
        selectors.IssueFilters(
            basket=filters.basket,
            status=filters.status.value if filters.status else "",
            venue=filters.venue,
            action_line=filters.action_line,
            q=filters.q,
        ),
        report=report,
    )
    page = issues[filters.offset : filters.offset + filters.limit]
    return {
        "count": issues.count(),
        "limit": filters.limit,
        "offset": filters.offset,
        "items": [issue_summary_out(issue, report) for issue in page],
    }


@router.get("/issues/{slug}", response={200: IssueDetail, **READ_ERRORS}, url_name="issue",
            summary="One issue with its aspects, gaps and mandates")
def issue_detail(request: HttpRequest, slug: str) -> Any:
    return _issue_detail(slug)


@router.get("/venues", response={200: VenuePage, **READ_ERRORS}, url_name="venues",
            summary="List venues")
def venue_list(request: HttpRequest, filters: Query[VenueQuery]) -> Any:
    """Venues in name order, filtered and paginated, with participation per stakeholder group."""
    venues = selectors.venue_list(
        reach=filters.reach.value if filters.reach else "",
        kind=filters.kind.value if filters.kind else "",
        q=filters.q,
    )
    page = venues.prefetch_related("regions__scheme")[filters.offset : filters.offset + filters.limit]
    groups = list(selectors.stakeholder_group_list())
    return {
        "count": venues.count(),
        "limit": filters.limit,
        "offset": filters.offset,
        "items": [venue_summary_out(v, groups, issue_count=v.issue_count) for v in page],
    }


@router.get("/venues/{slug}", response={200: VenueDetail, **READ_ERRORS}, url_name="venue",
            summary="One venue with its participation, reach and the issues it covers")
def venue_detail(request: HttpRequest, slug: str) -> Any:
    return _venue_detail(slug)


@router.get("/gaps", response={200: GapDocument, **READ_ERRORS}, url_name="gaps",
            summary="The gap report (as `polycentric gaps --format json`)")
def gap_report(request: HttpRequest, filters: Query[GapQuery]) -> Any:
    """Every gap with its reasons, the counts per status and the parameters used."""
    document = selectors.gap_document()
    if filters.status:
        gaps = cast(list[dict[str, Any]], document["gaps"])
        document["gaps"] = [g for g in gaps if g["status"] == filters.status.value]
    return document


@router.get("/action-lines", response=list[ActionLineOut], url_name="action_lines",
            summary="WSIS action lines C1 to C11, with sub-lines and facilitators")
def action_line_list(request: HttpRequest) -> Any:
    return action_lines_out(list(selectors.action_line_list()))


# ---- writes -----------------------------------------------------------------------------------


@router.post("/issues", response={201: IssueDetail, **WRITE_ERRORS}, auth=EDITORS,
             url_name="issue_create", summary="Create an issue")
def issue_create(request: HttpRequest, payload: IssueIn) -> Any:
    refs = References()
    basket = refs.basket(payload.basket)
    action_lines = refs.action_lines(payload.action_lines)
    refs.check()
    assert basket is not None
    values = payload.model_dump(mode="json", exclude={"basket", "action_lines"})
    issue = services.issue_create(basket=basket, action_lines=action_lines, actor=_actor(request),
                                  **values)
    return 201, _issue_detail(issue.slug)


@router.patch("/issues/{slug}", response={200: IssueDetail, **WRITE_ERRORS}, auth=EDITORS,
              url_name="issue_update", summary="Change an issue")
def issue_update(request: HttpRequest, slug: str, payload: IssuePatch) -> Any:
    issue = _issue_or_404(slug)
    values = payload.model_dump(mode="json", exclude_unset=True)
    refs = References()
    if "basket" in values:
        values["basket"] = refs.basket(values["basket"])
    action_lines = refs.action_lines(values.pop("action_lines")) if "action_lines" in values else None
    refs.check()
    issue = services.issue_update(issue=issue, actor=_actor(request), action_lines=action_lines,
                                  **values)
    return _issue_detail(issue.slug)


@router.post("/issues/{slug}/aspects", response={201: AspectDetail, **WRITE_ERRORS}, auth=EDITORS,
             url_name="aspect_create", summary="Add an aspect to an issue")
def aspect_create(request: HttpRequest, slug: str, payload: AspectIn) -> Any:
    issue = _issue_or_404(slug)
    aspect = services.aspect_create(issue=issue, actor=_actor(request),
                                    **payload.model_dump(mode="json"))
    return 201, _aspect_detail(aspect)


@router.patch("/issues/{slug}/aspects/{aspect}", response={200: AspectDetail, **WRITE_ERRORS},
              auth=EDITORS, url_name="aspect_update", summary="Change an aspect")
def aspect_update(request: HttpRequest, slug: str, aspect: str, payload: AspectPatch) -> Any:
    row = _aspect_or_404(_issue_or_404(slug), aspect)
    row = services.aspect_update(aspect=row, actor=_actor(request),
                                 **payload.model_dump(mode="json", exclude_unset=True))
    return _aspect_detail(row)


def _venue_references(values: dict[str, Any], refs: References) -> dict[str, Any]:
    """Replace the slugs in a venue body with rows; the related sets go in their own keys."""
    related: dict[str, Any] = {}
    if values.get("parent") is not None:
        values["parent"] = refs.venue(values["parent"], field="parent")
    if "participation" in values:
        related["participation"] = refs.participation(values.pop("participation"))
    if "regions" in values:
        related["regions"] = refs.regions(values.pop("regions"))
    if "action_lines" in values:
        related["action_lines"] = refs.action_lines(values.pop("action_lines"))
    return related


@router.post("/venues", response={201: VenueDetail, **WRITE_ERRORS}, auth=EDITORS,
             url_name="venue_create", summary="Create a venue")
def venue_create(request: HttpRequest, payload: VenueIn) -> Any:
    values = payload.model_dump(mode="json")
    refs = References()
    related = _venue_references(values, refs)
    refs.check()
    venue = services.venue_create(actor=_actor(request), **related, **values)
    return 201, _venue_detail(venue.slug)


@router.patch("/venues/{slug}", response={200: VenueDetail, **WRITE_ERRORS}, auth=EDITORS,
              url_name="venue_update", summary="Change a venue")
def venue_update(request: HttpRequest, slug: str, payload: VenuePatch) -> Any:
    venue = _venue_or_404(slug)
    values = payload.model_dump(mode="json", exclude_unset=True)
    refs = References()
    related = _venue_references(values, refs)
    refs.check()
    venue = services.venue_update(venue=venue, actor=_actor(request), **related, **values)
    return _venue_detail(venue.slug)


@router.post("/mandates", response={201: MandateOut, **WRITE_ERRORS}, auth=EDITORS,
             url_name="mandate_create", summary="Record that a venue covers an issue or aspect")
def mandate_create(request: HttpRequest, payload: MandateIn) -> Any:
    values = payload.model_dump(mode="json")
    refs = References()
    venue = refs.venue(values.pop("venue"))
    issue = refs.issue(values.pop("issue"))
    aspect_slug = values.pop("aspect")
    aspect = refs.aspect(issue, aspect_slug) if aspect_slug is not None else None
    refs.check()
    assert venue is not None and issue is not None
    mandate = services.mandate_create(venue=venue, issue=issue, aspect=aspect, actor=_actor(request),
                                      **values)
    return 201, _mandate_detail(mandate.pk)


@router.patch("/mandates/{mandate_id}", response={200: MandateOut, **WRITE_ERRORS}, auth=EDITORS,
              url_name="mandate_update", summary="Change a mandate")
def mandate_update(request: HttpRequest, mandate_id: int, payload: MandatePatch) -> Any:
    mandate = _mandate_or_404(mandate_id)
    values = payload.model_dump(mode="json", exclude_unset=True)
    refs = References()
    if "venue" in values:
        values["venue"] = refs.venue(values["venue"])
    if "issue" in values:
        values["issue"] = refs.issue(values["issue"])
    if values.get("aspect") is not None:
        values["aspect"] = refs.aspect(values.get("issue", mandate.issue), values["aspect"])
    refs.check()
    mandate = services.mandate_update(mandate=mandate, actor=_actor(request), **values)
    return _mandate_detail(mandate.pk)


@router.delete("/mandates/{mandate_id}", response={204: None, **WRITE_ERRORS}, auth=EDITORS,
               url_name="mandate_delete", summary="Remove a mandate")
def mandate_delete(request: HttpRequest, mandate_id: int) -> Any:
    services.mandate_delete(mandate=_mandate_or_404(mandate_id), actor=_actor(request))
    return 204, None
