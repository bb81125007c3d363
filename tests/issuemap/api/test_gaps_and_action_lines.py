"""GET /api/gaps (the document `polycentric gaps --format json` prints) and GET /api/action-lines."""

from __future__ import annotations

import json

import pytest

from polycentric import cli
from polycentric.issuemap import services
from polycentric.issuemap.selectors import gap_document

pytestmark = pytest.mark.django_db


def test_gaps_is_the_command_line_document(anon, small_map, capsys):
    assert cli.main(["gaps", "--format", "json"]) == 0
    printed = json.loads(capsys.readouterr().out)

    response = anon.get("/api/gaps")

    assert response.status_code == 200
    assert response.json() == printed == gap_document()


def test_gaps_document_counts_and_lists_each_gap_with_reasons(anon, small_map):
    body = anon.get("/api/gaps").json()

    assert (body["issues"], body["venues"], body["aspects"]) == (5, 4, 6)
    assert body["summary"] == {"covered": 1, "home_cannot_act": 1, "home_excludes_groups": 1,
                               "home_not_global": 1, "no_home": 1}
    assert {(g["issue"], g["aspect"], g["status"]) for g in body["gaps"]} == {
        ("connectivity", "affordability", "home_cannot_act"),
        ("cyber-norms", "state-behaviour", "home_excludes_groups"),
        ("data-flows", "transfers", "home_not_global"),
        ("jurisdiction", "applicable-law", "no_home"),
    }
    assert all(g["reasons"] for g in body["gaps"])
    assert body["parameters"]["taking_part"] == ["appointed", "member", "open"]
    assert "civil_society" in body["parameters"]["required_groups"]


def test_gaps_filtered_by_status(anon, small_map):
    body = anon.get("/api/gaps?status=home_not_global").json()

    assert [(g["issue"], g["aspect"]) for g in body["gaps"]] == [("data-flows", "transfers")]
    assert body["summary"]["no_home"] == 1  # the summary still covers the whole map


@pytest.mark.parametrize("status", ["covered", "bad", "not_assessed"])
def test_gaps_refuse_a_status_that_is_not_a_gap(anon, small_map, status):
    response = anon.get(f"/api/gaps?status={status}")

    assert response.status_code == 422
    assert list(response.json()["errors"]) == ["status"]


def test_gaps_follow_a_change_to_the_map(anon, small_map, wanjiru):
    assert anon.get("/api/gaps?status=no_home").json()["gaps"]
    services.mandate_create(venue=small_map["venues"]["anti-abuse-forum"],
                            issue=small_map["issues"]["jurisdiction"], actor=wanjiru)

    body = anon.get("/api/gaps").json()

    assert body["summary"]["no_home"] == 0
    assert body["summary"]["covered"] == 2


def test_action_lines_nest_sub_lines_and_name_facilitators(anon, small_map, action_lines):
    response = anon.get("/api/action-lines")

    assert response.status_code == 200
    body = response.json()
    assert [line["code"] for line in body] == ["C5", "C7", "C9"]
    c5, c7, c9 = body
    assert c5 == {
        "code": "C5",
        "title": "Building confidence and security in the use of ICTs",
        "lead_facilitator": "ITU",
        "co_facilitators": [],
        "venues": [{"slug": "anti-abuse-forum", "name": "Anti-Abuse Forum", "acronym": "AAF"}],
        "sub_lines": [],
    }
    assert c7["sub_lines"] == [{"code": "C7.e-business", "title": "E-business",
                                "lead_facilitator": "ITC", "co_facilitators": ["UNCTAD", "UPU"],
                                "venues": []}]
    assert c9["venues"] == []


def test_action_lines_on_an_empty_map_are_an_empty_list(anon, db):
    response = anon.get("/api/action-lines")

    assert response.status_code == 200
    assert response.json() == []
