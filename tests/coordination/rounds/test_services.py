"""The round services: announcing with notice, changing, ballots in their window, results."""

from __future__ import annotations

import datetime

import pytest
from django.utils import timezone

from polycentric.bodies.models import Charter
from polycentric.coordination import services
from polycentric.coordination.models import PrioritisationRound, RoundBallot
from polycentric.core.errors import Conflict, PermissionDenied, ValidationFailed
from polycentric.core.models import Event
from tests.coordination.conftest import close, shift

pytestmark = pytest.mark.django_db


def announce(body, small_map, actor, **values):
    issues = small_map["issues"]
    defaults = {
        "body": body, "title": "Priorities 2027", "slug": "priorities-2027",
        "candidates": [issues["spam"], issues["jurisdiction"]],
        "opens_at": shift(31), "closes_at": shift(45),
    }
    defaults.update(values)
    return services.round_create(actor=actor, **defaults)


# ---- announcing -------------------------------------------------------------------------------


def test_a_facilitator_announces_a_round_with_a_recorded_event(coordination_council, small_map,
                                                               fatou):
    round_ = announce(coordination_council, small_map, fatou)

    assert round_.status == PrioritisationRound.Status.ANNOUNCED
    assert abs((round_.announced_at - timezone.now()).total_seconds()) < 60
    assert sorted(round_.candidates.values_list("slug", flat=True)) == ["jurisdiction", "spam"]
    event = Event.objects.get(kind="coordination.round.announced")
    assert event.actor == fatou
    assert event.payload["candidates"] == ["jurisdiction", "spam"]


def test_a_round_opening_before_the_notice_period_is_refused(coordination_council, small_map,
                                                             fatou):
    with pytest.raises(ValidationFailed) as refused:
        announce(coordination_council, small_map, fatou, opens_at=shift(29), closes_at=shift(40))

    assert "at least 30 days after it is announced" in refused.value.errors["opens_at"][0]
    assert not PrioritisationRound.objects.exists()


def test_the_notice_period_is_the_charters(coordination_council, small_map, fatou):
    Charter.objects.filter(body=coordination_council).update(consultation_notice_days=60)
    coordination_council.refresh_from_db()

    with pytest.raises(ValidationFailed) as refused:
        announce(coordination_council, small_map, fatou, opens_at=shift(45), closes_at=shift(70))
    assert "at least 60 days" in refused.value.errors["opens_at"][0]

    assert announce(coordination_council, small_map, fatou, opens_at=shift(61),
                    closes_at=shift(70)).pk


def test_only_the_system_may_backdate_an_announcement(coordination_council, small_map, fatou):
    with pytest.raises(ValidationFailed) as refused:
        announce(coordination_council, small_map, fatou, announced_at=shift(-40),
                 opens_at=shift(-1))
    assert "announced_at" in refused.value.errors

    assert announce(coordination_council, small_map, None, announced_at=shift(-40),
                    opens_at=shift(-1)).status == PrioritisationRound.Status.OPEN


@pytest.mark.parametrize(("values", "field"), [
    ({"slug": "Not a slug!"}, "slug"),
    ({"slug": "new"}, "slug"),
    ({"title": ""}, "title"),
    ({"closes_at": "opens"}, "closes_at"),
    ({"ballot_kind": "approval", "method": "schulze"}, "method"),
    ({"ballot_kind": "ranking", "method": "approval"}, "method"),
    ({"ballot_kind": "lottery"}, "ballot_kind"),
    ({"balance": "everyone"}, "balance"),
    ({"max_score": 0}, "max_score"),
])
def test_bad_values_are_refused_naming_the_field(coordination_council, small_map, fatou, values,
                                                 field):
    if values.get("closes_at") == "opens":
        values["closes_at"] = shift(31)
    with pytest.raises(ValidationFailed) as refused:
        announce(coordination_council, small_map, fatou, **values)

    assert field in refused.value.errors
    assert not PrioritisationRound.objects.exists()


