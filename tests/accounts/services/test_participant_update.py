import pytest

from polycentric.accounts.models import Country, Participant, StakeholderGroup
from polycentric.accounts.services import participant_update
from polycentric.core.errors import PermissionDenied, ValidationFailed
from polycentric.core.models import Event


def test_a_participant_changes_their_declaration(ana):
    participant = ana.participant

    participant_update(
        participant=participant, actor=ana,
        stakeholder_group=StakeholderGroup.objects.get(slug="academia"),
        country=Country.objects.get(code="PT"),
        organisation="  Instituto de Tecnologia e Sociedade ",
        languages="Português,English",
        constituency="Brazilian digital rights groups",
    )

    stored = Participant.objects.get(pk=participant.pk)
    assert stored.stakeholder_group.slug == "academia"
    assert stored.country.code == "PT"
    assert stored.organisation == "Instituto de Tecnologia e Sociedade"
    assert stored.languages == "Português, English"
    assert stored.constituency == "Brazilian digital rights groups"


def test_records_one_event_naming_the_changed_fields(ana):
    participant_update(participant=ana.participant, actor=ana, display_name="Ana Souza",
                       country=Country.objects.get(code="BR"), organisation="Coalizão")

    event = Event.objects.get(kind="accounts.participant.updated")
    assert event.actor == ana
    assert event.object_id == str(ana.participant.pk)
    assert sorted(event.payload["changed"]) == ["display_name", "organisation"]  # country unchanged
    assert event.payload["display_name"] == "Ana Souza"
    assert event.payload["organisation"] == "Coalizão"


def test_no_change_records_no_event(ana):
    participant_update(participant=ana.participant, actor=ana, display_name="Ana",
                       stakeholder_group=ana.participant.stakeholder_group)
    assert not Event.objects.filter(kind="accounts.participant.updated").exists()


def test_someone_else_cannot_change_a_profile(ana, arjun):
    with pytest.raises(PermissionDenied):
        participant_update(participant=ana.participant, actor=arjun, display_name="Not Ana")
    assert Participant.objects.get(pk=ana.participant.pk).display_name == "Ana"
    assert not Event.objects.filter(kind="accounts.participant.updated").exists()


def test_anonymous_cannot_change_a_profile(ana):
    with pytest.raises(PermissionDenied):
        participant_update(participant=ana.participant, actor=None, display_name="Nobody")


def test_an_admin_may_correct_a_profile(ana, admin_user):
    participant_update(participant=ana.participant, actor=admin_user, organisation="Corrected")
    assert Participant.objects.get(pk=ana.participant.pk).organisation == "Corrected"


def test_an_unknown_field_is_refused(ana):
    with pytest.raises(ValidationFailed) as caught:
        participant_update(participant=ana.participant, actor=ana, email="new@example.org")
    assert "email" in caught.value.errors


def test_an_invalid_value_is_refused_and_nothing_changes(ana):
    participant = ana.participant
    with pytest.raises(ValidationFailed) as caught:
        participant_update(participant=participant, actor=ana, display_name="", organisation="X")
    assert "display_name" in caught.value.errors
    assert participant.display_name == "Ana"  # the object handed in is restored too
    assert Participant.objects.get(pk=participant.pk).organisation == ""
    assert not Event.objects.filter(kind="accounts.participant.updated").exists()


def test_a_country_must_be_a_country(ana):
    with pytest.raises(ValidationFailed) as caught:
        participant_update(participant=ana.participant, actor=ana, country=99999)
    assert "country" in caught.value.errors
