"""Reads of the event record."""

from __future__ import annotations

from django.db import models
from django.db.models import QuerySet

from polycentric.core.models import Event


def events_for(target: models.Model) -> QuerySet[Event]:
    return Event.objects.filter(
        object_type=target._meta.label_lower, object_id=str(target.pk)
    ).select_related("actor")


def event_list(*, kind_prefix: str = "") -> QuerySet[Event]:
    qs = Event.objects.select_related("actor")
    if kind_prefix:
        qs = qs.filter(kind__startswith=kind_prefix)
    return qs
