"""POST /api/issues/{slug}/aspects and PATCH /api/issues/{slug}/aspects/{aspect} by an editor."""

from __future__ import annotations

import pytest

from polycentric.core.models import Event
from polycentric.issuemap.models import Aspect
from tests.issuemap.api.support import map_snapshot, send

pytestmark = pytest.mark.django_db


def test_editor_adds_an_aspect_and_sees_its_verdict(editor_client, small_map, wanjiru):
    response = send(editor_client, "POST", "/api/issues/jurisdiction/aspects",
                    {"slug": "enforcement-of-judgments", "title": "Enforcement of judgments",
                     "description": "Across borders."})

    assert response.status_code == 201
    body = response.json()
    assert body["slug"] == "enforcement-of-judgments"
    assert body["needs_global_policy"] is True
    assert body["order"] == 1  # after the existing aspect
    assert body["gap_status"] == "no_home"
    assert body["reasons"] == ["No venue on the map covers this aspect."]
    assert body["venues"] == []
    aspect = Aspect.objects.get(issue__slug="jurisdiction", slug="enforcement-of-judgments")
    assert aspect.description == "Across borders."
    assert Event.objects.filter(kind="map.aspect.created", object_id=str(aspect.pk),
                                actor=wanjiru).exists()


def test_a_new_aspect_of_a_covered_issue_is_covered_by_the_whole_issue_mandate(editor_client,
                                                                              small_map):
    response = send(editor_client, "POST", "/api/issues/spam/aspects",
                    {"slug": "botnets", "title": "Botnets", "order": 5})

    body = response.json()
    assert body["order"] == 5
    assert body["gap_status"] == "covered"
    assert body["venues"][0] == {"slug": "anti-abuse-forum", "name": "Anti-Abuse Forum",
                                 "acronym": "AAF", "extent": "full", "whole_issue": True}


def test_editor_changes_an_aspect(editor_client, small_map, anon):
    response = send(editor_client, "PATCH", "/api/issues/connectivity/aspects/local-funds",
                    {"needs_global_policy": True, "title": "Universal service funds abroad"})

    assert response.status_code == 200
    body = response.json()
    assert body["needs_global_policy"] is True
    assert body["gap_status"] == "no_home"
    assert Aspect.objects.get(slug="local-funds").title == "Universal service funds abroad"
    assert anon.get("/api/gaps").json()["summary"]["no_home"] == 2


def test_editor_renames_an_aspect(editor_client, small_map):
    response = send(editor_client, "PATCH", "/api/issues/spam/aspects/enforcement",
                    {"slug": "cross-border-enforcement"})

    assert response.status_code == 200
    assert response.json()["slug"] == "cross-border-enforcement"
    assert Aspect.objects.filter(issue__slug="spam", slug="cross-border-enforcement").exists()


@pytest.mark.parametrize(
    ("url", "field"),
    [
        ("/api/issues/no-such-issue/aspects", "slug"),
    ],
)
def test_adding_to_an_unknown_issue_is_a_json_404(editor_client, small_map, url, field):
    before = map_snapshot()

    response = send(editor_client, "POST", url, {"slug": "a", "title": "A"})

    assert response.status_code == 404
    assert field in response.json()["errors"]
    assert map_snapshot() == before


@pytest.mark.parametrize(
    ("url", "field"),
    [
        ("/api/issues/no-such-issue/aspects/enforcement", "slug"),
        ("/api/issues/spam/aspects/no-such-aspect", "aspect"),
        ("/api/issues/jurisdiction/aspects/enforcement", "aspect"),  # an aspect of another issue
    ],
)
def test_changing_an_unknown_aspect_is_a_json_404(editor_client, small_map, url, field):
    before = map_snapshot()

    response = send(editor_client, "PATCH", url, {"title": "A"})

    assert response.status_code == 404
    assert field in response.json()["errors"]
    assert map_snapshot() == before


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"slug": "enforcement"}, "slug"),  # taken in this issue
        ({"slug": "Bad slug"}, "slug"),
        ({"title": ""}, "title"),
        ({"title": 7}, "title"),
        ({"needs_global_policy": "yes"}, "needs_global_policy"),
        ({"needs_global_policy": None}, "needs_global_policy"),
        ({"order": -1}, "order"),
        ({"order": "first"}, "order"),
        ({"issue": "jurisdiction"}, "issue"),
    ],
)
def test_create_refuses_bad_input_naming_the_field(editor_client, small_map, change, field):
    before = map_snapshot()

    response = send(editor_client, "POST", "/api/issues/spam/aspects",
                    {"slug": "botnets", "title": "Botnets", **change})

    assert 400 <= response.status_code < 500
    assert field in response.json()["errors"], response.json()
    assert map_snapshot() == before


def test_the_same_aspect_slug_may_be_used_in_another_issue(editor_client, small_map):
    response = send(editor_client, "POST", "/api/issues/jurisdiction/aspects",
                    {"slug": "enforcement", "title": "Enforcement"})

    assert response.status_code == 201


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"slug": "affordability"}, "slug"),  # taken in this issue
        ({"slug": ""}, "slug"),
        ({"title": None}, "title"),
        ({"description": 5}, "description"),
        ({"needs_global_policy": 1}, "needs_global_policy"),
        ({"order": None}, "order"),
        ({"colour": "red"}, "colour"),
    ],
)
def test_update_refuses_bad_input_naming_the_field(editor_client, small_map, change, field):
    before = map_snapshot()

    response = send(editor_client, "PATCH", "/api/issues/connectivity/aspects/local-funds", change)

    assert 400 <= response.status_code < 500
    assert field in response.json()["errors"], response.json()
    assert map_snapshot() == before
