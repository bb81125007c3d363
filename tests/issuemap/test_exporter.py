"""Exporting the map: the JSON document re-imports into an empty database as the same map, and
the CSV tables have headers and one row per thing."""

from __future__ import annotations

import csv
import io
import json

import pytest

from polycentric.issuemap.exporter import map_document, map_tables
from polycentric.issuemap.importer import map_import
from polycentric.issuemap.models import (
    ActionLine,
    Aspect,
    Basket,
    Issue,
    Mandate,
    Participation,
    Venue,
)
from polycentric.issuemap.selectors import gap_report
from tests.issuemap import mapfiles
from tests.issuemap.mapfiles import good_map, write_map

pytestmark = pytest.mark.django_db

people_once, reference = mapfiles.people_once, mapfiles.reference  # load the vocabularies once


def empty_the_map() -> None:
    """Delete every map row (not the people vocabularies, not the append-only events)."""
    for model in (Mandate, Participation, Venue, Aspect, Issue, Basket, ActionLine):
        model.objects.all().delete()


@pytest.fixture
def imported(reference, tmp_path):
    map_import(path=write_map(tmp_path, good_map()), actor=None)


def test_export_then_import_into_an_empty_database_gives_the_same_map(imported, tmp_path):
    exported = map_document()
    path = tmp_path / "export.json"
    path.write_text(json.dumps(exported, indent=2), encoding="utf-8")
    empty_the_map()
    assert Issue.objects.count() == Venue.objects.count() == 0

    result = map_import(path=path, actor=None)

    assert result.created["issue"] == 2 and result.created["mandate"] == 3
    assert map_document() == exported


def test_the_hand_built_map_round_trips_too(small_map, tmp_path):
    statuses = {slug: gap.status for slug, gap in gap_report().issues.items()}
    exported = map_document()
    path = tmp_path / "export.json"
    path.write_text(json.dumps(exported), encoding="utf-8")
    empty_the_map()

    map_import(path=path, actor=None)

    assert map_document() == exported
    assert {slug: gap.status for slug, gap in gap_report().issues.items()} == statuses


def test_the_document_holds_every_field_of_the_import_format(imported):
    document = map_document()

    assert list(document) == ["baskets", "action_lines", "issues", "venues", "mandates"]
    assert document["action_lines"][1] == {
        "code": "C7", "title": "ICT applications", "lead_facilitator": "", "co_facilitators": [],
        "source": "",
        "sub_lines": [{"code": "C7.e-health", "title": "E-health", "lead_facilitator": "WHO",
                       "co_facilitators": ["ITU"], "source": ""}],
    }
    chapter = next(v for v in document["venues"] if v["slug"] == "aaf-africa")
    assert chapter == {
        "slug": "aaf-africa", "name": "AAF Africa Chapter", "acronym": "", "kind": "regional",
        "reach": "regional", "regions": ["un:african"], "outputs": "not_binding",
        "can_decide": False, "can_recommend": True, "parent": "anti-abuse-forum",
        "action_lines": [], "url": "", "description": "",
        "participation": {"governments": "member", "civil_society": "observer"}, "source": "",
    }
    spam = next(i for i in document["issues"] if i["slug"] == "spam")
    assert [(a["slug"], a["global"]) for a in spam["aspects"]] == [
        ("enforcement", True), ("filtering", False)]
    assert {"venue": "aaf-africa", "issue": "spam", "aspect": None, "extent": "partial",
            "source": "", "note": ""} in document["mandates"]


def read_csv(text: str) -> list[list[str]]:
    return list(csv.reader(io.StringIO(text)))


def test_csv_tables_have_headers_and_a_row_per_thing(imported):
    tables = map_tables()

    assert sorted(tables) == ["aspects.csv", "gaps.csv", "issues.csv", "mandates.csv",
                              "participation.csv", "venues.csv"]
    headers = {name: read_csv(text)[0] for name, text in tables.items()}
    assert headers == {
        "issues.csv": ["slug", "title", "basket", "status", "gap_status", "action_lines",
                       "summary", "source"],
        "aspects.csv": ["issue", "slug", "title", "needs_global_policy", "gap_status",
                        "description"],
        "venues.csv": ["slug", "name", "acronym", "kind", "reach", "regions", "outputs",
                       "can_decide", "can_recommend", "parent", "url"],
        "participation.csv": ["venue", "stakeholder_group", "mode"],
        "mandates.csv": ["venue", "issue", "aspect", "extent", "source", "note"],
        "gaps.csv": ["issue", "aspect", "status", "reasons"],
    }
    rows = {name: len(read_csv(text)) - 1 for name, text in tables.items()}
    assert rows == {"issues.csv": 2, "aspects.csv": 3, "venues.csv": 3,
                    "participation.csv": 10, "mandates.csv": 3, "gaps.csv": 2}


def test_csv_tables_carry_the_gap_statuses(imported):
    tables = map_tables()

    issues = {row[0]: row[4] for row in read_csv(tables["issues.csv"])[1:]}
    assert issues == {"spam": "covered", "jurisdiction": "home_excludes_groups"}
    aspects = {(row[0], row[1]): row[4] for row in read_csv(tables["aspects.csv"])[1:]}
    assert aspects[("spam", "filtering")] == "not_assessed"
    gaps = read_csv(tables["gaps.csv"])[1:]
    excluded = next(row for row in gaps if row[0] == "jurisdiction")
    assert excluded[2] == "home_excludes_groups" and "civil society" in excluded[3]


def test_text_with_commas_quotes_and_line_breaks_survives_the_csv(imported, wanjiru):
    issue = Issue.objects.get(slug="spam")
    issue.summary = 'Bulk messages, "spam",\nand phishing'
    issue.save()

    rows = read_csv(map_tables()["issues.csv"])

    spam = next(row for row in rows if row[0] == "spam")
    assert spam[6] == 'Bulk messages, "spam",\nand phishing'
