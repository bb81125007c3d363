"""GET /api/issues and GET /api/issues/{slug}: shapes, filters, pagination, refusals."""

from __future__ import annotations

import pytest

from polycentric.issuemap import services
from polycentric.issuemap.models import Issue

pytestmark = pytest.mark.django_db


def slugs(response) -> list[str]:
    return [item["slug"] for item in response.json()["items"]]


def test_list_shape_gives_each_issue_with_basket_status_gap_status_aspects_and_lines(
    anon, small_map, action_lines
):
    response = anon.get("/api/issues")

    assert response.status_code == 200
    body = response.json()
    assert body["count"] == 5 and body["limit"] == 50 and body["offset"] == 0
    assert slugs(response) == ["connectivity", "data-flows", "cyber-norms", "jurisdiction", "spam"]
    spam = body["items"][-1]
    assert spam == {
        "slug": "spam",
        "title": "Spam",
        "basket": {"slug": "security", "name": "Security"},
        "summary": "About spam.",
        "status": "open",
        "gap_status": "covered",
        "aspects": [{"slug": "enforcement", "title": "Cross-border enforcement",
                     "needs_global_policy": True, "gap_status": "covered"}],
        "action_lines": ["C5", "C7.e-business"],
    }


def test_list_gives_each_issue_its_own_gap_status(anon, small_map):
    items = {i["slug"]: i for i in anon.get("/api/issues").json()["items"]}

    assert {slug: item["gap_status"] for slug, item in items.items()} == {
        "spam": "covered",
        "jurisdiction": "no_home",
        "data-flows": "home_not_global",
        "cyber-norms": "home_excludes_groups",
        "connectivity": "home_cannot_act",
    }
    local_funds = items["connectivity"]["aspects"][1]
    assert local_funds == {"slug": "local-funds", "title": "Universal service funds",
                           "needs_global_policy": False, "gap_status": "not_assessed"}


def test_list_shows_the_workflow_status_apart_from_the_gap_status(anon, small_map, wanjiru):
    services.issue_update(issue=small_map["issues"]["jurisdiction"], status=Issue.Status.IN_PROCESS,
                          actor=wanjiru)

    item = anon.get("/api/issues?q=jurisdiction").json()["items"][0]

    assert (item["status"], item["gap_status"]) == ("in_process", "no_home")


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("basket=legal", ["data-flows", "jurisdiction"]),
        ("status=no_home", ["jurisdiction"]),
        ("status=covered", ["spam"]),
        ("status=not_assessed", []),
        ("venue=dialogue-forum", ["connectivity"]),
        ("venue=regional-data-council", ["data-flows"]),
        ("action_line=C5", ["spam"]),
        ("action_line=C7", ["spam"]),  # C7 includes its sub-lines
        ("action_line=C9", []),
        ("q=cross-border", ["data-flows", "spam"]),  # title, or an aspect's title
        ("q=universal+service", ["connectivity"]),
        ("basket=legal&status=home_not_global", ["data-flows"]),
        ("basket=security&q=norms", ["cyber-norms"]),
    ],
)
def test_list_filters(anon, small_map, action_lines, query, expected):
    response = anon.get(f"/api/issues?{query}")

    assert response.status_code == 200
    assert slugs(response) == expected
    assert response.json()["count"] == len(expected)


@pytest.mark.parametrize(
    ("query", "field"),
    [
        ("basket=nowhere", "basket"),
        ("status=sort_of", "status"),
        ("venue=no-such-venue", "venue"),
        ("action_line=C99", "action_line"),
        ("limit=0", "limit"),
        ("limit=101", "limit"),
        ("limit=ten", "limit"),
        ("offset=-1", "offset"),
    ],
)
def test_list_refuses_bad_query_parameters_naming_the_parameter(anon, small_map, query, field):
    response = anon.get(f"/api/issues?{query}")

    assert response.status_code in (400, 422)
    body = response.json()
    assert list(body["errors"]) == [field]
    assert field in body["detail"]


def test_unknown_basket_message_names_the_value(anon, small_map):
    body = anon.get("/api/issues?basket=nowhere").json()

    assert body["errors"] == {"basket": ["Unknown basket 'nowhere'."]}


