"""The Django admin for bodies: every model is there, changes are recorded and re-analysed."""

from __future__ import annotations

import pytest
from django.contrib import admin
from django.test import Client

from polycentric.bodies import services
from polycentric.bodies.models import Body, Member, SeatEntry
from polycentric.core.models import Event
from tests.bodies.support import TERM_START

pytestmark = pytest.mark.django_db

MODELS = [Body, SeatEntry, Member]


@pytest.fixture
def admin_client(admin_user) -> Client:
    client = Client()
    client.force_login(admin_user)
    return client


@pytest.fixture
def seated(council, wanjiru, ana):
    return services.member_add(body=council, seat_entry=council.seat_entries.get(name="ngos"),
                               participant=ana.participant, start=TERM_START, actor=wanjiru)


def test_every_bodies_model_is_in_the_admin():
    assert all(admin.site.is_registered(model) for model in MODELS)


@pytest.mark.parametrize("model", MODELS, ids=lambda m: m._meta.model_name)
def test_each_list_and_change_page_opens(admin_client, seated, model):
    name = model._meta.model_name

    assert admin_client.get(f"/admin/bodies/{name}/").status_code == 200
    response = admin_client.get(f"/admin/bodies/{name}/{model.objects.first().pk}/change/")
    assert response.status_code == 200


def test_a_seat_change_in_the_admin_is_recorded_and_reanalysed(admin_client, council, admin_user):
    ngos = council.seat_entries.get(name="ngos")

    response = admin_client.post(f"/admin/bodies/seatentry/{ngos.pk}/change/", {
        "body": council.pk, "name": "ngos", "group": "civil_society", "region": "WEOG",
        "count": 4, "weight": 1, "description": "", "order": 1,
    })

    assert response.status_code == 302
    analysis = Body.objects.get(pk=council.pk).analysis
    assert analysis["by_group"]["seats"]["civil_society"] == 4
    assert Event.objects.filter(kind="bodies.admin.seatentry.changed", actor=admin_user).exists()


def test_an_admin_change_the_engine_refuses_clears_the_scorecard_and_says_why(
        admin_client, council, wanjiru):
    services.charter_update(body=council, actor=wanjiru, rule={"quota": 5})
    ngos = council.seat_entries.get(name="ngos")

    response = admin_client.post(f"/admin/bodies/seatentry/{ngos.pk}/change/", {
        "body": council.pk, "name": "ngos", "group": "civil_society", "region": "WEOG",
        "count": 1, "weight": 1, "description": "", "order": 1,
    }, follow=True)

    assert "could not be analysed" in response.content.decode()
    assert Body.objects.get(pk=council.pk).analysis == {}
