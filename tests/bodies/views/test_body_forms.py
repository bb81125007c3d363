"""Editors create and edit bodies by form; problems show next to their fields."""

from __future__ import annotations

import pytest

from polycentric.bodies.models import Body
from polycentric.core.models import Event
from tests.bodies.support import body_snapshot, text_of

pytestmark = pytest.mark.django_db

SEATS = """\
- {name: states, group: governments, region: African, count: 3}
- {name: ngos, group: civil_society, region: WEOG, count: 2}
"""


def _form(**changes) -> dict[str, str]:
    data = {
        "name": "Two-group council", "acronym": "TGC", "slug": "", "purpose": "Testing.",
        "venue": "", "source": "", "groups": "governments, civil_society",
        "regions": "African, WEOG", "seats": SEATS, "rule": "simple_majority",
        "custom_rule": "", "fallback_rule": "", "custom_fallback_rule": "",
        "fallback_when": "", "consultation_notice_days": "30",
        "decision_meeting_notice_days": "30", "meeting_notice_days": "14", "minutes_days": "14",
    }
    data.update(changes)
    return data


def test_the_new_body_form_opens(editor_client):
    response = editor_client.get("/bodies/new/")

    assert response.status_code == 200
    assert "Seats" in text_of(response) and 'name="seats"' in response.content.decode()


def test_a_body_is_created_by_form(editor_client, wanjiru):
    response = editor_client.post("/bodies/new/", _form(
        fallback_rule="custom", custom_fallback_rule="{each: group, majority: simple}",
        fallback_when="After two meetings.", minutes_days="7"))

    body = Body.objects.get()
    assert response.status_code == 302 and response["Location"] == "/bodies/tgc/"
    assert (body.name, body.acronym, body.purpose) == ("Two-group council", "TGC", "Testing.")
    assert [e.name for e in body.seat_entries.all()] == ["states", "ngos"]
    assert body.charter.fallback_rule == {"each": "group", "majority": "simple"}
    assert (body.charter.fallback_when, body.charter.minutes_days) == ("After two meetings.", 7)
    assert body.analysis["principles"]["no_group_decides_alone"]["passed"] is False
    assert Event.objects.get(kind="bodies.body.created").actor == wanjiru


@pytest.mark.parametrize(("changes", "words"), [
    ({"seats": SEATS.replace("count: 2", "count: 0")},
     "Line 2: seats[1].count: must be at least 1, got 0"),
    ({"seats": "- {name: states, group: [\n"}, "Line 1: malformed YAML"),
    ({"seats": "states: 3"}, "List the seat entries"),
    ({"rule": "custom", "custom_rule": "{quota: 9}"},
     "rule.quota: 9 is above the total weight 5 of all seats"),
    ({"rule": "custom", "custom_rule": "{vote: simple}"}, "rule.vote: unknown key"),
    ({"groups": " , "}, "Name at least one stakeholder group."),
    ({"slug": "new"}, "reserved"),
    ({"consultation_notice_days": "-1"}, "greater than or equal to 0"),
])
def test_a_bad_form_shows_the_problem_and_saves_nothing(editor_client, reference, changes,
                                                        words):
    before = body_snapshot()

    response = editor_client.post("/bodies/new/", _form(**changes))

    assert response.status_code == 422
    assert words in text_of(response)
    assert body_snapshot() == before


def test_the_engine_problem_is_shown_on_the_field_it_concerns(editor_client, reference):
    response = editor_client.post("/bodies/new/", _form(
        rule="custom", custom_rule="{within: {group: igos}, majority: simple}"))

    html = response.content.decode()
    custom = html.split('id="id_custom_rule"', 1)[0].rsplit('<div class="field', 1)[-1]
    assert "has-error" in custom and "no seat has group" in custom


def test_the_edit_form_is_filled_in(editor_client, cgi_br):
    response = editor_client.get("/bodies/cgi-br/edit/")

    html = response.content.decode()
    assert response.status_code == 200
    assert "- {name: government, group: government, region: GRULAC, count: 9}" in html
    assert '<option value="simple_majority" selected>' in html
    assert 'value="government, private_sector, civil_society, science_technology, expert"' in html


def test_editing_the_rule_reanalyses(editor_client, council):
    data = _form(slug="council", acronym="", rule="every_group")

    response = editor_client.post("/bodies/council/edit/", data)

    assert response.status_code == 302
    council.refresh_from_db()
    assert council.charter.decision_rule == {
        "all": [{"majority": "simple"}, {"each": "group", "majority": "simple"}]}
    assert council.analysis["principles"]["no_group_decides_alone"]["passed"] is True


def test_editing_can_move_the_body_to_a_new_slug(editor_client, council):
    response = editor_client.post("/bodies/council/edit/", _form(slug="two-groups"))

    assert response["Location"] == "/bodies/two-groups/"
    assert Body.objects.filter(slug="two-groups").exists()


def test_a_bad_edit_changes_nothing(editor_client, council):
    before = body_snapshot()

    response = editor_client.post("/bodies/council/edit/", _form(
        slug="council", seats=SEATS.replace("weight", "x").replace("count: 3", "count: 3.5")))

    assert response.status_code == 422
    assert "seats[0].count: must be a whole number, got 3.5" in text_of(response)
    assert body_snapshot() == before
