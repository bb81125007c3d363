"""The process and meeting pages: the list of processes, a process with its roadmap as a
timeline, its lead body's scorecard and P2; a meeting with its agenda, times, minutes and
attendance; what opens in the next 90 days; and the facilitators' forms.

Views are thin: a form parses the request, one service writes, selectors read, and the page is
rendered. Reading is public; the forms need an editor or a facilitator of the process's keeper
(anonymous visitors are sent to log in, others get 403 with the reason).
"""

from __future__ import annotations

import datetime
import zoneinfo
from collections.abc import Callable
from typing import Any

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseBadRequest
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from polycentric.bodies.scorecards import principle_rows
from polycentric.bodies.selectors import group_names
from polycentric.coordination import permissions, selectors, services
from polycentric.coordination.forms_processes import (
    AnnounceForm,
    AttendanceForm,
    MeetingForm,
    MinutesForm,
    ProcessForm,
    StageForm,
)
from polycentric.coordination.models import Meeting, Process, Stage, validate_timezone
from polycentric.coordination.selectors.processes import meeting_notice, meeting_report
from polycentric.core.errors import ApplicationError
from polycentric.core.views import form_write

# ---- helpers ------------------------------------------------------------------------------------


def _process_or_404(slug: str) -> Process:
    try:
        return selectors.process_get(slug)
    except Process.DoesNotExist as exc:
        raise Http404(_("No process with the slug “%(slug)s”.") % {"slug": slug}) from exc


def _stage_or_404(process: Process, pk: int) -> Stage:
    for stage in process.stages.all():
        if stage.pk == pk:
            stage.process = process
            return stage
    raise Http404(_("The process has no stage %(pk)d.") % {"pk": pk})


def _meeting_or_404(slug: str, pk: int) -> Meeting:
    try:
        return selectors.meeting_get(pk, process_slug=slug)
    except Meeting.DoesNotExist as exc:
        raise Http404(_("The process has no meeting %(pk)d.") % {"pk": pk}) from exc


def _forbidden(request: HttpRequest, message: str) -> HttpResponse:
    return render(request, "coordination/processes/forbidden.html", {"message": message},
                  status=403)


def _denied(request: HttpRequest, process: Process) -> HttpResponse | None:
    """Send anonymous visitors to log in and refuse those who may not manage ``process``."""
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    if not request.user.has_perm(permissions.CHANGE_PROCESS, process):
        keeper = process.keeper
        if keeper is None:
            return _forbidden(request, _("Only the site's editors may manage this process."))
        return _forbidden(request, _("Only the site's editors and the facilitators of "
                                     "%(body)s may manage this process.") % {"body": keeper.label})
    return None


def _write(request: HttpRequest, form: Any, write: Callable[[], Any], *, done: str,
           then: Callable[[Any], str]) -> tuple[HttpResponse | None, int]:
    """`form_write`, answering a refusal with the refusal's own status (403, 409 or 422)."""
    return form_write(request, form, write, done=done, then=then,
                      refusal_status=lambda exc: exc.status)


def _reader_zone(request: HttpRequest) -> tuple[zoneinfo.ZoneInfo, str]:
    """The reader's time zone: ``?tz=`` when it names a known zone, else the site's; and a
    problem with the given name, if any."""
    name = (request.GET.get("tz") or "").strip()
    if name:
        try:
            validate_timezone(name)
        except ValidationError:
            return zoneinfo.ZoneInfo(timezone.get_current_timezone_name()), _(
                "“%(name)s” is not a known time zone; use an IANA name such as "
                "Africa/Nairobi.") % {"name": name[:64]}
        return zoneinfo.ZoneInfo(name), ""
    return zoneinfo.ZoneInfo(timezone.get_current_timezone_name()), ""


# ---- reading ------------------------------------------------------------------------------------


@require_GET
def process_list(request: HttpRequest) -> HttpResponse:
    processes = list(selectors.process_list())
    rows = [{"process": p, "next": selectors.next_step(selectors.roadmap(p))} for p in processes]
    return render(request, "coordination/processes/process_list.html", {
        "rows": rows,
        "can_create": request.user.has_perm(permissions.ADD_PROCESS),
    })


