"""Editors create and edit issues through the form; bad input is shown next to the fields."""

from __future__ import annotations

import pytest

from polycentric.core.errors import Conflict, ValidationFailed
from polycentric.core.models import Event
from polycentric.issuemap import services
from polycentric.issuemap.models import Issue
from tests.issuemap.views.support import text_of

pytestmark = pytest.mark.django_db


def issue_data(**overrides: object) -> dict[str, object]:
    data = {
        "title": "Online gambling",
        "slug": "online-gambling",
        "summary": "Cross-border betting sites and the laws of the countries they reach.",
        "basket": "legal",
        "action_lines": [],
        "expertise": "Law, payments",
        "status": "open",
        "priority": "",
        "source": "https://example.org/gambling",
    }
    data.update(overrides)
    return data


def test_an_editor_creates_an_issue(editor_client, small_map, wanjiru, wsis_lines):
    response = editor_client.post("/issues/new/", issue_data(action_lines=["C5", "C9"]),
                                  follow=True)

    assert response.redirect_chain == [("/issues/online-gambling/", 302)]
    issue = Issue.objects.get(slug="online-gambling")
    assert issue.basket.slug == "legal" and issue.expertise == "Law, payments"
    assert sorted(issue.action_lines.values_list("code", flat=True)) == ["C5", "C9"]
    event = Event.objects.get(kind="map.issue.created", object_id=str(issue.pk))
    assert event.actor == wanjiru
    assert "Issue “Online gambling” created." in response.content.decode()
    assert "Gap status: Not assessed" in text_of(response)


def test_the_new_issue_form_has_labels_help_and_csrf(editor_client, small_map):
    html = editor_client.get("/issues/new/").content.decode()

    assert 'name="csrfmiddlewaretoken"' in html
    assert '<label for="id_title">' in html and '<label for="id_basket">' in html
    assert 'id="id_slug_helptext"' in html and 'aria-describedby="id_slug_helptext"' in html


def test_bad_input_is_shown_next_to_each_field_and_nothing_is_saved(editor_client, small_map):
    events = Event.objects.count()

    response = editor_client.post("/issues/new/", issue_data(
        title="", slug="Online Gambling!", basket="astrology", status="maybe", priority="-3",
    ))

    assert response.status_code == 422
    form = response.context["form"]
    assert set(form.errors) == {"title", "slug", "basket", "status", "priority"}
    html = response.content.decode()
    for field in ("title", "slug", "basket", "status", "priority"):
        assert f'id="id_{field}_error"' in html, field
    assert 'aria-invalid="true" aria-describedby="id_slug_helptext id_slug_error"' in html
    assert "There are problems" in text_of(response)
    assert not Issue.objects.filter(title="").exists()
    assert Issue.objects.count() == 5 and Event.objects.count() == events


@pytest.mark.parametrize(
    ("slug", "problem"),
    [
        ("spam", "Issue with this Slug already exists."),
        ("new", "“new” is reserved for the site's own pages; choose another slug."),
    ],
)
def test_a_taken_or_reserved_slug_is_refused(editor_client, small_map, slug, problem):
    response = editor_client.post("/issues/new/", issue_data(slug=slug))

    assert response.status_code == 422
    assert response.context["form"].errors["slug"] == [problem]
    assert Issue.objects.filter(title="Online gambling").count() == 0


def test_a_refusal_from_the_service_is_put_on_the_form(editor_client, small_map, monkeypatch):
    def refuse(**kwargs):
        raise ValidationFailed("Invalid issue", errors={"title": ["Too vague."],
                                                        "weather": ["Stormy."]})

    monkeypatch.setattr(services, "issue_create", refuse)

    response = editor_client.post("/issues/new/", issue_data())

    assert response.status_code == 422
    form = response.context["form"]
    assert form.errors["title"] == ["Too vague."]
    assert form.non_field_errors() == ["weather: Stormy."]


def test_a_conflict_without_field_errors_is_shown_above_the_form(editor_client, small_map,
                                                                 monkeypatch):
    def refuse(**kwargs):
        raise Conflict("This issue conflicts with an existing one.")

    monkeypatch.setattr(services, "issue_create", refuse)

    response = editor_client.post("/issues/new/", issue_data())

    assert response.status_code == 422
    assert response.context["form"].non_field_errors() == [
        "This issue conflicts with an existing one."]
    assert "This issue conflicts with an existing one." in text_of(response)


def test_the_edit_form_starts_from_the_stored_issue(editor_client, wsis_lines):
    html = editor_client.get("/issues/spam/edit/").content.decode()

    assert '<option value="security" selected>Security</option>' in html
    assert 'value="Spam"' in html
    assert 'value="C5" id="id_action_lines_0" checked' in html


def test_an_editor_edits_an_issue_and_the_change_is_recorded(editor_client, small_map, wanjiru):
    response = editor_client.post("/issues/jurisdiction/edit/", issue_data(
        title="Jurisdiction and applicable law", slug="jurisdiction", basket="legal",
        status="in_process", priority="2",
    ), follow=True)

    assert response.redirect_chain == [("/issues/jurisdiction/", 302)]
    issue = Issue.objects.get(slug="jurisdiction")
    assert (issue.title, issue.status, issue.priority) == (
        "Jurisdiction and applicable law", "in_process", 2)
    event = Event.objects.filter(kind="map.issue.updated", object_id=str(issue.pk)).get()
    assert {"title", "summary", "status", "priority"} <= set(event.payload["changed"])
    assert event.actor == wanjiru
    assert "Issue “Jurisdiction and applicable law” saved." in response.content.decode()


def test_a_bad_edit_changes_nothing(editor_client, small_map):
    events = Event.objects.count()

    response = editor_client.post("/issues/spam/edit/", issue_data(
        title="Spam", slug="jurisdiction", basket="security"))

    assert response.status_code == 422
    assert response.context["form"].errors["slug"] == ["Issue with this Slug already exists."]
    assert Issue.objects.get(pk=small_map["issues"]["spam"].pk).slug == "spam"
    assert Event.objects.count() == events


def test_an_unknown_issue_cannot_be_edited(editor_client, small_map):
    assert editor_client.get("/issues/atlantis/edit/").status_code == 404
