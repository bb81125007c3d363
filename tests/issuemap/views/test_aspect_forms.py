"""Editors add and edit an issue's aspects through the form."""

from __future__ import annotations

import pytest

from polycentric.core.models import Event
from polycentric.issuemap.models import Aspect
from tests.issuemap.views.support import text_of

pytestmark = pytest.mark.django_db


def test_an_editor_adds_an_aspect_and_its_gap_shows(editor_client, small_map, wanjiru):
    response = editor_client.post("/issues/connectivity/aspects/new/", {
        "title": "Submarine cable repair", "slug": "cable-repair",
        "description": "Who repairs cables in international waters.",
        "needs_global_policy": "on", "order": "",
    }, follow=True)

    assert response.redirect_chain == [("/issues/connectivity/", 302)]
    aspect = Aspect.objects.get(issue__slug="connectivity", slug="cable-repair")
    assert aspect.needs_global_policy and aspect.order == 2
    assert Event.objects.get(kind="map.aspect.created", object_id=str(aspect.pk)).actor == wanjiru
    text = text_of(response)
    assert "Aspect “Submarine cable repair” added." in response.content.decode()
    assert ("Submarine cable repair Who repairs cables in international waters. "
            "Needs global policy-making Yes Gap status No home") in text
    assert "Gap status: No home" in text  # the issue rolls up to its worst aspect


def test_a_slug_taken_within_the_issue_is_refused_next_to_the_slug(editor_client, small_map):
    response = editor_client.post("/issues/connectivity/aspects/new/", {
        "title": "Affordability again", "slug": "affordability", "needs_global_policy": "on",
    })

    assert response.status_code == 422
    assert response.context["form"].errors["slug"] == [
        "This issue already has an aspect with the slug “affordability”."]
    assert 'id="id_slug_error"' in response.content.decode()
    assert Aspect.objects.filter(issue__slug="connectivity").count() == 2


def test_the_same_slug_in_another_issue_is_fine(editor_client, small_map):
    response = editor_client.post("/issues/spam/aspects/new/", {
        "title": "Affordable filtering", "slug": "affordability",
    })

    assert response.status_code == 302
    assert not Aspect.objects.get(issue__slug="spam", slug="affordability").needs_global_policy


def test_bad_input_changes_nothing(editor_client, small_map):
    events = Event.objects.count()

    response = editor_client.post("/issues/spam/aspects/new/", {
        "title": "", "slug": "two words", "order": "first",
    })

    assert response.status_code == 422
    assert set(response.context["form"].errors) == {"title", "slug", "order"}
    assert Event.objects.count() == events and Aspect.objects.count() == 6


def test_an_editor_edits_an_aspect(editor_client, small_map, wanjiru):
    url = "/issues/connectivity/aspects/local-funds/edit/"
    assert 'value="Universal service funds"' in editor_client.get(url).content.decode()

    response = editor_client.post(url, {
        "title": "Universal service funds", "slug": "local-funds", "description": "",
        "needs_global_policy": "on", "order": "",
    }, follow=True)

    aspect = Aspect.objects.get(issue__slug="connectivity", slug="local-funds")
    assert response.redirect_chain == [("/issues/connectivity/", 302)]
    assert aspect.needs_global_policy and aspect.order == 1  # an empty order keeps the old one
    event = Event.objects.get(kind="map.aspect.updated", object_id=str(aspect.pk))
    assert event.payload["changed"] == ["needs_global_policy"] and event.actor == wanjiru
    assert "Universal service funds Needs global policy-making Yes Gap status No home" in text_of(
        response)


def test_an_aspect_of_another_issue_is_not_found(editor_client, small_map):
    assert editor_client.get("/issues/spam/aspects/local-funds/edit/").status_code == 404
    assert editor_client.get("/issues/atlantis/aspects/new/").status_code == 404