def test_a_round_needs_two_different_candidates(coordination_council, small_map, fatou):
    spam = small_map["issues"]["spam"]
    with pytest.raises(ValidationFailed) as refused:
        announce(coordination_council, small_map, fatou, candidates=[spam, spam])

    assert refused.value.errors["candidates"] == [
        "An issue is listed twice.", "Choose at least 2 candidate issues."]


def test_a_slug_in_use_is_refused(coordination_council, small_map, fatou):
    announce(coordination_council, small_map, fatou)
    with pytest.raises(ValidationFailed) as refused:
        announce(coordination_council, small_map, fatou)
    assert "exists already" in refused.value.errors["slug"][0]


def test_participants_who_do_not_facilitate_the_body_may_not_announce(coordination_council,
                                                                      small_map, ana, wanjiru):
    with pytest.raises(PermissionDenied):
        announce(coordination_council, small_map, ana)
    assert announce(coordination_council, small_map, wanjiru).pk  # an editor may


def test_a_facilitator_whose_term_ended_may_not_announce(coordination_council, small_map, fatou):
    facilitator = coordination_council.facilitators.get()
    facilitator.start = timezone.localdate() - datetime.timedelta(days=100)
    facilitator.save()
    services.facilitator_end(facilitator=facilitator, actor=None,
                             end=timezone.localdate() - datetime.timedelta(days=1))
    with pytest.raises(PermissionDenied):
        announce(coordination_council, small_map, fatou)


# ---- changing ---------------------------------------------------------------------------------


def test_before_it_opens_anything_may_change_but_the_notice_still_holds(make_round, fatou,
                                                                         small_map):
    round_ = make_round("announced")
    round_ = services.round_update(round=round_, actor=fatou, method="borda",
                                   candidates=[small_map["issues"]["spam"],
                                               small_map["issues"]["connectivity"]])
    assert round_.method == "borda"
    assert set(round_.candidates.values_list("slug", flat=True)) == {"spam", "connectivity"}

    with pytest.raises(ValidationFailed) as refused:
        services.round_update(round=round_, actor=fatou, opens_at=shift(2))
    assert "opens_at" in refused.value.errors


def test_once_open_only_title_description_and_a_later_close_change(make_round, fatou):
    round_ = make_round("open")
    with pytest.raises(ValidationFailed) as refused:
        services.round_update(round=round_, actor=fatou, method="borda", title="New title")
    assert list(refused.value.errors) == ["method"]
    round_.refresh_from_db()
    assert round_.title != "New title"

    round_ = services.round_update(round=round_, actor=fatou, title="New title",
                                   closes_at=shift(10))
    assert round_.title == "New title"
    with pytest.raises(ValidationFailed) as refused:
        services.round_update(round=round_, actor=fatou, closes_at=shift(-0.5))
    assert "closes_at" in refused.value.errors


def test_a_closed_round_cannot_change_and_an_open_one_cannot_be_withdrawn(make_round, fatou):
    round_ = make_round("open")
    with pytest.raises(Conflict):
        services.round_delete(round=round_, actor=fatou)
    close(round_)
    with pytest.raises(Conflict):
        services.round_update(round=round_, actor=fatou, title="Too late")


def test_an_announced_round_can_be_withdrawn(make_round, fatou):
    round_ = make_round("announced")
    services.round_delete(round=round_, actor=fatou)
    assert not PrioritisationRound.objects.exists()
    assert Event.objects.filter(kind="coordination.round.withdrawn").exists()


# ---- ballots ----------------------------------------------------------------------------------


def test_one_ballot_per_participant_a_second_cast_changes_it(make_round, ana):
    round_ = make_round("open")
    first = services.ballot_cast(round=round_, actor=ana, ranking=[["spam"], ["jurisdiction"]])
    second = services.ballot_cast(round=round_, actor=ana,
                                  ranking=[["jurisdiction", "spam"], ["data-flows"]])

    assert first.pk == second.pk
    assert RoundBallot.objects.count() == 1
    ballot = RoundBallot.objects.get()
    assert ballot.ranking == [["jurisdiction", "spam"], ["data-flows"]]
    assert [e.kind for e in Event.objects.filter(kind__startswith="coordination.ballot")
            .order_by("id")] == ["coordination.ballot.cast", "coordination.ballot.changed"]


