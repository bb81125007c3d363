"""Fixtures for coordination: a coordinating body, its facilitator, and rounds at each stage.

- `coordination_council`: a body with a seat for four stakeholder groups in two regions, whose
  charter asks 30 days' notice of consultations (the default);
- `fatou`: a civil society participant from Senegal who facilitates the council;
- `kofi`: a government participant from Ghana (a second voice of the African Group);
- `make_round`: announces a round through the service, as the system, either still announced
  or open now (`stage="announced" | "open"`); `close(round)` then moves its close into the past,
  as if the time had come, once its ballots are cast.
"""

from __future__ import annotations

import datetime

import pytest
from django.utils import timezone

from polycentric.bodies import services as body_services
from polycentric.coordination import services
from polycentric.coordination.models import PrioritisationRound
from tests.conftest import _person

COUNCIL = {
    "name": "Coordination Council",
    "groups": ["governments", "private_sector", "civil_society", "technical_community"],
    "regions": ["african", "weog"],
    "seats": [
        {"name": f"{group}-{region}", "group": group, "region": region, "count": 1}
        for group in ["governments", "private_sector", "civil_society", "technical_community"]
        for region in ["african", "weog"]
    ],
    "rule": {"all": [{"majority": "simple"}, {"each": "group", "majority": "simple"}]},
}


@pytest.fixture
def coordination_council(reference, wanjiru):
    return body_services.body_create_from_data(document=COUNCIL, actor=wanjiru,
                                               slug="coordination-council", acronym="CC")


@pytest.fixture
def fatou(reference, coordination_council):
    user = _person("fatou", group="civil_society", country="SN")
    services.facilitator_add(body=coordination_council, participant=user.participant,
                             actor=None)
    return user


@pytest.fixture
def kofi(reference):
    return _person("kofi", group="governments", country="GH")


def shift(days: float = 0, **kwargs: float) -> datetime.datetime:
    return timezone.now() + datetime.timedelta(days=days, **kwargs)


@pytest.fixture
def make_round(coordination_council, small_map):
    """Announce a round as the system; `stage` places now inside its life."""
    counter = iter(range(1, 1000))

    def make(stage: str = "open", *, candidates=None, **values) -> PrioritisationRound:
        issues = small_map["issues"]
        n = next(counter)
        times = {
            "announced": (shift(-1), shift(31), shift(40)),
            "open": (shift(-40), shift(-1), shift(7)),
        }[stage]
        defaults = {
            "body": coordination_council,
            "title": f"Priorities {n}",
            "slug": f"priorities-{n}",
            "candidates": candidates or [issues["spam"], issues["jurisdiction"],
                                         issues["data-flows"], issues["cyber-norms"]],
            "announced_at": times[0],
            "opens_at": times[1],
            "closes_at": times[2],
        }
        defaults.update(values)
        return services.round_create(actor=None, **defaults)

    return make


def close(round_: PrioritisationRound) -> PrioritisationRound:
    """Move a round's close into the past (as if time had passed), without counting it."""
    PrioritisationRound.objects.filter(pk=round_.pk).update(closes_at=shift(minutes=-1))
    round_.refresh_from_db()
    return round_
