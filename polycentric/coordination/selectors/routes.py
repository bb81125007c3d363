"""Reads for routing: the routing engine's input built from the map, and an issue's routes."""

from __future__ import annotations

from typing import Any

from django.db.models import Prefetch, QuerySet

from polycentric.accounts.models import Region, RegionScheme, StakeholderGroup
from polycentric.coordination.models import PrioritisationRound, Route
from polycentric.engines.routing import (
    DEFAULT_TAKING_PART,
    AspectInput,
    CoveringVenue,
    IssueInput,
    RoutingParameters,
    VenueInput,
    recommend_route,
)
from polycentric.issuemap import selectors as map_selectors
from polycentric.issuemap.models import ActionLine, Issue, Mandate, Participation, Venue

WHOLE_ISSUE = "whole-issue"
"""The aspect key used for an issue that has no aspects: the issue as a whole."""


def issue_get(slug: str) -> Issue:
    """The issue with its aspects, action lines and mandates (raises Issue.DoesNotExist)."""
    return map_selectors.issue_get(slug)


def routing_parameters() -> RoutingParameters:
    """The groups every route must include (the default stakeholder groups), the regions of the
    default region scheme, and their names as they read in a sentence."""
    gap = map_selectors.gap_parameters()
    scheme = RegionScheme.objects.filter(is_default=True).first()
    regions = list(Region.objects.filter(scheme=scheme).order_by("order", "slug")) if scheme else []
    names = dict(StakeholderGroup.objects.values_list("slug", "name"))
    group_names = {slug: gap.group_names.get(slug, name) for slug, name in names.items()}
    return RoutingParameters(
        groups=gap.required_groups,
        regions=tuple(r.slug for r in regions),
        group_names=group_names,
        region_names={r.slug: r.name for r in regions},
        action_line_titles=dict(ActionLine.objects.values_list("code", "title")),
        taking_part=DEFAULT_TAKING_PART,
    )


def routing_venues() -> dict[str, VenueInput]:
    """Every venue on the map as the routing engine reads it (four queries)."""
    venues = Venue.objects.prefetch_related(
        Prefetch("participation", queryset=Participation.objects.select_related("group")),
        Prefetch("regions", queryset=Region.objects.order_by("order", "slug")),
        Prefetch("action_lines", queryset=ActionLine.objects.order_by("order", "code")),
    ).order_by("slug")
    return {
        venue.slug: VenueInput(
            key=venue.slug,
            name=venue.label,
            is_global=venue.reach == Venue.Reach.GLOBAL,
            participation={p.group.slug: p.mode for p in venue.participation.all()},
            regions=tuple(r.slug for r in venue.regions.all()),
            can_decide=venue.can_decide,
            can_recommend=venue.can_recommend,
            action_lines=tuple(line.code for line in venue.action_lines.all()),
        )
        for venue in venues
    }


def routing_issue(issue: Issue) -> IssueInput:
    """The issue as the routing engine reads it: its aspects that need global policy (all of
    them if none does; the issue as a whole if it has none), each with the venues covering it."""
    aspects = list(issue.aspects.all())
    chosen = [a for a in aspects if a.needs_global_policy] or aspects
    mandates = list(Mandate.objects.filter(issue=issue).select_related("venue", "aspect"))
    whole = [m for m in mandates if m.aspect_id is None]

    def covers(aspect_id: int | None) -> tuple[CoveringVenue, ...]:
        found = whole + [m for m in mandates if aspect_id is not None and m.aspect_id == aspect_id]
        return tuple(
            CoveringVenue(m.venue.slug, partial=m.extent == Mandate.Extent.PARTIAL)
            for m in sorted(found, key=lambda m: (m.venue.slug, m.aspect_id or 0))
        )

    if chosen:
        inputs = tuple(AspectInput(a.slug, a.title, covers(a.pk)) for a in chosen)
    else:
        inputs = (AspectInput(WHOLE_ISSUE, issue.title, covers(None)),)
    return IssueInput(
        key=issue.slug,
        title=issue.title,
        aspects=inputs,
        action_lines=tuple(line.code for line in issue.action_lines.order_by("order", "code")),
    )


def route_preview(issue: Issue) -> dict[str, Any]:
    """What the routing engine recommends for the issue from the map now (not stored)."""
    return recommend_route(routing_issue(issue), routing_venues(), routing_parameters()
                           ).as_document()


def route_list(issue: Issue) -> QuerySet[Route]:
    """The issue's routes, latest first, with their venues and the round they came from."""
    return (
        Route.objects.filter(issue=issue)
        .select_related("issue", "round__body", "adopted_by__participant")
        .prefetch_related(Prefetch("venues", queryset=Venue.objects.order_by("name")))
        .order_by("-computed_at", "-pk")
    )


def route_latest(issue: Issue) -> Route | None:
    return route_list(issue).first()


def route_adopted(issue: Issue) -> Route | None:
    return route_list(issue).filter(adopted=True).first()


def route_rounds(issue: Issue) -> QuerySet[PrioritisationRound]:
    """The rounds that had the issue as a candidate, latest first."""
    return (
        PrioritisationRound.objects.filter(candidates=issue)
        .select_related("body").order_by("-closes_at", "pk")
    )


def adopted_routes() -> QuerySet[Route]:
    """Every adopted route, for the list of routes."""
    return (
        Route.objects.filter(adopted=True)
        .select_related("issue", "round__body")
        .prefetch_related(Prefetch("venues", queryset=Venue.objects.order_by("name")))
        .order_by("issue__title")
    )
