"""POST /api/venues and PATCH /api/venues/{slug} by an editor, with participation, regions and
action lines."""

from __future__ import annotations

import pytest

from polycentric.core.models import Event
from polycentric.issuemap.models import Venue
from tests.issuemap.api.support import map_snapshot, send

pytestmark = pytest.mark.django_db

NEW_VENUE = {
    "slug": "african-data-forum",
    "name": "African Data Forum",
    "acronym": "ADF",
    "kind": "regional",
    "reach": "regional",
    "outputs": "partly_binding",
    "can_decide": True,
    "can_recommend": True,
    "parent": "regional-data-council",
    "url": "https://example.org/adf",
    "description": "Data policy for the continent.",
    "participation": {"governments": "member", "civil_society": "observer", "academia": "open"},
    "regions": ["un:african", "icann:africa"],
    "action_lines": ["C5"],
}


def test_editor_creates_a_venue(editor_client, small_map, action_lines, wanjiru):
    response = send(editor_client, "POST", "/api/venues", NEW_VENUE)

    assert response.status_code == 201
    body = response.json()
    assert body["slug"] == "african-data-forum"
    assert body["participation"] == {"governments": "member", "private_sector": "none",
                                     "civil_society": "observer", "technical_community": "none",
                                     "academia": "open", "igos": "none"}
    assert sorted(body["regions"]) == ["icann:africa", "un:african"]
    assert body["action_lines"] == [{"code": "C5", "title": action_lines["C5"].title}]
    assert body["parent"]["slug"] == "regional-data-council"
    assert (body["outputs"], body["can_decide"]) == ("partly_binding", True)
    venue = Venue.objects.get(slug="african-data-forum")
    assert venue.parent.slug == "regional-data-council"
    assert {p.group.slug: p.mode for p in venue.participation.all()} == NEW_VENUE["participation"]
    assert venue.regions.count() == 2
    assert Event.objects.filter(kind="map.venue.created", object_id=str(venue.pk),
                                actor=wanjiru).exists()


def test_editor_creates_a_venue_with_only_the_required_fields(editor_client, small_map):
    response = send(editor_client, "POST", "/api/venues",
                    {"slug": "new-forum", "name": "New Forum", "kind": "multistakeholder",
                     "reach": "global"})

    assert response.status_code == 201
    body = response.json()
    assert set(body["participation"].values()) == {"none"}
    assert (body["outputs"], body["can_decide"], body["can_recommend"]) == (
        "not_binding", False, True)


def test_editor_changes_participation_and_closes_a_gap(editor_client, small_map, anon):
    everyone = {"private_sector": "member", "civil_society": "member",
                "technical_community": "member", "academia": "member", "igos": "member"}

    response = send(editor_client, "PATCH", "/api/venues/states-working-group",
                    {"participation": everyone})

    assert response.status_code == 200
    assert response.json()["participation"]["governments"] == "member"  # left alone
    assert response.json()["participation"]["civil_society"] == "member"
    assert anon.get("/api/issues/cyber-norms").json()["gap_status"] == "covered"


def test_editor_changes_reach_regions_parent_and_lines(editor_client, small_map, action_lines):
    response = send(editor_client, "PATCH", "/api/venues/dialogue-forum",
                    {"reach": "regional", "regions": ["un:grulac"], "parent": "anti-abuse-forum",
                     "action_lines": ["C9", "C5"], "name": "Dialogue Forum of the Americas"})

    assert response.status_code == 200
    body = response.json()
    assert body["reach"] == "regional" and body["regions"] == ["un:grulac"]
    assert body["parent"]["slug"] == "anti-abuse-forum"
    assert {line["code"] for line in body["action_lines"]} == {"C5", "C9"}
    assert body["name"] == "Dialogue Forum of the Americas"

    cleared = send(editor_client, "PATCH", "/api/venues/dialogue-forum",
                   {"parent": None, "regions": []}).json()

    assert cleared["parent"] is None and cleared["regions"] == []
    assert Venue.objects.get(slug="dialogue-forum").parent is None


def test_patch_of_an_unknown_venue_is_a_json_404(editor_client, small_map):
    response = send(editor_client, "PATCH", "/api/venues/no-such-venue", {"name": "X"})

    assert response.status_code == 404
    assert "slug" in response.json()["errors"]


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"slug": "anti-abuse-forum"}, "slug"),
        ({"slug": "Bad Slug"}, "slug"),
        ({"name": ""}, "name"),
        ({"kind": "club"}, "kind"),
        ({"reach": "planetary"}, "reach"),
        ({"outputs": "sometimes"}, "outputs"),
        ({"can_decide": "no"}, "can_decide"),
        ({"parent": "no-such-venue"}, "parent"),
        ({"url": "not a url"}, "url"),
        ({"participation": {"civil_society": "sometimes"}}, "participation.civil_society"),
        ({"participation": {"pirates": "member"}}, "participation.pirates"),
        ({"participation": ["governments"]}, "participation"),
        ({"regions": ["un:atlantis"]}, "regions"),
        ({"regions": ["african"]}, "regions"),
        ({"action_lines": ["C42"]}, "action_lines"),
        ({"members": 12}, "members"),
    ],
)
def test_create_refuses_bad_input_naming_the_field(editor_client, small_map, action_lines,
                                                   change, field):
    body = {"slug": "new-forum", "name": "New Forum", "kind": "multistakeholder",
            "reach": "global", **change}
    before = map_snapshot()

    response = send(editor_client, "POST", "/api/venues", body)

    assert 400 <= response.status_code < 500
    assert field in response.json()["errors"], response.json()
    assert map_snapshot() == before


def test_unknown_region_message_shows_the_expected_form(editor_client, small_map):
    response = send(editor_client, "POST", "/api/venues",
                    {"slug": "v", "name": "V", "kind": "regional", "reach": "regional",
                     "regions": ["african"]})

    assert response.json()["errors"] == {
        "regions": ["Unknown region 'african'; use scheme:slug, e.g. un:african."]}


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"slug": "dialogue-forum"}, "slug"),
        ({"name": None}, "name"),
        ({"kind": None}, "kind"),
        ({"reach": "everywhere"}, "reach"),
        ({"can_recommend": None}, "can_recommend"),
        ({"parent": "states-working-group"}, "parent"),  # its own parent
        ({"parent": "nowhere"}, "parent"),
        ({"participation": {"governments": "king"}}, "participation.governments"),
        ({"participation": {"nobody": "open"}}, "participation.nobody"),
        ({"participation": None}, "participation"),
        ({"regions": ["un:weog", "mars:north"]}, "regions"),
        ({"regions": None}, "regions"),
        ({"action_lines": ["C0"]}, "action_lines"),
    ],
)
def test_update_refuses_bad_input_naming_the_field(editor_client, small_map, action_lines,
                                                   change, field):
    before = map_snapshot()

    response = send(editor_client, "PATCH", "/api/venues/states-working-group",
                    {"description": "Changed.", **change})

    assert 400 <= response.status_code < 500
    assert field in response.json()["errors"], response.json()
    assert map_snapshot() == before


def test_a_venue_cannot_sit_below_its_own_child(editor_client, small_map):
    send(editor_client, "PATCH", "/api/venues/dialogue-forum", {"parent": "states-working-group"})
    before = map_snapshot()

    response = send(editor_client, "PATCH", "/api/venues/states-working-group",
                    {"parent": "dialogue-forum"})

    assert response.status_code == 422
    assert "parent" in response.json()["errors"]
    assert map_snapshot() == before
