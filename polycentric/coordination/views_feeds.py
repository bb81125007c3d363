"""The open-data feeds of processes: iCalendar for the whole site and per process (meetings and
consultation deadlines), Atom per process and per issue. Public, read-only, cacheable by the
client for a few minutes."""

from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_GET

from polycentric.coordination import feeds, selectors
from polycentric.coordination.models import Process

CALENDAR_TYPE = "text/calendar; charset=utf-8"
ATOM_TYPE = "application/atom+xml; charset=utf-8"
MAX_AGE = 300


def _base_url(request: HttpRequest) -> str:
    return request.build_absolute_uri("/").rstrip("/")


def _host(request: HttpRequest) -> str:
    return request.get_host().split(":")[0] or "polycentric"


def _process_or_404(slug: str) -> Process:
    try:
        return selectors.process_get(slug)
    except Process.DoesNotExist as exc:
        raise Http404(_("No process with the slug “%(slug)s”.") % {"slug": slug}) from exc


def _calendar_response(body: bytes, filename: str) -> HttpResponse:
    response = HttpResponse(body, content_type=CALENDAR_TYPE)
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    return response


@require_GET
@cache_control(public=True, max_age=MAX_AGE)
def site_calendar(request: HttpRequest) -> HttpResponse:
    """Every meeting and consultation deadline on the site."""
    body = feeds.calendar_bytes(
        name=_("Polycentric: meetings and consultation deadlines"),
        meetings=selectors.calendar_meetings(), deadlines=selectors.consultation_deadlines(),
        base_url=_base_url(request), host=_host(request))
    return _calendar_response(body, "polycentric.ics")


@require_GET
@cache_control(public=True, max_age=MAX_AGE)
def process_calendar(request: HttpRequest, slug: str) -> HttpResponse:
    process = _process_or_404(slug)
    body = feeds.calendar_bytes(
        name=process.title, meetings=selectors.calendar_meetings(process),
        deadlines=selectors.consultation_deadlines(process),
        base_url=_base_url(request), host=_host(request))
    return _calendar_response(body, f"{process.slug}.ics")


@require_GET
@cache_control(public=True, max_age=MAX_AGE)
def process_feed(request: HttpRequest, slug: str) -> HttpResponse:
    process = _process_or_404(slug)
    body = feeds.process_atom(process, base_url=_base_url(request),
                              feed_url=request.build_absolute_uri(
                                  reverse("coordination:process_feed", args=[slug])))
    return HttpResponse(body, content_type=ATOM_TYPE)


@require_GET
@cache_control(public=True, max_age=MAX_AGE)
def issue_feed(request: HttpRequest, slug: str) -> HttpResponse:
    issue = selectors.processes.issue_by_slug(slug)
    if issue is None:
        raise Http404(_("No issue with the slug “%(slug)s”.") % {"slug": slug})
    body = feeds.issue_atom(issue, selectors.issue_processes(issue), base_url=_base_url(request),
                            feed_url=request.build_absolute_uri(
                                reverse("coordination:issue_feed", args=[slug])))
    return HttpResponse(body, content_type=ATOM_TYPE)
