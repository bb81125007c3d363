"""The rounds API: reading rounds (results once closed), casting and changing a ballot, and
announcing and changing rounds; bad input gets a 4xx naming the field and changes nothing."""

from __future__ import annotations

import json

import pytest
from django.test import Client

from polycentric.accounts.tokens import api_token_create
from polycentric.coordination import services
from polycentric.coordination.models import PrioritisationRound, RoundBallot
from tests.coordination.conftest import close, shift

pytestmark = pytest.mark.django_db


def token(user) -> dict[str, str]:
    _, plain = api_token_create(user=user, name="script", actor=user)
    return {"HTTP_AUTHORIZATION": f"Bearer {plain}"}


def post(client, url, payload, **headers):
    return client.post(url, json.dumps(payload), content_type="application/json", **headers)


def test_list_and_detail_while_open_show_counts_not_results(make_round, ana, client):
    round_ = make_round("open")
    services.ballot_cast(round=round_, actor=ana, ranking=[["spam"]])

    listing = client.get("/api/rounds").json()
    detail = client.get(f"/api/rounds/{round_.slug}").json()

    assert listing["count"] == 1
    item = listing["items"][0]
    assert (item["ballots"], item["status"], item["body"]) == (1, "open", "coordination-council")
    assert detail["participation"] == {"total": 1, "groups": {"civil_society": 1},
                                       "regions": {"grulac": 1}}
    assert detail["results"] is None
    assert [c["slug"] for c in detail["candidate_issues"]] == [
        "data-flows", "cyber-norms", "jurisdiction", "spam"]
    assert detail["notice_days"] == 30


def test_detail_of_a_closed_round_carries_its_results(make_round, ana, wanjiru, client):
    round_ = make_round("open")
    services.ballot_cast(round=round_, actor=ana, ranking=[["jurisdiction"], ["spam"]])
    services.ballot_cast(round=round_, actor=wanjiru, ranking=[["spam"], ["jurisdiction"]])
    close(round_)

    results = client.get(f"/api/rounds/{round_.slug}").json()["results"]

    assert results["method"] == "schulze"
    assert set(results["by_group"]) == {"civil_society", "governments"}
    assert set(results["agreement"]["matrix"]) == {"civil_society", "governments"}
    assert results["ballots"] == 2


def test_unknown_round_is_404_naming_the_slug(client):
    response = client.get("/api/rounds/nope")
    assert response.status_code == 404
    assert "slug" in response.json()["errors"]


def test_a_ballot_is_cast_then_changed(make_round, ana):
    round_ = make_round("open")
    headers = token(ana)
    url = f"/api/rounds/{round_.slug}/ballot"

    first = post(Client(), url, {"ranking": [["spam"], ["jurisdiction", "data-flows"]]},
                 **headers)
    second = post(Client(), url, {"ranking": [["cyber-norms"]]}, **headers)

    assert first.status_code == 201
    assert first.json()["ranking"] == [["spam"], ["data-flows", "jurisdiction"]]
    assert first.json()["group"] == "civil_society" and first.json()["region"] == "grulac"
    assert second.status_code == 200
    assert RoundBallot.objects.get().ranking == [["cyber-norms"]]
    own = Client().get(url, **headers)
    assert own.status_code == 200 and own.json()["ranking"] == [["cyber-norms"]]


@pytest.mark.parametrize(("payload", "field"), [
    ({"ranking": [["ghost"]]}, "ranking"),
    ({"ranking": "spam>jurisdiction"}, "ranking"),
    ({"ranking": [["spam"]], "extra": 1}, "extra"),
    ({"approvals": ["spam"]}, "approvals"),
    ({"scores": {"spam": "high"}}, "scores.spam"),
])
def test_bad_ballots_get_422_naming_the_field(make_round, ana, payload, field):
    round_ = make_round("open")
    response = post(Client(), f"/api/rounds/{round_.slug}/ballot", payload, **token(ana))

    assert response.status_code == 422
    assert field in response.json()["errors"]
    assert not RoundBallot.objects.exists()


def test_a_ballot_that_is_not_json_gets_400(make_round, ana):
    round_ = make_round("open")
    response = Client().post(f"/api/rounds/{round_.slug}/ballot", "not json",
                             content_type="application/json", **token(ana))
    assert response.status_code == 400


