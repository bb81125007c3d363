"""Every write about the meetings of a process: the meeting, its announcement, its minutes and
who attended.

A meeting has an agenda, a start and an end with the IANA time zone it is held in, a place and a
remote participation link, and documents. It is announced with its background (aim and purpose,
modalities, significance); principle P2 then checks that the announcement came at least the
notice period before (30 days for a decision meeting, 14 for another, by default) and that the
minutes follow within the minutes period after the end. Attendance keeps each participant's
stakeholder group and region as they were at the meeting.

The same people as for the roadmap act here: editors and the facilitators of the process's
keeper; ``actor=None`` (the system) alone may give ``at``.
"""

from __future__ import annotations

import datetime
from collections.abc import Mapping, Sequence
from typing import Any

from django.db import transaction
from django.utils.timezone import now as time_now

from polycentric.accounts.models import CountryRegion, Participant
from polycentric.coordination.models import Attendance, Meeting, Process, Stage
from polycentric.coordination.selectors.processes import meeting_notice, process_periods
from polycentric.coordination.services.processes import (
    BACKGROUND,
    background_check,
    documents_clean,
    local_day,
    model_errors,
    moment,
    process_payload,
    refuse,
    require_manager,
)
from polycentric.core.errors import Conflict
from polycentric.core.services import event_record
from polycentric.engines.principles import date_words

MEETING_FIELDS = ("title", "agenda", "kind", "starts_at", "ends_at", "timezone", "place",
                  "remote_url", "documents", "stage", *BACKGROUND)
MAX_MEETING_DAYS = 14
"""A meeting longer than this is more likely a typing mistake than a meeting."""
MAX_ATTENDANCE = 2000


def _check_meeting(meeting: Meeting, errors: dict[str, list[str]]) -> None:
    for field, messages in model_errors(meeting, exclude=["process", "stage"]).items():
        errors.setdefault(field, []).extend(messages)
    if meeting.starts_at and meeting.ends_at:
        if meeting.ends_at < meeting.starts_at:
            errors.setdefault("ends_at", []).append("A meeting cannot end before it starts.")
        elif meeting.ends_at - meeting.starts_at > datetime.timedelta(days=MAX_MEETING_DAYS):
            errors.setdefault("ends_at", []).append(
                f"A meeting lasts at most {MAX_MEETING_DAYS} days; check the end.")
    if meeting.stage_id is not None and meeting.stage.process_id != meeting.process_id:
        errors.setdefault("stage", []).append("The stage belongs to another process.")
    if errors:
        raise refuse("meeting", errors)


def _meeting_payload(meeting: Meeting, **extra: Any) -> dict[str, Any]:
    return process_payload(meeting.process, meeting=meeting.pk, title=meeting.title,
                           kind=meeting.kind, **extra)


@transaction.atomic
def meeting_create(
    *,
    process: Process,
    title: str,
    starts_at: datetime.datetime,
    ends_at: datetime.datetime,
    actor: Any,
    timezone: str = "UTC",
    kind: str = Meeting.Kind.OTHER,
    stage: Stage | None = None,
    agenda: str = "",
    place: str = "",
    remote_url: str = "",
    documents: Sequence[Mapping[str, str]] | None = None,
    aim_and_purpose: str = "",
    modalities: str = "",
    significance: str = "",
) -> Meeting:
    """Plan a meeting of ``process`` (announce it with `meeting_announce`)."""
    require_manager(actor, process, doing="plan its meetings")
    errors: dict[str, list[str]] = {}
    meeting = Meeting(
        process=process, stage=stage, title=title.strip(), agenda=agenda, kind=kind,
        starts_at=starts_at, ends_at=ends_at, timezone=timezone, place=place.strip(),
        remote_url=remote_url.strip(), aim_and_purpose=aim_and_purpose, modalities=modalities,
        significance=significance,
    )
    meeting.documents = documents_clean(list(documents or []), errors)
    _check_meeting(meeting, errors)
    meeting.save()
    event_record(kind="coordination.meeting.created", target=meeting, actor=actor,
                 summary=f"{process.title}: {meeting.title}",
                 payload=_meeting_payload(meeting, starts_at=starts_at.isoformat(),
                                          ends_at=ends_at.isoformat(), timezone=timezone))
    return meeting


@transaction.atomic
def meeting_update(*, meeting: Meeting, actor: Any, **values: Any) -> Meeting:
    """Change a meeting. Once announced it keeps a full background; its minutes change only
    through `minutes_publish`."""
    process = meeting.process
    require_manager(actor, process, doing="change its meetings")
    unknown = sorted(set(values) - set(MEETING_FIELDS))
    if unknown:
        raise refuse("meeting", {field: ["This field cannot be changed here."]
                                 for field in unknown})
    locked = Meeting.objects.select_for_update(of=("self",)).select_related("process__issue", "stage").get(
        pk=meeting.pk)
    errors: dict[str, list[str]] = {}
    if "documents" in values:
        values["documents"] = documents_clean(values["documents"], errors)
    for field in ("title", "place", "remote_url"):
        if field in values:
            values[field] = str(values[field] or "").strip()
    changed = [f for f, v in values.items() if getattr(locked, f) != v]
    for field, value in values.items():
        setattr(locked, field, value)
    if locked.announced_at is not None:
        for field, messages in background_check(
                {f: getattr(locked, f) for f in BACKGROUND}).items():
            errors.setdefault(field, []).append(
                f"{messages[0]} The meeting was announced with it; it cannot be left empty.")
    _check_meeting(locked, errors)
    locked.save()
    if changed:
        event_record(
            kind="coordination.meeting.updated", target=locked, actor=actor,
            summary=f"{process.title}: {locked.title}",
            payload=_meeting_payload(locked, changed=sorted(changed), **{
                f: values[f].isoformat() for f in ("starts_at", "ends_at") if f in changed}),
        )
    return locked


