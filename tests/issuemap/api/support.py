"""Helpers for the map API tests: JSON requests and a snapshot of the map to prove that a
refused write changed nothing."""

from __future__ import annotations

import json
from typing import Any

from django.test import Client

from polycentric.core.models import Event
from polycentric.issuemap.models import (
    Aspect,
    Basket,
    Issue,
    Mandate,
    Participation,
    Venue,
)


def send(client: Client, method: str, url: str, body: Any = None, **headers: str):
    """A JSON request; `body` may be a dict (encoded) or a string (sent as is)."""
    data = body if isinstance(body, str) or body is None else json.dumps(body)
    return getattr(client, method.lower())(url, data=data, content_type="application/json",
                                           headers=headers)


def bearer(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


def map_snapshot() -> dict[str, list]:
    """Every map row and link, plus the number of events: equal snapshots mean nothing changed."""
    return {
        "baskets": list(Basket.objects.order_by("pk").values()),
        "issues": list(Issue.objects.order_by("pk").values()),
        "issue_lines": list(Issue.action_lines.through.objects.order_by("pk").values()),
        "aspects": list(Aspect.objects.order_by("pk").values()),
        "venues": list(Venue.objects.order_by("pk").values()),
        "venue_regions": list(Venue.regions.through.objects.order_by("pk").values()),
        "venue_lines": list(Venue.action_lines.through.objects.order_by("pk").values()),
        "participation": list(Participation.objects.order_by("pk").values()),
        "mandates": list(Mandate.objects.order_by("pk").values()),
        "events": [Event.objects.count()],
    }
