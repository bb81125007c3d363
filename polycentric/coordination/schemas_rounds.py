# PATCH bodies declare fields as `name: str = Field(None)`: optional to send, never null. Mypy
# reads the None default as a type error; pydantic (and the OpenAPI document) read it right.
# mypy: disable-error-code="assignment"
"""The shapes of the rounds and routes API (django-ninja schemas) and the functions that fill
them. Request bodies refuse unknown fields and values of the wrong type."""

from __future__ import annotations

import datetime
from typing import Any, Literal

from ninja import Field, Schema
from pydantic import AwareDatetime, ConfigDict, StrictInt

from polycentric.coordination.models import PrioritisationRound, RoundBallot, Route
from polycentric.coordination.selectors import RoundParticipation

MAX_PAGE_SIZE = 100
DEFAULT_PAGE_SIZE = 50

BallotKind = Literal["ranking", "approval", "score"]
MethodName = Literal["schulze", "ranked_pairs", "borda", "approval"]
BalanceName = Literal["none", "group", "group_region"]


class ErrorOut(Schema):
    detail: str = Field(..., description="What went wrong, in a sentence.")
    errors: dict[str, list[str]] = Field(..., description="Problems per request field.")


class PageQuery(Schema):
    limit: int = Field(DEFAULT_PAGE_SIZE, ge=1, le=MAX_PAGE_SIZE,
                       description=f"Items per page, at most {MAX_PAGE_SIZE}.")
    offset: int = Field(0, ge=0, description="How many items to skip.")


# ---- rounds -------------------------------------------------------------------------------------


class RoundSummary(Schema):
    slug: str
    title: str
    body: str = Field(..., description="Slug of the coordinating body.")
    status: Literal["announced", "open", "closed"]
    ballot_kind: BallotKind
    method: MethodName
    balance: BalanceName
    announced_at: datetime.datetime
    opens_at: datetime.datetime
    closes_at: datetime.datetime
    candidates: int = Field(..., description="Number of candidate issues.")
    ballots: int = Field(..., description="Number of ballots cast so far.")
    url: str = Field(..., description="The round's page.")


class RoundPage(Schema):
    count: int
    limit: int
    offset: int
    items: list[RoundSummary]


class CandidateOut(Schema):
    slug: str
    title: str


class ParticipationOut(Schema):
    total: int
    groups: dict[str, int] = Field(..., description="Ballots per stakeholder group slug.")
    regions: dict[str, int] = Field(..., description="Ballots per region slug (default scheme); "
                                    "the empty key counts ballots without a region.")


class RoundDetail(RoundSummary):
    description: str
    max_score: int
    notice_days: int = Field(..., description="Days of notice the round needed between its "
                             "announcement and its opening.")
    candidate_issues: list[CandidateOut]
    participation: ParticipationOut
    results: dict[str, Any] | None = Field(
        ..., description="Once closed: the ranking engine's document (method, balance, "
        "ranking, tiers, scores, pairwise, weights, by_group, agreement) and participation; "
        "null before the close.")
    results_computed_at: datetime.datetime | None


class RoundIn(Schema):
    model_config = ConfigDict(extra="forbid")

    body: str = Field(..., description="Slug of the coordinating body.")
    title: str = Field(..., min_length=1, max_length=200)
    slug: str = Field(..., min_length=1, max_length=80)
    description: str = ""
    candidates: list[str] = Field(..., description="Slugs of the candidate issues.")
    ballot_kind: BallotKind = "ranking"
    method: MethodName = "schulze"
    balance: BalanceName = "group"
    max_score: StrictInt = Field(5, ge=1, le=100)
    opens_at: AwareDatetime
    closes_at: AwareDatetime


class RoundPatch(Schema):
    model_config = ConfigDict(extra="forbid")

    title: str = Field(None, min_length=1, max_length=200)
    slug: str = Field(None, min_length=1, max_length=80)
    description: str = Field(None)
    candidates: list[str] = Field(None)
    ballot_kind: BallotKind = Field(None)
    method: MethodName = Field(None)
    balance: BalanceName = Field(None)
    max_score: StrictInt = Field(None, ge=1, le=100)
    opens_at: AwareDatetime = Field(None)
    closes_at: AwareDatetime = Field(None)


class BallotIn(Schema):
    model_config = ConfigDict(extra="forbid")

    ranking: list[list[str]] | None = Field(
        None, description="For ranking rounds: tiers of issue slugs, best first; a tier of two "
        "or more is a tie; issues not named rank below every named one.")
    approvals: list[str] | None = Field(None, description="For approval rounds: approved slugs.")
    scores: dict[str, StrictInt] | None = Field(
        None, description="For score rounds: a whole number per issue slug, 0 to max_score.")


