import pytest
from django.contrib.auth.models import User

from polycentric.accounts.models import Country, Participant, StakeholderGroup
from polycentric.accounts.services import participant_register
from polycentric.core.errors import ValidationFailed
from polycentric.core.models import Event
from tests.accounts.conftest import NEW_PASSWORD


def _register(**overrides):
    values = {
        "username": "amani",
        "email": "amani@example.ac.tz",
        "password": NEW_PASSWORD,
        "display_name": "Amani Mrisho",
        "stakeholder_group": StakeholderGroup.objects.get(slug="academia"),
        "country": Country.objects.get(code="TZ"),
        "organisation": "University of Dar es Salaam",
        "languages": " Kiswahili ,English,,",
        "constituency": "East African internet researchers",
    }
    values.update(overrides)
    return participant_register(**values)


def test_creates_the_account_and_the_public_declaration(reference):
    participant = _register()

    user = User.objects.get(username="amani")
    assert participant.user == user
    assert user.email == "amani@example.ac.tz"
    assert user.check_password(NEW_PASSWORD)
    assert user.password != NEW_PASSWORD
    assert participant.stakeholder_group.slug == "academia"
    assert participant.country.code == "TZ"
    assert participant.organisation == "University of Dar es Salaam"
    assert participant.languages == "Kiswahili, English"
    assert participant.language_list == ["Kiswahili", "English"]


def test_records_a_registration_event_by_the_new_user_without_the_email(reference):
    participant = _register()

    event = Event.objects.get(kind="accounts.participant.registered")
    assert event.object_type == "accounts.participant"
    assert event.object_id == str(participant.pk)
    assert event.actor == participant.user
    assert event.payload["stakeholder_group"] == "academia"
    assert event.payload["country"] == "TZ"
    assert "amani@example.ac.tz" not in str(event.payload)
    assert NEW_PASSWORD not in str(event.payload)


def test_an_explicit_actor_is_recorded(reference, admin_user):
    _register(actor=admin_user)
    assert Event.objects.get(kind="accounts.participant.registered").actor == admin_user


@pytest.mark.parametrize(
    ("overrides", "field"),
    [
        ({"username": "ANA"}, "username"),  # taken by ana, ignoring case
        ({"email": "Ana@Example.org"}, "email"),  # ana's address, ignoring case
        ({"username": "no spaces allowed"}, "username"),
        ({"email": "not-an-address"}, "email"),
        ({"password": "12345678"}, "password"),
        ({"password": "short"}, "password"),
        ({"display_name": "   "}, "display_name"),
        ({"username": ""}, "username"),
    ],
)
def test_bad_input_names_the_field_and_writes_nothing(ana, overrides, field):
    users, participants, events = User.objects.count(), Participant.objects.count(), Event.objects.count()

    with pytest.raises(ValidationFailed) as caught:
        _register(**overrides)

    assert field in caught.value.errors
    assert caught.value.errors[field]
    assert (User.objects.count(), Participant.objects.count(), Event.objects.count()) == (
        users, participants, events,
    )


def test_every_problem_is_reported_at_once(ana):
    with pytest.raises(ValidationFailed) as caught:
        _register(username="ana", email="ana@example.org", password="123", display_name="")
    assert set(caught.value.errors) == {"username", "email", "password", "display_name"}
