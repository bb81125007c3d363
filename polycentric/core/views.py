"""View helpers shared by every app's pages."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render

from polycentric.core.errors import ApplicationError, PermissionDenied
from polycentric.core.forms import add_service_errors


def editor_form(
    request: HttpRequest,
    form: Any,
    write: Callable[[], Any],
    template: str,
    context: dict[str, Any],
    *,
    done: Callable[[Any], str],
    then: Callable[[Any], Any] = lambda saved: saved,
) -> HttpResponse:
    """The editors' form flow. GET shows the form. POST validates it and calls `write` (one
    service call); success redirects to `then(saved)` with the message `done(saved)`. Invalid
    input, or a refusal from the service shown on the form (by its `show_service_errors` if it
    has one), re-renders it with 422 (403 when the service refuses the user)."""
    status = 200
    if request.method == "POST":
        status = 422
        if form.is_valid():
            try:
                saved = write()
            except ApplicationError as exc:
                show = getattr(form, "show_service_errors", None)
                if show is not None:
                    show(exc)
                else:
                    add_service_errors(form, exc)
                if isinstance(exc, PermissionDenied):
                    status = 403
            else:
                messages.success(request, done(saved))
                return redirect(then(saved))
    return render(request, template, {**context, "form": form}, status=status)
