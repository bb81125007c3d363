"""Writes about bodies as a whole: creating one from a body file, changing it or replacing its
file, re-analysing and deleting it, and analysing it under another rule without saving."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify

from polycentric.bodies import analysis
from polycentric.bodies.models import RESERVED_SLUGS, Body, Charter, Member, SeatEntry
from polycentric.bodies.services.common import (
    BODY_FIELDS,
    CHARTER_TEXT_FIELDS,
    assign,
    body_document,
    charter_of,
    forget_seats,
    most_held,
    refresh,
    refuse,
    rule_value,
    save,
    unchanged_on_failure,
)
from polycentric.core.errors import ValidationFailed
from polycentric.core.services import event_record
from polycentric.engines.power import rule_document
from polycentric.engines.principles import BodySpec, Thresholds
from polycentric.issuemap.models import Venue


def _slug_check(body: Body) -> None:
    if body.slug in RESERVED_SLUGS:
        raise refuse("body", {
            "slug": [f"{body.slug!r} is reserved for the site's own pages; choose another slug."]})
    if Body.objects.filter(slug=body.slug).exclude(pk=body.pk).exists():
        raise refuse("body", {
            "slug": [f"Another body already has the slug {body.slug!r}."]})


def _free_slug(base: str) -> str:
    """A slug made from ``base`` that no body has and no page uses: cgi-br, cgi-br-2, ..."""
    stem = slugify(base.replace(".", " "))[:72].strip("-") or "body"
    slug, number = stem, 1
    while slug in RESERVED_SLUGS or Body.objects.filter(slug=slug).exists():
        number += 1
        slug = f"{stem}-{number}"
    return slug


def _thresholds_document(thresholds: Thresholds | None) -> dict[str, Any]:
    """The body's own thresholds as in a body file; {} when it gave none."""
    if thresholds is None:
        return {}
    share = thresholds.max_region_share
    return {
        "min_group_seats": thresholds.min_group_seats,
        "min_region_seats": thresholds.min_region_seats,
        "max_region_share": str(share) if share.denominator != 1 else int(share),
    }


def _spec_read(*, text: str | None, document: Any, name: str) -> BodySpec:
    if (text is None) == (document is None):
        raise ValueError("give the body file as text or as a document, not both")
    if text is not None:
        return analysis.body_file_read(text, name=name)
    return analysis.body_data_read(document, name=name)


def _seats_apply(body: Body, spec: BodySpec) -> list[str]:
    """Make the body's seat entries those of ``spec``: entries keep their rows (and members) by
    name; entries no longer listed are removed unless someone holds or held one of their seats."""
    existing = {entry.name: entry for entry in body.seat_entries.all()}
    wanted = {seat.name for seat in spec.seats}
    changed: list[str] = []
    errors: dict[str, list[str]] = {}
    gone = [entry for name, entry in existing.items() if name not in wanted]
    held = set(Member.objects.filter(seat_entry__in=gone).values_list("seat_entry__name", flat=True))
    for name in sorted(held):
        errors.setdefault("seats", []).append(
            f"The seat entry {name!r} has members, so it cannot be removed; keep it in the list."
        )
    for index, seat in enumerate(spec.seats):
        entry = existing.get(seat.name)
        values = {"group": seat.group, "region": seat.region or "", "count": seat.count,
                  "weight": seat.weight, "order": index}
        if entry is None:
            SeatEntry.objects.create(body=body, name=seat.name, **values)
            changed.append(seat.name)
            continue
        if entry.count > seat.count:
            most = most_held(entry, start=timezone.localdate())
            if most > seat.count:
                errors.setdefault(f"seats[{index}].count", []).append(
                    f"{most} members hold seats of {seat.name!r} at the same time; it cannot have "
                    f"fewer than {most} seats."
                )
        if any(getattr(entry, k) != v for k, v in values.items()):
            SeatEntry.objects.filter(pk=entry.pk).update(**values)
            changed.append(seat.name)
    if errors:
        raise ValidationFailed("Invalid seats: " + " ".join(m for ms in errors.values() for m in ms),
                               errors=errors)
    for entry in gone:
        entry.delete()
        changed.append(entry.name)
    return changed


def _charter_values(spec: BodySpec) -> dict[str, Any]:
    return {
        "purpose": spec.purpose,
        "required_groups": list(spec.groups),
        "required_regions": list(spec.regions),
        "decision_rule": rule_document(spec.rule),
        "fallback_rule": rule_document(spec.fallback_rule) if spec.fallback_rule else None,
        "thresholds": _thresholds_document(spec.thresholds),
    }


# ---- bodies -------------------------------------------------------------------------------------


def _body_create(
    spec: BodySpec,
    *,
    actor: Any,
    slug: str | None,
    venue: Venue | None,
    acronym: str,
    source: str,
    charter: Mapping[str, Any] | None,
) -> Body:
    body = Body(
        slug=slug or _free_slug(acronym or spec.name), name=spec.name, acronym=acronym,
        purpose=spec.purpose, venue=venue, source=source,
    )
    _slug_check(body)
    save(body, what="body")
    extra = dict(charter or {})
    unknown = sorted(set(extra) - set(CHARTER_TEXT_FIELDS))
    if unknown:
        raise ValidationFailed(f"Unknown field(s): {', '.join(unknown)}",
                               errors={name: ["Unknown field."] for name in unknown})
    row = Charter(body=body, **_charter_values(spec), **extra)
    save(row, what="charter", exclude=["body"])
    SeatEntry.objects.bulk_create(
        SeatEntry(body=body, name=seat.name, group=seat.group, region=seat.region or "",
                  count=seat.count, weight=seat.weight, order=index)
        for index, seat in enumerate(spec.seats)
    )
    refresh(body)
    event_record(kind="bodies.body.created", target=body, actor=actor, summary=body.name,
                 payload={"slug": body.slug, "seats": spec.total_seats,
                          "rule": rule_document(spec.rule),
                          "venue": venue.slug if venue else None})
    return body


