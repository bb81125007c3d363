"""Every write about processes and their roadmaps: the process, its stages, their announcement
and their opening.

A process takes one issue forward under a lead body or venue as ordered, dated stages (by
default scoping, consultation, drafting, decision and implementation oversight, each editable).
A stage is announced with its background (aim and purpose, modalities, significance), and it
cannot open before it was announced at least the notice period of its kind earlier (the lead
body's charter, see `selectors.process_periods`): participants far from the centre need time to
prepare. Days count between calendar dates in the site's time zone, as principle P2 counts them.

Services check who may act: the site's editors and the facilitators of the process's keeper (its
coordinating body, else its lead body). ``actor=None`` is the system (the reference loader), the
only caller that may give ``at`` to record what happened in the past; the same rules hold then.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.db import IntegrityError, transaction
from django.utils import timezone

from polycentric.bodies.models import Body
from polycentric.coordination.models import Process, Stage
from polycentric.coordination.models.processes import RESERVED_SLUGS
from polycentric.coordination.permissions import (
    can_facilitate_body,
    can_manage_process,
    is_editor,
)
from polycentric.coordination.selectors.processes import process_periods
from polycentric.core.errors import Conflict, PermissionDenied, ValidationFailed
from polycentric.core.services import event_record
from polycentric.engines.principles import date_words, stage_notice
from polycentric.issuemap.models import Issue, Venue

DEFAULT_STAGES = (
    (Stage.Kind.SCOPING, "Scoping"),
    (Stage.Kind.CONSULTATION, "Consultation"),
    (Stage.Kind.DRAFTING, "Drafting"),
    (Stage.Kind.DECISION, "Decision"),
    (Stage.Kind.IMPLEMENTATION_OVERSIGHT, "Implementation oversight"),
)
"""The stages a new process starts with (DESIGN.md, "Process"); facilitators edit them."""

DEFAULT_FIRST_STAGE_DAYS = 30
"""A new process's first stage starts this many days from today: enough to announce it."""
DEFAULT_STAGE_DAYS = 45
"""Default stages are this many days apart."""

BACKGROUND = ("aim_and_purpose", "modalities", "significance")
BACKGROUND_WORDS = {
    "aim_and_purpose": "the aim and purpose",
    "modalities": "the modalities (how to take part)",
    "significance": "the significance (why it matters)",
}
PROCESS_FIELDS = ("title", "description", "status", "lead_body", "lead_venue",
                  "coordinating_body")
STAGE_FIELDS = ("kind", "title", "starts_on", "ends_on", "documents", *BACKGROUND)
SETTLED_ONCE_OPEN = ("kind", "starts_on")
MAX_DOCUMENTS = 50


# ---- shared with the meetings services ----------------------------------------------------------


def refuse(what: str, errors: Mapping[str, Sequence[str]]) -> ValidationFailed:
    summary = "; ".join(f"{field}: {' '.join(messages)}" for field, messages in errors.items())
    return ValidationFailed(f"Invalid {what}: {summary}", errors=errors)


def is_system(actor: Any) -> bool:
    return actor is None


def require_manager(actor: Any, process: Process, *, doing: str) -> None:
    """Refuse unless ``actor`` is the system, an editor or a facilitator of the keeper."""
    if is_system(actor) or can_manage_process(actor, process):
        return
    keeper = process.keeper
    who = f"the facilitators of {keeper.label}" if keeper else "no facilitator (editors only)"
    raise PermissionDenied(f"Only the site's editors and {who} may {doing}.")


def moment(actor: Any, at: datetime.datetime | None, *, field: str) -> datetime.datetime:
    """Now, or ``at`` for the system recording the past."""
    if at is None:
        return timezone.now()
    if not is_system(actor):
        raise refuse("request", {field: ["The time is when you act; it cannot be chosen."]})
    return at


def local_day(value: datetime.datetime) -> datetime.date:
    return timezone.localtime(value).date()


def background_check(values: Mapping[str, str]) -> dict[str, list[str]]:
    """Every missing part of a background, keyed by field."""
    return {
        field: [f"An announcement must give {BACKGROUND_WORDS[field]}."]
        for field in BACKGROUND
        if not str(values.get(field) or "").strip()
    }


