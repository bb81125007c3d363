"""API tokens: issue one (the plain token is shown once), find the user behind one, revoke one."""

from __future__ import annotations

import hashlib
import secrets
from typing import Any

from django.contrib.auth.models import User
from django.db import transaction
from django.utils import timezone

from polycentric.accounts.models import ApiToken
from polycentric.core.services import event_record


def _digest(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


@transaction.atomic
def api_token_create(*, user: User, name: str, actor: Any) -> tuple[ApiToken, str]:
    """Create a token for `user`; returns the row and the plain token (never stored)."""
    plain = "pc_" + secrets.token_urlsafe(32)
    token = ApiToken.objects.create(user=user, name=name[:100] or "API token",
                                    digest=_digest(plain), prefix=plain[:8])
    event_record(kind="accounts.token.created", target=token, actor=actor,
                 summary=f"API token {token.prefix}… for {user.username}")
    return token, plain


@transaction.atomic
def api_token_revoke(*, token: ApiToken, actor: Any) -> ApiToken:
    if token.revoked is None:
        token.revoked = timezone.now()
        token.save(update_fields=["revoked"])
        event_record(kind="accounts.token.revoked", target=token, actor=actor,
                     summary=f"API token {token.prefix}… revoked")
    return token


def user_for_token(plain: str) -> User | None:
    """The active user holding this unrevoked token, or None."""
    token = (
        ApiToken.objects.select_related("user")
        .filter(digest=_digest(plain), revoked__isnull=True, user__is_active=True)
        .first()
    )
    if token is None:
        return None
    ApiToken.objects.filter(pk=token.pk).update(last_used=timezone.now())
    return token.user
