"""Every write about routes: computing an issue's recommended route and adopting one.

A route is computed by the routing engine (polycentric.engines.routing) from the map as it is
now, and stored with its reasons, so the page shows what was recommended and why even after the
map changes; recomputing adds a new route. The coordinating body adopts a route by a recorded act
(an event naming who adopted it, when, and their note); at most one route per issue is adopted
at a time, so adopting another one supersedes it.
"""

from __future__ import annotations

from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from polycentric.coordination import selectors
from polycentric.coordination.models import PrioritisationRound, Route
from polycentric.coordination.permissions import can_adopt_route, can_compute_route
from polycentric.core.errors import Conflict, PermissionDenied, ValidationFailed
from polycentric.core.services import event_record
from polycentric.engines.routing import recommend_route
from polycentric.issuemap.models import Issue, Venue

NOTE_LIMIT = 5000


def _default_round(issue: Issue) -> PrioritisationRound | None:
    """The latest closed round that had the issue as a candidate."""
    now = timezone.now()
    return selectors.route_rounds(issue).filter(closes_at__lte=now).first()


@transaction.atomic
def route_compute(
    *, issue: Issue, actor: Any, round: PrioritisationRound | None = None
) -> Route:
    """Compute and store the recommended route for ``issue`` from the map as it is now.

    ``round`` is the prioritisation round that made the issue a priority (default: the latest
    closed round with the issue among its candidates); its body's facilitators may adopt the
    route. ``actor=None`` is the system.
    """
    if actor is not None and not can_compute_route(actor):
        raise PermissionDenied(
            _("Only the site's editors and the facilitators of a coordinating body may compute "
              "routes."))
    if round is not None and not round.candidates.filter(pk=issue.pk).exists():
        message = _("“%(issue)s” was not a candidate of the round “%(round)s”.") % {
            "issue": issue.title, "round": round.title}
        raise ValidationFailed(_("Invalid route: round: %(problem)s") % {"problem": message},
                               errors={"round": [message]})
    round = round or _default_round(issue)
    recommendation = recommend_route(
        selectors.routing_issue(issue), selectors.routing_venues(), selectors.routing_parameters()
    )
    route = Route.objects.create(
        issue=issue,
        round=round,
        kind=recommendation.kind.value,
        draft_charter=recommendation.draft_charter,
        reasons=list(recommendation.reasons),
        recommendation=recommendation.as_document(),
        computed_at=timezone.now(),
    )
    keys = recommendation.venue_keys
    if keys:
        by_slug = {v.slug: v for v in Venue.objects.filter(slug__in=keys)}
        route.venues.set([by_slug[k] for k in keys])
    event_record(
        kind="coordination.route.computed", target=route, actor=actor,
        summary=f"{issue.title}: {route.get_kind_display()}",
        payload={"issue": issue.slug, "kind": route.kind, "venues": list(keys),
                 "round": round.slug if round else None},
    )
    return route


@transaction.atomic
def route_adopt(*, route: Route, actor: Any, note: str = "") -> Route:
    """Adopt ``route`` for its issue by a recorded act of the coordinating body.

    Only the latest recommendation for the issue can be adopted (recompute first if the map has
    changed); the route adopted before it, if any, is superseded.
    """
    if not can_adopt_route(actor, route):
        if route.round_id:
            message = _("Only the site's editors and the facilitators of %(body)s may adopt this "
                        "route.") % {"body": route.round.body.label}
        else:
            message = _("Only the site's editors may adopt a route that came from no round.")
        raise PermissionDenied(message)
    note = note.strip()
    if len(note) > NOTE_LIMIT:
        message = _("The note has %(n)s characters; at most %(limit)s.") % {
            "n": len(note), "limit": NOTE_LIMIT}
        raise ValidationFailed(_("Invalid adoption: note: %(problem)s") % {"problem": message},
                               errors={"note": [message]})
    # Lock the issue's routes so two adoptions cannot race.
    routes = list(Route.objects.select_for_update().filter(issue_id=route.issue_id)
                  .order_by("-computed_at", "-pk"))
    current = next(r for r in routes if r.pk == route.pk)
    if current.adopted:
        message = _("This route is adopted already.")
        raise Conflict(message, errors={"__all__": [message]})
    if routes[0].pk != current.pk:
        message = _("A newer recommendation exists for this issue; adopt that one, or "
                    "recompute the route first.")
        raise Conflict(message, errors={"__all__": [message]})
    superseded = [r for r in routes if r.adopted]
    Route.objects.filter(pk__in=[r.pk for r in superseded]).update(adopted=False)
    now = timezone.now()
    current.adopted = True
    current.adopted_by = actor if getattr(actor, "is_authenticated", False) else None
    current.adopted_at = now
    current.adoption_note = note
    current.save(update_fields=["adopted", "adopted_by", "adopted_at", "adoption_note"])
    event_record(
        kind="coordination.route.adopted", target=current, actor=actor,
        summary=f"{route.issue.title}: {current.get_kind_display()}",
        payload={
            "issue": route.issue.slug, "kind": current.kind,
            "venues": [v.slug for v in current.venues.all()],
            "round": current.round.slug if current.round_id else None,
            "note": note, "superseded": [r.pk for r in superseded],
        },
    )
    return current
