"""Reads of the map. Each returns a queryset with what its callers need prefetched, so pages and
API endpoints make a fixed number of queries whatever the size of the map."""

from __future__ import annotations

from dataclasses import dataclass

from django.core.cache import cache
from django.db.models import Count, Max, Prefetch, Q, QuerySet

from polycentric.accounts.models import StakeholderGroup
from polycentric.core.models import Event
from polycentric.engines.gaps import (
    DEFAULT_TAKING_PART as TAKING_PART,
)
from polycentric.engines.gaps import (
    AspectRef,
    Cover,
    GapParameters,
    GapReport,
    GapStatus,
    VenueProfile,
    compute_gaps,
)
from polycentric.issuemap.models import (
    ActionLine,
    Aspect,
    Basket,
    Issue,
    Mandate,
    Participation,
    Venue,
)


@dataclass(frozen=True)
class IssueFilters:
    basket: str = ""
    status: str = ""
    venue: str = ""
    action_line: str = ""
    q: str = ""


def basket_list() -> QuerySet[Basket]:
    # Meta.ordering does not apply to a query with GROUP BY (the count), so order explicitly.
    return Basket.objects.annotate(issue_count=Count("issues")).order_by("order", "slug")


def action_line_list() -> QuerySet[ActionLine]:
    return ActionLine.objects.select_related("parent").prefetch_related(
        Prefetch("facilitating_venues", queryset=Venue.objects.only("slug", "name", "acronym"))
    )


def stakeholder_group_list() -> QuerySet[StakeholderGroup]:
    return StakeholderGroup.objects.all()


def issue_list(filters: IssueFilters | None = None, *, report: GapReport | None = None) -> QuerySet[Issue]:
    """Issues matching the filters, with basket and aspects prefetched.

    Filtering by gap status needs the gap report (passed in, or computed)."""
    filters = filters or IssueFilters()
    qs = Issue.objects.select_related("basket").prefetch_related(
        Prefetch("aspects", queryset=Aspect.objects.order_by("order", "slug")),
        Prefetch("action_lines", queryset=ActionLine.objects.only("code", "title")),
    )
    if filters.basket:
        qs = qs.filter(basket__slug=filters.basket)
    if filters.venue:
        qs = qs.filter(mandates__venue__slug=filters.venue)
    if filters.action_line:
        qs = qs.filter(
            Q(action_lines__code=filters.action_line)
            | Q(action_lines__parent__code=filters.action_line)
        )
    if filters.q:
        words = filters.q.split()
        for word in words[:8]:
            qs = qs.filter(
                Q(title__icontains=word) | Q(summary__icontains=word) | Q(slug__icontains=word)
                | Q(aspects__title__icontains=word)
            )
    if filters.status:
        report = report or gap_report()
        slugs = [s for s, g in report.issues.items() if g.status.value == filters.status]
        qs = qs.filter(slug__in=slugs)
    return qs.distinct().order_by("title")


def issue_get(slug: str) -> Issue:
    return (
        Issue.objects.select_related("basket")
        .prefetch_related(
            Prefetch("aspects", queryset=Aspect.objects.order_by("order", "slug")),
            "action_lines",
            Prefetch(
                "mandates",
                queryset=Mandate.objects.select_related("venue", "aspect").order_by("venue__name"),
            ),
        )
        .get(slug=slug)
    )


def venue_list(*, reach: str = "", kind: str = "", q: str = "") -> QuerySet[Venue]:
    qs = Venue.objects.select_related("parent").prefetch_related(
        Prefetch("participation", queryset=Participation.objects.select_related("group")),
        "regions",
    ).annotate(issue_count=Count("mandates__issue", distinct=True))
    if reach:
        qs = qs.filter(reach=reach)
    if kind:
        qs = qs.filter(kind=kind)
    if q:
        qs = qs.filter(Q(name__icontains=q) | Q(acronym__icontains=q) | Q(slug__icontains=q))
    return qs.order_by("name")


def venue_get(slug: str) -> Venue:
    return (
        Venue.objects.select_related("parent")
        .prefetch_related(
            Prefetch("participation", queryset=Participation.objects.select_related("group")),
            "regions__scheme",
            "action_lines",
            "children",
            Prefetch(
                "mandates",
                queryset=Mandate.objects.select_related("issue__basket", "aspect").order_by(
                    "issue__title"
                ),
            ),
        )
        .get(slug=slug)
    )


def mandate_list() -> QuerySet[Mandate]:
    return Mandate.objects.select_related("venue", "issue", "aspect")


def participation_matrix(venue: Venue, groups: list[StakeholderGroup]) -> list[tuple[StakeholderGroup, str, bool]]:
    """(group, mode, takes part?) for every group, in group order; a missing row is `none`."""
    modes = {p.group_id: p.mode for p in venue.participation.all()}
    return [
        (g, modes.get(g.pk, Participation.Mode.NONE), modes.get(g.pk, "none") in TAKING_PART)
        for g in groups
    ]