def documents_clean(documents: Any, errors: dict[str, list[str]]) -> list[dict[str, str]]:
    """A list of {title, url} links with a title and an http(s) address each."""
    if documents is None:
        return []
    if not isinstance(documents, list | tuple):
        errors.setdefault("documents", []).append("Give a list of {title, url} links.")
        return []
    if len(documents) > MAX_DOCUMENTS:
        errors.setdefault("documents", []).append(f"Give at most {MAX_DOCUMENTS} documents.")
    check = URLValidator(schemes=["http", "https"])
    cleaned = []
    for number, document in enumerate(documents, start=1):
        if not isinstance(document, Mapping):
            errors.setdefault("documents", []).append(
                f"Document {number}: give a title and a url.")
            continue
        title = str(document.get("title") or "").strip()
        url = str(document.get("url") or "").strip()
        if not title:
            errors.setdefault("documents", []).append(f"Document {number}: the title is empty.")
        try:
            check(url)
        except ValidationError:
            errors.setdefault("documents", []).append(
                f"Document {number}: “{url}” is not an http or https address.")
        cleaned.append({"title": title[:200], "url": url})
    return cleaned


def model_errors(obj: Any, *, exclude: Iterable[str] = ()) -> dict[str, list[str]]:
    try:
        obj.full_clean(exclude=list(exclude), validate_unique=False, validate_constraints=False)
    except ValidationError as exc:
        return {field: list(messages) for field, messages in exc.message_dict.items()}
    return {}


def process_payload(process: Process, **extra: Any) -> dict[str, Any]:
    return {"process": process.slug, "issue": process.issue.slug, **extra}


def _iso(value: Any) -> Any:
    return value.isoformat() if isinstance(value, datetime.date) else value


# ---- processes ----------------------------------------------------------------------------------


def _check_process(process: Process) -> None:
    errors = model_errors(process, exclude=["issue", "lead_body", "lead_venue",
                                            "coordinating_body"])
    if process.lead_body_id is None and process.lead_venue_id is None:
        errors.setdefault("lead_body", []).append(
            "Name the body or the venue that leads the process.")
    if process.slug in RESERVED_SLUGS:
        errors.setdefault("slug", []).append(
            f"“{process.slug}” is reserved for the site's own pages; choose another slug.")
    elif "slug" not in errors and Process.objects.filter(slug=process.slug).exclude(
            pk=process.pk).exists():
        errors["slug"] = [f"A process with the slug “{process.slug}” exists already."]
    if errors:
        raise refuse("process", errors)


def _require_creator(actor: Any, keeper: Body | None) -> None:
    if is_system(actor):
        return
    if keeper is None:
        if not (getattr(actor, "is_active", False) and is_editor(actor)):
            raise PermissionDenied(
                "A process led by a venue is kept by a coordinating body: name one whose "
                "facilitator you are. Only the site's editors may start a process without.")
        return
    if not can_facilitate_body(actor, keeper):
        raise PermissionDenied(
            f"Only the site's editors and the facilitators of {keeper.label} may start a "
            "process it keeps.")


@transaction.atomic
def process_create(
    *,
    issue: Issue,
    title: str,
    slug: str,
    actor: Any,
    lead_body: Body | None = None,
    lead_venue: Venue | None = None,
    coordinating_body: Body | None = None,
    description: str = "",
    stages: Sequence[Mapping[str, Any]] | None = None,
    starts_on: datetime.date | None = None,
) -> Process:
    """Start a process for ``issue`` under a lead body or venue, with its roadmap.

    ``stages`` lists the stages as {kind, title, starts_on, ends_on?}; without it the five default
    stages are created, the first starting on ``starts_on`` (default: in 30 days) and the others
    45 days apart, each ending the day before the next starts."""
    _require_creator(actor, coordinating_body or lead_body)
    process = Process(issue=issue, title=title.strip(), slug=slug, description=description,
                      lead_body=lead_body, lead_venue=lead_venue,
                      coordinating_body=coordinating_body)
    _check_process(process)
    drafts = list(stages) if stages is not None else _default_stages(starts_on)
    try:
        with transaction.atomic():
            process.save()
    except IntegrityError as exc:
        if not Process.objects.filter(slug=slug).exists():
            raise
        message = f"A process with the slug “{slug}” exists already."
        raise Conflict(message, errors={"slug": [message]}) from exc
    errors: dict[str, list[str]] = {}
    made = []
    for order, draft in enumerate(drafts, start=1):
        stage = Stage(process=process, order=order, kind=draft.get("kind", ""),
                      title=str(draft.get("title") or "").strip(),
                      starts_on=draft.get("starts_on"), ends_on=draft.get("ends_on"))
        for field, messages in _stage_errors(stage).items():
            errors.setdefault(f"stages[{order - 1}].{field}", []).extend(messages)
        made.append(stage)
    if errors:
        raise refuse("process", errors)
    Stage.objects.bulk_create(made)
    event_record(
        kind="coordination.process.created", target=process, actor=actor, summary=process.title,
        payload=process_payload(
            process, lead_body=lead_body.slug if lead_body else None,
            lead_venue=lead_venue.slug if lead_venue else None,
            coordinating_body=coordinating_body.slug if coordinating_body else None,
            stages=[{"kind": s.kind, "title": s.title, "starts_on": _iso(s.starts_on),
                     "ends_on": _iso(s.ends_on)} for s in made]),
    )
    return process


