"""Who may do what with people's profiles and API tokens (django-rules predicates).

Everything is denied unless a predicate here allows it. Declarations are public, so reading a
participant page needs no permission; changing one does.

    can_edit_profile(user, participant)   the participant's own active user, or an admin
    can_create_token(user)                any active, signed-in user, for themselves
    can_manage_tokens(user, token)        the token's own active user (list, revoke)
"""

from __future__ import annotations

import rules

from polycentric.core.permissions import is_admin


@rules.predicate
def is_active_user(user) -> bool:
    return bool(user is not None and user.is_authenticated and user.is_active)


@rules.predicate
def is_own_participant(user, participant) -> bool:
    """The participant row belongs to this signed-in user."""
    if participant is None or user is None or not user.is_authenticated:
        return False
    return participant.user_id == user.pk


@rules.predicate
def is_token_owner(user, token) -> bool:
    if token is None or user is None or not user.is_authenticated:
        return False
    return token.user_id == user.pk


can_edit_profile = is_active_user & (is_own_participant | is_admin)
can_create_token = is_active_user
can_manage_tokens = is_active_user & is_token_owner

rules.set_perm("accounts.edit_profile", can_edit_profile)
rules.set_perm("accounts.create_token", can_create_token)
rules.set_perm("accounts.manage_token", can_manage_tokens)
