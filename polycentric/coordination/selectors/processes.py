"""Reads about processes, roadmaps and meetings: lists, one process with its stages and meetings,
the roadmap's statuses and next step, P2 (computed by the principles engine from the rows),
attendance counts, and what opens in the coming days.

Every function fetches what its page needs up front, so pages make the same number of queries
whatever the number of stages, meetings or attendees. Dates are read in the site's time zone:
that is where "announced on 2 February, opening on 3 March" counts 29 days.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from typing import Any, Literal

from django.db.models import Count, Prefetch, Q, QuerySet
from django.utils import timezone

from polycentric.accounts.models import Region, StakeholderGroup
from polycentric.bodies.models import Body
from polycentric.coordination.models import Attendance, Meeting, Process, Stage
from polycentric.engines.principles import (
    ItemReport,
    Notice,
    NoticePeriods,
    ProcessItem,
    TransparencyResult,
    check_transparency,
    stage_notice,
)
from polycentric.issuemap.models import Issue

UPCOMING_DAYS = 90
"""How far ahead the upcoming page looks."""

StepStatus = Literal["done", "current", "next", "upcoming"]


# ---- processes ----------------------------------------------------------------------------------


def _stages() -> Prefetch:
    return Prefetch("stages", queryset=Stage.objects.order_by("order", "pk"))


def _meetings() -> Prefetch:
    return Prefetch(
        "meetings",
        queryset=Meeting.objects.select_related("stage")
        .annotate(attendance_count=Count("attendance"))
        .order_by("starts_at", "pk"),
    )


def process_list() -> QuerySet[Process]:
    """Every process with its issue, lead, coordinating body and stages (for the next step)."""
    return (
        Process.objects.select_related("issue", "lead_body__charter", "lead_venue",
                                       "coordinating_body__charter")
        .defer("lead_body__analysis", "coordinating_body__analysis")
        .prefetch_related(_stages())
        .annotate(meeting_count=Count("meetings", distinct=True))
        .order_by("title", "pk")
    )


def process_get(slug: str) -> Process:
    """One process with its issue, lead, charters, stages and meetings (raises DoesNotExist)."""
    return (
        Process.objects.select_related(
            "issue", "lead_body__charter", "lead_venue", "coordinating_body__charter"
        )
        .prefetch_related(_stages(), _meetings())
        .get(slug=slug)
    )


def issue_by_slug(slug: str) -> Issue | None:
    return Issue.objects.filter(slug=slug).first()


def issue_processes(issue: Issue) -> QuerySet[Process]:
    """The processes taking ``issue`` forward, with their stages and meetings."""
    return (
        Process.objects.filter(issue=issue)
        .select_related("issue", "lead_body__charter", "lead_venue", "coordinating_body__charter")
        .prefetch_related(_stages(), _meetings())
        .order_by("title", "pk")
    )


def _charter_of(body: Body | None) -> Any:
    if body is None:
        return None
    try:
        return body.charter
    except Body.charter.RelatedObjectDoesNotExist:
        return None


def process_periods(process: Process) -> NoticePeriods:
    """The notice periods of the process: the lead body's charter, else the coordinating
    body's, else the defaults of DESIGN.md."""
    charter = _charter_of(process.lead_body) or _charter_of(process.coordinating_body)
    if charter is None:
        return NoticePeriods()
    return NoticePeriods(
        consultation=charter.consultation_notice_days,
        decision_meeting=charter.decision_meeting_notice_days,
        other_meeting=charter.meeting_notice_days,
        minutes=charter.minutes_days,
    )


def notice_days_for(process: Process, notice: Notice) -> int:
    return process_periods(process).days(notice)


def stage_start(stage: Stage) -> datetime.datetime:
    """When a stage starts: when it opened, else the first moment of its start date."""
    if stage.opened_at is not None:
        return timezone.localtime(stage.opened_at)
    return timezone.make_aware(datetime.datetime.combine(stage.starts_on, datetime.time.min))


def stage_item(stage: Stage) -> ProcessItem:
    return ProcessItem(
        ref=f"stage-{stage.pk}",
        what="stage",
        kind=stage.kind,
        title=stage.title,
        notice=stage_notice(stage.kind),
        starts=stage_start(stage),
        announced_at=timezone.localtime(stage.announced_at) if stage.announced_at else None,
        aim_and_purpose=bool(stage.aim_and_purpose.strip()),
        modalities=bool(stage.modalities.strip()),
        significance=bool(stage.significance.strip()),
    )


def meeting_notice(meeting: Meeting) -> Notice:
    return Notice.DECISION_MEETING if meeting.kind == Meeting.Kind.DECISION else Notice.OTHER_MEETING


