"""Sign up, end to end with the Django test client."""

import pytest
from django.contrib.auth.models import User
from django.test import Client
from django.urls import reverse

from polycentric.accounts.models import Participant
from polycentric.core.models import Event
from tests.accounts.conftest import NEW_PASSWORD

SIGNUP = reverse("accounts:signup")


def _counts():
    return User.objects.count(), Participant.objects.count(), Event.objects.count()


def test_the_form_asks_for_account_and_declaration(client, reference):
    response = client.get(SIGNUP)
    assert response.status_code == 200
    html = response.content.decode()
    for name in ("username", "email", "password", "password_confirm", "display_name",
                 "stakeholder_group", "country", "organisation", "languages", "constituency"):
        assert f'name="{name}"' in html
        assert f'for="id_{name}"' in html  # every input has a label
    assert "Technical community" in html  # groups come from the data
    assert html.index(">Afghanistan<") < html.index(">Zimbabwe<")  # countries by name


def test_signing_up_creates_the_participant_logs_in_and_shows_the_profile(client, signup_data):
    response = client.post(SIGNUP, signup_data, follow=True)

    assert response.redirect_chain == [(reverse("accounts:profile"), 302)]
    assert response.status_code == 200
    user = User.objects.get(username="amani")
    assert user.check_password(NEW_PASSWORD)
    assert user.participant.country.code == "TZ"
    assert user.participant.languages == "Kiswahili, English"
    assert response.context["user"] == user
    html = response.content.decode()
    assert "Amani Mrisho" in html
    assert "University of Dar es Salaam" in html
    assert "African Group" in html  # Tanzania's UN regional group
    assert Event.objects.filter(kind="accounts.participant.registered", actor=user).count() == 1


def test_a_signed_in_user_is_sent_to_the_profile(participant_client):
    response = participant_client.get(SIGNUP)
    assert response.status_code == 302
    assert response.url == reverse("accounts:profile")


def test_csrf_is_required_to_sign_up(signup_data):
    client = Client(enforce_csrf_checks=True)
    before = _counts()

    refused = client.post(SIGNUP, signup_data)
    assert refused.status_code == 403
    assert _counts() == before

    client.get(SIGNUP)  # sets the CSRF cookie
    token = client.cookies["csrftoken"].value
    accepted = client.post(SIGNUP, {**signup_data, "csrfmiddlewaretoken": token})
    assert accepted.status_code == 302
    assert User.objects.filter(username="amani").exists()


@pytest.mark.parametrize(
    ("change", "field", "message"),
    [
        ({"password_confirm": "something-else-entirely-9"}, "password_confirm", "do not match"),
        ({"country": "999999"}, "country", "Select a valid choice"),
        ({"country": "not-a-number"}, "country", "Select a valid choice"),
        ({"stakeholder_group": "999999"}, "stakeholder_group", "Select a valid choice"),
        ({"username": "ana"}, "username", "already exists"),
        ({"username": "ANA"}, "username", "already exists"),
        ({"email": "ana@example.org"}, "email", "already exists"),
        ({"email": "not-an-address"}, "email", "valid email"),
        ({"password": "password", "password_confirm": "password"}, "password", "too common"),
        ({"password": "123456789012", "password_confirm": "123456789012"}, "password", "numeric"),
        ({"display_name": ""}, "display_name", "required"),
        ({"username": "bad name!"}, "username", "Enter a valid username"),
        ({"constituency": "x" * 301}, "constituency", "at most 300"),
    ],
)
def test_bad_input_gets_a_field_error_and_creates_nothing(client, ana, signup_data, change, field, message):
    before = _counts()

    response = client.post(SIGNUP, {**signup_data, **change})

    assert response.status_code == 400
    errors = response.context["form"].errors
    assert field in errors, errors
    assert message in " ".join(errors[field])
    html = response.content.decode()
    assert f'id="id_{field}_error"' in html  # shown next to the field
    assert f'aria-describedby="id_{field}_helptext id_{field}_error"' in html or \
        f'aria-describedby="id_{field}_error"' in html
    assert _counts() == before
    assert not User.objects.filter(username="amani").exists()


def test_an_empty_post_lists_every_required_field(client, reference):
    response = client.post(SIGNUP, {})
    assert response.status_code == 400
    assert set(response.context["form"].errors) == {
        "username", "email", "password", "password_confirm", "display_name",
        "stakeholder_group", "country",
    }
    assert User.objects.count() == 0


def test_the_password_is_not_echoed_back(client, ana, signup_data):
    response = client.post(SIGNUP, {**signup_data, "username": "ana"})
    assert NEW_PASSWORD not in response.content.decode()