def _default_stages(starts_on: datetime.date | None) -> list[dict[str, Any]]:
    first = starts_on or timezone.localdate() + datetime.timedelta(days=DEFAULT_FIRST_STAGE_DAYS)
    step = datetime.timedelta(days=DEFAULT_STAGE_DAYS)
    drafts: list[dict[str, Any]] = []
    for index, (kind, title) in enumerate(DEFAULT_STAGES):
        start = first + index * step
        last = index == len(DEFAULT_STAGES) - 1
        drafts.append({"kind": kind, "title": title, "starts_on": start,
                       "ends_on": None if last else start + step - datetime.timedelta(days=1)})
    return drafts


@transaction.atomic
def process_update(*, process: Process, actor: Any, **values: Any) -> Process:
    """Change a process's title, description, status, lead or coordinating body."""
    require_manager(actor, process, doing="change this process")
    unknown = sorted(set(values) - set(PROCESS_FIELDS))
    if unknown:
        raise refuse("process", {field: ["This field cannot be changed."] for field in unknown})
    changed = [f for f, v in values.items() if getattr(process, f) != v]
    for field, value in values.items():
        setattr(process, field, value)
    _check_process(process)
    process.save()
    if changed:
        event_record(kind="coordination.process.updated", target=process, actor=actor,
                     summary=process.title,
                     payload=process_payload(process, changed=sorted(changed)))
    return process


# ---- stages -------------------------------------------------------------------------------------


def _stage_errors(stage: Stage) -> dict[str, list[str]]:
    errors = model_errors(stage, exclude=["process", "order"])
    if stage.starts_on and stage.ends_on and stage.ends_on < stage.starts_on:
        errors.setdefault("ends_on", []).append("A stage cannot end before it starts.")
    return errors


def _stage_payload(stage: Stage, **extra: Any) -> dict[str, Any]:
    return process_payload(stage.process, stage=stage.pk, order=stage.order, kind=stage.kind,
                           title=stage.title, **extra)


@transaction.atomic
def stage_create(
    *,
    process: Process,
    kind: str,
    title: str,
    starts_on: datetime.date,
    actor: Any,
    ends_on: datetime.date | None = None,
    order: int | None = None,
    documents: Sequence[Mapping[str, str]] | None = None,
    aim_and_purpose: str = "",
    modalities: str = "",
    significance: str = "",
) -> Stage:
    """Add a stage to the roadmap: at the end, or at position ``order`` (1 is first), moving
    the later stages down."""
    require_manager(actor, process, doing="change this roadmap")
    errors: dict[str, list[str]] = {}
    stage = Stage(process=process, kind=kind, title=title.strip(), starts_on=starts_on,
                  ends_on=ends_on, aim_and_purpose=aim_and_purpose, modalities=modalities,
                  significance=significance, order=0)
    stage.documents = documents_clean(list(documents or []), errors)
    for field, messages in _stage_errors(stage).items():
        errors.setdefault(field, []).extend(messages)
    stages = list(Stage.objects.select_for_update().filter(process=process).order_by("order"))
    if order is not None and not 1 <= order <= len(stages) + 1:
        errors.setdefault("order", []).append(
            f"Choose a position from 1 to {len(stages) + 1}.")
    if errors:
        raise refuse("stage", errors)
    position = order or len(stages) + 1
    stages.insert(position - 1, stage)
    _renumber(process, stages)
    event_record(kind="coordination.stage.created", target=stage, actor=actor,
                 summary=f"{process.title}: {stage.title}",
                 payload=_stage_payload(stage, starts_on=_iso(starts_on), ends_on=_iso(ends_on)))
    return stage


