"""Every write to the map: issues, aspects, venues, participation and mandates.

Each service takes the acting user, validates with the model's rules, writes inside a
transaction and records an event. Views, the API and the importer all call these.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from contextlib import contextmanager
from typing import Any

from django.core.exceptions import ValidationError
from django.db import IntegrityError, models, transaction

from polycentric.accounts.models import Region, StakeholderGroup
from polycentric.core.errors import Conflict, ValidationFailed
from polycentric.core.services import event_record
from polycentric.issuemap.models import (
    ActionLine,
    Aspect,
    Basket,
    Issue,
    Mandate,
    Participation,
    Venue,
)

ISSUE_FIELDS = ("slug", "title", "summary", "basket", "expertise", "status", "priority", "source")
ASPECT_FIELDS = ("slug", "title", "description", "needs_global_policy", "order")
VENUE_FIELDS = (
    "slug", "name", "acronym", "kind", "description", "reach", "outputs",
    "can_decide", "can_recommend", "parent", "url", "source",
)
MANDATE_FIELDS = ("venue", "issue", "aspect", "extent", "source", "note")


def _save(obj: models.Model, *, what: str) -> None:
    try:
        obj.full_clean()
    except ValidationError as exc:
        raise ValidationFailed.from_django(exc, message=f"Invalid {what}") from exc
    try:
        with transaction.atomic():
            obj.save()
    except IntegrityError as exc:
        raise Conflict(f"This {what} conflicts with an existing one: {exc}") from exc


def _assign(obj: models.Model, allowed: Iterable[str], values: Mapping[str, Any]) -> list[str]:
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


@contextmanager
def _unchanged_on_failure(obj: models.Model) -> Iterator[None]:
    """If the write fails, put the caller's object back as it was: a refused update changes
    nothing, in the database or in memory."""
    stored = {f.attname: getattr(obj, f.attname) for f in obj._meta.concrete_fields}
    related = dict(obj._state.fields_cache)
    try:
        yield
    except Exception:
        for attname, value in stored.items():
            setattr(obj, attname, value)
        obj._state.fields_cache = related
        raise


def _same_members(manager: Any, wanted: Iterable[models.Model]) -> bool:
    return set(manager.values_list("pk", flat=True)) == {obj.pk for obj in wanted}


def _changes_payload(values: Mapping[str, Any]) -> dict[str, Any]:
    return {
        k: (v.pk if isinstance(v, models.Model) else v)
        for k, v in values.items()
        if isinstance(v, (str, int, bool, float, type(None), models.Model))
    }


# ---- issues -----------------------------------------------------------------------------------


@transaction.atomic
def issue_create(
    *,
    slug: str,
    title: str,
    basket: Basket,
    actor: Any,
    summary: str = "",
    expertise: str = "",
    status: str = Issue.Status.OPEN,
    priority: int | None = None,
    source: str = "",
    action_lines: Iterable[ActionLine] = (),
) -> Issue:
    issue = Issue(
        slug=slug, title=title, basket=basket, summary=summary, expertise=expertise,
        status=status, priority=priority, source=source,
    )
    _save(issue, what="issue")
    issue.action_lines.set(list(action_lines))
    event_record(kind="map.issue.created", target=issue, actor=actor, summary=title,
                 payload={"slug": slug, "basket": basket.slug})
    return issue


@transaction.atomic
def issue_update(
    *, issue: Issue, actor: Any, action_lines: Iterable[ActionLine] | None = None, **values: Any
) -> Issue:
    with _unchanged_on_failure(issue):
        changed = _assign(issue, ISSUE_FIELDS, values)
        _save(issue, what="issue")
    if action_lines is not None:
        action_lines = list(action_lines)
        if not _same_members(issue.action_lines, action_lines):
            issue.action_lines.set(action_lines)
            changed.append("action_lines")
    if changed:
        event_record(kind="map.issue.updated", target=issue, actor=actor, summary=issue.title,
                     payload={"changed": changed, **_changes_payload({k: values[k] for k in changed if k in values})})
    return issue


# ---- aspects ----------------------------------------------------------------------------------


def _check_aspect_slug(aspect: Aspect) -> None:
    """Aspect slugs are unique within their issue; say so on the slug field."""
    taken = Aspect.objects.filter(issue_id=aspect.issue_id, slug=aspect.slug).exclude(pk=aspect.pk)
    if taken.exists():
        raise ValidationFailed("Invalid aspect", errors={
            "slug": [f"This issue already has an aspect with the slug {aspect.slug!r}."]})


@transaction.atomic
def aspect_create(
    *,
    issue: Issue,
    slug: str,
    title: str,
    actor: Any,
    description: str = "",
    needs_global_policy: bool = True,
    order: int | None = None,
) -> Aspect:
    if order is None:
        order = issue.aspects.count()
    aspect = Aspect(issue=issue, slug=slug, title=title, description=description,
                    needs_global_policy=needs_global_policy, order=order)
    _check_aspect_slug(aspect)
    _save(aspect, what="aspect")
    event_record(kind="map.aspect.created", target=aspect, actor=actor,
                 summary=f"{issue.title}: {title}",
                 payload={"issue": issue.slug, "slug": slug, "global": needs_global_policy})
    return aspect


@transaction.atomic
def aspect_update(*, aspect: Aspect, actor: Any, **values: Any) -> Aspect:
    with _unchanged_on_failure(aspect):
        changed = _assign(aspect, ASPECT_FIELDS, values)
        _check_aspect_slug(aspect)
        _save(aspect, what="aspect")
    if changed:
        event_record(kind="map.aspect.updated", target=aspect, actor=actor, summary=str(aspect),
                     payload={"changed": changed, "issue": aspect.issue.slug})
    return aspect


# ---- venues -----------------------------------------------------------------------------------


def _check_parent(venue: Venue) -> None:
    """A venue cannot be its own parent, nor sit below one of its own children."""
    parent = venue.parent
    seen = set()
    while parent is not None and parent.pk not in seen:
        if venue.pk is not None and parent.pk == venue.pk:
            raise ValidationFailed("Invalid venue", errors={
                "parent": ["A venue cannot be its own parent or sit below one of its children."]})
        seen.add(parent.pk)
        parent = parent.parent


def _set_participation(venue: Venue, participation: Mapping[StakeholderGroup, str]) -> bool:
    """Set each listed group's mode; return whether anything changed."""
    valid = set(Participation.Mode.values)
    errors = {
        f"participation.{group.slug}": [f"Unknown participation mode {mode!r}; "
                                        f"use one of {', '.join(Participation.Mode.values)}."]
        for group, mode in participation.items()
        if mode not in valid
    }
    if errors:
        raise ValidationFailed("Invalid participation", errors=errors)
    existing = {p.group_id: p for p in venue.participation.all()}
    changed = False
    for group, mode in participation.items():
        row = existing.get(group.pk)
        if row is None:
            Participation.objects.create(venue=venue, group=group, mode=mode)
            changed = True
        elif row.mode != mode:
            row.mode = mode
            row.save(update_fields=["mode"])
            changed = True
    return changed


