"""Writes about seat entries, one at a time; each is checked against the whole body and the
body is re-analysed."""

from __future__ import annotations

from typing import Any

from django.db import transaction
from django.utils import timezone

from polycentric.bodies.models import Body, SeatEntry
from polycentric.bodies.services.common import (
    SEAT_ENTRY_FIELDS,
    assign,
    charter_of,
    most_held,
    refresh,
    refuse,
    save,
    unchanged_on_failure,
)
from polycentric.core.errors import Conflict
from polycentric.core.services import event_record


def _seat_entry_check(entry: SeatEntry) -> None:
    taken = SeatEntry.objects.filter(body_id=entry.body_id, name=entry.name).exclude(pk=entry.pk)
    if taken.exists():
        raise refuse("seat entry", {
            "name": [f"This body already has a seat entry named {entry.name!r}."]})


@transaction.atomic
def seat_entry_create(
    *,
    body: Body,
    name: str,
    group: str,
    actor: Any,
    region: str = "",
    count: int = 1,
    weight: int = 1,
    description: str = "",
    order: int | None = None,
) -> SeatEntry:
    if order is None:
        order = body.seat_entries.count()
    entry = SeatEntry(body=body, name=name, group=group, region=region, count=count,
                      weight=weight, description=description, order=order)
    _seat_entry_check(entry)
    save(entry, what="seat entry")
    refresh(body)
    event_record(kind="bodies.seat_entry.created", target=entry, actor=actor,
                 summary=f"{body.name}: {name}",
                 payload={"body": body.slug, "name": name, "group": group, "region": region,
                          "count": count, "weight": weight})
    return entry


@transaction.atomic
def seat_entry_update(*, seat_entry: SeatEntry, actor: Any, **values: Any) -> SeatEntry:
    body = seat_entry.body
    with unchanged_on_failure(seat_entry):
        old_name = seat_entry.name
        changed = assign(seat_entry, SEAT_ENTRY_FIELDS, values)
        _seat_entry_check(seat_entry)
        if "count" in changed:
            most = most_held(seat_entry, start=timezone.localdate())
            if seat_entry.count < most:
                raise refuse("seat entry", {"count": [
                    f"{most} members hold these seats at the same time; give at least {most}."]})
        save(seat_entry, what="seat entry")
        if "name" in changed:
            _rename_in_rules(body, old_name, seat_entry.name)
        if set(changed) - {"description"}:
            refresh(body)
    if changed:
        event_record(kind="bodies.seat_entry.updated", target=seat_entry, actor=actor,
                     summary=f"{body.name}: {seat_entry.name}",
                     payload={"body": body.slug, "changed": changed})
    return seat_entry


@transaction.atomic
def seat_entry_delete(*, seat_entry: SeatEntry, actor: Any) -> None:
    body = seat_entry.body
    if seat_entry.members.exists():
        raise Conflict(
            f"The seat entry {seat_entry.name!r} has members; it cannot be removed.",
            errors={"seat_entry": [f"The seat entry {seat_entry.name!r} has members."]},
        )
    event_record(kind="bodies.seat_entry.deleted", target=seat_entry, actor=actor,
                 summary=f"{body.name}: {seat_entry.name}",
                 payload={"body": body.slug, "name": seat_entry.name})
    seat_entry.delete()
    if not body.seat_entries.exists():
        raise refuse("seats", {
            "seats": ["A body needs at least one seat entry; add another before removing this."]})
    refresh(body)


def _rename_in_rules(body: Body, old: str, new: str) -> None:
    """Rules that name a seat entry (``within: {seat: NAME}``) follow it when it is renamed."""

    def rename(rule: Any) -> Any:
        if isinstance(rule, dict):
            return {
                key: ({"seat": new} if key == "within" and value == {"seat": old} else rename(value))
                for key, value in rule.items()
            }
        if isinstance(rule, list):
            return [rename(part) for part in rule]
        return rule

    row = charter_of(body)
    row.decision_rule = rename(row.decision_rule)
    row.fallback_rule = rename(row.fallback_rule)
    row.save(update_fields=["decision_rule", "fallback_rule"])