@require_GET
def process_detail(request: HttpRequest, slug: str) -> HttpResponse:
    process = _process_or_404(slug)
    steps = selectors.roadmap(process)
    transparency = selectors.process_transparency(process)
    reports = {report.item.ref: report for report in transparency.details.items}
    meetings = list(process.meetings.all())
    body = process.lead_body
    scorecard = (body.analysis or {}) if body is not None else {}
    return render(request, "coordination/processes/process_detail.html", {
        "process": process,
        "steps": [(step, reports[f"stage-{step.stage.pk}"]) for step in steps],
        "next_step": selectors.next_step(steps),
        "next_meeting": selectors.next_meeting(process),
        "meetings": [(m, reports[f"meeting-{m.pk}"]) for m in meetings],
        "transparency": transparency,
        "periods": transparency.details.periods,
        "body": body,
        "scorecard": scorecard,
        "principles": principle_rows(scorecard, group_names()) if body is not None else [],
        "can_manage": request.user.has_perm(permissions.CHANGE_PROCESS, process),
        "today": timezone.localdate(),
    })


@require_GET
def meeting_detail(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    meeting = _meeting_or_404(slug, pk)
    reader_zone, zone_problem = _reader_zone(request)
    return render(request, "coordination/meetings/meeting_detail.html", {
        "meeting": meeting,
        "process": meeting.process,
        "meeting_zone": meeting.timezone,
        "reader_zone": str(reader_zone),
        "zone_problem": zone_problem,
        "same_zone": str(reader_zone) == meeting.timezone,
        "counts": selectors.attendance_counts(meeting),
        "attendees": list(meeting.attendance.all()),
        "report": meeting_report(meeting),
        "is_over": meeting.ends_at < timezone.now(),
        "can_manage": request.user.has_perm(permissions.CHANGE_PROCESS, meeting.process),
    }, status=422 if zone_problem else 200)


@require_GET
def upcoming(request: HttpRequest) -> HttpResponse:
    today = timezone.localdate()
    items = selectors.upcoming()
    return render(request, "coordination/processes/upcoming.html", {
        "items": items,
        "days": selectors.UPCOMING_DAYS,
        "today": today,
        "until": today + datetime.timedelta(days=selectors.UPCOMING_DAYS),
    })


# ---- processes ----------------------------------------------------------------------------------


@require_http_methods(["GET", "POST"])
def process_create(request: HttpRequest) -> HttpResponse:
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    if not request.user.has_perm(permissions.ADD_PROCESS):
        return _forbidden(request, _("Only the site's editors and the facilitators of a "
                                     "coordinating body may start processes."))
    bodies = permissions.facilitated_bodies(request.user).order_by("name")
    form = ProcessForm(request.POST or None, bodies=bodies)
    status = 200
    if request.method == "POST":
        response, status = _write(
            request, form, lambda: services.process_create(actor=request.user, **form.values()),
            done=_("The process is created with its default roadmap; date and announce its "
                   "stages."),
            then=lambda p: p.get_absolute_url(),
        )
        if response is not None:
            return response
    return render(request, "coordination/processes/process_form.html", {"form": form},
                  status=status)


# ---- stages -------------------------------------------------------------------------------------


@require_http_methods(["GET", "POST"])
def stage_create(request: HttpRequest, slug: str) -> HttpResponse:
    process = _process_or_404(slug)
    denied = _denied(request, process)
    if denied:
        return denied
    form = StageForm(request.POST or None)
    status = 200
    if request.method == "POST":
        response, status = _write(
            request, form,
            lambda: services.stage_create(process=process, actor=request.user, **form.values()),
            done=_("The stage is added to the roadmap."),
            then=lambda s: f"{process.get_absolute_url()}#stage-{s.pk}",
        )
        if response is not None:
            return response
    return render(request, "coordination/processes/stage_form.html",
                  {"form": form, "process": process}, status=status)


@require_http_methods(["GET", "POST"])
def stage_edit(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    process = _process_or_404(slug)
    stage = _stage_or_404(process, pk)
    denied = _denied(request, process)
    if denied:
        return denied
    form = StageForm(request.POST or None, initial=StageForm.initial_for(stage))
    status = 200
    if request.method == "POST":
        response, status = _write(
            request, form,
            lambda: services.stage_update(stage=stage, actor=request.user, **form.values()),
            done=_("The stage is saved."),
            then=lambda s: f"{process.get_absolute_url()}#stage-{s.pk}",
        )
        if response is not None:
            return response
    return render(request, "coordination/processes/stage_form.html",
                  {"form": form, "process": process, "stage": stage}, status=status)


@require_http_methods(["GET", "POST"])
def stage_delete(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    process = _process_or_404(slug)
    stage = _stage_or_404(process, pk)
    denied = _denied(request, process)
    if denied:
        return denied
    problem = ""
    status = 200
    if request.method == "POST":
        try:
            services.stage_delete(stage=stage, actor=request.user)
        except ApplicationError as exc:
            problem, status = exc.message, exc.status
        else:
            messages.success(request, _("The stage “%(title)s” is removed.") % {
                "title": stage.title})
            return redirect(process.get_absolute_url())
    return render(request, "coordination/processes/stage_delete.html",
                  {"process": process, "stage": stage, "problem": problem}, status=status)


@require_POST
def stage_move(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    """Move a stage one place up or down the roadmap (``direction`` is "up" or "down")."""
    process = _process_or_404(slug)
    stage = _stage_or_404(process, pk)
    denied = _denied(request, process)
    if denied:
        return denied
    direction = request.POST.get("direction")
    if direction not in ("up", "down"):
        return HttpResponseBadRequest(_("direction: choose “up” or “down”."))
    ids = [s.pk for s in process.stages.all()]
    index = ids.index(stage.pk)
    target = index - 1 if direction == "up" else index + 1
    if not 0 <= target < len(ids):
        return redirect(f"{process.get_absolute_url()}#stage-{stage.pk}")
    ids[index], ids[target] = ids[target], ids[index]
    services.stage_reorder(process=process, order=ids, actor=request.user)
    messages.success(request, _("The stage “%(title)s” is moved.") % {"title": stage.title})
    return redirect(f"{process.get_absolute_url()}#stage-{stage.pk}")


@require_http_methods(["GET", "POST"])
def stage_announce(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    process = _process_or_404(slug)
    stage = _stage_or_404(process, pk)
    denied = _denied(request, process)
    if denied:
        return denied
    form = AnnounceForm(request.POST or None, initial=StageForm.initial_for(stage))
    status = 200
    if request.method == "POST":
        response, status = _write(
            request, form,
            lambda: services.stage_announce(stage=stage, actor=request.user, **form.background()),
            done=_("The stage “%(title)s” is announced.") % {"title": stage.title},
            then=lambda s: f"{process.get_absolute_url()}#stage-{s.pk}",
        )
        if response is not None:
            return response
    step = next(s for s in selectors.roadmap(process) if s.stage.pk == stage.pk)
    return render(request, "coordination/processes/stage_announce.html", {
        "form": form, "process": process, "stage": stage, "step": step,
        "today": timezone.localdate(),
    }, status=status)


@require_http_methods(["GET", "POST"])
def stage_open(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    process = _process_or_404(slug)
    stage = _stage_or_404(process, pk)
    denied = _denied(request, process)
    if denied:
        return denied
    problems: dict[str, list[str]] = {}
    status = 200
    if request.method == "POST":
        try:
            services.stage_open(stage=stage, actor=request.user)
        except ApplicationError as exc:
            problems = exc.errors or {"__all__": [exc.message]}
            status = exc.status
        else:
            messages.success(request, _("The stage “%(title)s” is open.") % {"title": stage.title})
            return redirect(f"{process.get_absolute_url()}#stage-{stage.pk}")
    return render(request, "coordination/processes/stage_open.html", {
        "process": process, "stage": stage, "problems": problems,
        "earliest": services.earliest_opening(stage),
    }, status=status)


# ---- meetings -----------------------------------------------------------------------------------


@require_http_methods(["GET", "POST"])
def meeting_create(request: HttpRequest, slug: str) -> HttpResponse:
    process = _process_or_404(slug)
    denied = _denied(request, process)
    if denied:
        return denied
    form = MeetingForm(request.POST or None, process=process)
    status = 200
    if request.method == "POST":
        response, status = _write(
            request, form,
            lambda: services.meeting_create(process=process, actor=request.user,
                                            **form.values()),
            done=_("The meeting is planned; announce it with its background."),
            then=lambda m: m.get_absolute_url(),
        )
        if response is not None:
            return response
    return render(request, "coordination/meetings/meeting_form.html",
                  {"form": form, "process": process}, status=status)


@require_http_methods(["GET", "POST"])
def meeting_edit(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    meeting = _meeting_or_404(slug, pk)
    process = meeting.process
    denied = _denied(request, process)
    if denied:
        return denied
    form = MeetingForm(request.POST or None, process=process,
                       initial=MeetingForm.initial_for(meeting))
    status = 200
    if request.method == "POST":
        response, status = _write(
            request, form,
            lambda: services.meeting_update(meeting=meeting, actor=request.user,
                                            **form.values()),
            done=_("The meeting is saved."),
            then=lambda m: m.get_absolute_url(),
        )
        if response is not None:
            return response
    return render(request, "coordination/meetings/meeting_form.html",
                  {"form": form, "process": process, "meeting": meeting}, status=status)


@require_http_methods(["GET", "POST"])
def meeting_announce(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    meeting = _meeting_or_404(slug, pk)
    process = meeting.process
    denied = _denied(request, process)
    if denied:
        return denied
    form = AnnounceForm(request.POST or None, initial={
        f: getattr(meeting, f) for f in ("aim_and_purpose", "modalities", "significance")})
    status = 200
    if request.method == "POST":
        response, status = _write(
            request, form,
            lambda: services.meeting_announce(meeting=meeting, actor=request.user,
                                              **form.background()),
            done=_("The meeting “%(title)s” is announced.") % {"title": meeting.title},
            then=lambda m: m.get_absolute_url(),
        )
        if response is not None:
            return response
    notice = selectors.process_periods(process).days(meeting_notice(meeting))
    return render(request, "coordination/meetings/meeting_announce.html",
                  {"form": form, "process": process, "meeting": meeting, "notice_days": notice},
                  status=status)


@require_http_methods(["GET", "POST"])
def meeting_minutes(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    meeting = _meeting_or_404(slug, pk)
    process = meeting.process
    denied = _denied(request, process)
    if denied:
        return denied
    form = MinutesForm(request.POST or None, initial={"minutes": meeting.minutes})
    status = 200
    if request.method == "POST":
        response, status = _write(
            request, form,
            lambda: services.minutes_publish(meeting=meeting, actor=request.user,
                                             minutes=form.cleaned_data["minutes"],
                                             documents=form.cleaned_data.get("documents")),
            done=_("The minutes are published."),
            then=lambda m: f"{m.get_absolute_url()}#minutes",
        )
        if response is not None:
            return response
    return render(request, "coordination/meetings/minutes_form.html",
                  {"form": form, "process": process, "meeting": meeting}, status=status)


@require_http_methods(["GET", "POST"])
def meeting_attendance(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    meeting = _meeting_or_404(slug, pk)
    process = meeting.process
    denied = _denied(request, process)
    if denied:
        return denied
    form = AttendanceForm(request.POST or None, meeting=meeting)
    status = 200
    if request.method == "POST":
        response, status = _write(
            request, form,
            lambda: services.attendance_record(
                meeting=meeting, actor=request.user,
                participants=list(form.cleaned_data["participants"]),
                remote=form.cleaned_data["remote"]),
            done=_("The attendance is recorded."),
            then=lambda rows: f"{meeting.get_absolute_url()}#attendance",
        )
        if response is not None:
            return response
    return render(request, "coordination/meetings/attendance_form.html",
                  {"form": form, "process": process, "meeting": meeting}, status=status)
