"""Writes that every app shares: appending to the event record."""

from __future__ import annotations

from typing import Any

from django.db import models

from polycentric.core.models import Event


def event_record(
    *,
    kind: str,
    actor: Any,
    target: models.Model | None = None,
    object_type: str = "",
    object_id: str = "",
    summary: str = "",
    payload: dict | None = None,
) -> Event:
    """Append one event about `target` (or a named object) done by `actor` (None: the system)."""
    actor_user = actor if getattr(actor, "is_authenticated", False) else None
    if target is not None:
        object_type, object_id = target._meta.label_lower, str(target.pk)
    return Event.objects.create(
        kind=kind,
        object_type=object_type,
        object_id=object_id,
        actor=actor_user,
        summary=summary[:300],
        payload=payload or {},
    )
