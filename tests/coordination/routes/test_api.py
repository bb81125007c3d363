"""The routes API: an issue's route, computing it, adopting it."""

from __future__ import annotations

import json

import pytest
from django.test import Client

from polycentric.accounts.tokens import api_token_create
from polycentric.coordination import services
from polycentric.coordination.models import Route
from polycentric.core.models import Event
from tests.coordination.conftest import close

pytestmark = pytest.mark.django_db


def token(user) -> dict[str, str]:
    _, plain = api_token_create(user=user, name="script", actor=user)
    return {"HTTP_AUTHORIZATION": f"Bearer {plain}"}


def post(url, payload, **headers):
    return Client().post(url, json.dumps(payload), content_type="application/json", **headers)


def test_get_shows_a_preview_until_a_route_is_computed(routing_map, client, wanjiru):
    document = client.get("/api/issues/jurisdiction/route").json()
    assert document["latest"] is None and document["adopted"] is None
    assert document["preview"]["kind"] == "new_working_group"
    assert len(document["preview"]["draft_charter"]["seats"]) == 30

    services.route_compute(issue=routing_map["issues"]["jurisdiction"], actor=wanjiru)
    document = client.get("/api/issues/jurisdiction/route").json()
    assert document["preview"] is None
    assert document["latest"]["kind"] == "new_working_group"
    assert document["latest"]["draft_charter"]["rule"]["all"][2] == {
        "each": "region", "majority": "simple"}


def test_unknown_issue_is_404(client, routing_map):
    response = client.get("/api/issues/nope/route")
    assert response.status_code == 404 and "slug" in response.json()["errors"]


def test_a_facilitator_computes_and_adopts(routing_map, make_round, fatou):
    round_ = close(make_round("open"))
    headers = token(fatou)

    computed = post("/api/issues/spam/route", {}, **headers)
    assert computed.status_code == 201
    assert computed.json()["round"] == round_.slug
    assert computed.json()["venues"] == ["anti-abuse-forum"]

    adopted = post("/api/issues/spam/route/adopt", {"note": "Agreed."}, **headers)
    assert adopted.status_code == 200
    body = adopted.json()
    assert body["adopted"] is True and body["adopted_by"] == "Fatou"
    assert body["adoption_note"] == "Agreed."
    assert Event.objects.filter(kind="coordination.route.adopted").count() == 1
    assert Client().get("/api/issues/spam/route").json()["adopted"]["id"] == body["id"]


def test_adopting_before_computing_is_a_conflict_naming_the_route(routing_map, wanjiru):
    response = post("/api/issues/spam/route/adopt", {}, **token(wanjiru))
    assert response.status_code == 409 and "route" in response.json()["errors"]


@pytest.mark.parametrize(("url", "payload", "field"), [
    ("/api/issues/spam/route", {"round": "ghost"}, "round"),
    ("/api/issues/spam/route", {"rounds": "x"}, "rounds"),
    ("/api/issues/spam/route/adopt", {"route": 999}, "route"),
    ("/api/issues/spam/route/adopt", {"route": "latest"}, "route"),
    ("/api/issues/spam/route/adopt", {"note": 5}, "note"),
])
def test_bad_input_gets_422_naming_the_field(routing_map, wanjiru, url, payload, field):
    if url.endswith("adopt"):
        services.route_compute(issue=routing_map["issues"]["spam"], actor=wanjiru)
    response = post(url, payload, **token(wanjiru))
    assert response.status_code == 422
    assert field in response.json()["errors"]
    assert not Route.objects.filter(adopted=True).exists()


def test_authorisation(routing_map, ana, fatou, wanjiru):
    assert post("/api/issues/spam/route", {}).status_code == 401
    assert post("/api/issues/spam/route", {}, **token(ana)).status_code == 403
    services.route_compute(issue=routing_map["issues"]["spam"], actor=wanjiru)
    assert post("/api/issues/spam/route/adopt", {}).status_code == 401
    assert post("/api/issues/spam/route/adopt", {}, **token(ana)).status_code == 403
    # Fatou facilitates a body, but this route came from no round: editors only.
    assert post("/api/issues/spam/route/adopt", {}, **token(fatou)).status_code == 403
    assert not Route.objects.filter(adopted=True).exists()
