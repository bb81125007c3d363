"""Members hold seats for a term; an entry never has more members at once than seats."""

from __future__ import annotations

import datetime

import pytest

from polycentric.bodies import services
from polycentric.core.errors import ValidationFailed
from polycentric.core.models import Event
from tests.bodies.support import TERM_START

pytestmark = pytest.mark.django_db


def _add(body, entry_name, user, actor, start=TERM_START, end=None):
    return services.member_add(body=body, seat_entry=body.seat_entries.get(name=entry_name),
                               participant=user.participant, start=start, end=end, actor=actor)


def test_a_participant_takes_a_seat_and_it_is_recorded(council, wanjiru, ana):
    member = _add(council, "ngos", ana, wanjiru)

    assert (member.body, member.seat_entry.name, member.end) == (council, "ngos", None)
    event = Event.objects.get(kind="bodies.member.added")
    assert event.payload["seat_entry"] == "ngos"


def test_an_entry_holds_no_more_members_at_once_than_it_has_seats(council, wanjiru, ana,
                                                                   arjun, admin_user):
    _add(council, "ngos", ana, wanjiru)
    _add(council, "ngos", arjun, wanjiru)

    with pytest.raises(ValidationFailed) as caught:
        _add(council, "ngos", admin_user, wanjiru)

    assert "Every one of the 2 seats of 'ngos'" in caught.value.errors["seat_entry"][0]


def test_a_seat_freed_by_an_ended_term_can_be_taken_again(council, wanjiru, ana, arjun,
                                                          admin_user):
    first = _add(council, "ngos", ana, wanjiru)
    _add(council, "ngos", arjun, wanjiru)
    services.member_end(member=first, end=datetime.date(2024, 6, 30), actor=wanjiru)

    later = _add(council, "ngos", admin_user, wanjiru, start=datetime.date(2024, 7, 1))

    assert later.pk
    with pytest.raises(ValidationFailed):  # but not during the first term
        _add(council, "ngos", wanjiru, wanjiru, start=datetime.date(2024, 3, 1),
             end=datetime.date(2024, 3, 31))


def test_one_person_holds_one_seat_of_a_body_at_a_time(council, wanjiru, ana):
    _add(council, "ngos", ana, wanjiru)

    with pytest.raises(ValidationFailed) as caught:
        _add(council, "states", ana, wanjiru)

    assert "already holds a seat" in caught.value.errors["participant"][0]


def test_a_term_cannot_end_before_it_starts(council, wanjiru, ana):
    with pytest.raises(ValidationFailed) as caught:
        _add(council, "ngos", ana, wanjiru, end=TERM_START - datetime.timedelta(days=1))
    assert "before the start" in caught.value.errors["end"][0]

    member = _add(council, "ngos", ana, wanjiru)
    with pytest.raises(ValidationFailed):
        services.member_end(member=member, end=datetime.date(2023, 12, 31), actor=wanjiru)
    member.refresh_from_db()
    assert member.end is None


def test_a_seat_entry_of_another_body_is_refused(council, cgi_br, wanjiru, ana):
    with pytest.raises(ValidationFailed) as caught:
        services.member_add(body=council, seat_entry=cgi_br.seat_entries.get(name="expert"),
                            participant=ana.participant, start=TERM_START, actor=wanjiru)

    assert "belongs to another body" in caught.value.errors["seat_entry"][0]


def test_ending_a_term_is_recorded(council, wanjiru, ana):
    member = _add(council, "ngos", ana, wanjiru)

    services.member_end(member=member, end=datetime.date(2025, 1, 1), actor=wanjiru)

    assert Event.objects.get(kind="bodies.member.ended").payload["end"] == "2025-01-01"
