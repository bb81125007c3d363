"""Reference data for coordination: a closed prioritisation round of the example coordinating body,
with its results, and adopted routes for its top issues.

The round is recorded as it happened: example participants (accounts named ``example-...`` that
cannot log in) cast the ballots in ``reference/priorities.csv`` while it was open, then it closed
and was counted. Loading is idempotent: an existing round with the same slug is left as it is.
"""

from __future__ import annotations

import csv
import datetime
from pathlib import Path
from typing import Any

from django.contrib.auth.models import User
from django.db import transaction
from django.utils import timezone

from polycentric.accounts.models import Country, Participant, StakeholderGroup
from polycentric.bodies.models import Body
from polycentric.coordination.models import PrioritisationRound
from polycentric.coordination.services import (
    ballot_cast,
    facilitator_add,
    round_close,
    round_create,
    route_adopt,
    route_compute,
)
from polycentric.core.services import event_record
from polycentric.issuemap.models import Issue

BALLOTS_FILE = Path(__file__).resolve().parent / "reference" / "priorities.csv"
COORDINATING_BODY = "coordination-group"
ROUND_SLUG = "priorities-2026"
ROUTED_ISSUES = 3


def _participant(username: str, display_name: str, group: str, country: str) -> User:
    user, created = User.objects.get_or_create(username=username)
    if created:
        user.set_unusable_password()
        user.save()
    Participant.objects.update_or_create(
        user=user,
        defaults={
            "display_name": display_name,
            "stakeholder_group": StakeholderGroup.objects.get(slug=group),
            "country": Country.objects.get(code=country),
            "organisation": "Example data",
        },
    )
    return user


def _ranking(text: str) -> list[list[str]]:
    return [tier.split("=") for tier in text.split(">")]


@transaction.atomic
def rounds_reference_load(*, actor: Any = None) -> dict[str, int]:
    """Create the example round, its ballots, its results and the routes of its top issues."""
    if PrioritisationRound.objects.filter(slug=ROUND_SLUG).exists():
        return {"rounds": 0, "ballots": 0, "routes": 0}
    body = Body.objects.get(slug=COORDINATING_BODY)
    secretariat = _participant("example-secretariat", "Example coordination secretariat",
                               "igos", "CH")
    facilitator_add(body=body, participant=secretariat.participant, actor=actor)
    with BALLOTS_FILE.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    candidates = sorted({slug for row in rows for tier in _ranking(row["ranking"]) for slug in tier})
    now = timezone.now()
    round_ = round_create(
        body=body,
        slug=ROUND_SLUG,
        title="Priority issues for 2026",
        description=(
            "Which of these issues, most of them without a proper home on the map, should the "
            "coordinating function take forward first? Ranked ballots, counted by the Schulze "
            "method with every stakeholder group carrying the same weight."
        ),
        candidates=list(Issue.objects.filter(slug__in=candidates)),
        announced_at=now - datetime.timedelta(days=75),
        opens_at=now - datetime.timedelta(days=40),
        closes_at=now + datetime.timedelta(hours=1),
        actor=actor,
    )
    for row in rows:
        voter = _participant(row["voter"], row["display_name"], row["group"], row["country"])
        ballot_cast(round=round_, actor=voter, ranking=_ranking(row["ranking"]))
    # The ballots above were cast while the round was open; it closed ten days ago.
    PrioritisationRound.objects.filter(pk=round_.pk).update(
        closes_at=now - datetime.timedelta(days=10)
    )
    event_record(kind="coordination.round.reference_loaded", target=round_, actor=actor,
                 summary=round_.title, payload={"ballots": len(rows)})
    round_.refresh_from_db()
    round_ = round_close(round=round_, actor=actor)
    routes = 0
    for slug in round_.results["ranking"][:ROUTED_ISSUES]:
        route = route_compute(issue=Issue.objects.get(slug=slug), round=round_, actor=actor)
        route_adopt(route=route, actor=secretariat,
                    note="Adopted by the coordination group at its meeting after the round.")
        routes += 1
    return {"rounds": 1, "ballots": len(rows), "routes": routes}