def test_ballots_outside_the_window_get_409(make_round, ana):
    headers = token(ana)
    announced = make_round("announced")
    assert post(Client(), f"/api/rounds/{announced.slug}/ballot", {"ranking": [["spam"]]},
                **headers).status_code == 409
    closed = close(make_round("open"))
    response = post(Client(), f"/api/rounds/{closed.slug}/ballot", {"ranking": [["spam"]]},
                    **headers)
    assert response.status_code == 409
    assert "closed" in response.json()["detail"]
    assert not RoundBallot.objects.exists()


def test_anonymous_ballots_get_401_and_session_ballots_need_csrf(make_round, ana):
    round_ = make_round("open")
    url = f"/api/rounds/{round_.slug}/ballot"
    assert post(Client(), url, {"ranking": [["spam"]]}).status_code == 401
    session = Client(enforce_csrf_checks=True)
    session.force_login(ana)
    assert post(session, url, {"ranking": [["spam"]]}).status_code == 403
    assert not RoundBallot.objects.exists()


def test_a_facilitator_announces_a_round_through_the_api(coordination_council, small_map, fatou):
    payload = {
        "body": "coordination-council", "title": "Priorities", "slug": "priorities-api",
        "candidates": ["spam", "jurisdiction"], "ballot_kind": "approval", "method": "approval",
        "opens_at": shift(31).isoformat(), "closes_at": shift(40).isoformat(),
    }
    response = post(Client(), "/api/rounds", payload, **token(fatou))

    assert response.status_code == 201, response.json()
    assert response.json()["status"] == "announced"
    assert PrioritisationRound.objects.get().ballot_kind == "approval"


@pytest.mark.parametrize(("change", "field"), [
    ({"opens_at": "soon"}, "opens_at"),
    ({"opens_at": "2030-01-01T10:00:00"}, "opens_at"),
    ({"candidates": ["spam", "ghost"]}, "candidates"),
    ({"body": "ghost"}, "body"),
    ({"method": "dictator"}, "method"),
    ({"opens_at": "now+10"}, "opens_at"),
])
def test_bad_rounds_get_422_naming_the_field(coordination_council, small_map, fatou, change,
                                             field):
    payload = {
        "body": "coordination-council", "title": "Priorities", "slug": "priorities-api",
        "candidates": ["spam", "jurisdiction"],
        "opens_at": shift(31).isoformat(), "closes_at": shift(40).isoformat(),
    }
    payload.update(change)
    if change.get("opens_at") == "now+10":
        payload["opens_at"] = shift(10).isoformat()
    response = post(Client(), "/api/rounds", payload, **token(fatou))

    assert response.status_code == 422
    assert field in response.json()["errors"]
    assert not PrioritisationRound.objects.exists()


def test_participants_may_not_announce_rounds(coordination_council, small_map, ana):
    payload = {"body": "coordination-council", "title": "P", "slug": "p",
               "candidates": ["spam", "jurisdiction"], "opens_at": shift(31).isoformat(),
               "closes_at": shift(40).isoformat()}
    assert post(Client(), "/api/rounds", payload, **token(ana)).status_code == 403
    assert post(Client(), "/api/rounds", payload).status_code == 401
    assert not PrioritisationRound.objects.exists()


def test_patching_a_round(make_round, fatou, ana):
    round_ = make_round("open")
    url = f"/api/rounds/{round_.slug}"
    response = Client().patch(url, json.dumps({"title": "Renamed"}),
                              content_type="application/json", **token(fatou))
    assert response.status_code == 200 and response.json()["title"] == "Renamed"

    frozen = Client().patch(url, json.dumps({"method": "borda"}),
                            content_type="application/json", **token(fatou))
    assert frozen.status_code == 422 and "method" in frozen.json()["errors"]
    null = Client().patch(url, json.dumps({"title": None}),
                          content_type="application/json", **token(fatou))
    assert null.status_code == 422 and "title" in null.json()["errors"]
    assert Client().patch(url, json.dumps({"title": "X"}), content_type="application/json",
                          **token(ana)).status_code == 403
    round_.refresh_from_db()
    assert (round_.title, round_.method) == ("Renamed", "schulze")
