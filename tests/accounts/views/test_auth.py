"""Log in, log out, password reset and password change, through Django's views and our templates."""

import re

from django.contrib.auth.models import User
from django.core import mail
from django.test import Client
from django.urls import reverse

from tests.conftest import PASSWORD

LOGIN = reverse("accounts:login")


def test_the_login_page_has_labelled_fields_and_links(client, reference):
    response = client.get(LOGIN)
    assert response.status_code == 200
    html = response.content.decode()
    assert 'for="id_username"' in html and 'for="id_password"' in html
    assert reverse("accounts:password_reset") in html
    assert reverse("accounts:signup") in html


def test_logging_in_goes_to_the_profile(client, ana):
    response = client.post(LOGIN, {"username": "ana", "password": PASSWORD})
    assert response.status_code == 302
    assert response.url == reverse("accounts:profile")
    assert client.get(reverse("accounts:profile")).context["user"] == ana


def test_logging_in_honours_next(client, ana):
    response = client.post(LOGIN, {"username": "ana", "password": PASSWORD,
                                   "next": reverse("accounts:groups")})
    assert response.url == reverse("accounts:groups")


def test_a_wrong_password_is_refused_with_a_message(client, ana):
    response = client.post(LOGIN, {"username": "ana", "password": "wrong-password"})
    assert response.status_code == 400
    assert "correct username and password" in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_logout_is_by_post_only(participant_client):
    assert participant_client.get(reverse("accounts:logout")).status_code == 405
    response = participant_client.post(reverse("accounts:logout"))
    assert response.status_code == 302
    assert response.url == reverse("web:home")
    assert "_auth_user_id" not in participant_client.session


def test_logout_needs_csrf(ana):
    client = Client(enforce_csrf_checks=True)
    client.force_login(ana)
    assert client.post(reverse("accounts:logout")).status_code == 403
    assert "_auth_user_id" in client.session


def test_password_reset_by_email_end_to_end(client, ana):
    page = client.get(reverse("accounts:password_reset"))
    assert page.status_code == 200 and 'for="id_email"' in page.content.decode()

    response = client.post(reverse("accounts:password_reset"), {"email": "ana@example.org"})
    assert response.status_code == 302
    assert response.url == reverse("accounts:password_reset_done")
    assert client.get(response.url).status_code == 200
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["ana@example.org"]
    assert "Reset your password" in message.subject
    link = re.search(r"https?://[^/]+(/accounts/password/reset/\S+/\S+/)", message.body).group(1)

    form_page = client.get(link, follow=True)
    assert form_page.status_code == 200
    assert form_page.context["validlink"] is True
    set_password_url = form_page.redirect_chain[-1][0]
    new = "a-brand-new-passphrase-77"
    done = client.post(set_password_url, {"new_password1": new, "new_password2": new})
    assert done.status_code == 302
    assert done.url == reverse("accounts:password_reset_complete")
    assert client.get(done.url).status_code == 200
    assert User.objects.get(username="ana").check_password(new)

    reused = client.get(link, follow=True)
    assert reused.context["validlink"] is False
    assert "not valid" in reused.content.decode()


def test_password_reset_for_an_unknown_address_sends_nothing_and_reveals_nothing(client, ana):
    response = client.post(reverse("accounts:password_reset"), {"email": "nobody@example.org"})
    assert response.status_code == 302
    assert response.url == reverse("accounts:password_reset_done")
    assert mail.outbox == []


def test_password_reset_with_a_bad_address_is_a_field_error(client, reference):
    response = client.post(reverse("accounts:password_reset"), {"email": "not an address"})
    assert response.status_code == 400
    assert "email" in response.context["form"].errors


def test_password_change(client, ana):
    client.force_login(ana)
    url = reverse("accounts:password_change")
    assert client.get(url).status_code == 200
    new = "another-long-passphrase-31"

    wrong = client.post(url, {"old_password": "nope", "new_password1": new, "new_password2": new})
    assert wrong.status_code == 400
    assert "old_password" in wrong.context["form"].errors

    response = client.post(url, {"old_password": PASSWORD, "new_password1": new, "new_password2": new})
    assert response.status_code == 302
    assert response.url == reverse("accounts:password_change_done")
    assert client.get(response.url).status_code == 200
    assert User.objects.get(username="ana").check_password(new)


def test_password_change_needs_login(client, reference):
    url = reverse("accounts:password_change")
    response = client.get(url)
    assert response.status_code == 302
    assert response.url.startswith(LOGIN + "?next=")
