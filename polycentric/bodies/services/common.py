"""What every bodies service shares: validation helpers, the body file of a body, and the
re-analysis that follows every change to seats or rules."""

from __future__ import annotations

import datetime
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from typing import Any

from django.core.exceptions import ValidationError
from django.db import IntegrityError, models, transaction
from django.db.models import Q
from django.utils import timezone

from polycentric.bodies import analysis
from polycentric.bodies.models import Body, Charter, Member, SeatEntry
from polycentric.core.errors import Conflict, NotFound, ValidationFailed
from polycentric.engines.principles import BodySpec

BODY_FIELDS = ("slug", "name", "acronym", "purpose", "venue", "source")
SEAT_ENTRY_FIELDS = ("name", "group", "region", "count", "weight", "description", "order")
CHARTER_FIELDS = (
    "purpose", "required_groups", "required_regions", "rule", "fallback_rule", "fallback_when",
    "thresholds", "consultation_notice_days", "decision_meeting_notice_days",
    "meeting_notice_days", "minutes_days",
)
CHARTER_TEXT_FIELDS = (
    "fallback_when", "consultation_notice_days", "decision_meeting_notice_days",
    "meeting_notice_days", "minutes_days",
)
"""Charter fields that are not part of the body file."""


def refuse(what: str, errors: Mapping[str, Sequence[str]]) -> ValidationFailed:
    summary = "; ".join(f"{field}: {' '.join(messages)}" for field, messages in errors.items())
    return ValidationFailed(f"Invalid {what}: {summary}", errors=errors)


def save(obj: models.Model, *, what: str, exclude: Sequence[str] = ()) -> None:
    try:
        obj.full_clean(exclude=list(exclude), validate_unique=False)
    except ValidationError as exc:
        raise ValidationFailed.from_django(exc, message=f"Invalid {what}") from exc
    try:
        with transaction.atomic():
            obj.save()
    except IntegrityError as exc:
        raise Conflict(f"This {what} conflicts with an existing one: {exc}") from exc


@contextmanager
def unchanged_on_failure(*objs: models.Model) -> Iterator[None]:
    """If the write fails, put the caller's objects back as they were: a refused update changes
    nothing, in the database or in memory."""
    stored = [(obj, {f.attname: getattr(obj, f.attname) for f in obj._meta.concrete_fields},
               dict(obj._state.fields_cache)) for obj in objs]
    try:
        yield
    except Exception:
        for obj, values, related in stored:
            for attname, value in values.items():
                setattr(obj, attname, value)
            obj._state.fields_cache = related
        raise


def assign(obj: models.Model, allowed: Sequence[str], values: Mapping[str, Any]) -> list[str]:
    unknown = sorted(set(values) - set(allowed))
    if unknown:
        raise ValidationFailed(
            f"Unknown field(s): {', '.join(unknown)}",
            errors={name: ["Unknown field."] for name in unknown},
        )
    changed = []
    for name, value in values.items():
        if getattr(obj, name) != value:
            setattr(obj, name, value)
            changed.append(name)
    return changed


def charter_of(body: Body) -> Charter:
    try:
        return body.charter
    except Charter.DoesNotExist:
        raise NotFound(f"The body {body.slug!r} has no charter.") from None


def rule_value(value: Any, *, field: str) -> Any:
    """A rule given as YAML or JSON text, or already as data."""
    if isinstance(value, str):
        if not value.strip():
            return None
        return analysis.yaml_value_read(value, field=field)
    return value



# ---- the body file ------------------------------------------------------------------------------


def body_document(body: Body) -> dict[str, Any]:
    """The body as a body file (DESIGN.md), as plain data in the documented key order.

    >>> body_document(cgi_br)  # doctest: +SKIP
    {'name': 'Brazilian Internet Steering Committee (CGI.br)', 'groups': [...], 'seats': [...],
     'rule': {'majority': 'simple'}}
    """
    charter = charter_of(body)
    document: dict[str, Any] = {"name": body.name}
    purpose = charter.purpose or body.purpose
    if purpose:
        document["purpose"] = purpose
    document["groups"] = list(charter.required_groups)
    if charter.required_regions:
        document["regions"] = list(charter.required_regions)
    seats = []
    for entry in body.seat_entries.all():
        seat: dict[str, Any] = {"name": entry.name, "group": entry.group}
        if entry.region:
            seat["region"] = entry.region
        seat["count"] = entry.count
        if entry.weight != 1:
            seat["weight"] = entry.weight
        seats.append(seat)
    document["seats"] = seats
    document["rule"] = charter.decision_rule
    if charter.fallback_rule:
        document["fallback_rule"] = charter.fallback_rule
    if charter.thresholds:
        document["thresholds"] = charter.thresholds
    return document


def body_document_text(body: Body) -> str:
    """The body file of a body as YAML text: `polycentric analyze` on it gives the stored
    scorecard."""
    return analysis.body_document_text(body_document(body))


def forget_seats(body: Body) -> None:
    """Drop seat entries prefetched with the body (`selectors.body_get`): they may be stale."""
    getattr(body, "_prefetched_objects_cache", {}).pop("seat_entries", None)


def refresh(body: Body) -> BodySpec:
    """Check the whole body with the engine and store its new scorecard."""
    forget_seats(body)
    spec = analysis.body_data_read(body_document(body), name=body.slug)
    body.analysis = analysis.scorecard_compute(spec)
    body.analysed_at = timezone.now()
    Body.objects.filter(pk=body.pk).update(analysis=body.analysis, analysed_at=body.analysed_at)
    return spec


def most_held(
    entry: SeatEntry,
    *,
    start: datetime.date | None = None,
    end: datetime.date | None = None,
    exclude: int | None = None,
) -> int:
    """The most members holding seats of ``entry`` on any one day (within start..end if given)."""
    members = Member.objects.filter(seat_entry=entry)
    if exclude is not None:
        members = members.exclude(pk=exclude)
    if end is not None:
        members = members.filter(start__lte=end)
    if start is not None:
        members = members.filter(Q(end__isnull=True) | Q(end__gte=start))
    changes: list[tuple[datetime.date, int]] = []
    for member_start, member_end in members.values_list("start", "end"):
        changes.append((max(member_start, start) if start else member_start, 1))
        if member_end is not None:
            changes.append((member_end + datetime.timedelta(days=1), -1))
    most = held = 0
    for _day, step in sorted(changes, key=lambda change: (change[0], change[1])):
        held += step
        most = max(most, held)
    return most