class BallotOut(Schema):
    round: str
    ranking: list[list[str]]
    approvals: list[str]
    scores: dict[str, int]
    group: str | None = Field(..., description="Your stakeholder group when you cast it.")
    region: str | None = Field(..., description="Your region when you cast it.")
    cast_at: datetime.datetime
    updated_at: datetime.datetime


def round_summary_out(round_: PrioritisationRound, *, candidates: int, ballots: int
                      ) -> dict[str, Any]:
    return {
        "slug": round_.slug, "title": round_.title, "body": round_.body.slug,
        "status": round_.status, "ballot_kind": round_.ballot_kind, "method": round_.method,
        "balance": round_.balance, "announced_at": round_.announced_at,
        "opens_at": round_.opens_at, "closes_at": round_.closes_at,
        "candidates": candidates, "ballots": ballots, "url": round_.get_absolute_url(),
    }


def round_detail_out(round_: PrioritisationRound, participation: RoundParticipation,
                     notice_days: int) -> dict[str, Any]:
    candidates = list(round_.candidates.all())
    return {
        **round_summary_out(round_, candidates=len(candidates), ballots=participation.total),
        "description": round_.description,
        "max_score": round_.max_score,
        "notice_days": notice_days,
        "candidate_issues": [{"slug": i.slug, "title": i.title} for i in candidates],
        "participation": {
            "total": participation.total,
            "groups": {slug: n for slug, _name, n in participation.groups if n},
            "regions": {slug: n for slug, _name, n in participation.regions if n},
        },
        "results": round_.results if round_.is_closed else None,
        "results_computed_at": round_.results_computed_at,
    }


def ballot_out(ballot: RoundBallot) -> dict[str, Any]:
    return {
        "round": ballot.round.slug, "ranking": ballot.ranking, "approvals": ballot.approvals,
        "scores": ballot.scores, "group": ballot.group.slug if ballot.group else None,
        "region": ballot.region.slug if ballot.region else None, "cast_at": ballot.cast_at,
        "updated_at": ballot.updated_at,
    }


# ---- routes -------------------------------------------------------------------------------------


class RouteOut(Schema):
    id: int
    issue: str
    round: str | None = Field(..., description="Slug of the round that made the issue a "
                              "priority, if any.")
    kind: Literal["existing_venue", "venue_combination", "action_line_facilitators",
                  "new_working_group"]
    venues: list[str] = Field(..., description="Slugs of the recommended venues.")
    reasons: list[str]
    draft_charter: dict[str, Any] | None = Field(
        ..., description="For a new working group: a body file (seats and decision rule).")
    recommendation: dict[str, Any] = Field(
        ..., description="The routing engine's whole answer, with what each venue brings.")
    computed_at: datetime.datetime
    adopted: bool
    adopted_by: str | None = Field(..., description="Display name of the participant who "
                                   "adopted it.")
    adopted_at: datetime.datetime | None
    adoption_note: str


class RouteDocument(Schema):
    issue: str
    latest: RouteOut | None = Field(..., description="The latest computed route.")
    adopted: RouteOut | None = Field(..., description="The route the coordinating body adopted.")
    preview: dict[str, Any] | None = Field(
        ..., description="When no route has been computed: what the engine recommends from the "
        "map now (not stored).")


class RouteComputeIn(Schema):
    model_config = ConfigDict(extra="forbid")

    round: str | None = Field(None, description="Slug of the prioritisation round (default: the "
                              "latest closed round with the issue among its candidates).")


class RouteAdoptIn(Schema):
    model_config = ConfigDict(extra="forbid")

    route: StrictInt | None = Field(None, description="The route's id (default: the latest).")
    note: str = Field("", max_length=5000, description="A note for the record.")


def route_out(route: Route) -> dict[str, Any]:
    adopter = route.adopted_by
    participant = getattr(adopter, "participant", None) if adopter else None
    return {
        "id": route.pk, "issue": route.issue.slug,
        "round": route.round.slug if route.round_id else None, "kind": route.kind,
        "venues": [v.slug for v in route.venues.all()], "reasons": route.reasons,
        "draft_charter": route.draft_charter, "recommendation": route.recommendation,
        "computed_at": route.computed_at, "adopted": route.adopted,
        "adopted_by": participant.display_name if participant else None,
        "adopted_at": route.adopted_at, "adoption_note": route.adoption_note,
    }
