"""Seat entries are added, changed and removed one by one; each change is checked against the
whole body and re-analysed."""

from __future__ import annotations

import pytest

from polycentric.bodies import services
from polycentric.bodies.models import Body, SeatEntry
from polycentric.core.errors import Conflict, ValidationFailed
from polycentric.core.models import Event
from tests.bodies.support import TERM_START, body_snapshot

pytestmark = pytest.mark.django_db


def _p4_groups(body: Body) -> bool:
    return Body.objects.get(pk=body.pk).analysis["principles"]["no_group_decides_alone"]["passed"]


def test_adding_seats_changes_the_scorecard(council, wanjiru):
    assert not _p4_groups(council)  # 3 government seats outvote 2 civil society ones

    entry = services.seat_entry_create(body=council, name="more_ngos", group="civil_society",
                                       region="WEOG", count=1, actor=wanjiru)

    assert entry.order == 2
    assert _p4_groups(council)  # 3 against 3: neither group reaches 4 of 6 alone
    assert Event.objects.filter(kind="bodies.seat_entry.created", object_id=str(entry.pk)).exists()


def test_changing_a_weight_changes_the_scorecard(council, wanjiru):
    ngos = council.seat_entries.get(name="ngos")

    services.seat_entry_update(seat_entry=ngos, weight=2, actor=wanjiru)

    analysis = Body.objects.get(pk=council.pk).analysis
    assert analysis["by_group"]["seats"]["civil_society"] == 2
    violations = analysis["principles"]["no_group_decides_alone"]["violations"]
    assert [v["group"] for v in violations] == ["governments"]  # 4 votes now beat 3


def test_a_description_change_does_not_reanalyse(council, wanjiru):
    analysed_at = council.analysed_at

    services.seat_entry_update(seat_entry=council.seat_entries.get(name="ngos"),
                               description="NGOs from the region", actor=wanjiru)

    assert Body.objects.get(pk=council.pk).analysed_at == analysed_at


def test_renaming_an_entry_that_a_rule_names_keeps_the_rule_working(council, wanjiru):
    services.charter_update(body=council, actor=wanjiru,
                            rule={"all": [{"majority": "simple"},
                                          {"within": {"seat": "ngos"}, "quota": 1}]})

    services.seat_entry_update(seat_entry=council.seat_entries.get(name="ngos"),
                               name="civil", actor=wanjiru)

    council.charter.refresh_from_db()
    assert council.charter.decision_rule["all"][1] == {"within": {"seat": "civil"}, "quota": 1}


@pytest.mark.parametrize(("values", "field"), [
    ({"count": 0}, "count"),
    ({"weight": -1}, "weight"),
    ({"name": "states"}, "name"),
    ({"colour": "red"}, "colour"),
])
def test_invalid_changes_are_refused_and_change_nothing(council, wanjiru, values, field):
    ngos = council.seat_entries.get(name="ngos")
    before = body_snapshot()

    with pytest.raises(ValidationFailed) as caught:
        services.seat_entry_update(seat_entry=ngos, actor=wanjiru, **values)

    assert field in caught.value.errors
    assert body_snapshot() == before
    assert (ngos.name, ngos.count, ngos.weight) == ("ngos", 2, 1)


def test_a_change_that_breaks_the_rule_is_refused(council, wanjiru):
    services.charter_update(body=council, actor=wanjiru, rule={"quota": 5})
    before = body_snapshot()

    with pytest.raises(ValidationFailed) as caught:
        services.seat_entry_update(seat_entry=council.seat_entries.get(name="ngos"), count=1,
                                   actor=wanjiru)

    assert "above the total weight 4" in caught.value.errors["rule.quota"][0]
    assert body_snapshot() == before


def test_removing_an_entry_reanalyses(council, wanjiru):
    services.seat_entry_create(body=council, name="igos", group="igos", count=1, actor=wanjiru)

    services.seat_entry_delete(seat_entry=council.seat_entries.get(name="igos"), actor=wanjiru)

    assert "igos" not in Body.objects.get(pk=council.pk).analysis["power"]["banzhaf"]
    assert Event.objects.filter(kind="bodies.seat_entry.deleted").count() == 1


def test_the_last_entry_and_an_entry_a_rule_needs_cannot_be_removed(council, wanjiru):
    services.charter_update(body=council, actor=wanjiru,
                            rule={"within": {"group": "civil_society"}, "majority": "simple"})
    before = body_snapshot()

    with pytest.raises(ValidationFailed) as caught:
        services.seat_entry_delete(seat_entry=council.seat_entries.get(name="ngos"),
                                   actor=wanjiru)

    assert "civil_society" in caught.value.errors["rule.within.group"][0]
    assert body_snapshot() == before


def test_an_entry_with_members_cannot_be_removed(council, wanjiru, ana):
    ngos = council.seat_entries.get(name="ngos")
    services.member_add(body=council, seat_entry=ngos, participant=ana.participant,
                        start=TERM_START, actor=wanjiru)

    with pytest.raises(Conflict):
        services.seat_entry_delete(seat_entry=ngos, actor=wanjiru)

    assert SeatEntry.objects.filter(pk=ngos.pk).exists()


def test_seats_cannot_drop_below_the_members_serving(council, wanjiru, ana, arjun):
    ngos = council.seat_entries.get(name="ngos")
    for person in (ana, arjun):
        services.member_add(body=council, seat_entry=ngos, participant=person.participant,
                            start=TERM_START, actor=wanjiru)

    with pytest.raises(ValidationFailed) as caught:
        services.seat_entry_update(seat_entry=ngos, count=1, actor=wanjiru)

    assert "2 members" in caught.value.errors["count"][0]