@transaction.atomic
def meeting_announce(
    *,
    meeting: Meeting,
    actor: Any,
    aim_and_purpose: str | None = None,
    modalities: str | None = None,
    significance: str | None = None,
    at: datetime.datetime | None = None,
) -> Meeting:
    """Announce a meeting with its background; refused with the missing fields named."""
    process = meeting.process
    require_manager(actor, process, doing="announce its meetings")
    when = moment(actor, at, field="announced_at")
    locked = Meeting.objects.select_for_update(of=("self",)).select_related("process__issue").get(
        pk=meeting.pk)
    if locked.announced_at is not None:
        message = (f"The meeting was announced on {date_words(local_day(locked.announced_at))} "
                   "already.")
        raise Conflict(message, errors={"announced_at": [message]})
    if locked.ends_at < when:
        message = "The meeting is over; it can no longer be announced."
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
    days = process_periods(process).days(meeting_notice(locked))
    given_days = (local_day(locked.starts_at) - local_day(when)).days
    event_record(
        kind="coordination.meeting.announced", target=locked, actor=actor,
        summary=f"{process.title}: {locked.title}",
        payload=_meeting_payload(locked, announced_at=when.isoformat(),
                                 starts_at=locked.starts_at.isoformat(), notice_days=days,
                                 notice_given=given_days,
                                 **{f: getattr(locked, f) for f in BACKGROUND}),
    )
    return locked


@transaction.atomic
def minutes_publish(
    *,
    meeting: Meeting,
    minutes: str,
    actor: Any,
    documents: Sequence[Mapping[str, str]] | None = None,
    at: datetime.datetime | None = None,
) -> Meeting:
    """Publish the minutes of a meeting that has ended (publishing again corrects them; the
    first publication stays the one P2 counts). ``documents`` are added to the meeting's."""
    process = meeting.process
    require_manager(actor, process, doing="publish the minutes of its meetings")
    when = moment(actor, at, field="minutes_published_at")
    locked = Meeting.objects.select_for_update(of=("self",)).select_related("process__issue").get(
        pk=meeting.pk)
    errors: dict[str, list[str]] = {}
    text = (minutes or "").strip()
    if not text:
        errors["minutes"] = ["Write the minutes: what was discussed and decided, and by whom."]
    if when < locked.ends_at:
        errors.setdefault("minutes", []).append(
            f"The meeting ends on {date_words(local_day(locked.ends_at))}; its minutes can be "
            "published once it is over.")
    added = documents_clean(list(documents or []), errors)
    if errors:
        raise refuse("minutes", errors)
    first = locked.minutes_published_at is None
    locked.minutes = text
    if added:
        locked.documents = [*locked.documents, *added]
    if first:
        locked.minutes_published_at = when
    locked.save(update_fields=["minutes", "documents", "minutes_published_at"])
    periods = process_periods(process)
    days_after = (local_day(locked.minutes_published_at or when) - local_day(locked.ends_at)).days
    event_record(
        kind="coordination.minutes.published" if first else "coordination.minutes.corrected",
        target=locked, actor=actor, summary=f"{process.title}: minutes of {locked.title}",
        payload=_meeting_payload(locked, at=when.isoformat(), days_after=days_after,
                                 minutes_days=periods.minutes),
    )
    return locked


def _regions_of(people: Sequence[Participant]) -> dict[int, Any]:
    """Each country's region in the default scheme, for the participants' countries."""
    countries = {p.country_id for p in people if p.country_id is not None}
    placements = CountryRegion.objects.filter(
        country_id__in=countries, scheme__is_default=True).select_related("region")
    return {placement.country_id: placement.region for placement in placements}


@transaction.atomic
def attendance_record(
    *,
    meeting: Meeting,
    participants: Sequence[Participant],
    actor: Any,
    remote: bool = False,
) -> list[Attendance]:
    """Record that ``participants`` attended (in person, or ``remote``), each with their
    stakeholder group and region as they are now. Refused for a meeting that has not started
    and for anyone already recorded."""
    process = meeting.process
    require_manager(actor, process, doing="record attendance at its meetings")
    people = list(participants)
    errors: dict[str, list[str]] = {}
    if not people:
        errors["participants"] = ["Choose at least one participant."]
    if len(people) > MAX_ATTENDANCE:
        errors["participants"] = [f"Record at most {MAX_ATTENDANCE} participants at once."]
    if len({p.pk for p in people}) != len(people):
        errors.setdefault("participants", []).append("A participant is listed twice.")
    if meeting.starts_at > time_now():
        errors.setdefault("participants", []).append(
            f"The meeting starts on {date_words(local_day(meeting.starts_at))}; attendance is "
            "recorded once it has begun.")
    already = sorted(
        Attendance.objects.filter(meeting=meeting, participant__in=people)
        .values_list("participant__display_name", flat=True))
    if errors:
        raise refuse("attendance", errors)
    if already:
        message = f"Already recorded as attending: {', '.join(already)}."
        raise Conflict(message, errors={"participants": [message]})
    regions = _regions_of(people)
    rows = [
        Attendance(meeting=meeting, participant=p, group_id=p.stakeholder_group_id,
                   region=regions.get(p.country_id), remote=remote)
        for p in people
    ]
    Attendance.objects.bulk_create(rows)
    event_record(
        kind="coordination.attendance.recorded", target=meeting, actor=actor,
        summary=f"{process.title}: {len(rows)} attending {meeting.title}",
        payload=_meeting_payload(meeting, participants=sorted(p.pk for p in people),
                                 remote=remote),
    )
    return rows
