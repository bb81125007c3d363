"""The Django admin for the map: every model is there, and changes made in it are recorded."""

from __future__ import annotations

import pytest
from django.contrib import admin
from django.test import Client

from polycentric.core.models import Event
from polycentric.issuemap.models import (
    ActionLine,
    Aspect,
    Basket,
    Issue,
    Mandate,
    Participation,
    Venue,
)
from tests.issuemap.views.support import text_of

pytestmark = pytest.mark.django_db

MODELS = [Basket, ActionLine, Issue, Aspect, Venue, Participation, Mandate]


@pytest.fixture
def admin_client(admin_user) -> Client:
    client = Client()
    client.force_login(admin_user)
    return client


def test_every_map_model_is_in_the_admin():
    assert all(admin.site.is_registered(model) for model in MODELS)


@pytest.mark.parametrize("model", MODELS, ids=lambda m: m._meta.model_name)
def test_each_list_and_change_page_opens(admin_client, small_map, model):
    name = model._meta.model_name
    ActionLine.objects.get_or_create(code="C1", defaults={"title": "Public governance"})

    assert admin_client.get(f"/admin/issuemap/{name}/").status_code == 200
    obj = model.objects.first()
    assert admin_client.get(f"/admin/issuemap/{name}/{obj.pk}/change/").status_code == 200


def test_a_change_in_the_admin_is_recorded_and_shows_in_the_gap_report(admin_client, small_map,
                                                                       admin_user):
    client = Client()
    assert "Home cannot act" in client.get("/issues/connectivity/").content.decode()  # cached
    dialogue = small_map["venues"]["dialogue-forum"]

    response = admin_client.post(f"/admin/issuemap/venue/{dialogue.pk}/change/", {
        "slug": dialogue.slug, "name": dialogue.name, "acronym": "", "kind": dialogue.kind,
        "description": "", "reach": "global", "outputs": "not_binding", "can_recommend": "on",
        "url": "", "source": "",
        "participation-TOTAL_FORMS": "0", "participation-INITIAL_FORMS": "0",
        "participation-MIN_NUM_FORMS": "0", "participation-MAX_NUM_FORMS": "1000",
    })

    assert response.status_code == 302, response.content.decode()[:2000]
    event = Event.objects.filter(kind="map.admin.venue.changed").get()
    assert event.actor == admin_user and event.object_id == str(dialogue.pk)
    assert "Covered" in client.get("/gaps/?status=covered").content.decode()
    assert "Gap status: Covered" in text_of(client.get("/issues/connectivity/"))


def test_a_participant_cannot_open_the_admin(participant_client):
    response = participant_client.get("/admin/issuemap/issue/")

    assert response.status_code == 302 and "/admin/login/" in response["Location"]
