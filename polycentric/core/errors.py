"""The one exception family for domain errors.

    ApplicationError                 any refusal a user can act on (HTTP 400)
    +-- ValidationFailed             bad input; carries {field: [problems]} (HTTP 422)
    |   +-- ImportRejected           a map file that cannot be imported; nothing was written
    |   +-- BodyTooLarge             (bodies.analysis) a body over the size limits (HTTP 413)
    |   +-- AnalysisTooSlow          (bodies.analysis) an analysis over its time limit
    +-- PermissionDenied             the acting user may not do this (HTTP 403)
    +-- NotFound                     the object does not exist (HTTP 404)
    +-- Conflict                     the object exists already / is in the way (HTTP 409)

Services raise these; views, the API and the CLI turn them into a response in one place each.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence


class ApplicationError(Exception):
    status = 400

    def __init__(self, message: str, *, errors: Mapping[str, Sequence[str]] | None = None):
        super().__init__(message)
        self.message = message
        self.errors: dict[str, list[str]] = {k: list(v) for k, v in (errors or {}).items()}

    def as_dict(self) -> dict[str, object]:
        return {"detail": self.message, "errors": self.errors}


class ValidationFailed(ApplicationError):
    status = 422

    @classmethod
    def from_django(cls, exc: object, *, message: str = "Invalid input") -> ValidationFailed:
        """Wrap a django.core.exceptions.ValidationError, keeping its field names."""
        if hasattr(exc, "message_dict"):
            errors = {field: [str(m) for m in msgs] for field, msgs in exc.message_dict.items()}
        else:
            errors = {"__all__": [str(m) for m in getattr(exc, "messages", [str(exc)])]}
        summary = "; ".join(f"{f}: {' '.join(m)}" for f, m in errors.items())
        return cls(f"{message}: {summary}", errors=errors)


class ImportRejected(ValidationFailed):
    """A map file failed validation; `errors` keys are 'FILE: entry: field'."""


class PermissionDenied(ApplicationError):
    status = 403


class NotFound(ApplicationError):
    status = 404


class Conflict(ApplicationError):
    status = 409
