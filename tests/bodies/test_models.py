"""The database keeps seat entries and terms sane even when a write skips the services."""

from __future__ import annotations

import datetime

import pytest
from django.db import IntegrityError, transaction
from django.db.models import RestrictedError

from polycentric.bodies.models import Body, Member, SeatEntry

pytestmark = pytest.mark.django_db


def _refused(**values) -> bool:
    try:
        with transaction.atomic():
            SeatEntry.objects.create(**values)
    except IntegrityError:
        return True
    return False


def test_a_seat_entry_needs_at_least_one_seat(council):
    assert _refused(body=council, name="empty", group="governments", count=0)
    assert not _refused(body=council, name="one", group="governments", count=1)


def test_a_seat_entry_cannot_have_a_negative_weight(council):
    SeatEntry.objects.filter(body=council, name="ngos").update(weight=0)  # zero is allowed
    with pytest.raises(IntegrityError), transaction.atomic():
        SeatEntry.objects.filter(body=council, name="ngos").update(weight=-1)


def test_seat_entry_names_are_unique_within_a_body(council, cgi_br):
    assert _refused(body=council, name="states", group="civil_society")
    assert not _refused(body=cgi_br, name="states", group="government")


def test_a_term_cannot_end_before_it_starts(council, ana):
    entry = council.seat_entries.get(name="ngos")
    start = datetime.date(2024, 5, 1)
    with pytest.raises(IntegrityError), transaction.atomic():
        Member.objects.create(body=council, seat_entry=entry, participant=ana.participant,
                              start=start, end=start - datetime.timedelta(days=1))
    same_day = Member.objects.create(body=council, seat_entry=entry,
                                     participant=ana.participant, start=start, end=start)
    assert same_day.pk


def test_a_seat_entry_with_members_cannot_be_deleted_but_its_body_can(council, ana):
    entry = council.seat_entries.get(name="ngos")
    Member.objects.create(body=council, seat_entry=entry, participant=ana.participant,
                          start=datetime.date(2024, 1, 1))
    with pytest.raises(RestrictedError), transaction.atomic():
        entry.delete()
    council.delete()
    assert not Body.objects.filter(slug="council").exists()
    assert not Member.objects.exists()


def test_a_body_reads_its_principles_from_the_stored_scorecard(council):
    assert council.principles == {
        "all_groups": True,
        "global": False,  # Africa holds 3 of the 5 seats
        "no_group_decides_alone": False,
        "no_region_decides_alone": False,
    }
    assert Body(name="New").principles == dict.fromkeys(council.principles)


def test_a_body_links_to_its_page(council):
    assert council.get_absolute_url() == "/bodies/council/"
    assert str(council) == "Two-group council"
