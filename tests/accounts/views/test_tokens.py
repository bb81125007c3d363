"""API tokens on the profile page: created (shown once) and revoked, by POST with CSRF, own only."""

from django.test import Client
from django.urls import reverse

from polycentric.accounts.models import ApiToken
from polycentric.accounts.tokens import api_token_create, user_for_token
from polycentric.core.models import Event

CREATE = reverse("accounts:token_create")


def _revoke_url(token):
    return reverse("accounts:token_revoke", args=[token.pk])


def test_creating_a_token_shows_it_once(participant_client, ana):
    response = participant_client.post(CREATE, {"name": "import script"})

    assert response.status_code == 201
    plain = response.context["new_token"]
    assert plain.startswith("pc_")
    assert plain in response.content.decode()
    assert "shown only this once" in response.content.decode()
    assert "no-store" in response["Cache-Control"]
    assert user_for_token(plain) == ana
    token = ApiToken.objects.get(user=ana)
    assert token.name == "import script" and token.digest != plain
    assert Event.objects.filter(kind="accounts.token.created", actor=ana).count() == 1

    later = participant_client.get(reverse("accounts:profile")).content.decode()
    assert plain not in later
    assert "import script" in later and token.prefix in later


def test_a_token_needs_a_name(participant_client, ana):
    response = participant_client.post(CREATE, {"name": ""})
    assert response.status_code == 400
    assert "name" in response.context["token_form"].errors
    assert not ApiToken.objects.exists()


def test_tokens_are_created_by_post_only(participant_client):
    assert participant_client.get(CREATE).status_code == 405
    assert not ApiToken.objects.exists()


def test_creating_needs_csrf(ana):
    client = Client(enforce_csrf_checks=True)
    client.force_login(ana)
    assert client.post(CREATE, {"name": "x"}).status_code == 403
    assert not ApiToken.objects.exists()


def test_revoking_own_token(participant_client, ana):
    token, plain = api_token_create(user=ana, name="old laptop", actor=ana)

    response = participant_client.post(_revoke_url(token))

    assert response.status_code == 302 and response.url == reverse("accounts:profile")
    token.refresh_from_db()
    assert token.revoked is not None
    assert user_for_token(plain) is None
    assert Event.objects.filter(kind="accounts.token.revoked", actor=ana).count() == 1
    assert "Revoked" in participant_client.get(reverse("accounts:profile")).content.decode()


def test_revoking_is_by_post_only(participant_client, ana):
    token, _ = api_token_create(user=ana, name="x", actor=ana)
    assert participant_client.get(_revoke_url(token)).status_code == 405
    token.refresh_from_db()
    assert token.revoked is None


def test_a_user_cannot_revoke_someone_elses_token(participant_client, arjun):
    token, plain = api_token_create(user=arjun, name="arjun's script", actor=arjun)

    response = participant_client.post(_revoke_url(token))

    assert response.status_code == 404
    token.refresh_from_db()
    assert token.revoked is None
    assert user_for_token(plain) == arjun
    assert not Event.objects.filter(kind="accounts.token.revoked").exists()


def test_someone_elses_tokens_are_not_listed(participant_client, arjun):
    api_token_create(user=arjun, name="arjun's script", actor=arjun)
    assert "arjun&#x27;s script" not in participant_client.get(reverse("accounts:profile")).content.decode()


def test_an_unknown_token_is_not_found(participant_client, ana):
    assert participant_client.post(reverse("accounts:token_revoke", args=[9999])).status_code == 404


def test_anonymous_visitors_are_sent_to_log_in(client, ana):
    token, _ = api_token_create(user=ana, name="x", actor=ana)
    for url in (CREATE, _revoke_url(token)):
        response = client.post(url, {"name": "x"})
        assert response.status_code == 302
        assert response.url.startswith(reverse("accounts:login") + "?next=")
    token.refresh_from_db()
    assert token.revoked is None and ApiToken.objects.count() == 1


def test_revoking_needs_csrf(ana):
    token, _ = api_token_create(user=ana, name="x", actor=ana)
    client = Client(enforce_csrf_checks=True)
    client.force_login(ana)
    assert client.post(_revoke_url(token)).status_code == 403
    token.refresh_from_db()
    assert token.revoked is None