def test_the_ballot_keeps_the_group_and_region_of_the_moment_it_was_cast(make_round, ana,
                                                                         reference):
    round_ = make_round("open")
    services.ballot_cast(round=round_, actor=ana, ranking=[["spam"]])
    participant = ana.participant
    participant.stakeholder_group = reference["academia"]
    participant.save()

    ballot = RoundBallot.objects.get()
    assert (ballot.group.slug, ballot.region.slug) == ("civil_society", "grulac")


def test_no_ballot_before_the_opening_or_after_the_close(make_round, ana):
    announced = make_round("announced")
    with pytest.raises(Conflict, match="opens on"):
        services.ballot_cast(round=announced, actor=ana, ranking=[["spam"]])

    closed = close(make_round("open"))
    with pytest.raises(Conflict, match="has closed"):
        services.ballot_cast(round=closed, actor=ana, ranking=[["spam"]])
    assert not RoundBallot.objects.exists()


def test_a_ballot_cannot_be_changed_after_the_close(make_round, ana):
    round_ = make_round("open")
    services.ballot_cast(round=round_, actor=ana, ranking=[["spam"]])
    close(round_)
    with pytest.raises(Conflict):
        services.ballot_cast(round=round_, actor=ana, ranking=[["jurisdiction"]])
    assert RoundBallot.objects.get().ranking == [["spam"]]


def test_a_participant_without_a_declared_group_cannot_cast(make_round, ana):
    ana.participant.stakeholder_group = None
    ana.participant.save()
    with pytest.raises(PermissionDenied) as refused:
        services.ballot_cast(round=make_round("open"), actor=ana, ranking=[["spam"]])
    assert "participant" in refused.value.errors


@pytest.mark.parametrize(("kind", "method", "values", "field", "problem"), [
    ("ranking", "schulze", {"ranking": [["spam"], ["ghost"]]}, "ranking", "not a candidate"),
    ("ranking", "schulze", {"ranking": [["spam"], ["spam"]]}, "ranking", "listed twice"),
    ("ranking", "schulze", {"ranking": [["spam"], []]}, "ranking", "A tier is empty"),
    ("ranking", "schulze", {"ranking": []}, "ranking", "Rank at least one"),
    ("ranking", "schulze", {"ranking": "spam>jurisdiction"}, "ranking", "list of tiers"),
    ("ranking", "schulze", {"approvals": ["spam"]}, "approvals", "send “ranking” only"),
    ("approval", "approval", {"approvals": []}, "approvals", "Approve at least one"),
    ("approval", "approval", {"approvals": ["ghost"]}, "approvals", "not a candidate"),
    ("score", "borda", {"scores": {"spam": 6}}, "scores", "between 0 and 5"),
    ("score", "borda", {"scores": {"spam": "3"}}, "scores", "whole number"),
    ("score", "borda", {"scores": {"spam": True}}, "scores", "whole number"),
    ("score", "borda", {}, "scores", "required"),
])
def test_bad_ballots_are_refused_naming_the_field(make_round, ana, kind, method, values, field,
                                                  problem):
    round_ = make_round("open", ballot_kind=kind, method=method)
    with pytest.raises(ValidationFailed) as refused:
        services.ballot_cast(round=round_, actor=ana, **values)

    assert problem in " ".join(refused.value.errors[field])
    assert not RoundBallot.objects.exists()


def test_ranking_from_places_ties_equal_numbers_and_leaves_blanks_out():
    assert services.ranking_from_places({"a": 2, "b": 1, "c": 2, "d": None, "e": 5}) == [
        ["b"], ["a", "c"], ["e"]]


