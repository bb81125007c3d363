"""Editors add, edit and remove mandates: which venue covers an issue or one of its aspects."""

from __future__ import annotations

import pytest

from polycentric.core.models import Event
from polycentric.issuemap.models import Mandate
from tests.issuemap.views.support import text_of

pytestmark = pytest.mark.django_db


def mandate_data(**overrides: object) -> dict[str, object]:
    data = {"venue": "anti-abuse-forum", "aspect": "applicable-law", "extent": "partial",
            "source": "https://example.org/aaf-charter", "note": "Only for abuse cases."}
    data.update(overrides)
    return data


def test_an_editor_gives_a_homeless_aspect_a_home(editor_client, small_map, wanjiru):
    response = editor_client.post("/mandates/new/?issue=jurisdiction", mandate_data(),
                                  follow=True)

    assert response.redirect_chain == [("/issues/jurisdiction/", 302)]
    mandate = Mandate.objects.get(issue__slug="jurisdiction")
    assert (mandate.venue.slug, mandate.aspect.slug, mandate.extent) == (
        "anti-abuse-forum", "applicable-law", "partial")
    assert Event.objects.get(kind="map.mandate.created", object_id=str(mandate.pk)).actor == wanjiru
    text = text_of(response)
    assert "Mandate added." in response.content.decode()
    assert "Applicable law Needs global policy-making Yes Gap status Covered" in text
    assert "The coverage is only partial." in text


def test_a_mandate_for_the_whole_issue(editor_client, small_map):
    response = editor_client.post("/mandates/new/?issue=connectivity",
                                  mandate_data(venue="regional-data-council", aspect="",
                                               extent="full"))

    assert response.status_code == 302
    assert Mandate.objects.get(venue__slug="regional-data-council",
                               issue__slug="connectivity").aspect is None


def test_the_form_offers_only_the_issue_s_aspects_and_preselects_one(editor_client, small_map):
    html = editor_client.get("/mandates/new/?issue=connectivity&aspect=local-funds").content.decode()

    assert '<option value="">The whole issue (every aspect)</option>' in html
    assert '<option value="local-funds" selected>Universal service funds</option>' in html
    assert 'value="applicable-law"' not in html
    assert 'name="csrfmiddlewaretoken"' in html


@pytest.mark.parametrize(
    ("url", "problem"),
    [
        ("/mandates/new/", "Issue: Say which issue the mandate is for."),
        ("/mandates/new/?issue=atlantis", "Issue: Unknown issue “atlantis”."),
    ],
)
def test_the_issue_must_be_named_and_known(editor_client, small_map, url, problem):
    response = editor_client.get(url)

    assert response.status_code == 400
    assert problem in text_of(response)


def test_bad_input_is_shown_next_to_the_fields_and_nothing_is_saved(editor_client, small_map):
    events, mandates = Event.objects.count(), Mandate.objects.count()

    response = editor_client.post("/mandates/new/?issue=jurisdiction", mandate_data(
        venue="atlantis", aspect="affordability", extent="mostly", source="not a link"))

    assert response.status_code == 422
    assert set(response.context["form"].errors) == {"venue", "aspect", "extent", "source"}
    html = response.content.decode()
    for field in ("venue", "aspect", "source"):
        assert f'id="id_{field}_error"' in html
    assert Event.objects.count() == events and Mandate.objects.count() == mandates


def test_a_second_mandate_of_the_same_venue_is_refused(editor_client, small_map):
    response = editor_client.post("/mandates/new/?issue=spam",
                                  mandate_data(aspect="", extent="full"))

    assert response.status_code == 422
    assert response.context["form"].errors["venue"] == [
        "AAF already has a mandate for the whole issue."]
    assert Mandate.objects.filter(issue__slug="spam").count() == 1


def test_an_editor_edits_a_mandate(editor_client, small_map, wanjiru):
    mandate = Mandate.objects.get(issue__slug="connectivity")
    url = f"/mandates/{mandate.pk}/edit/"
    form_html = editor_client.get(url).content.decode()
    assert '<option value="dialogue-forum" selected>' in form_html
    assert '<option value="affordability" selected>' in form_html

    response = editor_client.post(url, mandate_data(venue="dialogue-forum",
                                                    aspect="affordability", extent="partial"))

    assert response.status_code == 302 and response["Location"] == "/issues/connectivity/"
    mandate.refresh_from_db()
    assert mandate.extent == "partial" and mandate.note == "Only for abuse cases."
    event = Event.objects.get(kind="map.mandate.updated", object_id=str(mandate.pk))
    assert "extent" in event.payload["changed"] and event.actor == wanjiru


def test_an_edit_that_would_duplicate_a_mandate_is_refused(editor_client, small_map, wanjiru):
    from polycentric.issuemap import services

    issue = small_map["issues"]["connectivity"]
    services.mandate_create(venue=small_map["venues"]["anti-abuse-forum"], issue=issue,
                            actor=wanjiru)
    mandate = Mandate.objects.get(issue=issue, venue__slug="dialogue-forum")

    response = editor_client.post(f"/mandates/{mandate.pk}/edit/",
                                  mandate_data(aspect="", extent="full"))

    assert response.status_code == 422
    assert response.context["form"].errors["venue"] == [
        "AAF already has a mandate for the whole issue."]
    mandate.refresh_from_db()
    assert mandate.venue.slug == "dialogue-forum"


def test_an_editor_removes_a_mandate(editor_client, small_map, wanjiru):
    mandate = Mandate.objects.get(issue__slug="connectivity")

    response = editor_client.post(f"/mandates/{mandate.pk}/delete/", follow=True)

    assert response.redirect_chain == [("/issues/connectivity/", 302)]
    assert not Mandate.objects.filter(pk=mandate.pk).exists()
    assert Event.objects.get(kind="map.mandate.deleted").actor == wanjiru
    assert "Mandate removed." in response.content.decode()
    assert "Gap status: No home" in text_of(response)


def test_removing_takes_a_post(editor_client, small_map):
    mandate = Mandate.objects.get(issue__slug="connectivity")

    assert editor_client.get(f"/mandates/{mandate.pk}/delete/").status_code == 405
    assert Mandate.objects.filter(pk=mandate.pk).exists()


def test_an_unknown_mandate_is_404(editor_client, small_map):
    assert editor_client.get("/mandates/999999/edit/").status_code == 404
    assert editor_client.post("/mandates/999999/delete/").status_code == 404
