"""How an API caller proves who they are, for django-ninja operations.

Two ways, tried in this order:

- ``BearerTokenAuth``: ``Authorization: Bearer pc_...``, a token issued on the profile page
  (see ``polycentric.accounts.tokens``); a revoked token, or one of an inactive user, is refused.
  No CSRF check: a browser never adds this header on its own.
- ``SessionAuth``: the site's session cookie. A signed-in caller must pass Django's CSRF check
  (the ``X-CSRFToken`` header carrying the ``csrftoken`` cookie), as forms on the site do.

Each takes an optional permission predicate (django-rules). A caller who is identified but not
allowed gets ``PermissionDenied`` (HTTP 403); one who is not identified gets ninja's
``AuthenticationError`` (HTTP 401) once every method has said no.

    editors_only = [BearerTokenAuth(permission=can_edit_map), SessionAuth(permission=can_edit_map)]
    @router.post("/issues", auth=editors_only)
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.http import HttpRequest
from ninja.security import APIKeyCookie, HttpBearer
from ninja.utils import check_csrf

from polycentric.accounts.tokens import user_for_token
from polycentric.core.errors import PermissionDenied

TOKEN_PREFIX = "pc_"  # noqa: S105 -- the public prefix of every token, not a secret


class _Permission:
    """Holds a django-rules predicate (or any callable taking the user) and applies it."""

    permission: Any = None
    denied_message = "You are signed in but not allowed to do this."

    def permitted(self, user: Any) -> Any:
        if self.permission is not None and not self.permission(user):
            raise PermissionDenied(self.denied_message)
        return user


class BearerTokenAuth(_Permission, HttpBearer):
    """A personal API token in the Authorization header."""

    def __init__(self, *, permission: Any = None, denied_message: str | None = None) -> None:
        self.permission = permission
        if denied_message:
            self.denied_message = denied_message
        super().__init__()

    def authenticate(self, request: HttpRequest, token: str) -> Any:
        token = token.strip()
        if not token.startswith(TOKEN_PREFIX):
            return None
        user = user_for_token(token)
        if user is None:
            return None
        return self.permitted(user)


class SessionAuth(_Permission, APIKeyCookie):
    """The site's session, with a CSRF check for signed-in callers.

    Unlike ninja's ``django_auth``, the CSRF check runs only once the session names a user, so an
    anonymous caller is told to authenticate (401) rather than that a CSRF token is missing.
    """

    csrf_message = (
        "CSRF check failed: send the csrftoken cookie's value in the X-CSRFToken header, "
        "or use a bearer token."
    )

    def __init__(self, *, permission: Any = None, denied_message: str | None = None) -> None:
        self.param_name = settings.SESSION_COOKIE_NAME
        self.permission = permission
        if denied_message:
            self.denied_message = denied_message
        super().__init__(csrf=True)

    def _get_key(self, request: HttpRequest) -> str | None:
        return request.COOKIES.get(self.param_name)

    def authenticate(self, request: HttpRequest, key: str | None) -> Any:
        user = getattr(request, "user", None)
        if user is None or not user.is_authenticated:
            return None
        exempt = getattr(request, "_ninja_csrf_exempt", False)
        if self.csrf and not exempt and check_csrf(request) is not None:
            raise PermissionDenied(self.csrf_message, errors={"csrf": [self.csrf_message]})
        return self.permitted(user)