# ---- results ----------------------------------------------------------------------------------


def test_results_are_counted_once_at_the_close(make_round, small_map, ana, arjun, wanjiru,
                                               kofi):
    issues = small_map["issues"]
    round_ = make_round("open", balance="none", candidates=[
        issues["spam"], issues["jurisdiction"], issues["data-flows"]])
    services.ballot_cast(round=round_, actor=wanjiru,
                         ranking=[["spam"], ["jurisdiction"], ["data-flows"]])
    services.ballot_cast(round=round_, actor=kofi,
                         ranking=[["spam"], ["data-flows"], ["jurisdiction"]])
    services.ballot_cast(round=round_, actor=ana,
                         ranking=[["jurisdiction"], ["data-flows"], ["spam"]])
    services.ballot_cast(round=round_, actor=arjun,
                         ranking=[["jurisdiction", "spam"], ["data-flows"]])
    with pytest.raises(Conflict, match="closes on"):
        services.round_close(round=round_, actor=None)

    close(round_)
    round_ = services.round_close(round=round_, actor=None)

    results = round_.results
    assert results["ballots"] == 4
    assert results["ranking"][0] == "spam"
    assert set(results["by_group"]) == {"governments", "civil_society", "technical_community"}
    assert results["by_group"]["civil_society"]["ranking"] == [
        "jurisdiction", "data-flows", "spam"]
    assert results["by_group"]["governments"]["ballots"] == 2
    matrix = results["agreement"]["matrix"]
    assert matrix["governments"]["governments"] == pytest.approx(1.0)
    assert matrix["governments"]["civil_society"] < 0
    assert results["participation"] == {
        "groups": {"governments": 2, "civil_society": 1, "technical_community": 1},
        "regions": {"african": 2, "grulac": 1, "asia_pacific": 1},
    }
    computed = round_.results_computed_at
    assert services.round_close(round=round_, actor=None).results_computed_at == computed
    assert Event.objects.filter(kind="coordination.round.closed").count() == 1


def test_balance_by_group_gives_each_group_the_same_weight(make_round, ana, wanjiru, kofi):
    def count(balance):
        round_ = make_round("open", balance=balance, method="borda")
        for voter in (wanjiru, kofi):
            services.ballot_cast(round=round_, actor=voter, ranking=[["spam"], ["jurisdiction"]])
        services.ballot_cast(round=round_, actor=ana, ranking=[["jurisdiction"], ["spam"]])
        return services.round_close(round=close(round_), actor=None).results

    assert count("none")["ranking"][0] == "spam"
    balanced = count("group")
    assert balanced["tiers"][0] == ["jurisdiction", "spam"]
    assert balanced["weights"]["governments"] == balanced["weights"]["civil_society"]


def test_approval_and_score_rounds_are_counted(make_round, ana, wanjiru):
    approval = make_round("open", ballot_kind="approval", method="approval")
    services.ballot_cast(round=approval, actor=ana, approvals=["spam", "jurisdiction"])
    services.ballot_cast(round=approval, actor=wanjiru, approvals=["spam"])
    results = services.round_close(round=close(approval), actor=None).results
    assert results["ranking"][0] == "spam"
    assert results["scores"]["spam"] == 2

    score = make_round("open", ballot_kind="score", method="borda", balance="none")
    services.ballot_cast(round=score, actor=ana, scores={"data-flows": 5, "spam": 1})
    services.ballot_cast(round=score, actor=wanjiru, scores={"data-flows": 4, "jurisdiction": 4})
    results = services.round_close(round=close(score), actor=None).results
    assert results["ranking"][0] == "data-flows"
    assert results["tiers"][-1] == ["cyber-norms"]


def test_a_round_without_ballots_closes_with_every_issue_tied(make_round):
    round_ = services.round_close(round=close(make_round("open")), actor=None)

    assert round_.results["ballots"] == 0
    assert round_.results["tiers"] == [["cyber-norms", "data-flows", "jurisdiction", "spam"]]