@transaction.atomic
def venue_create(
    *,
    slug: str,
    name: str,
    kind: str,
    reach: str,
    actor: Any,
    participation: Mapping[StakeholderGroup, str] | None = None,
    regions: Iterable[Region] = (),
    action_lines: Iterable[ActionLine] = (),
    **values: Any,
) -> Venue:
    venue = Venue(slug=slug, name=name, kind=kind, reach=reach)
    _assign(venue, VENUE_FIELDS, values)
    _save(venue, what="venue")
    venue.regions.set(list(regions))
    venue.action_lines.set(list(action_lines))
    _set_participation(venue, participation or {})
    event_record(kind="map.venue.created", target=venue, actor=actor, summary=name,
                 payload={"slug": slug, "reach": reach, "kind": kind,
                          "participation": {g.slug: m for g, m in (participation or {}).items()}})
    return venue


@transaction.atomic
def venue_update(
    *,
    venue: Venue,
    actor: Any,
    participation: Mapping[StakeholderGroup, str] | None = None,
    regions: Iterable[Region] | None = None,
    action_lines: Iterable[ActionLine] | None = None,
    **values: Any,
) -> Venue:
    with _unchanged_on_failure(venue):
        changed = _assign(venue, VENUE_FIELDS, values)
        _check_parent(venue)
        _save(venue, what="venue")
        if regions is not None:
            regions = list(regions)
            if not _same_members(venue.regions, regions):
                venue.regions.set(regions)
                changed.append("regions")
        if action_lines is not None:
            action_lines = list(action_lines)
            if not _same_members(venue.action_lines, action_lines):
                venue.action_lines.set(action_lines)
                changed.append("action_lines")
        if participation is not None and _set_participation(venue, participation):
            changed.append("participation")
    if changed:
        event_record(kind="map.venue.updated", target=venue, actor=actor, summary=venue.name,
                     payload={"changed": changed})
    return venue


