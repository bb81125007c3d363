"""Editors create and change bodies through the API, with the same checks as the forms."""

from __future__ import annotations

import pytest

from polycentric.bodies.models import Body
from polycentric.core.models import Event
from polycentric.issuemap import services as map_services
from polycentric.issuemap.models import Venue
from tests.bodies.support import BAD_COUNT, CGI_BR, COUNCIL, body_snapshot, send

pytestmark = pytest.mark.django_db


def test_a_body_is_created_from_file_text(editor_client, wanjiru):
    map_services.venue_create(slug="cgi-br", name="CGI.br", kind=Venue.Kind.NATIONAL,
                              reach=Venue.Reach.NATIONAL, actor=wanjiru)

    response = send(editor_client, "POST", "/api/bodies", {
        "document": CGI_BR, "acronym": "CGI.br", "venue": "cgi-br",
        "charter": {"fallback_when": "Never.", "minutes_days": 10}})

    assert response.status_code == 201, response.content
    body = response.json()
    assert (body["slug"], body["venue"], body["seats"]) == ("cgi-br", "cgi-br", 21)
    assert body["charter"]["minutes_days"] == 10
    assert Event.objects.get(kind="bodies.body.created").actor == wanjiru


def test_a_body_is_created_from_a_json_object(editor_client, reference):
    document = {"name": "Pair", "groups": ["a", "b"],
                "seats": [{"name": "a", "group": "a"}, {"name": "b", "group": "b"}],
                "rule": {"consensus": True}}

    response = send(editor_client, "POST", "/api/bodies", {"document": document, "slug": "pair"})

    assert response.status_code == 201
    assert Body.objects.get(slug="pair").analysis["passed"] is False  # no seat has a region


@pytest.mark.parametrize(("body", "status", "field"), [
    ({"document": BAD_COUNT}, 422, "seats[1].count"),
    ({"document": CGI_BR, "venue": "atlantis"}, 422, "venue"),
    ({"document": CGI_BR, "slug": "new"}, 422, "slug"),
    ({"document": CGI_BR, "slug": "has space"}, 422, "slug"),
    ({"document": CGI_BR, "colour": "red"}, 422, "colour"),
    ({"document": CGI_BR, "charter": {"minutes_days": -3}}, 422, "charter.minutes_days"),
    ({}, 422, "document"),
    ({"document": CGI_BR + "#" * (256 * 1024)}, 413, "document"),
])
def test_bad_input_is_refused_with_field_errors_and_saves_nothing(editor_client, reference,
                                                                   body, status, field):
    before = body_snapshot()

    response = send(editor_client, "POST", "/api/bodies", body)

    assert response.status_code == status, response.content
    assert field in response.json()["errors"]
    assert body_snapshot() == before


def test_a_taken_slug_is_refused(editor_client, council):
    response = send(editor_client, "POST", "/api/bodies", {"document": COUNCIL, "slug": "council"})

    assert response.status_code == 422
    assert response.json()["errors"]["slug"] == ["Another body already has the slug 'council'."]


def test_a_body_is_changed(editor_client, council):
    response = send(editor_client, "PATCH", "/api/bodies/council",
                    {"acronym": "TGC", "purpose": "Testing.", "charter": {"minutes_days": 3}})

    assert response.status_code == 200, response.content
    council.refresh_from_db()
    assert (council.acronym, council.purpose, council.charter.minutes_days) == (
        "TGC", "Testing.", 3)


def test_a_new_body_file_replaces_seats_and_rule(editor_client, council):
    text = COUNCIL.replace("count: 2}", "count: 3}")

    response = send(editor_client, "PATCH", "/api/bodies/council", {"document": text})

    assert response.status_code == 200
    assert response.json()["principles"]["no_group_decides_alone"] is True
    assert council.seat_entries.get(name="ngos").count == 3


def test_the_venue_can_be_removed(editor_client, council, wanjiru):
    venue = map_services.venue_create(slug="forum", name="Forum", kind=Venue.Kind.REGIONAL,
                                      reach=Venue.Reach.GLOBAL, actor=wanjiru)
    Body.objects.filter(pk=council.pk).update(venue=venue)

    response = send(editor_client, "PATCH", "/api/bodies/council", {"venue": None})

    assert response.status_code == 200 and response.json()["venue"] is None


@pytest.mark.parametrize(("body", "field"), [
    ({"document": BAD_COUNT}, "seats[1].count"),
    ({"name": None}, "name"),
    ({"name": ""}, "name"),
    ({"venue": "atlantis"}, "venue"),
    ({"slug": "upload"}, "slug"),
    ({"analysis": {}}, "analysis"),
])
def test_a_bad_change_is_refused_and_changes_nothing(editor_client, council, body, field):
    before = body_snapshot()

    response = send(editor_client, "PATCH", "/api/bodies/council", body)

    assert response.status_code == 422, response.content
    assert field in response.json()["errors"]
    assert body_snapshot() == before


def test_changing_an_unknown_body_is_a_404(editor_client, reference):
    assert send(editor_client, "PATCH", "/api/bodies/nothing", {"acronym": "X"}).status_code == 404
