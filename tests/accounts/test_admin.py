"""Admins manage the people vocabularies and profiles in the Django admin."""

import pytest
from django.urls import reverse

from polycentric.accounts.models import (
    ApiToken,
    Country,
    CountryRegion,
    Participant,
    Region,
    RegionScheme,
    StakeholderGroup,
)
from polycentric.accounts.tokens import api_token_create
from polycentric.core.models import Event
from tests.conftest import login

MODELS = [StakeholderGroup, RegionScheme, Region, Country, CountryRegion, Participant, ApiToken]


def _admin_url(model, view, *args):
    return reverse(f"admin:accounts_{model._meta.model_name}_{view}", args=args)


@pytest.mark.parametrize("model", MODELS, ids=lambda m: m.__name__)
def test_every_accounts_model_has_an_admin_list_and_page(admin_user, ana, model):
    client = login(admin_user)
    assert client.get(_admin_url(model, "changelist")).status_code == 200
    if model is ApiToken:
        api_token_create(user=ana, name="x", actor=ana)
    obj = model.objects.first()
    assert client.get(_admin_url(model, "change", obj.pk)).status_code == 200


@pytest.mark.parametrize("model", MODELS, ids=lambda m: m.__name__)
def test_a_participant_cannot_use_the_admin(participant_client, model):
    response = participant_client.get(_admin_url(model, "changelist"))
    assert response.status_code == 302
    assert response.url.startswith(reverse("admin:login"))


def test_changing_a_declaration_in_the_admin_records_an_event(admin_user, ana):
    client = login(admin_user)
    participant = ana.participant
    response = client.post(_admin_url(Participant, "change", participant.pk), {
        "display_name": "Ana S.",
        "stakeholder_group": participant.stakeholder_group.pk,
        "country": participant.country.pk,
        "organisation": "Coalizão",
        "languages": "", "constituency": "",
    })
    assert response.status_code == 302
    participant.refresh_from_db()
    assert participant.display_name == "Ana S." and participant.organisation == "Coalizão"
    event = Event.objects.get(kind="accounts.participant.updated")
    assert event.actor == admin_user
    assert sorted(event.payload["changed"]) == ["display_name", "organisation"]


def test_admins_revoke_tokens_with_an_action_and_cannot_add_them(admin_user, ana):
    client = login(admin_user)
    token, _ = api_token_create(user=ana, name="leaked", actor=ana)
    assert client.get(_admin_url(ApiToken, "add")).status_code == 403
    response = client.post(_admin_url(ApiToken, "changelist"), {
        "action": "revoke", "_selected_action": [token.pk],
    })
    assert response.status_code == 302
    token.refresh_from_db()
    assert token.revoked is not None
    assert Event.objects.get(kind="accounts.token.revoked").actor == admin_user
    assert ApiToken.objects.count() == 1  # revoked, not deleted