def meeting_item(meeting: Meeting) -> ProcessItem:
    return ProcessItem(
        ref=f"meeting-{meeting.pk}",
        what="meeting",
        kind=meeting.kind,
        title=meeting.title,
        notice=meeting_notice(meeting),
        starts=timezone.localtime(meeting.starts_at),
        ends=timezone.localtime(meeting.ends_at),
        announced_at=timezone.localtime(meeting.announced_at) if meeting.announced_at else None,
        aim_and_purpose=bool(meeting.aim_and_purpose.strip()),
        modalities=bool(meeting.modalities.strip()),
        significance=bool(meeting.significance.strip()),
        minutes_expected=True,
        minutes_published_at=(timezone.localtime(meeting.minutes_published_at)
                              if meeting.minutes_published_at else None),
    )


def process_transparency(process: Process, *, now: datetime.datetime | None = None
                         ) -> TransparencyResult:
    """P2 for the process: every stage (in roadmap order) and every meeting (in time order)."""
    items = [stage_item(s) for s in process.stages.all()]
    items += [meeting_item(m) for m in process.meetings.all()]
    return check_transparency(items, process_periods(process),
                              now=timezone.localtime(now or timezone.now()))


def stage_report(stage: Stage, process: Process, *, now: datetime.datetime | None = None
                 ) -> ItemReport:
    """P2 for one stage of ``process``: its findings and its announce-by day."""
    result = check_transparency([stage_item(stage)], process_periods(process),
                                now=timezone.localtime(now or timezone.now()))
    return result.details.items[0]


def meeting_report(meeting: Meeting, *, now: datetime.datetime | None = None) -> ItemReport:
    """P2 for one meeting (its process's periods): its findings, its announce-by day and the day
    its minutes are due."""
    result = check_transparency([meeting_item(meeting)], process_periods(meeting.process),
                                now=timezone.localtime(now or timezone.now()))
    return result.details.items[0]


# ---- the roadmap --------------------------------------------------------------------------------


@dataclass
class RoadmapStep:
    """A stage on the roadmap with its status: done, current, next (the one to watch) or
    upcoming; ``announce_by`` is the last day it can be announced with enough notice."""

    stage: Stage
    status: StepStatus
    notice_days: int
    announce_by: datetime.date

    @property
    def is_next(self) -> bool:
        return self.status == "next"


def roadmap(process: Process, *, today: datetime.date | None = None) -> list[RoadmapStep]:
    """The process's stages in order with their status.

    A stage that opened is *done* once its end date has passed or a later stage has opened,
    else *current*; the first stage that has not opened is *next*, the others *upcoming*."""
    today = today or timezone.localdate()
    stages = list(process.stages.all())
    periods = process_periods(process)
    last_opened = max((i for i, s in enumerate(stages) if s.opened_at is not None), default=-1)
    steps: list[RoadmapStep] = []
    next_found = False
    for index, stage in enumerate(stages):
        status: StepStatus
        if stage.opened_at is not None:
            ended = stage.ends_on is not None and stage.ends_on < today
            status = "done" if ended or index < last_opened else "current"
        elif not next_found and index > last_opened:
            status, next_found = "next", True
        else:
            status = "upcoming"
        days = periods.days(stage_notice(stage.kind))
        steps.append(RoadmapStep(stage, status, days,
                                 stage.starts_on - datetime.timedelta(days=days)))
    return steps


def next_step(steps: list[RoadmapStep]) -> RoadmapStep | None:
    return next((step for step in steps if step.is_next), None)


def next_meeting(process: Process, *, now: datetime.datetime | None = None) -> Meeting | None:
    now = now or timezone.now()
    return next((m for m in process.meetings.all() if m.ends_at >= now), None)


# ---- meetings -----------------------------------------------------------------------------------


def meeting_get(pk: int, *, process_slug: str | None = None) -> Meeting:
    """One meeting with its process, stage, charters and attendance (raises DoesNotExist)."""
    meetings = Meeting.objects.select_related(
        "process__issue", "process__lead_body__charter", "process__lead_venue",
        "process__coordinating_body__charter", "stage",
    ).prefetch_related(
        Prefetch("attendance", queryset=Attendance.objects.select_related(
            "participant", "group", "region").order_by("participant__display_name", "pk"))
    )
    if process_slug is not None:
        meetings = meetings.filter(process__slug=process_slug)
    return meetings.get(pk=pk)


@dataclass
class AttendanceCounts:
    """How many took part in a meeting, per stakeholder group and per region (as they were at
    the meeting); every group and region of the default scheme is listed, zero where none came."""

    total: int = 0
    remote: int = 0
    groups: list[tuple[str, str, int]] = field(default_factory=list)
    regions: list[tuple[str, str, int]] = field(default_factory=list)


