"""The database holds the rules of rounds whatever writes them: one ballot per participant and
round, a close after the opening, an opening not before the announcement, approval ballots only
with the approval count."""

from __future__ import annotations

import pytest
from django.db import IntegrityError, transaction

from polycentric.coordination import services
from polycentric.coordination.models import PrioritisationRound, RoundBallot
from tests.coordination.conftest import shift

pytestmark = pytest.mark.django_db


def test_a_second_ballot_for_the_same_participant_is_refused_by_the_database(make_round, ana):
    round_ = make_round("open")
    services.ballot_cast(round=round_, actor=ana, ranking=[["spam"]])

    with pytest.raises(IntegrityError), transaction.atomic():
        RoundBallot.objects.create(round=round_, participant=ana.participant,
                                   ranking=[["jurisdiction"]])
    assert RoundBallot.objects.count() == 1


def test_the_same_participant_may_vote_in_two_rounds(make_round, ana):
    for round_ in (make_round("open"), make_round("open")):
        services.ballot_cast(round=round_, actor=ana, ranking=[["spam"]])
    assert RoundBallot.objects.count() == 2


@pytest.mark.parametrize(("values", "constraint"), [
    ({"closes_at": "opens_at"}, "round_closes_after_opens"),
    ({"opens_at": "before_announced"}, "round_opens_not_before_announced"),
    ({"ballot_kind": "approval", "method": "borda"}, "round_approval_ballots_with_approval_count"),
    ({"ballot_kind": "ranking", "method": "approval"},
     "round_approval_ballots_with_approval_count"),
    ({"max_score": 0}, "round_max_score_at_least_1"),
])
def test_round_constraints(make_round, values, constraint):
    round_ = make_round("announced")
    if values.get("closes_at") == "opens_at":
        values["closes_at"] = round_.opens_at
    if values.get("opens_at") == "before_announced":
        values["opens_at"] = shift(-3)
        values["closes_at"] = shift(1)
    with pytest.raises(IntegrityError, match=constraint), transaction.atomic():
        PrioritisationRound.objects.filter(pk=round_.pk).update(**values)


def test_status_follows_the_clock(make_round):
    round_ = make_round("open")
    assert round_.status_at(shift(-2)) == "announced"
    assert round_.status_at(shift(0)) == "open"
    assert round_.status_at(shift(8)) == "closed"
    assert round_.get_absolute_url() == f"/rounds/{round_.slug}/"
    assert str(round_) == round_.title
