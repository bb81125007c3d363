"""The process, roadmap and meeting endpoints (added to the coordination router by api.py).

Reads are public: processes with their roadmap, next step, P2 findings and the lead body's
scorecard at a glance; meetings with times in their own zone, minutes and attendance counts; and
what opens in the coming days. Announcing and opening stages and announcing meetings need a
signed-in caller (bearer token or session with CSRF) who is an editor or a facilitator of the
process's keeper; they call the same services as the pages, so a refusal reads the same: 422 with
the fields named, 403 for who may not, 409 for what is already done.
"""

from __future__ import annotations

import datetime
import zoneinfo
from typing import Any

from django.http import HttpRequest
from django.urls import reverse
from django.utils import timezone
from ninja import Field, Query, Router, Schema
from pydantic import ConfigDict

from polycentric.accounts.api_auth import BearerTokenAuth, SessionAuth
from polycentric.bodies.models import PRINCIPLE_KEYS
from polycentric.coordination import selectors, services
from polycentric.coordination.models import Meeting, Process, Stage
from polycentric.coordination.selectors.processes import meeting_report, stage_report
from polycentric.core.errors import NotFound
from polycentric.engines.principles import ItemReport, transparency_document

router = Router(tags=["processes"])

SIGNED_IN = [BearerTokenAuth(), SessionAuth()]
MAX_PAGE_SIZE = 100


class ErrorOut(Schema):
    detail: str = Field(..., description="What went wrong, in a sentence.")
    errors: dict[str, list[str]] = Field(..., description="Problems per request field.")


READ_ERRORS: dict[int, Any] = {404: ErrorOut, 422: ErrorOut}
WRITE_ERRORS: dict[int, Any] = {
    400: ErrorOut, 401: ErrorOut, 403: ErrorOut, 404: ErrorOut, 409: ErrorOut, 422: ErrorOut,
}


class PageQuery(Schema):
    limit: int = Field(50, ge=1, le=MAX_PAGE_SIZE, description="Items per page, at most 100.")
    offset: int = Field(0, ge=0, description="How many items to skip.")


class UpcomingQuery(Schema):
    days: int = Field(selectors.UPCOMING_DAYS, ge=1, le=366,
                      description="How many days ahead to look (1 to 366).")


class AnnounceIn(Schema):
    """The background of the announcement; fields left out keep what the stage or meeting has.
    After this all three must be filled."""

    model_config = ConfigDict(extra="forbid")

    aim_and_purpose: str | None = Field(None, max_length=20_000)
    modalities: str | None = Field(None, max_length=20_000)
    significance: str | None = Field(None, max_length=20_000)


class Named(Schema):
    slug: str
    title: str


class StepOut(Schema):
    id: int
    order: int
    kind: str
    title: str
    status: str = Field(..., description="done, current, next or upcoming.")
    starts_on: datetime.date
    ends_on: datetime.date | None
    announced_at: datetime.datetime | None
    opened_at: datetime.datetime | None
    notice_days: int
    announce_by: datetime.date = Field(..., description="The last day it can be announced with "
                                                        "enough notice.")
    aim_and_purpose: str
    modalities: str
    significance: str
    documents: list[dict[str, str]]
    findings: list[dict[str, Any]] = Field(..., description="Its P2 findings, if any.")


class MeetingSummary(Schema):
    id: int
    title: str
    kind: str
    starts_at: datetime.datetime
    ends_at: datetime.datetime
    timezone: str
    announced_at: datetime.datetime | None
    minutes_published_at: datetime.datetime | None
    url: str
    api_url: str


class ProcessSummary(Schema):
    slug: str
    title: str
    status: str
    issue: Named
    lead_body: str | None = Field(..., description="Slug of the lead body.")
    lead_venue: str | None = Field(..., description="Slug of the lead venue.")
    coordinating_body: str | None
    next_step: StepOut | None
    url: str


class ProcessPage(Schema):
    count: int
    limit: int
    offset: int
    items: list[ProcessSummary]


class ScorecardGlance(Schema):
    body: str
    passed: bool | None
    principles: dict[str, dict[str, Any]]
    url: str


class ProcessDetail(ProcessSummary):
    description: str
    roadmap: list[StepOut]
    meetings: list[MeetingSummary]
    transparency: dict[str, Any] = Field(..., description="P2: summary, periods, findings per "
                                                          "stage and meeting.")
    lead_body_scorecard: ScorecardGlance | None
    calendar: str
    feed: str


class AttendanceOut(Schema):
    total: int
    remote: int
    by_group: dict[str, int]
    by_region: dict[str, int]


class MeetingDetail(MeetingSummary):
    process: Named
    stage: int | None
    agenda: str
    local_starts_at: str = Field(..., description="The start in the meeting's own time zone.")
    local_ends_at: str
    place: str
    remote_url: str
    documents: list[dict[str, str]]
    aim_and_purpose: str
    modalities: str
    significance: str
    minutes: str
    attendance: AttendanceOut
    findings: list[dict[str, Any]]
    minutes_due: datetime.date