# ---- gaps -------------------------------------------------------------------------------------


def gap_parameters() -> GapParameters:
    groups = list(StakeholderGroup.objects.values_list("slug", "name", "is_default"))
    return GapParameters(
        required_groups=tuple(slug for slug, _, is_default in groups if is_default),
        group_names={slug: _in_sentence(name) for slug, name, _ in groups},
    )


def _in_sentence(name: str) -> str:
    """'Civil society' -> 'civil society' for use mid-sentence; acronyms stay as they are."""
    first = name.split(" ", 1)[0]
    return name if first.isupper() else name[:1].lower() + name[1:]


def map_revision() -> int:
    """A number that changes whenever the map changes (every map write records an event)."""
    latest = Event.objects.filter(kind__startswith="map.").aggregate(latest=Max("id"))["latest"]
    return latest or 0


def _gap_report_cache_key() -> str | None:
    """The latest map event's id and time, or None before any map write (nothing to cache by).

    The time is there because on SQLite a rolled-back transaction hands the same event ids out
    again, so the id alone could name the cached report of another map."""
    latest = (
        Event.objects.filter(kind__startswith="map.").order_by("-id").values_list("id", "time")
        .first()
    )
    if latest is None:
        return None
    return f"polycentric:gap-report:{latest[0]}:{latest[1].isoformat()}"


_last_report: tuple[str, GapReport] | None = None
"""This process's last report and its cache key: a hit costs no unpickling (see benchmarks.md)."""


def gap_report(*, use_cache: bool = True) -> GapReport:
    """The gap report for the whole map, cached until the next map write.

    Two levels: the last report in this process's memory, then the shared cache (Redis when
    configured), keyed by the latest map event so any write makes a new key."""
    global _last_report
    key = _gap_report_cache_key() if use_cache else None
    if key is not None:
        memo = _last_report
        if memo is not None and memo[0] == key:
            return memo[1]
        cached = cache.get(key)
        if cached is not None:
            _last_report = (key, cached)
            return cached
    report = _compute_gap_report()
    if key is not None:
        cache.set(key, report, timeout=3600)
        _last_report = (key, report)
    return report


def _compute_gap_report() -> GapReport:
    parameters = gap_parameters()
    aspects = [
        AspectRef(issue=issue_slug, aspect=slug, needs_global_policy=needs_global)
        for issue_slug, slug, needs_global in Aspect.objects.values_list(
            "issue__slug", "slug", "needs_global_policy"
        )
    ]
    # Issues without aspects still appear (as not assessed).
    aspect_issues = {a.issue for a in aspects}
    lonely = Issue.objects.exclude(slug__in=aspect_issues).values_list("slug", flat=True)
    participation: dict[int, dict[str, str]] = {}
    for venue_id, group_slug, mode in Participation.objects.values_list(
        "venue_id", "group__slug", "mode"
    ):
        participation.setdefault(venue_id, {})[group_slug] = mode
    venues: dict[str, VenueProfile] = {}
    slug_by_id: dict[int, str] = {}
    for pk, slug, name, acronym, reach, can_decide, can_recommend in Venue.objects.values_list(
        "pk", "slug", "name", "acronym", "reach", "can_decide", "can_recommend"
    ):
        slug_by_id[pk] = slug
        venues[slug] = VenueProfile(
            key=slug,
            name=acronym or name,
            is_global=reach == Venue.Reach.GLOBAL,
            participation=participation.get(pk, {}),
            can_decide=can_decide,
            can_recommend=can_recommend,
        )
    covers = [
        Cover(venue=slug_by_id[venue_id], issue=issue_slug, aspect=aspect_slug,
              partial=extent == Mandate.Extent.PARTIAL)
        for venue_id, issue_slug, aspect_slug, extent in Mandate.objects.values_list(
            "venue_id", "issue__slug", "aspect__slug", "extent"
        )
    ]
    report = compute_gaps(aspects, venues, covers, parameters)
    if lonely:
        from polycentric.engines.gaps import IssueGap

        issues = dict(report.issues)
        for slug in lonely:
            issues[slug] = IssueGap(slug, GapStatus.NOT_ASSESSED, ())
        report = GapReport(report.aspects, issues, report.parameters)
    return report


def gap_document(report: GapReport | None = None) -> dict[str, object]:
    """The gap report as the JSON document of `polycentric gaps --format json` and /api/gaps."""
    report = report or gap_report()
    return {
        "issues": Issue.objects.count(),
        "venues": Venue.objects.count(),
        "aspects": Aspect.objects.count(),
        "gaps": [g.as_dict() for g in report.gaps],
        "summary": report.summary(),
        "parameters": {
            "taking_part": sorted(report.parameters.taking_part),
            "required_groups": list(report.parameters.required_groups),
        },
    }