def test_list_pages_with_limit_and_offset_and_reports_the_total(anon, small_map):
    first = anon.get("/api/issues?limit=2").json()
    second = anon.get("/api/issues?limit=2&offset=2").json()
    last = anon.get("/api/issues?limit=2&offset=4").json()
    beyond = anon.get("/api/issues?limit=2&offset=10").json()

    assert [i["slug"] for i in first["items"]] == ["connectivity", "data-flows"]
    assert [i["slug"] for i in second["items"]] == ["cyber-norms", "jurisdiction"]
    assert [i["slug"] for i in last["items"]] == ["spam"]
    assert beyond["items"] == []
    assert {first["count"], second["count"], last["count"], beyond["count"]} == {5}
    assert (second["limit"], second["offset"]) == (2, 2)


def test_list_pages_hold_at_most_one_hundred_issues(anon, small_map):
    basket = small_map["baskets"][0]
    Issue.objects.bulk_create(
        Issue(slug=f"extra-{n:03}", title=f"Extra {n:03}", basket=basket) for n in range(120)
    )

    full = anon.get("/api/issues?limit=100").json()

    assert full["count"] == 125
    assert len(full["items"]) == 100


def test_detail_gives_aspects_with_verdicts_reasons_and_covering_venues(
    anon, small_map, action_lines
):
    response = anon.get("/api/issues/connectivity")

    assert response.status_code == 200
    body = response.json()
    assert body["slug"] == "connectivity"
    assert body["basket"] == {"slug": "development", "name": "Development"}
    assert body["gap_status"] == "home_cannot_act"
    affordability, local_funds = body["aspects"]
    assert affordability["slug"] == "affordability"
    assert affordability["gap_status"] == "home_cannot_act"
    assert affordability["reasons"] == ["Dialogue Forum can neither decide nor recommend on it."]
    assert affordability["venues"] == [{"slug": "dialogue-forum", "name": "Dialogue Forum",
                                        "acronym": "", "extent": "full", "whole_issue": False}]
    assert local_funds["gap_status"] == "not_assessed"
    assert local_funds["needs_global_policy"] is False
    assert local_funds["venues"] == []
    assert local_funds["reasons"]  # says why it is not checked
    [mandate] = body["mandates"]
    assert mandate["venue"]["slug"] == "dialogue-forum"
    assert mandate["issue"] == {"slug": "connectivity", "title": "Connectivity"}
    assert mandate["aspect"] == "affordability"
    assert isinstance(mandate["id"], int)


def test_detail_names_the_groups_a_home_leaves_out(anon, small_map):
    [aspect] = anon.get("/api/issues/cyber-norms").json()["aspects"]

    assert aspect["gap_status"] == "home_excludes_groups"
    assert "leaves out" in aspect["reasons"][0]
    assert "private" in aspect["reasons"][0].lower()  # names the group, by slug or by name
    assert aspect["venues"][0]["slug"] == "states-working-group"


def test_detail_lists_a_whole_issue_mandate_under_every_aspect(anon, small_map, action_lines):
    body = anon.get("/api/issues/spam").json()

    assert body["aspects"][0]["venues"] == [{"slug": "anti-abuse-forum", "name": "Anti-Abuse Forum",
                                             "acronym": "AAF", "extent": "full", "whole_issue": True}]
    assert body["action_lines"] == [
        {"code": "C5", "title": "Building confidence and security in the use of ICTs"},
        {"code": "C7.e-business", "title": "E-business"},
    ]
    assert body["mandates"][0]["source"] == "https://example.org/aaf"


def test_detail_of_an_issue_without_aspects_is_not_assessed(anon, small_map, wanjiru):
    services.issue_create(slug="online-voting", title="New issue", basket=small_map["baskets"][0],
                          actor=wanjiru)

    body = anon.get("/api/issues/online-voting").json()

    assert body["gap_status"] == "not_assessed"
    assert body["aspects"] == []


def test_detail_of_an_unknown_issue_is_a_json_404(anon, small_map):
    response = anon.get("/api/issues/no-such-issue")

    assert response.status_code == 404
    assert response["Content-Type"].startswith("application/json")
    assert response.json()["errors"] == {"slug": ["No issue 'no-such-issue'."]}
