"""GET /api/venues and GET /api/venues/{slug}: shapes, filters, pagination, refusals."""

from __future__ import annotations

import pytest

from polycentric.accounts.models import Region
from polycentric.issuemap import services
from polycentric.issuemap.models import Venue

pytestmark = pytest.mark.django_db


def slugs(response) -> list[str]:
    return [item["slug"] for item in response.json()["items"]]


def test_list_shape_gives_participation_for_every_group(anon, small_map):
    response = anon.get("/api/venues")

    assert response.status_code == 200
    body = response.json()
    assert body["count"] == 4
    assert slugs(response) == ["anti-abuse-forum", "dialogue-forum", "regional-data-council",
                               "states-working-group"]
    states = body["items"][3]
    assert states == {
        "slug": "states-working-group",
        "name": "States Working Group",
        "acronym": "",
        "kind": "intergovernmental",
        "reach": "global",
        "regions": [],
        "outputs": "not_binding",
        "can_decide": False,
        "can_recommend": True,
        "participation": {"governments": "member", "private_sector": "none",
                          "civil_society": "consulted", "technical_community": "none",
                          "academia": "none", "igos": "none"},
        "issue_count": 1,
    }


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("reach=regional", ["regional-data-council"]),
        ("reach=national", []),
        ("kind=multistakeholder", ["anti-abuse-forum", "dialogue-forum"]),
        ("kind=intergovernmental&reach=global", ["states-working-group"]),
        ("q=forum", ["anti-abuse-forum", "dialogue-forum"]),
        ("q=AAF", ["anti-abuse-forum"]),
    ],
)
def test_list_filters(anon, small_map, query, expected):
    response = anon.get(f"/api/venues?{query}")

    assert response.status_code == 200
    assert slugs(response) == expected
    assert response.json()["count"] == len(expected)


@pytest.mark.parametrize(
    ("query", "field"),
    [("reach=planetary", "reach"), ("kind=club", "kind"), ("limit=500", "limit"),
     ("offset=x", "offset")],
)
def test_list_refuses_bad_query_parameters_naming_the_parameter(anon, small_map, query, field):
    response = anon.get(f"/api/venues?{query}")

    assert response.status_code == 422
    assert list(response.json()["errors"]) == [field]


def test_list_pages_and_reports_the_total(anon, small_map):
    page = anon.get("/api/venues?limit=3&offset=1").json()

    assert page["count"] == 4
    assert [v["slug"] for v in page["items"]] == ["dialogue-forum", "regional-data-council",
                                                  "states-working-group"]


def test_list_gives_regions_as_scheme_and_slug(anon, small_map, wanjiru):
    council = small_map["venues"]["regional-data-council"]
    services.venue_update(venue=council, regions=[Region.objects.get(scheme__slug="un",
                                                                     slug="african")],
                          actor=wanjiru)

    [item] = anon.get("/api/venues?reach=regional").json()["items"]

    assert item["regions"] == ["un:african"]


def test_detail_gives_parent_action_lines_and_issues_covered(anon, small_map, action_lines,
                                                               wanjiru):
    forum = small_map["venues"]["anti-abuse-forum"]
    child = services.venue_create(slug="aaf-spam-wg", name="AAF Spam Working Group",
                                  kind=Venue.Kind.MULTISTAKEHOLDER, reach=Venue.Reach.GLOBAL,
                                  parent=forum, actor=wanjiru)

    parent_body = anon.get("/api/venues/anti-abuse-forum").json()
    child_body = anon.get("/api/venues/aaf-spam-wg").json()

    assert parent_body["action_lines"] == [
        {"code": "C5", "title": "Building confidence and security in the use of ICTs"}]
    assert parent_body["children"] == [{"slug": child.slug, "name": child.name, "acronym": ""}]
    assert parent_body["parent"] is None
    [covered] = parent_body["issues"]
    assert covered["slug"] == "spam" and covered["aspect"] is None and covered["extent"] == "full"
    assert isinstance(covered["mandate"], int)
    assert parent_body["issue_count"] == 1
    assert parent_body["participation"]["civil_society"] == "open"
    assert child_body["parent"] == {"slug": "anti-abuse-forum", "name": "Anti-Abuse Forum",
                                    "acronym": "AAF"}
    assert child_body["issues"] == [] and child_body["issue_count"] == 0


def test_detail_lists_an_aspect_mandate_with_its_aspect(anon, small_map):
    body = anon.get("/api/venues/dialogue-forum").json()

    assert [(i["slug"], i["aspect"]) for i in body["issues"]] == [("connectivity", "affordability")]
    assert body["can_recommend"] is False and body["can_decide"] is False


def test_detail_of_an_unknown_venue_is_a_json_404(anon, small_map):
    response = anon.get("/api/venues/no-such-venue")

    assert response.status_code == 404
    assert response.json()["errors"] == {"slug": ["No venue 'no-such-venue'."]}