class UpcomingOut(Schema):
    kind: str = Field(..., description="stage (opens), meeting, or deadline (a consultation "
                                       "closes).")
    date: datetime.date
    starts_at: datetime.datetime | None
    title: str
    process: Named
    issue: Named
    url: str


# ---- shaping ------------------------------------------------------------------------------------


def _actor(request: HttpRequest) -> Any:
    return request.auth  # type: ignore[attr-defined]


def _findings(report: ItemReport) -> list[dict[str, Any]]:
    return [{"code": f.code.value, "reason": f.reason, "days": f.days,
             "required_days": f.required_days, "missing": list(f.missing)}
            for f in report.findings]


def _step(step: selectors.RoadmapStep, report: ItemReport) -> dict[str, Any]:
    stage = step.stage
    return {
        "id": stage.pk, "order": stage.order, "kind": stage.kind, "title": stage.title,
        "status": step.status, "starts_on": stage.starts_on, "ends_on": stage.ends_on,
        "announced_at": stage.announced_at, "opened_at": stage.opened_at,
        "notice_days": step.notice_days, "announce_by": step.announce_by,
        "aim_and_purpose": stage.aim_and_purpose, "modalities": stage.modalities,
        "significance": stage.significance, "documents": stage.documents,
        "findings": _findings(report),
    }


def _meeting_summary(meeting: Meeting) -> dict[str, Any]:
    return {
        "id": meeting.pk, "title": meeting.title, "kind": meeting.kind,
        "starts_at": meeting.starts_at, "ends_at": meeting.ends_at,
        "timezone": meeting.timezone, "announced_at": meeting.announced_at,
        "minutes_published_at": meeting.minutes_published_at,
        "url": meeting.get_absolute_url(),
        "api_url": reverse("api:meeting", kwargs={"pk": meeting.pk}),
    }


def _summary(process: Process, steps: list[selectors.RoadmapStep],
             reports: dict[str, ItemReport] | None = None) -> dict[str, Any]:
    following = selectors.next_step(steps)
    next_out = None
    if following is not None:
        report = (reports or {}).get(f"stage-{following.stage.pk}")
        next_out = _step(following, report or stage_report(following.stage, process))
    return {
        "slug": process.slug, "title": process.title, "status": process.status,
        "issue": {"slug": process.issue.slug, "title": process.issue.title},
        "lead_body": process.lead_body.slug if process.lead_body else None,
        "lead_venue": process.lead_venue.slug if process.lead_venue else None,
        "coordinating_body": process.coordinating_body.slug if process.coordinating_body
        else None,
        "next_step": next_out,
        "url": process.get_absolute_url(),
    }


def _glance(process: Process) -> dict[str, Any] | None:
    body = process.lead_body
    if body is None:
        return None
    found = (body.analysis or {}).get("principles") or {}
    return {
        "body": body.slug,
        "passed": (body.analysis or {}).get("passed"),
        "principles": {
            key: {"title": (found.get(key) or {}).get("title"),
                  "passed": (found.get(key) or {}).get("passed"),
                  "summary": (found.get(key) or {}).get("summary", "")}
            for key in PRINCIPLE_KEYS
        },
        "url": reverse("api:body", kwargs={"slug": body.slug}),
    }


def _process_or_404(slug: str) -> Process:
    try:
        return selectors.process_get(slug)
    except Process.DoesNotExist:
        message = f"No process {slug!r}."
        raise NotFound(message, errors={"slug": [message]}) from None


def _stage_or_404(process: Process, pk: int) -> Stage:
    for stage in process.stages.all():
        if stage.pk == pk:
            stage.process = process
            return stage
    message = f"The process {process.slug!r} has no stage {pk}."
    raise NotFound(message, errors={"id": [message]})


def _meeting_or_404(pk: int) -> Meeting:
    try:
        return selectors.meeting_get(pk)
    except Meeting.DoesNotExist:
        message = f"No meeting {pk}."
        raise NotFound(message, errors={"id": [message]}) from None


def _process_detail(process: Process) -> dict[str, Any]:
    steps = selectors.roadmap(process)
    transparency = selectors.process_transparency(process)
    reports = {report.item.ref: report for report in transparency.details.items}
    return {
        **_summary(process, steps, reports),
        "description": process.description,
        "roadmap": [_step(step, reports[f"stage-{step.stage.pk}"]) for step in steps],
        "meetings": [_meeting_summary(m) for m in process.meetings.all()],
        "transparency": transparency_document(transparency),
        "lead_body_scorecard": _glance(process),
        "calendar": reverse("coordination:process_calendar", args=[process.slug]),
        "feed": reverse("coordination:process_feed", args=[process.slug]),
    }