# ---- mandates ---------------------------------------------------------------------------------


@transaction.atomic
def mandate_create(
    *,
    venue: Venue,
    issue: Issue,
    actor: Any,
    aspect: Aspect | None = None,
    extent: str = Mandate.Extent.FULL,
    source: str = "",
    note: str = "",
) -> Mandate:
    if aspect is not None and aspect.issue_id != issue.pk:
        raise ValidationFailed("Invalid mandate", errors={
            "aspect": [f"Aspect {aspect.slug!r} belongs to another issue, not {issue.slug!r}."]})
    duplicate = Mandate.objects.filter(venue=venue, issue=issue, aspect=aspect).exists()
    if duplicate:
        raise Conflict("Invalid mandate", errors={
            "venue": [f"{venue.label} already has a mandate for this issue or aspect."]})
    mandate = Mandate(venue=venue, issue=issue, aspect=aspect, extent=extent, source=source,
                      note=note)
    _save(mandate, what="mandate")
    event_record(kind="map.mandate.created", target=mandate, actor=actor, summary=str(mandate),
                 payload={"venue": venue.slug, "issue": issue.slug,
                          "aspect": aspect.slug if aspect else None, "extent": extent})
    return mandate


@transaction.atomic
def mandate_update(*, mandate: Mandate, actor: Any, **values: Any) -> Mandate:
    aspect = values.get("aspect", mandate.aspect)
    issue = values.get("issue", mandate.issue)
    venue = values.get("venue", mandate.venue)
    if aspect is not None and aspect.issue_id != issue.pk:
        raise ValidationFailed("Invalid mandate", errors={
            "aspect": [f"Aspect {aspect.slug!r} belongs to another issue, not {issue.slug!r}."]})
    duplicate = (
        Mandate.objects.filter(venue=venue, issue=issue, aspect=aspect)
        .exclude(pk=mandate.pk).exists()
    )
    if duplicate:
        raise Conflict("Invalid mandate", errors={
            "venue": [f"{venue.label} already has a mandate for this issue or aspect."]})
    with _unchanged_on_failure(mandate):
        changed = _assign(mandate, MANDATE_FIELDS, values)
        _save(mandate, what="mandate")
    if changed:
        event_record(kind="map.mandate.updated", target=mandate, actor=actor,
                     summary=str(mandate), payload={"changed": changed})
    return mandate


@transaction.atomic
def mandate_delete(*, mandate: Mandate, actor: Any) -> None:
    event_record(kind="map.mandate.deleted", target=mandate, actor=actor, summary=str(mandate),
                 payload={"venue": mandate.venue.slug, "issue": mandate.issue.slug,
                          "aspect": mandate.aspect.slug if mandate.aspect_id else None})
    mandate.delete()
