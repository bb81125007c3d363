"""Editors seat members and end their terms on the body's pages."""

from __future__ import annotations

import pytest

from polycentric.bodies import services
from polycentric.bodies.models import Member
from tests.bodies.support import TERM_START, text_of

pytestmark = pytest.mark.django_db


def test_an_editor_seats_a_member(editor_client, council, ana):
    response = editor_client.post("/bodies/council/members/new/", {
        "seat_entry": "ngos", "participant": ana.participant.pk, "start": "2024-01-01",
        "end": ""})

    assert response.status_code == 302 and response["Location"] == "/bodies/council/"
    member = Member.objects.get()
    assert (member.seat_entry.name, member.participant, member.end) == (
        "ngos", ana.participant, None)


def test_a_full_seat_entry_is_refused_on_the_form(editor_client, council, wanjiru, ana, arjun,
                                                  admin_user):
    for person in (ana, arjun):
        services.member_add(body=council, seat_entry=council.seat_entries.get(name="ngos"),
                            participant=person.participant, start=TERM_START, actor=wanjiru)

    response = editor_client.post("/bodies/council/members/new/", {
        "seat_entry": "ngos", "participant": admin_user.participant.pk, "start": "2024-02-01"})

    assert response.status_code == 422
    assert "Every one of the 2 seats of 'ngos' is held during this term" in text_of(response)
    assert Member.objects.count() == 2


def test_an_unknown_seat_entry_or_bad_dates_are_refused(editor_client, council, ana):
    response = editor_client.post("/bodies/council/members/new/", {
        "seat_entry": "kings", "participant": ana.participant.pk, "start": "2024-13-01",
        "end": ""})

    assert response.status_code == 422
    page = text_of(response)
    assert "Select a valid choice" in page and "Enter a valid date" in page
    assert not Member.objects.exists()


def test_an_editor_ends_a_term(editor_client, council, wanjiru, ana):
    member = services.member_add(body=council, seat_entry=council.seat_entries.get(name="ngos"),
                                 participant=ana.participant, start=TERM_START, actor=wanjiru)

    form = editor_client.get(f"/bodies/council/members/{member.pk}/end/")
    response = editor_client.post(f"/bodies/council/members/{member.pk}/end/",
                                  {"end": "2024-12-31"})

    assert form.status_code == 200 and "The term started on" in text_of(form)
    assert response.status_code == 302
    member.refresh_from_db()
    assert member.end.isoformat() == "2024-12-31"


def test_a_term_cannot_end_before_it_started(editor_client, council, wanjiru, ana):
    member = services.member_add(body=council, seat_entry=council.seat_entries.get(name="ngos"),
                                 participant=ana.participant, start=TERM_START, actor=wanjiru)

    response = editor_client.post(f"/bodies/council/members/{member.pk}/end/",
                                  {"end": "2023-12-31"})

    assert response.status_code == 422
    assert "before the start" in text_of(response)
    member.refresh_from_db()
    assert member.end is None