def _renumber(process: Process, stages: list[Stage]) -> None:
    """Give ``stages`` the orders 1, 2, ... (two passes: the orders are unique per process)."""
    saved = [s for s in stages if s.pk is not None]
    if saved:
        offset = max(s.order for s in saved) + len(stages) + 1
        for stage in saved:
            Stage.objects.filter(pk=stage.pk).update(order=stage.order + offset)
    for number, stage in enumerate(stages, start=1):
        stage.order = number
        if stage.pk is None:
            stage.save()
        else:
            Stage.objects.filter(pk=stage.pk).update(order=number)


@transaction.atomic
def stage_update(*, stage: Stage, actor: Any, **values: Any) -> Stage:
    """Change a stage. Once it has opened its kind and start date are settled; once announced it
    keeps a full background (what participants were told)."""
    process = stage.process
    require_manager(actor, process, doing="change this roadmap")
    unknown = sorted(set(values) - set(STAGE_FIELDS))
    if unknown:
        raise refuse("stage", {field: ["This field cannot be changed."] for field in unknown})
    locked = Stage.objects.select_for_update(of=("self",)).select_related("process__issue").get(pk=stage.pk)
    errors: dict[str, list[str]] = {}
    if "documents" in values:
        values["documents"] = documents_clean(values["documents"], errors)
    if "title" in values:
        values["title"] = str(values["title"] or "").strip()
    changed = [f for f, v in values.items() if getattr(locked, f) != v]
    if locked.opened_at is not None:
        for field in changed:
            if field in SETTLED_ONCE_OPEN:
                errors.setdefault(field, []).append(
                    "The stage has opened; its kind and start date can no longer change.")
    for field, value in values.items():
        setattr(locked, field, value)
    for field, messages in _stage_errors(locked).items():
        errors.setdefault(field, []).extend(messages)
    if locked.announced_at is not None:
        for field, messages in background_check(
                {f: getattr(locked, f) for f in BACKGROUND}).items():
            errors.setdefault(field, []).append(
                f"{messages[0]} The stage was announced with it; it cannot be left empty.")
    if errors:
        raise refuse("stage", errors)
    locked.save()
    if changed:
        event_record(kind="coordination.stage.updated", target=locked, actor=actor,
                     summary=f"{process.title}: {locked.title}",
                     payload=_stage_payload(locked, changed=sorted(changed),
                                            **{f: _iso(values[f]) for f in changed
                                               if f in ("starts_on", "ends_on", "kind")}))
    return locked


@transaction.atomic
def stage_reorder(*, process: Process, order: Sequence[int], actor: Any) -> list[Stage]:
    """Put the process's stages in the order of ``order`` (every stage's id, once)."""
    require_manager(actor, process, doing="change this roadmap")
    stages = {s.pk: s for s in Stage.objects.select_for_update().filter(process=process)}
    wanted = list(order)
    if sorted(wanted) != sorted(stages) or len(set(wanted)) != len(wanted):
        names = ", ".join(str(pk) for pk in sorted(stages))
        raise refuse("order", {"order": [
            f"Give every stage of the process exactly once, by id: {names}."]})
    ordered = [stages[pk] for pk in wanted]
    before = [s.pk for s in sorted(stages.values(), key=lambda s: s.order)]
    _renumber(process, ordered)
    if before != wanted:
        event_record(kind="coordination.stage.reordered", target=process, actor=actor,
                     summary=process.title,
                     payload=process_payload(process, order=wanted,
                                             titles=[s.title for s in ordered]))
    return ordered


@transaction.atomic
def stage_delete(*, stage: Stage, actor: Any) -> None:
    """Remove a stage that has not opened; the later stages move up."""
    process = stage.process
    require_manager(actor, process, doing="change this roadmap")
    if stage.opened_at is not None:
        message = "The stage has opened; it is part of the record and cannot be removed."
        raise Conflict(message, errors={"__all__": [message]})
    payload = _stage_payload(stage, announced=stage.announced_at is not None)
    event_record(kind="coordination.stage.deleted", target=stage, actor=actor,
                 summary=f"{process.title}: {stage.title}", payload=payload)
    stage.delete()
    rest = list(Stage.objects.select_for_update().filter(process=process).order_by("order"))
    _renumber(process, rest)


