"""Writes about charters: purpose, required groups and regions, decision and fallback rules
(data checked by the engine), thresholds and notice periods."""

from __future__ import annotations

from typing import Any

from django.db import transaction

from polycentric.bodies.models import Body, Charter
from polycentric.bodies.services.common import (
    CHARTER_FIELDS,
    CHARTER_TEXT_FIELDS,
    assign,
    charter_of,
    refresh,
    refuse,
    rule_value,
    save,
    unchanged_on_failure,
)
from polycentric.core.services import event_record

_KEEP: Any = object()


@transaction.atomic
def charter_update(
    *,
    body: Body,
    actor: Any,
    rule: Any = _KEEP,
    fallback_rule: Any = _KEEP,
    **values: Any,
) -> Charter:
    """Change the charter. ``rule`` and ``fallback_rule`` are YAML or JSON text or data
    (``fallback_rule`` None or empty text removes it); an invalid rule raises `ValidationFailed`
    keyed by its field path (``rule.all[1].majority``). Other fields: purpose, required_groups,
    required_regions, thresholds (as in a body file), fallback_when and the notice periods."""
    row = charter_of(body)
    if rule is not _KEEP:
        value = rule_value(rule, field="rule")
        if value is None:
            raise refuse("rule", {"rule": ["Give a decision rule."]})
        values["decision_rule"] = value
    if fallback_rule is not _KEEP:
        values["fallback_rule"] = rule_value(fallback_rule, field="fallback_rule") or None
    with unchanged_on_failure(row):
        allowed = (*(f for f in CHARTER_FIELDS if f not in ("rule",)), "decision_rule")
        changed = assign(row, allowed, values)
        save(row, what="charter", exclude=["body"])
        if set(changed) - set(CHARTER_TEXT_FIELDS):
            refresh(body)
    if changed:
        event_record(kind="bodies.charter.updated", target=row, actor=actor, summary=body.name,
                     payload={"body": body.slug, "changed": changed})
    return row
