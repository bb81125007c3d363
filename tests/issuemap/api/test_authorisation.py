"""Who may write to the map through the API, route by route.

Anonymous callers get 401, signed-in participants who are not editors 403, editors succeed with
their session (and CSRF token) or a bearer token; a revoked token is refused. A refusal changes
nothing.
"""

from __future__ import annotations

import pytest
from django.test import Client

from polycentric.accounts.models import ApiToken
from polycentric.accounts.tokens import api_token_revoke
from polycentric.issuemap.models import Mandate
from tests.conftest import login
from tests.issuemap.api.support import bearer, map_snapshot, send

pytestmark = pytest.mark.django_db

CSRF_SECRET = "abcdefghijklmnopqrstuvwxyz012345"  # 32 characters, as Django's CSRF secrets are

ROUTES = [
    ("POST", "/api/issues", {"slug": "dns-abuse", "title": "DNS abuse", "basket": "security"}, 201),
    ("PATCH", "/api/issues/spam", {"title": "Unsolicited e-mail"}, 200),
    ("POST", "/api/issues/spam/aspects", {"slug": "botnets", "title": "Botnets"}, 201),
    ("PATCH", "/api/issues/spam/aspects/enforcement", {"title": "Enforcement"}, 200),
    ("POST", "/api/venues", {"slug": "new-forum", "name": "New Forum", "kind": "multistakeholder",
                             "reach": "global", "participation": {"civil_society": "open"}}, 201),
    ("PATCH", "/api/venues/dialogue-forum", {"can_recommend": True}, 200),
    ("POST", "/api/mandates", {"venue": "anti-abuse-forum", "issue": "jurisdiction"}, 201),
    ("PATCH", "/api/mandates/{mandate}", {"extent": "partial"}, 200),
    ("DELETE", "/api/mandates/{mandate}", None, 204),
]
ROUTE_IDS = [f"{method} {url}" for method, url, _, _ in ROUTES]


@pytest.fixture(params=ROUTES, ids=ROUTE_IDS)
def route(request, small_map):
    method, url, body, success = request.param
    mandate = Mandate.objects.get(venue=small_map["venues"]["dialogue-forum"])
    return method, url.format(mandate=mandate.pk), body, success


def attempt(client: Client, route, **headers: str):
    method, url, body, _ = route
    return send(client, method, url, body, **headers)


def assert_refused(response, status: int, before) -> None:
    assert response.status_code == status
    assert response["Content-Type"].startswith("application/json")
    assert response.json()["detail"]
    assert map_snapshot() == before


def test_anonymous_caller_is_asked_to_authenticate(route, anon):
    before = map_snapshot()

    assert_refused(attempt(anon, route), 401, before)


def test_participant_session_is_forbidden(route, participant_client):
    before = map_snapshot()

    response = attempt(participant_client, route)

    assert_refused(response, 403, before)
    assert response.json()["detail"] == "Only editors may change the map."


def test_participant_token_is_forbidden(route, anon, participant_token):
    before = map_snapshot()

    assert_refused(attempt(anon, route, **bearer(participant_token)), 403, before)


def test_editor_session_may_write(route, editor_client):
    response = attempt(editor_client, route)

    assert response.status_code == route[3], response.content


def test_editor_session_with_csrf_token_may_write(route, wanjiru):
    client = Client(enforce_csrf_checks=True)
    client.force_login(wanjiru)
    client.cookies["csrftoken"] = CSRF_SECRET

    response = attempt(client, route, X_CSRFToken=CSRF_SECRET)

    assert response.status_code == route[3], response.content


def test_editor_session_without_csrf_token_is_refused(route, wanjiru):
    client = Client(enforce_csrf_checks=True)
    client.force_login(wanjiru)
    before = map_snapshot()

    response = attempt(client, route)

    assert_refused(response, 403, before)
    assert "CSRF" in response.json()["detail"]


def test_editor_token_may_write_without_csrf(route, editor_token):
    client = Client(enforce_csrf_checks=True)

    response = attempt(client, route, **bearer(editor_token))

    assert response.status_code == route[3], response.content


def test_revoked_token_is_refused(route, anon, editor_token, wanjiru):
    api_token_revoke(token=ApiToken.objects.get(user=wanjiru), actor=wanjiru)
    before = map_snapshot()

    assert_refused(attempt(anon, route, **bearer(editor_token)), 401, before)


def test_superuser_may_write(route, admin_user):
    response = attempt(login(admin_user), route)

    assert response.status_code == route[3], response.content


@pytest.mark.parametrize(
    "authorization",
    ["Bearer pc_not-a-real-token", "Bearer ", "Bearer nonsense", "Token {token}", "{token}",
     "Basic d2FuamlydTpwYXNz"],
)
def test_malformed_or_unknown_credentials_are_refused(anon, small_map, editor_token,
                                                      authorization):
    before = map_snapshot()

    response = send(anon, "PATCH", "/api/issues/spam", {"title": "Hijacked"},
                    Authorization=authorization.format(token=editor_token))

    assert_refused(response, 401, before)


def test_token_of_a_deactivated_editor_is_refused(anon, small_map, editor_token, wanjiru):
    wanjiru.is_active = False
    wanjiru.save()
    before = map_snapshot()

    response = send(anon, "PATCH", "/api/issues/spam", {"title": "Hijacked"},
                    **bearer(editor_token))

    assert_refused(response, 401, before)


def test_a_token_write_is_recorded_as_the_token_holder(anon, small_map, editor_token, wanjiru):
    from polycentric.core.models import Event

    send(anon, "PATCH", "/api/issues/spam", {"title": "Unsolicited e-mail"}, **bearer(editor_token))

    event = Event.objects.filter(kind="map.issue.updated").latest("id")
    assert event.actor == wanjiru


def test_a_token_use_is_noted_on_the_token(anon, small_map, editor_token, wanjiru):
    send(anon, "PATCH", "/api/issues/spam", {"title": "Unsolicited e-mail"}, **bearer(editor_token))

    assert ApiToken.objects.get(user=wanjiru).last_used is not None


@pytest.mark.parametrize(
    "url",
    ["/api/issues", "/api/issues/spam", "/api/venues", "/api/venues/anti-abuse-forum",
     "/api/gaps", "/api/action-lines", "/api/openapi.json"],
)
def test_reads_are_public(anon, small_map, url):
    assert anon.get(url).status_code == 200
