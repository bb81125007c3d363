"""Form helpers shared by every app's editor forms."""

from __future__ import annotations

from django import forms

from polycentric.core.errors import ApplicationError


def add_service_errors(form: forms.BaseForm, exc: ApplicationError) -> None:
    """Show a service's refusal on the form: known field names next to their fields, the rest
    (and a refusal without field errors) above the form. A form may map service field names to
    its own with an `error_aliases` dict."""
    aliases = getattr(form, "error_aliases", {})
    if not exc.errors:
        form.add_error(None, exc.message)
        return
    for key, messages in exc.errors.items():
        name = aliases.get(key, key)
        target = name if name in form.fields else None
        for message in messages:
            if target is None and key not in ("__all__", ""):
                message = f"{key}: {message}"
            form.add_error(target, message)
