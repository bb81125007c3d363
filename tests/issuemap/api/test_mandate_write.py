"""POST /api/mandates, PATCH and DELETE /api/mandates/{id} by an editor."""

from __future__ import annotations

import pytest

from polycentric.core.models import Event
from polycentric.issuemap.models import Mandate
from tests.issuemap.api.support import map_snapshot, send

pytestmark = pytest.mark.django_db


def mandate_of(small_map, venue: str) -> Mandate:
    return Mandate.objects.get(venue=small_map["venues"][venue])


def test_editor_gives_a_homeless_issue_a_home(editor_client, small_map, anon, wanjiru):
    response = send(editor_client, "POST", "/api/mandates",
                    {"venue": "anti-abuse-forum", "issue": "jurisdiction",
                     "aspect": "applicable-law", "extent": "partial",
                     "source": "https://example.org/mandate", "note": "Since 2024."})

    assert response.status_code == 201
    body = response.json()
    assert body["venue"]["slug"] == "anti-abuse-forum"
    assert body["issue"] == {"slug": "jurisdiction", "title": "Jurisdiction"}
    assert (body["aspect"], body["extent"], body["note"]) == ("applicable-law", "partial",
                                                              "Since 2024.")
    mandate = Mandate.objects.get(pk=body["id"])
    assert mandate.aspect.slug == "applicable-law" and mandate.source.endswith("/mandate")
    assert Event.objects.filter(kind="map.mandate.created", object_id=str(mandate.pk),
                                actor=wanjiru).exists()
    assert anon.get("/api/issues/jurisdiction").json()["gap_status"] == "covered"


def test_a_mandate_without_an_aspect_covers_the_whole_issue(editor_client, small_map, anon):
    response = send(editor_client, "POST", "/api/mandates",
                    {"venue": "anti-abuse-forum", "issue": "connectivity"})

    assert response.status_code == 201
    assert response.json()["aspect"] is None and response.json()["extent"] == "full"
    aspects = anon.get("/api/issues/connectivity").json()["aspects"]
    assert "anti-abuse-forum" in [v["slug"] for v in aspects[1]["venues"]]


def test_editor_changes_a_mandate(editor_client, small_map, anon):
    mandate = mandate_of(small_map, "dialogue-forum")

    response = send(editor_client, "PATCH", f"/api/mandates/{mandate.pk}",
                    {"venue": "anti-abuse-forum", "extent": "partial", "note": "Moved."})

    assert response.status_code == 200
    assert response.json()["venue"]["slug"] == "anti-abuse-forum"
    mandate.refresh_from_db()
    assert (mandate.venue.slug, mandate.extent, mandate.note) == ("anti-abuse-forum", "partial",
                                                                  "Moved.")
    assert anon.get("/api/issues/connectivity").json()["gap_status"] == "covered"


def test_editor_widens_a_mandate_to_the_whole_issue(editor_client, small_map):
    mandate = mandate_of(small_map, "dialogue-forum")

    response = send(editor_client, "PATCH", f"/api/mandates/{mandate.pk}", {"aspect": None})

    assert response.status_code == 200 and response.json()["aspect"] is None
    mandate.refresh_from_db()
    assert mandate.aspect is None


def test_editor_moves_a_mandate_to_another_issue_and_aspect(editor_client, small_map):
    mandate = mandate_of(small_map, "dialogue-forum")

    response = send(editor_client, "PATCH", f"/api/mandates/{mandate.pk}",
                    {"issue": "spam", "aspect": "enforcement"})

    assert response.status_code == 200
    assert (response.json()["issue"]["slug"], response.json()["aspect"]) == ("spam", "enforcement")


def test_editor_deletes_a_mandate(editor_client, small_map, anon, wanjiru):
    mandate = mandate_of(small_map, "anti-abuse-forum")

    response = editor_client.delete(f"/api/mandates/{mandate.pk}")

    assert response.status_code == 204
    assert not Mandate.objects.filter(pk=mandate.pk).exists()
    assert Event.objects.filter(kind="map.mandate.deleted", object_id=str(mandate.pk),
                                actor=wanjiru).exists()
    assert anon.get("/api/issues/spam").json()["gap_status"] == "no_home"


@pytest.mark.parametrize("method", ["PATCH", "DELETE"])
def test_an_unknown_mandate_is_a_json_404(editor_client, small_map, method):
    before = map_snapshot()

    response = send(editor_client, method, "/api/mandates/999999", {"note": "x"})

    assert response.status_code == 404
    assert "mandate_id" in response.json()["errors"]
    assert map_snapshot() == before


def test_a_mandate_id_that_is_not_a_number_is_refused(editor_client, small_map):
    response = editor_client.delete("/api/mandates/abc")

    assert 400 <= response.status_code < 500


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"venue": "no-such-venue"}, "venue"),
        ({"issue": "no-such-issue"}, "issue"),
        ({"aspect": "no-such-aspect"}, "aspect"),
        ({"aspect": "enforcement"}, "aspect"),  # an aspect of another issue
        ({"extent": "mostly"}, "extent"),
        ({"source": "not a link"}, "source"),
        ({"venue": "anti-abuse-forum", "issue": "spam"}, "venue"),  # already has one
        ({"venue": None}, "venue"),
        ({"note": 3}, "note"),
        ({"priority": 1}, "priority"),
    ],
)
def test_create_refuses_bad_input_naming_the_field(editor_client, small_map, change, field):
    body = {"venue": "states-working-group", "issue": "jurisdiction", **change}
    before = map_snapshot()

    response = send(editor_client, "POST", "/api/mandates", body)

    assert 400 <= response.status_code < 500
    assert field in response.json()["errors"], response.json()
    assert map_snapshot() == before


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"venue": "no-such-venue"}, "venue"),
        ({"issue": "no-such-issue"}, "issue"),
        ({"issue": "spam"}, "aspect"),  # the mandate's aspect belongs to connectivity
        ({"aspect": "enforcement"}, "aspect"),
        ({"extent": None}, "extent"),
        ({"source": "ftp//broken"}, "source"),
        ({"venue": "anti-abuse-forum", "issue": "spam", "aspect": None}, "venue"),  # duplicate
        ({"id": 5}, "id"),
    ],
)
def test_update_refuses_bad_input_naming_the_field(editor_client, small_map, change, field):
    mandate = mandate_of(small_map, "dialogue-forum")
    before = map_snapshot()

    response = send(editor_client, "PATCH", f"/api/mandates/{mandate.pk}", change)

    assert 400 <= response.status_code < 500
    assert field in response.json()["errors"], response.json()
    assert map_snapshot() == before
