"""The coordination API under /api/: prioritisation rounds, ballots and routes.

Reads are public. Announcing and changing rounds, computing and adopting routes need the site's
editors or the coordinating body's facilitators; casting a ballot needs a participant. Callers
identify themselves with a bearer token or the site's session (with CSRF), and every write calls
the same service as the pages. Process and meeting endpoints live in api_processes.py, included
here.
"""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from ninja import Query, Router

from polycentric.accounts.api_auth import BearerTokenAuth, SessionAuth
from polycentric.bodies.models import Body
from polycentric.coordination import permissions, selectors, services
from polycentric.coordination.api_processes import router as processes_router
from polycentric.coordination.models import PrioritisationRound, RoundBallot
from polycentric.coordination.schemas_rounds import (
    BallotIn,
    BallotOut,
    ErrorOut,
    PageQuery,
    RoundDetail,
    RoundIn,
    RoundPage,
    RoundPatch,
    RouteAdoptIn,
    RouteComputeIn,
    RouteDocument,
    RouteOut,
    ballot_out,
    round_detail_out,
    round_summary_out,
    route_out,
)
from polycentric.core.errors import Conflict, NotFound, ValidationFailed
from polycentric.issuemap.models import Issue

router = Router(tags=["coordination"])

FACILITATORS_DENIED = ("Only the site's editors and the facilitators of a coordinating body may "
                       "do this.")
FACILITATORS = [
    BearerTokenAuth(permission=permissions.can_create_round, denied_message=FACILITATORS_DENIED),
    SessionAuth(permission=permissions.can_create_round, denied_message=FACILITATORS_DENIED),
]
PARTICIPANTS_DENIED = "Only participants may cast ballots; complete your profile first."
PARTICIPANTS = [
    BearerTokenAuth(permission=permissions.can_cast_ballot, denied_message=PARTICIPANTS_DENIED),
    SessionAuth(permission=permissions.can_cast_ballot, denied_message=PARTICIPANTS_DENIED),
]
SIGNED_IN = [BearerTokenAuth(), SessionAuth()]
READ_ERRORS: dict[int, Any] = {404: ErrorOut, 422: ErrorOut}
WRITE_ERRORS: dict[int, Any] = {
    400: ErrorOut, 401: ErrorOut, 403: ErrorOut, 404: ErrorOut, 409: ErrorOut, 422: ErrorOut,
}


def _actor(request: HttpRequest) -> Any:
    return request.auth  # type: ignore[attr-defined]


def _round_or_404(slug: str) -> PrioritisationRound:
    try:
        return selectors.round_get(slug)
    except PrioritisationRound.DoesNotExist:
        message = f"No prioritisation round {slug!r}."
        raise NotFound(message, errors={"slug": [message]}) from None


def _issue_or_404(slug: str) -> Issue:
    try:
        return selectors.issue_get(slug)
    except Issue.DoesNotExist:
        message = f"No issue {slug!r}."
        raise NotFound(message, errors={"slug": [message]}) from None


def _issues(slugs: list[str]) -> list[Issue]:
    found = {issue.slug: issue for issue in Issue.objects.filter(slug__in=slugs)}
    unknown = [slug for slug in slugs if slug not in found]
    if unknown:
        message = f"Unknown issue(s): {', '.join(unknown)}."
        raise ValidationFailed(f"Invalid round: candidates: {message}",
                               errors={"candidates": [message]})
    return [found[slug] for slug in slugs]


def _round_detail(round_: PrioritisationRound) -> dict[str, Any]:
    if round_.is_closed and round_.results_computed_at is None:
        services.round_close(round=round_, actor=None)
        round_ = _round_or_404(round_.slug)
    return round_detail_out(round_, selectors.round_participation(round_),
                            services.notice_days(round_.body))


# ---- rounds -------------------------------------------------------------------------------------


@router.get("/rounds", response={200: RoundPage, **READ_ERRORS}, url_name="rounds",
            summary="List prioritisation rounds, latest first")
def round_list(request: HttpRequest, page: Query[PageQuery]) -> Any:
    rounds = selectors.round_list()
    return {
        "count": rounds.count(), "limit": page.limit, "offset": page.offset,
        "items": [
            round_summary_out(r, candidates=r.candidate_count, ballots=r.ballot_count)
            for r in rounds[page.offset : page.offset + page.limit]
        ],
    }


@router.get("/rounds/{slug}", response={200: RoundDetail, **READ_ERRORS}, url_name="round",
            summary="One round: candidates, participation, and its results once closed")
def round_detail(request: HttpRequest, slug: str) -> Any:
    return _round_detail(_round_or_404(slug))


@router.post("/rounds", response={201: RoundDetail, **WRITE_ERRORS}, auth=FACILITATORS,
             url_name="round_create", summary="Announce a prioritisation round")
def round_create(request: HttpRequest, payload: RoundIn) -> Any:
    body = Body.objects.filter(slug=payload.body).select_related("charter").first()
    if body is None:
        message = f"Unknown body {payload.body!r}."
        raise ValidationFailed(f"Invalid round: body: {message}", errors={"body": [message]})
    values = payload.model_dump(exclude={"body", "candidates"})
    round_ = services.round_create(body=body, candidates=_issues(payload.candidates),
                                   actor=_actor(request), **values)
    return 201, _round_detail(_round_or_404(round_.slug))


