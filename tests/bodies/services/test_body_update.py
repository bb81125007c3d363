"""Changing a body: its own fields, or its whole body file; members keep their seats."""

from __future__ import annotations

import pytest

from polycentric.bodies import services
from polycentric.bodies.models import Body
from polycentric.core.errors import ValidationFailed
from polycentric.core.models import Event
from polycentric.issuemap import services as map_services
from polycentric.issuemap.models import Venue
from tests.bodies.support import COUNCIL, TERM_START, body_snapshot

pytestmark = pytest.mark.django_db


def _venue(actor) -> Venue:
    return map_services.venue_create(slug="council-venue", name="The Council", actor=actor,
                                     kind=Venue.Kind.MULTISTAKEHOLDER, reach=Venue.Reach.GLOBAL)


def test_own_fields_change_and_the_change_is_recorded(council, wanjiru):
    venue = _venue(wanjiru)

    services.body_update(body=council, actor=wanjiru, acronym="TGC", venue=venue,
                         source="https://example.org/council")

    stored = Body.objects.get(pk=council.pk)
    assert (stored.acronym, stored.venue, stored.source) == (
        "TGC", venue, "https://example.org/council")
    event = Event.objects.filter(kind="bodies.body.updated").get()
    assert set(event.payload["changed"]) == {"acronym", "venue", "source"}


def test_renaming_updates_the_stored_scorecard(council, wanjiru):
    services.body_update(body=council, actor=wanjiru, name="Renamed council")

    assert Body.objects.get(pk=council.pk).analysis["body"] == "Renamed council"


def test_nothing_changed_records_nothing(council, wanjiru):
    before = Event.objects.count()

    services.body_update(body=council, actor=wanjiru, acronym="")

    assert Event.objects.count() == before


def test_a_new_body_file_replaces_seats_and_rules_and_keeps_members(council, wanjiru, ana):
    services.member_add(body=council, seat_entry=council.seat_entries.get(name="ngos"),
                        participant=ana.participant, start=TERM_START, actor=wanjiru)
    text = COUNCIL.replace("count: 2}", "count: 3}").replace(
        "rule: {majority: simple}", "rule:\n  all:\n    - {majority: simple}\n"
                                    "    - {each: group, majority: simple}")

    services.body_update(body=council, actor=wanjiru, text=text, file_name="council.yaml")

    council.refresh_from_db()
    ngos = council.seat_entries.get(name="ngos")
    assert ngos.count == 3
    assert ngos.members.get().participant == ana.participant
    assert council.charter.decision_rule["all"][1] == {"each": "group", "majority": "simple"}
    assert council.analysis["principles"]["no_group_decides_alone"]["passed"] is True


def test_a_file_that_drops_a_held_seat_entry_is_refused(council, wanjiru, ana):
    services.member_add(body=council, seat_entry=council.seat_entries.get(name="ngos"),
                        participant=ana.participant, start=TERM_START, actor=wanjiru)
    text = COUNCIL.replace("  - {name: ngos, group: civil_society, region: WEOG, count: 2}\n",
                           "  - {name: csos, group: civil_society, region: WEOG, count: 2}\n")
    before = body_snapshot()

    with pytest.raises(ValidationFailed) as caught:
        services.body_update(body=council, actor=wanjiru, text=text)

    assert "'ngos' has members" in caught.value.errors["seats"][0]
    assert body_snapshot() == before
    assert council.seat_entries.filter(name="ngos").exists()


def test_a_bad_file_changes_nothing_even_in_memory(council, wanjiru):
    before = body_snapshot()

    with pytest.raises(ValidationFailed) as caught:
        services.body_update(body=council, actor=wanjiru, acronym="X",
                             text=COUNCIL.replace("count: 3", "count: -3"))

    assert "seats[0].count" in caught.value.errors
    assert body_snapshot() == before
    assert council.acronym == ""


def test_unknown_fields_and_venues_are_refused(council, wanjiru):
    with pytest.raises(ValidationFailed) as caught:
        services.body_update(body=council, actor=wanjiru, colour="red")
    assert caught.value.errors == {"colour": ["Unknown field."]}

    with pytest.raises(ValidationFailed) as caught:
        services.body_update(body=council, actor=wanjiru, charter={"colour": "red"})
    assert caught.value.errors == {"colour": ["Unknown field."]}


def test_a_slug_change_is_checked(council, cgi_br, wanjiru):
    with pytest.raises(ValidationFailed) as caught:
        services.body_update(body=council, actor=wanjiru, slug="cgi-br")

    assert "already has the slug" in caught.value.errors["slug"][0]
    assert Body.objects.get(pk=council.pk).slug == "council"


def test_a_body_read_with_its_seats_prefetched_is_analysed_from_the_new_seats(council, wanjiru):
    from polycentric.bodies import selectors

    body = selectors.body_get("council")  # seat entries prefetched, as the pages read it
    text = COUNCIL.replace("count: 2}", "count: 3}")

    services.body_update(body=body, actor=wanjiru, text=text)

    assert Body.objects.get(pk=council.pk).analysis["by_group"]["seats"]["civil_society"] == 3


def test_deleting_a_body_removes_its_rows_and_is_recorded(council, wanjiru):
    pk = council.pk

    services.body_delete(body=council, actor=wanjiru)

    assert not Body.objects.filter(pk=pk).exists()
    event = Event.objects.get(kind="bodies.body.deleted")
    assert (event.object_id, event.payload["slug"]) == (str(pk), "council")
