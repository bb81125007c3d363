"""Every accounts route, per kind of visitor: public pages are public, personal ones need login."""

import pytest
from django.urls import reverse

from polycentric.accounts.tokens import api_token_create

PUBLIC_PAGES = [
    ("accounts:signup", []),
    ("accounts:login", []),
    ("accounts:password_reset", []),
    ("accounts:password_reset_done", []),
    ("accounts:password_reset_complete", []),
    ("accounts:people", []),
    ("accounts:groups", []),
    ("accounts:regions", []),
    ("accounts:region_scheme", ["un"]),
]

# (name, method) of routes that need a signed-in user
PERSONAL_ROUTES = [
    ("accounts:profile", "get"),
    ("accounts:profile", "post"),
    ("accounts:token_create", "post"),
    ("accounts:token_revoke", "post"),
    ("accounts:password_change", "get"),
    ("accounts:password_change", "post"),
    ("accounts:password_change_done", "get"),
]


@pytest.mark.parametrize(("name", "args"), PUBLIC_PAGES)
def test_public_pages_are_open_to_anonymous_visitors(client, reference, name, args):
    assert client.get(reverse(name, args=args)).status_code == 200


def test_participant_pages_are_public(client, ana):
    assert client.get(ana.participant.get_absolute_url()).status_code == 200


@pytest.mark.parametrize(("name", "method"), PERSONAL_ROUTES)
def test_personal_routes_send_anonymous_visitors_to_log_in(client, ana, name, method):
    token, _ = api_token_create(user=ana, name="x", actor=ana)
    url = reverse(name, args=[token.pk] if name == "accounts:token_revoke" else [])
    response = getattr(client, method)(url)
    assert response.status_code == 302
    assert response.url == f"{reverse('accounts:login')}?next={url}"


@pytest.mark.parametrize(("name", "method"), PERSONAL_ROUTES)
def test_personal_routes_are_open_to_the_signed_in_participant(participant_client, ana, name, method):
    token, _ = api_token_create(user=ana, name="x", actor=ana)
    url = reverse(name, args=[token.pk] if name == "accounts:token_revoke" else [])
    response = getattr(participant_client, method)(url)
    assert response.status_code in (200, 201, 302, 400)
    if response.status_code == 302:
        assert not response.url.startswith(reverse("accounts:login"))


def test_another_participants_token_is_out_of_reach(participant_client, arjun):
    token, _ = api_token_create(user=arjun, name="x", actor=arjun)
    assert participant_client.post(reverse("accounts:token_revoke", args=[token.pk])).status_code == 404


@pytest.mark.parametrize("name", ["accounts:people", "accounts:groups", "accounts:regions"])
def test_public_pages_refuse_writes(client, reference, name):
    assert client.post(reverse(name)).status_code == 405
