"""View helpers shared by every app's pages."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render

from polycentric.core.errors import ApplicationError, PermissionDenied
from polycentric.core.forms import add_service_errors


def _forbidden_or_invalid(exc: ApplicationError) -> int:
    return 403 if isinstance(exc, PermissionDenied) else 422


def form_write(
    request: HttpRequest,
    form: Any,
    write: Callable[[], Any],
    *,
    done: Callable[[Any], str] | str,
    then: Callable[[Any], Any] = lambda saved: saved,
    refusal_status: Callable[[ApplicationError], int] = _forbidden_or_invalid,
) -> tuple[HttpResponse | None, int]:
    """Validate a POSTed form and call `write` (one service call).

    Success: a redirect to `then(saved)` with the message `done` (or `done(saved)`), status 200.
    Invalid input: no response, 422. A refusal from the service is shown on the form (by its
    `show_service_errors` if it has one): no response, `refusal_status(exc)` (by default 403
    when the service refuses the user, else 422)."""
    if not form.is_valid():
        return None, 422
    try:
        saved = write()
    except ApplicationError as exc:
        show = getattr(form, "show_service_errors", None)
        if show is not None:
            show(exc)
        else:
            add_service_errors(form, exc)
        return None, refusal_status(exc)
    messages.success(request, done(saved) if callable(done) else done)
    return redirect(then(saved)), 200


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
    """The editors' form flow: GET shows the form; POST goes through `form_write`, and anything
    but success re-renders the form with the problems next to their fields."""
    status = 200
    if request.method == "POST":
        response, status = form_write(request, form, write, done=done, then=then)
        if response is not None:
            return response
    return render(request, template, {**context, "form": form}, status=status)
