"""Who may write bodies through the API: editors (session with CSRF, or a token); anonymous
callers get 401, participants 403, and a refusal changes nothing. Reads and analysis are public."""

from __future__ import annotations

import pytest
from django.test import Client

from tests.bodies.support import CGI_BR, body_snapshot, send

pytestmark = pytest.mark.django_db

CSRF_SECRET = "abcdefghijklmnopqrstuvwxyz012345"
ROUTES = [
    ("POST", "/api/bodies", {"document": CGI_BR}, 201),
    ("PATCH", "/api/bodies/council", {"acronym": "TGC"}, 200),
]
ROUTE_IDS = [f"{method} {url}" for method, url, _, _ in ROUTES]


@pytest.fixture(params=ROUTES, ids=ROUTE_IDS)
def route(request, council):
    return request.param


def attempt(client: Client, route, **headers: str):
    method, url, body, _ = route
    return send(client, method, url, body, **headers)


def bearer(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


def test_anonymous_callers_must_authenticate(route, anon):
    before = body_snapshot()

    response = attempt(anon, route)

    assert response.status_code == 401
    assert body_snapshot() == before


def test_participants_are_forbidden(route, participant_client, anon, participant_token):
    before = body_snapshot()

    for response in (attempt(participant_client, route),
                     attempt(anon, route, **bearer(participant_token))):
        assert response.status_code == 403
        assert response.json()["detail"] == "Only editors may change bodies."
    assert body_snapshot() == before


def test_editors_may_write_with_a_token(route, editor_token):
    response = attempt(Client(enforce_csrf_checks=True), route, **bearer(editor_token))

    assert response.status_code == route[3], response.content


def test_editors_may_write_with_their_session_and_csrf_token(route, wanjiru):
    client = Client(enforce_csrf_checks=True)
    client.force_login(wanjiru)
    client.cookies["csrftoken"] = CSRF_SECRET

    assert attempt(client, route, X_CSRFToken=CSRF_SECRET).status_code == route[3]


def test_a_session_without_csrf_token_is_refused(route, wanjiru):
    client = Client(enforce_csrf_checks=True)
    client.force_login(wanjiru)
    before = body_snapshot()

    response = attempt(client, route)

    assert response.status_code == 403 and "CSRF" in response.json()["detail"]
    assert body_snapshot() == before


@pytest.mark.parametrize("url", ["/api/bodies", "/api/bodies/council",
                                 "/api/bodies/council/analysis"])
@pytest.mark.parametrize("client_name", ["anon", "participant_client", "editor_client"])
def test_everyone_reads(request, council, client_name, url):
    assert request.getfixturevalue(client_name).get(url).status_code == 200


@pytest.mark.parametrize("client_name", ["anon", "participant_client"])
def test_anyone_may_analyse_a_body_file(request, reference, client_name):
    client = request.getfixturevalue(client_name)

    assert send(client, "POST", "/api/analysis", {"document": CGI_BR}).status_code == 200