@transaction.atomic
def body_create_from_document(
    *,
    text: str,
    name: str,
    actor: Any,
    venue: Venue | None = None,
    slug: str | None = None,
    acronym: str = "",
    source: str = "",
    charter: Mapping[str, Any] | None = None,
) -> Body:
    """Create a body from the text of a body file named ``name`` (used in messages).

    Problems in the file raise `ValidationFailed` keyed by field path (``seats[1].count``), each
    message naming its line; nothing is saved. ``charter`` may give the charter fields that the
    file format does not carry (``fallback_when``, the notice periods)."""
    spec = analysis.body_file_read(text, name=name)
    return _body_create(spec, actor=actor, slug=slug, venue=venue, acronym=acronym,
                        source=source, charter=charter)


@transaction.atomic
def body_create_from_data(
    *,
    document: Any,
    actor: Any,
    venue: Venue | None = None,
    slug: str | None = None,
    acronym: str = "",
    source: str = "",
    charter: Mapping[str, Any] | None = None,
) -> Body:
    """Create a body from a body document already loaded (a JSON object, a form's fields)."""
    spec = analysis.body_data_read(document, name="body")
    return _body_create(spec, actor=actor, slug=slug, venue=venue, acronym=acronym,
                        source=source, charter=charter)


@transaction.atomic
def body_update(
    *,
    body: Body,
    actor: Any,
    text: str | None = None,
    document: Any = None,
    file_name: str = "body.yaml",
    charter: Mapping[str, Any] | None = None,
    **values: Any,
) -> Body:
    """Change a body's own fields (``BODY_FIELDS``) and, given a body file as ``text`` or as a
    ``document``, replace its name, seats, groups, regions and rules with the file's. Seat
    entries keep their members by name. ``charter`` may change the charter fields the file does
    not carry. The scorecard is recomputed when anything it depends on changed."""
    row = charter_of(body)
    with unchanged_on_failure(body, row):
        changed: list[str] = []
        if text is not None or document is not None:
            spec = _spec_read(text=text, document=document, name=file_name)
            values = {"name": spec.name, **values}
            if spec.purpose and "purpose" not in values and not body.purpose:
                values["purpose"] = spec.purpose
            for key, value in _charter_values(spec).items():
                if getattr(row, key) != value:
                    setattr(row, key, value)
                    changed.append(f"charter.{key}")
            changed += [f"seats.{name}" for name in _seats_apply(body, spec)]
        if "venue" in values and values["venue"] is not None and not isinstance(
            values["venue"], Venue
        ):
            raise refuse("body", {"venue": ["Unknown venue."]})
        changed += assign(body, BODY_FIELDS, values)
        _slug_check(body)
        save(body, what="body")
        if charter:
            unknown = sorted(set(charter) - set(CHARTER_TEXT_FIELDS))
            if unknown:
                raise ValidationFailed(f"Unknown field(s): {', '.join(unknown)}",
                                       errors={name: ["Unknown field."] for name in unknown})
            changed += [f"charter.{k}" for k in assign(row, CHARTER_TEXT_FIELDS, charter)]
        save(row, what="charter", exclude=["body"])
        if any(c == "name" or c.startswith(("seats.", "charter.")) for c in changed):
            refresh(body)
    if changed:
        event_record(kind="bodies.body.updated", target=body, actor=actor, summary=body.name,
                     payload={"changed": changed})
    return body


@transaction.atomic
def body_reanalyse(*, body: Body, actor: Any) -> Body:
    """Recompute the body's scorecard from its rows (for example after the engine changed) and
    store it if it differs from the stored one, recording an event; otherwise change nothing."""
    forget_seats(body)
    spec = analysis.body_data_read(body_document(body), name=body.slug)
    scorecard = analysis.scorecard_compute(spec)
    if scorecard != body.analysis:
        body.analysis = scorecard
        body.analysed_at = timezone.now()
        Body.objects.filter(pk=body.pk).update(analysis=scorecard, analysed_at=body.analysed_at)
        event_record(kind="bodies.body.analysed", target=body, actor=actor, summary=body.name,
                     payload={"passed": scorecard.get("passed")})
    return body


@transaction.atomic
def body_delete(*, body: Body, actor: Any) -> None:
    event_record(kind="bodies.body.deleted", target=body, actor=actor, summary=body.name,
                 payload={"slug": body.slug})
    body.delete()


def body_analyse_under(*, body: Body, rule: Any) -> dict[str, Any]:
    """The scorecard the body's seats would have under another ``rule`` (text or data), without
    saving anything: the "what if" of the body page. Raises `ValidationFailed` on ``rule``."""
    value = rule_value(rule, field="rule")
    if value is None:
        raise refuse("rule", {"rule": ["Give a decision rule."]})
    document = {**body_document(body), "rule": value}
    document.pop("fallback_rule", None)
    spec = analysis.body_data_read(document, name=body.slug)
    return analysis.scorecard_compute(spec)
