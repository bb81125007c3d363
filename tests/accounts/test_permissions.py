from django.contrib.auth.models import AnonymousUser

from polycentric.accounts.permissions import (
    can_create_token,
    can_edit_profile,
    can_manage_tokens,
    is_own_participant,
)
from polycentric.accounts.tokens import api_token_create


def test_is_own_participant(ana, arjun):
    assert is_own_participant(ana, ana.participant)
    assert not is_own_participant(ana, arjun.participant)
    assert not is_own_participant(AnonymousUser(), ana.participant)
    assert not is_own_participant(ana, None)


def test_a_participant_edits_only_their_own_profile(ana, arjun):
    assert can_edit_profile(ana, ana.participant)
    assert not can_edit_profile(arjun, ana.participant)
    assert not can_edit_profile(AnonymousUser(), ana.participant)


def test_an_editor_of_the_map_cannot_edit_someone_elses_profile(wanjiru, ana):
    assert not can_edit_profile(wanjiru, ana.participant)


def test_an_admin_can_correct_a_profile(admin_user, ana):
    assert can_edit_profile(admin_user, ana.participant)


def test_a_deactivated_user_edits_nothing(ana):
    ana.is_active = False
    assert not can_edit_profile(ana, ana.participant)
    assert not can_create_token(ana)


def test_tokens_are_managed_only_by_their_owner(ana, arjun, admin_user):
    token, _ = api_token_create(user=ana, name="script", actor=ana)
    assert can_manage_tokens(ana, token)
    assert not can_manage_tokens(arjun, token)
    assert not can_manage_tokens(admin_user, token)  # admins revoke in the Django admin
    assert not can_manage_tokens(AnonymousUser(), token)


def test_signed_in_users_create_tokens_anonymous_do_not(ana):
    assert can_create_token(ana)
    assert not can_create_token(AnonymousUser())


def test_the_rules_are_registered_as_object_permissions(ana, arjun):
    token, _ = api_token_create(user=ana, name="script", actor=ana)
    assert ana.has_perm("accounts.edit_profile", ana.participant)
    assert not arjun.has_perm("accounts.edit_profile", ana.participant)
    assert ana.has_perm("accounts.manage_token", token)
    assert not arjun.has_perm("accounts.manage_token", token)