def attendance_counts(meeting: Meeting) -> AttendanceCounts:
    """Counts from the meeting's prefetched attendance, plus two queries for the names."""
    rows = list(meeting.attendance.all())
    groups = list(StakeholderGroup.objects.order_by("order", "slug").values_list("slug", "name"))
    regions = list(Region.objects.filter(scheme__is_default=True).order_by("order", "slug")
                   .values_list("slug", "name"))
    by_group: dict[str, int] = {}
    by_region: dict[str, int] = {}
    for row in rows:
        group = row.group.slug if row.group else ""
        region = row.region.slug if row.region else ""
        by_group[group] = by_group.get(group, 0) + 1
        by_region[region] = by_region.get(region, 0) + 1
    counts = AttendanceCounts(total=len(rows), remote=sum(1 for r in rows if r.remote))
    counts.groups = [(slug, name, by_group.get(slug, 0)) for slug, name in groups]
    counts.regions = [(slug, name, by_region.get(slug, 0)) for slug, name in regions]
    known_groups = {slug for slug, _ in groups}
    for slug, n in sorted(by_group.items()):
        if slug not in known_groups:
            counts.groups.append((slug, "", n))
    known_regions = {slug for slug, _ in regions}
    for slug, n in sorted(by_region.items()):
        if slug not in known_regions:
            counts.regions.append((slug, "", n))
    return counts


# ---- what is coming -----------------------------------------------------------------------------


@dataclass
class UpcomingItem:
    """Something that opens, meets or closes soon: a stage opening, a meeting, or the deadline of
    a consultation. ``when`` is a date (stages, deadlines) or a time (meetings)."""

    kind: Literal["stage", "meeting", "deadline"]
    day: datetime.date
    when: datetime.date | datetime.datetime
    title: str
    process: Process
    stage: Stage | None = None
    meeting: Meeting | None = None

    @property
    def url(self) -> str:
        if self.meeting is not None:
            return self.meeting.get_absolute_url()
        return f"{self.process.get_absolute_url()}#stage-{self.stage.pk if self.stage else ''}"


def upcoming(*, now: datetime.datetime | None = None, days: int = UPCOMING_DAYS,
             process: Process | None = None) -> list[UpcomingItem]:
    """Stages opening, meetings and consultation deadlines from today to ``days`` days ahead,
    in date order (three queries)."""
    now = now or timezone.now()
    today = timezone.localtime(now).date()
    last = today + datetime.timedelta(days=days)
    stages = Stage.objects.select_related("process__issue").filter(
        Q(opened_at__isnull=True, starts_on__gte=today, starts_on__lte=last)
        | Q(kind=Stage.Kind.CONSULTATION, ends_on__gte=today, ends_on__lte=last)
    )
    meetings = Meeting.objects.select_related("process__issue", "stage").filter(
        ends_at__gte=now, starts_at__lte=now + datetime.timedelta(days=days))
    if process is not None:
        stages, meetings = stages.filter(process=process), meetings.filter(process=process)
    items: list[UpcomingItem] = []
    for stage in stages:
        if stage.opened_at is None and today <= stage.starts_on <= last:
            items.append(UpcomingItem("stage", stage.starts_on, stage.starts_on, stage.title,
                                      stage.process, stage=stage))
        if (stage.kind == Stage.Kind.CONSULTATION and stage.ends_on is not None
                and today <= stage.ends_on <= last):
            items.append(UpcomingItem("deadline", stage.ends_on, stage.ends_on, stage.title,
                                      stage.process, stage=stage))
    for meeting in meetings:
        local = timezone.localtime(meeting.starts_at)
        items.append(UpcomingItem("meeting", local.date(), meeting.starts_at, meeting.title,
                                  meeting.process, meeting=meeting))
    order = {"deadline": 0, "stage": 1, "meeting": 2}
    items.sort(key=lambda item: (item.day, order[item.kind], item.title))
    return items


# ---- the calendar and the feeds -----------------------------------------------------------------


def calendar_meetings(process: Process | None = None) -> QuerySet[Meeting]:
    """Meetings for an iCalendar feed, with their process and issue."""
    meetings = Meeting.objects.select_related("process__issue", "stage").order_by("starts_at", "pk")
    return meetings.filter(process=process) if process is not None else meetings


def consultation_deadlines(process: Process | None = None) -> QuerySet[Stage]:
    """Consultation stages with an end date: their deadlines go in the calendars."""
    stages = Stage.objects.select_related("process__issue").filter(
        kind=Stage.Kind.CONSULTATION, ends_on__isnull=False).order_by("ends_on", "pk")
    return stages.filter(process=process) if process is not None else stages
