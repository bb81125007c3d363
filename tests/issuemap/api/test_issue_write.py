"""POST /api/issues and PATCH /api/issues/{slug} by an editor: what is written, and bad input
refused with the field named and the map unchanged."""

from __future__ import annotations

import pytest

from polycentric.core.models import Event
from polycentric.issuemap.models import Issue
from tests.issuemap.api.support import map_snapshot, send

pytestmark = pytest.mark.django_db

NEW_ISSUE = {
    "slug": "ai-governance",
    "title": "Artificial intelligence governance",
    "basket": "legal",
    "summary": "Rules for systems that learn.",
    "expertise": "machine learning, law",
    "status": "open",
    "priority": 2,
    "source": "https://example.org/ai",
    "action_lines": ["C5", "C7.e-business"],
}


def test_editor_creates_an_issue(editor_client, small_map, action_lines, wanjiru):
    response = send(editor_client, "POST", "/api/issues", NEW_ISSUE)

    assert response.status_code == 201
    body = response.json()
    assert body["slug"] == "ai-governance"
    assert body["basket"] == {"slug": "legal", "name": "Legal"}
    assert [line["code"] for line in body["action_lines"]] == ["C5", "C7.e-business"]
    assert (body["priority"], body["expertise"]) == (2, "machine learning, law")
    assert body["gap_status"] == "not_assessed" and body["aspects"] == []
    issue = Issue.objects.get(slug="ai-governance")
    assert issue.basket.slug == "legal" and issue.title == NEW_ISSUE["title"]
    assert set(issue.action_lines.values_list("code", flat=True)) == {"C5", "C7.e-business"}
    event = Event.objects.filter(kind="map.issue.created").latest("id")
    assert event.actor == wanjiru and event.object_id == str(issue.pk)


def test_editor_creates_an_issue_with_only_the_required_fields(editor_client, small_map):
    response = send(editor_client, "POST", "/api/issues",
                    {"slug": "dns-abuse", "title": "DNS abuse", "basket": "security"})

    assert response.status_code == 201
    assert response.json()["status"] == "open"
    assert response.json()["action_lines"] == [] and response.json()["priority"] is None


def test_editor_changes_an_issue(editor_client, small_map, action_lines, anon):
    response = send(editor_client, "PATCH", "/api/issues/spam",
                    {"title": "Unsolicited bulk e-mail", "basket": "legal", "status": "in_process",
                     "action_lines": ["C9"]})

    assert response.status_code == 200
    body = response.json()
    assert body["title"] == "Unsolicited bulk e-mail"
    assert body["basket"]["slug"] == "legal"
    assert body["status"] == "in_process"
    assert [line["code"] for line in body["action_lines"]] == ["C9"]
    assert body["summary"] == "About spam."  # left out, so left alone
    issue = Issue.objects.get(slug="spam")
    assert (issue.title, issue.basket.slug, issue.status) == (
        "Unsolicited bulk e-mail", "legal", "in_process")
    assert anon.get("/api/issues?basket=legal&q=bulk").json()["count"] == 1


def test_editor_renames_an_issue_and_clears_its_priority(editor_client, small_map, wanjiru):
    send(editor_client, "PATCH", "/api/issues/spam", {"priority": 3})

    response = send(editor_client, "PATCH", "/api/issues/spam", {"slug": "spam-2", "priority": None})

    assert response.status_code == 200
    assert response.json()["slug"] == "spam-2" and response.json()["priority"] is None
    assert Issue.objects.get(slug="spam-2").priority is None
    assert not Issue.objects.filter(slug="spam").exists()


def test_patch_keeps_action_lines_when_they_are_left_out(editor_client, small_map, action_lines):
    response = send(editor_client, "PATCH", "/api/issues/spam", {"expertise": "e-mail"})

    assert [line["code"] for line in response.json()["action_lines"]] == ["C5", "C7.e-business"]


def test_patch_of_an_unknown_issue_is_a_json_404(editor_client, small_map):
    before = map_snapshot()

    response = send(editor_client, "PATCH", "/api/issues/no-such-issue", {"title": "X"})

    assert response.status_code == 404
    assert "slug" in response.json()["errors"]
    assert map_snapshot() == before


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"basket": "nowhere"}, "basket"),
        ({"action_lines": ["C5", "C99"]}, "action_lines"),
        ({"action_lines": "C5"}, "action_lines"),
        ({"slug": "spam"}, "slug"),
        ({"slug": "Not a slug!"}, "slug"),
        ({"slug": "x" * 81}, "slug"),
        ({"title": 3}, "title"),
        ({"title": ""}, "title"),
        ({"title": "t" * 201}, "title"),
        ({"title": None}, "title"),
        ({"status": "maybe"}, "status"),
        ({"priority": "high"}, "priority"),
        ({"priority": -1}, "priority"),
        ({"priority": 40000}, "priority"),
        ({"colour": "red"}, "colour"),
    ],
)
def test_create_refuses_bad_input_naming_the_field(editor_client, small_map, action_lines,
                                                   change, field):
    body = {"slug": "new-issue", "title": "A new issue", "basket": "legal", **change}
    if change.get("title", "") is None:
        del body["title"]  # a missing required field
    before = map_snapshot()

    response = send(editor_client, "POST", "/api/issues", body)

    assert 400 <= response.status_code < 500
    assert field in response.json()["errors"], response.json()
    assert field in response.json()["detail"]
    assert map_snapshot() == before


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"basket": "nowhere"}, "basket"),
        ({"action_lines": ["C99"]}, "action_lines"),
        ({"slug": "jurisdiction"}, "slug"),
        ({"slug": "Not a slug!"}, "slug"),
        ({"title": None}, "title"),
        ({"title": ""}, "title"),
        ({"basket": None}, "basket"),
        ({"status": "maybe"}, "status"),
        ({"status": None}, "status"),
        ({"priority": 2.5}, "priority"),
        ({"summary": ["a", "list"]}, "summary"),
        ({"colour": "red"}, "colour"),
    ],
)
def test_update_refuses_bad_input_naming_the_field(editor_client, small_map, action_lines,
                                                   change, field):
    before = map_snapshot()

    response = send(editor_client, "PATCH", "/api/issues/spam", {"summary": "Changed.", **change})

    assert 400 <= response.status_code < 500
    assert field in response.json()["errors"], response.json()
    assert map_snapshot() == before


def test_several_unknown_references_are_reported_together(editor_client, small_map):
    response = send(editor_client, "POST", "/api/issues",
                    {"slug": "x", "title": "X", "basket": "nowhere", "action_lines": ["C98", "C99"]})

    assert response.status_code == 422
    assert response.json()["errors"] == {
        "basket": ["Unknown basket 'nowhere'."],
        "action_lines": ["Unknown action line 'C98'; use a code such as C5.",
                         "Unknown action line 'C99'; use a code such as C5."],
    }


@pytest.mark.parametrize("raw", ["{not json", "", "[1, 2]", "null"])
def test_a_body_that_is_not_a_json_object_is_refused(editor_client, small_map, raw):
    before = map_snapshot()

    response = send(editor_client, "POST", "/api/issues", raw)

    assert 400 <= response.status_code < 500
    assert response.json()["detail"]
    assert response.json()["errors"]
    assert map_snapshot() == before
