"""The signed-in participant's own profile: declaration and regions."""

from django.contrib.auth.models import User
from django.test import Client
from django.urls import reverse

from polycentric.accounts.models import Country, Participant, StakeholderGroup
from polycentric.core.models import Event

PROFILE = reverse("accounts:profile")


def _declaration(**changes):
    values = {
        "display_name": "Ana Souza",
        "stakeholder_group": str(StakeholderGroup.objects.get(slug="civil_society").pk),
        "country": str(Country.objects.get(code="BR").pk),
        "organisation": "Coalizão Direitos na Rede",
        "languages": "Português, Español, English",
        "constituency": "Brazilian digital rights organisations",
    }
    values.update(changes)
    return values


def test_the_profile_shows_the_declaration_regions_and_tokens(participant_client):
    response = participant_client.get(PROFILE)
    assert response.status_code == 200
    html = response.content.decode()
    assert response.context["form"]["display_name"].value() == "Ana"
    assert "Latin American and Caribbean Group (GRULAC)" in html
    assert "Latin America/Caribbean islands" in html
    assert "API tokens" in html
    assert reverse("accounts:password_change") in html
    assert response["Cache-Control"].startswith("max-age=0")


def test_editing_the_declaration(participant_client, ana):
    response = participant_client.post(PROFILE, _declaration(country=str(Country.objects.get(code="PT").pk)))

    assert response.status_code == 302 and response.url == PROFILE
    participant = Participant.objects.get(user=ana)
    assert participant.display_name == "Ana Souza"
    assert participant.country.code == "PT"
    assert participant.languages == "Português, Español, English"
    event = Event.objects.get(kind="accounts.participant.updated")
    assert event.actor == ana and "country" in event.payload["changed"]
    page = participant_client.get(PROFILE).content.decode()
    assert "Your profile has been saved." in page
    assert "Western European and Others Group (WEOG)" in page  # Portugal's UN group


def test_bad_input_is_a_field_error_and_changes_nothing(participant_client, ana):
    response = participant_client.post(PROFILE, _declaration(country="424242", display_name=""))

    assert response.status_code == 400
    errors = response.context["form"].errors
    assert "Select a valid choice" in errors["country"][0]
    assert "display_name" in errors
    assert 'id="id_country_error"' in response.content.decode()
    assert Participant.objects.get(user=ana).display_name == "Ana"
    assert not Event.objects.filter(kind="accounts.participant.updated").exists()


def test_a_user_without_a_participant_gets_one_on_first_visit(db, reference):
    root = User.objects.create_superuser("root", "root@example.org", "unused-passphrase-123")
    client = Client()
    client.force_login(root)

    assert client.get(PROFILE).status_code == 200
    assert client.get(PROFILE).status_code == 200
    assert Participant.objects.filter(user=root).count() == 1
    assert Event.objects.filter(kind="accounts.participant.created").count() == 1
    page = client.get(PROFILE).content.decode()
    assert "Choose your country above" in page


def test_anonymous_visitors_are_sent_to_log_in(client, ana):
    for method in ("get", "post"):
        response = getattr(client, method)(PROFILE)
        assert response.status_code == 302
        assert response.url == f"{reverse('accounts:login')}?next={PROFILE}"
    assert Participant.objects.get(user=ana).display_name == "Ana"


def test_editing_needs_csrf(ana):
    client = Client(enforce_csrf_checks=True)
    client.force_login(ana)
    assert client.post(PROFILE, _declaration()).status_code == 403
    assert Participant.objects.get(user=ana).display_name == "Ana"