@router.patch("/rounds/{slug}", response={200: RoundDetail, **WRITE_ERRORS}, auth=FACILITATORS,
              url_name="round_update", summary="Change a round (before it opens, or its "
              "title, description and close while open)")
def round_update(request: HttpRequest, slug: str, payload: RoundPatch) -> Any:
    round_ = _round_or_404(slug)
    values = payload.model_dump(exclude_unset=True)
    nulls = sorted(field for field, value in values.items() if value is None)
    if nulls:
        raise ValidationFailed(f"Invalid round: {', '.join(nulls)}: may not be null.",
                               errors={field: ["May not be null."] for field in nulls})
    candidates = values.pop("candidates", None)
    round_ = services.round_update(
        round=round_, actor=_actor(request),
        candidates=_issues(candidates) if candidates is not None else None, **values)
    return _round_detail(_round_or_404(round_.slug))


@router.post("/rounds/{slug}/ballot", response={200: BallotOut, 201: BallotOut, **WRITE_ERRORS},
             auth=PARTICIPANTS, url_name="ballot",
             summary="Cast your ballot, or change it until the round closes")
def ballot_cast(request: HttpRequest, slug: str, payload: BallotIn) -> Any:
    """One ballot per participant and round: the first POST casts it (201), later ones change it
    (200). Send only the field of the round's ballot kind: `ranking`, `approvals` or `scores`."""
    round_ = _round_or_404(slug)
    existed = RoundBallot.objects.filter(round=round_, participant__user=_actor(request)).exists()
    ballot = services.ballot_cast(round=round_, actor=_actor(request),
                                  **payload.model_dump(exclude_none=True))
    ballot = RoundBallot.objects.select_related("round", "group", "region").get(pk=ballot.pk)
    return (200 if existed else 201), ballot_out(ballot)


@router.get("/rounds/{slug}/ballot", response={200: BallotOut, **WRITE_ERRORS},
            auth=PARTICIPANTS, url_name="ballot_own", summary="Your own ballot in a round")
def ballot_own(request: HttpRequest, slug: str) -> Any:
    round_ = _round_or_404(slug)
    ballot = RoundBallot.objects.select_related("round", "group", "region").filter(
        round=round_, participant__user=_actor(request)).first()
    if ballot is None:
        message = "You have not cast a ballot in this round."
        raise NotFound(message, errors={"ballot": [message]})
    return ballot_out(ballot)


# ---- routes -------------------------------------------------------------------------------------


@router.get("/issues/{slug}/route", response={200: RouteDocument, **READ_ERRORS},
            url_name="route", summary="An issue's recommended and adopted routes")
def route_detail(request: HttpRequest, slug: str) -> Any:
    issue = _issue_or_404(slug)
    routes = list(selectors.route_list(issue))
    latest = routes[0] if routes else None
    adopted = next((r for r in routes if r.adopted), None)
    return {
        "issue": issue.slug,
        "latest": route_out(latest) if latest else None,
        "adopted": route_out(adopted) if adopted else None,
        "preview": None if latest else selectors.route_preview(issue),
    }


@router.post("/issues/{slug}/route", response={201: RouteOut, **WRITE_ERRORS},
             auth=FACILITATORS, url_name="route_compute",
             summary="Compute and record the issue's route from the map as it is now")
def route_compute(request: HttpRequest, slug: str, payload: RouteComputeIn) -> Any:
    issue = _issue_or_404(slug)
    round_ = None
    if payload.round is not None:
        round_ = PrioritisationRound.objects.filter(slug=payload.round).first()
        if round_ is None:
            message = f"Unknown round {payload.round!r}."
            raise ValidationFailed(f"Invalid route: round: {message}", errors={"round": [message]})
    route = services.route_compute(issue=issue, round=round_, actor=_actor(request))
    return 201, route_out(selectors.route_list(issue).get(pk=route.pk))


@router.post("/issues/{slug}/route/adopt", response={200: RouteOut, **WRITE_ERRORS},
             auth=SIGNED_IN, url_name="route_adopt",
             summary="Adopt the issue's route by a recorded act of the coordinating body")
def route_adopt(request: HttpRequest, slug: str, payload: RouteAdoptIn) -> Any:
    """Adopts the latest route (or the one named by `route`, which must be the latest). Only the
    site's editors and the facilitators of the body of the route's round may adopt it."""
    issue = _issue_or_404(slug)
    routes = selectors.route_list(issue)
    if payload.route is not None:
        route = routes.filter(pk=payload.route).first()
        if route is None:
            message = f"No route {payload.route} for this issue."
            raise ValidationFailed(f"Invalid adoption: route: {message}",
                                   errors={"route": [message]})
    else:
        route = routes.first()
        if route is None:
            message = "No route has been computed for this issue; compute it first."
            raise Conflict(message, errors={"route": [message]})
    services.route_adopt(route=route, actor=_actor(request), note=payload.note)
    return route_out(selectors.route_list(issue).get(pk=route.pk))


router.add_router("", processes_router)