def _meeting_detail(meeting: Meeting) -> dict[str, Any]:
    zone = zoneinfo.ZoneInfo(meeting.timezone)
    counts = selectors.attendance_counts(meeting)
    report = meeting_report(meeting)
    return {
        **_meeting_summary(meeting),
        "process": {"slug": meeting.process.slug, "title": meeting.process.title},
        "stage": meeting.stage_id,
        "agenda": meeting.agenda,
        "local_starts_at": meeting.starts_at.astimezone(zone).isoformat(),
        "local_ends_at": meeting.ends_at.astimezone(zone).isoformat(),
        "place": meeting.place, "remote_url": meeting.remote_url,
        "documents": meeting.documents,
        "aim_and_purpose": meeting.aim_and_purpose, "modalities": meeting.modalities,
        "significance": meeting.significance, "minutes": meeting.minutes,
        "attendance": {
            "total": counts.total, "remote": counts.remote,
            "by_group": {slug: n for slug, _, n in counts.groups},
            "by_region": {slug: n for slug, _, n in counts.regions},
        },
        "findings": _findings(report),
        "minutes_due": report.minutes_due,
    }


# ---- reads --------------------------------------------------------------------------------------


@router.get("/processes", response={200: ProcessPage, **READ_ERRORS}, url_name="processes",
            summary="List processes with their next step")
def process_list(request: HttpRequest, page: Query[PageQuery]) -> Any:
    processes = selectors.process_list()
    chosen = list(processes[page.offset: page.offset + page.limit])
    return {
        "count": processes.count(), "limit": page.limit, "offset": page.offset,
        "items": [_summary(p, selectors.roadmap(p)) for p in chosen],
    }


@router.get("/processes/{slug}", response={200: ProcessDetail, **READ_ERRORS},
            url_name="process",
            summary="One process: roadmap, next step, meetings, P2 and the lead body's scorecard")
def process_detail(request: HttpRequest, slug: str) -> Any:
    return _process_detail(_process_or_404(slug))


@router.get("/meetings/{pk}", response={200: MeetingDetail, **READ_ERRORS}, url_name="meeting",
            summary="One meeting: agenda, times, place, documents, minutes and attendance")
def meeting_detail(request: HttpRequest, pk: int) -> Any:
    return _meeting_detail(_meeting_or_404(pk))


@router.get("/upcoming", response={200: list[UpcomingOut], **READ_ERRORS}, url_name="upcoming",
            summary="Stages opening, meetings and consultation deadlines in the coming days")
def upcoming(request: HttpRequest, query: Query[UpcomingQuery]) -> Any:
    return [
        {
            "kind": item.kind, "date": item.day,
            "starts_at": item.when if isinstance(item.when, datetime.datetime) else None,
            "title": item.title,
            "process": {"slug": item.process.slug, "title": item.process.title},
            "issue": {"slug": item.process.issue.slug, "title": item.process.issue.title},
            "url": item.url,
        }
        for item in selectors.upcoming(days=query.days, now=timezone.now())
    ]


# ---- writes -------------------------------------------------------------------------------------


@router.post("/processes/{slug}/stages/{pk}/announce", response={200: StepOut, **WRITE_ERRORS},
             auth=SIGNED_IN, url_name="stage_announce",
             summary="Announce a stage with its background (aim and purpose, modalities, "
                     "significance)")
def stage_announce(request: HttpRequest, slug: str, pk: int, payload: AnnounceIn) -> Any:
    process = _process_or_404(slug)
    stage = _stage_or_404(process, pk)
    services.stage_announce(stage=stage, actor=_actor(request),
                            **payload.model_dump(exclude_unset=True))
    return _step_after(slug, pk)


@router.post("/processes/{slug}/stages/{pk}/open", response={200: StepOut, **WRITE_ERRORS},
             auth=SIGNED_IN, url_name="stage_open",
             summary="Open a stage once its notice period has run since it was announced")
def stage_open(request: HttpRequest, slug: str, pk: int) -> Any:
    process = _process_or_404(slug)
    services.stage_open(stage=_stage_or_404(process, pk), actor=_actor(request))
    return _step_after(slug, pk)


def _step_after(slug: str, pk: int) -> dict[str, Any]:
    process = _process_or_404(slug)
    transparency = selectors.process_transparency(process)
    step = next(s for s in selectors.roadmap(process) if s.stage.pk == pk)
    return _step(step, transparency.report(f"stage-{pk}"))


@router.post("/meetings/{pk}/announce", response={200: MeetingDetail, **WRITE_ERRORS},
             auth=SIGNED_IN, url_name="meeting_announce",
             summary="Announce a meeting with its background")
def meeting_announce(request: HttpRequest, pk: int, payload: AnnounceIn) -> Any:
    meeting = _meeting_or_404(pk)
    services.meeting_announce(meeting=meeting, actor=_actor(request),
                              **payload.model_dump(exclude_unset=True))
    return _meeting_detail(_meeting_or_404(pk))