@transaction.atomic
def stage_announce(
    *,
    stage: Stage,
    actor: Any,
    aim_and_purpose: str | None = None,
    modalities: str | None = None,
    significance: str | None = None,
    at: datetime.datetime | None = None,
) -> Stage:
    """Announce a stage with its background; the notice period runs from now.

    Background given here replaces the stage's; all three parts must then be filled, or the
    announcement is refused with the missing fields named."""
    process = stage.process
    require_manager(actor, process, doing="announce its stages")
    when = moment(actor, at, field="announced_at")
    locked = Stage.objects.select_for_update(of=("self",)).select_related("process__issue").get(pk=stage.pk)
    if locked.announced_at is not None:
        message = (f"The stage was announced on {date_words(local_day(locked.announced_at))} "
                   "already.")
        raise Conflict(message, errors={"announced_at": [message]})
    given = {"aim_and_purpose": aim_and_purpose, "modalities": modalities,
             "significance": significance}
    for field, value in given.items():
        if value is not None:
            setattr(locked, field, value.strip())
    errors = background_check({f: getattr(locked, f) for f in BACKGROUND})
    if errors:
        raise refuse("announcement", errors)
    locked.announced_at = when
    locked.save(update_fields=["announced_at", *BACKGROUND])
    periods = process_periods(process)
    days = periods.days(stage_notice(locked.kind))
    earliest = local_day(when) + datetime.timedelta(days=days)
    event_record(
        kind="coordination.stage.announced", target=locked, actor=actor,
        summary=f"{process.title}: {locked.title}",
        payload=_stage_payload(locked, announced_at=when.isoformat(),
                               starts_on=_iso(locked.starts_on), notice_days=days,
                               may_open_from=earliest.isoformat(),
                               **{f: getattr(locked, f) for f in BACKGROUND}),
    )
    return locked


def earliest_opening(stage: Stage) -> datetime.date | None:
    """The first day the stage may open: its notice period after its announcement."""
    if stage.announced_at is None:
        return None
    days = process_periods(stage.process).days(stage_notice(stage.kind))
    return local_day(stage.announced_at) + datetime.timedelta(days=days)


@transaction.atomic
def stage_open(*, stage: Stage, actor: Any, at: datetime.datetime | None = None) -> Stage:
    """Open a stage. Refused unless it was announced with its background at least its notice
    period earlier and its start date has come; the refusal names the dates and the period."""
    process = stage.process
    require_manager(actor, process, doing="open its stages")
    when = moment(actor, at, field="opened_at")
    locked = Stage.objects.select_for_update(of=("self",)).select_related(
        "process__issue", "process__lead_body__charter", "process__coordinating_body__charter",
    ).get(pk=stage.pk)
    if locked.opened_at is not None:
        message = f"The stage opened on {date_words(local_day(locked.opened_at))} already."
        raise Conflict(message, errors={"opened_at": [message]})
    today = local_day(when)
    days = process_periods(locked.process).days(stage_notice(locked.kind))
    kind = locked.get_kind_display().lower()
    errors: dict[str, list[str]] = {}
    if locked.announced_at is None:
        errors["announced_at"] = [
            f"The {kind} stage “{locked.title}” has not been announced. Announce it with its "
            f"background first; it may open {days} days after the announcement."]
    else:
        missing = background_check({f: getattr(locked, f) for f in BACKGROUND})
        errors.update(missing)
        announced = local_day(locked.announced_at)
        earliest = announced + datetime.timedelta(days=days)
        if today < earliest:
            errors.setdefault("announced_at", []).append(
                f"The {kind} stage “{locked.title}” was announced on {date_words(announced)}; "
                f"the charter requires {days} days' notice, so it may open on "
                f"{date_words(earliest)} at the earliest (today is {date_words(today)}).")
    if today < locked.starts_on:
        errors.setdefault("starts_on", []).append(
            f"The stage was announced to start on {date_words(locked.starts_on)}; it cannot open "
            f"earlier (today is {date_words(today)}). Change its start date to open it sooner, "
            "with the notice still counted from its announcement.")
    if errors:
        raise refuse("opening", errors)
    locked.opened_at = when
    locked.save(update_fields=["opened_at"])
    if locked.process.status == Process.Status.PLANNED:
        Process.objects.filter(pk=locked.process.pk).update(status=Process.Status.ACTIVE)
        locked.process.status = Process.Status.ACTIVE
    event_record(kind="coordination.stage.opened", target=locked, actor=actor,
                 summary=f"{locked.process.title}: {locked.title}",
                 payload=_stage_payload(locked, opened_at=when.isoformat(),
                                        announced_at=locked.announced_at.isoformat()
                                        if locked.announced_at else None,
                                        notice_days=days))
    return locked
