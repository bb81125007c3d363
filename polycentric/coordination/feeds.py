"""Open-data feeds of processes (DESIGN.md, "Open data"): iCalendar for meetings and
consultation deadlines, Atom for what happened in a process or on an issue.

- A **calendar** holds one VEVENT per meeting (DTSTART and DTEND in the meeting's own time zone,
  with its VTIMEZONE; TENTATIVE until the meeting is announced) and one all-day VEVENT per
  consultation deadline (the last day of a consultation stage). UIDs are stable: the same
  meeting keeps its UID whatever changes, so calendar programs update it in place.
- An **Atom feed** lists, newest first, the process starting, each stage announced and opened,
  each meeting announced, and each set of minutes published, read from the objects themselves
  (their announced, opened and published times), so the feed cannot disagree with the pages.

Both are built from plain rows given by the views: the functions here read no request.
"""

from __future__ import annotations

import datetime
import zoneinfo
from collections.abc import Iterable
from dataclasses import dataclass

import icalendar
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed
from django.utils.formats import date_format
from django.utils.html import escape
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from polycentric.coordination.models import Meeting, Process, Stage
from polycentric.issuemap.models import Issue

PRODID = "-//Polycentric//Processes and meetings//EN"
SITE_NAME = "Polycentric"
MAX_ENTRIES = 200


# ---- iCalendar ----------------------------------------------------------------------------------


def calendar_bytes(
    *,
    name: str,
    meetings: Iterable[Meeting],
    deadlines: Iterable[Stage],
    base_url: str,
    host: str,
    now: datetime.datetime | None = None,
) -> bytes:
    """An iCalendar (RFC 5545) document with the meetings and consultation deadlines."""
    stamp = (now or timezone.now()).astimezone(datetime.UTC)
    calendar = icalendar.Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", name)
    for meeting in meetings:
        calendar.add_component(_meeting_event(meeting, base_url=base_url, host=host, stamp=stamp))
    for stage in deadlines:
        if stage.ends_on is not None:
            calendar.add_component(_deadline_event(stage, base_url=base_url, host=host,
                                                   stamp=stamp))
    calendar.add_missing_timezones()
    return calendar.to_ical()


def _meeting_event(meeting: Meeting, *, base_url: str, host: str,
                   stamp: datetime.datetime) -> icalendar.Event:
    zone = zoneinfo.ZoneInfo(meeting.timezone)
    event = icalendar.Event()
    event.add("uid", f"meeting-{meeting.pk}@{host}")
    event.add("dtstamp", stamp)
    event.add("dtstart", meeting.starts_at.astimezone(zone))
    event.add("dtend", meeting.ends_at.astimezone(zone))
    event.add("summary", _("%(meeting)s (%(process)s)") % {
        "meeting": meeting.title, "process": meeting.process.title})
    event.add("description", _meeting_description(meeting))
    event.add("url", base_url + meeting.get_absolute_url())
    location = meeting.place or meeting.remote_url
    if location:
        event.add("location", location)
    event.add("status", "CONFIRMED" if meeting.announced_at else "TENTATIVE")
    event.add("categories", [meeting.get_kind_display()])
    return event


def _meeting_description(meeting: Meeting) -> str:
    parts = [_("Process: %(title)s") % {"title": meeting.process.title},
             _("Issue: %(title)s") % {"title": meeting.process.issue.title}]
    if meeting.remote_url:
        parts.append(_("Remote participation: %(url)s") % {"url": meeting.remote_url})
    if meeting.agenda.strip():
        parts.append(_("Agenda:") + "\n" + meeting.agenda.strip())
    for label, text in ((_("Aim and purpose"), meeting.aim_and_purpose),
                        (_("Modalities"), meeting.modalities),
                        (_("Significance"), meeting.significance)):
        if text.strip():
            parts.append(f"{label}: {text.strip()}")
    if not meeting.announced_at:
        parts.append(_("Not yet announced: the date may change."))
    return "\n\n".join(parts)


def _deadline_event(stage: Stage, *, base_url: str, host: str,
                    stamp: datetime.datetime) -> icalendar.Event:
    assert stage.ends_on is not None
    event = icalendar.Event()
    event.add("uid", f"consultation-deadline-{stage.pk}@{host}")
    event.add("dtstamp", stamp)
    event.add("dtstart", stage.ends_on)
    event.add("dtend", stage.ends_on + datetime.timedelta(days=1))
    names = {"stage": stage.title, "process": stage.process.title,
             "issue": stage.process.issue.title}
    event.add("summary", _("Consultation deadline: %(stage)s (%(process)s)") % names)
    description = [_("The last day to comment in the consultation “%(stage)s” of the process "
                     "“%(process)s” (issue: %(issue)s).") % names]
    if stage.modalities.strip():
        description.append(_("How to take part: %(modalities)s") % {
            "modalities": stage.modalities.strip()})
    event.add("description", "\n\n".join(description))
    event.add("url", f"{base_url}{stage.process.get_absolute_url()}#stage-{stage.pk}")
    event.add("location", base_url + stage.process.get_absolute_url())
    event.add("transp", "TRANSPARENT")
    event.add("categories", [_("Consultation deadline")])
    return event


# ---- Atom ---------------------------------------------------------------------------------------


@dataclass(frozen=True)
class FeedEntry:
    """One thing that happened: its permanent id, title, page, time and a summary."""

    id: str
    title: str
    link: str
    updated: datetime.datetime
    summary: str


def _day(value: datetime.date) -> str:
    return date_format(value, "DATE_FORMAT")


def process_entries(process: Process, *, base_url: str) -> list[FeedEntry]:
    """What happened in ``process``, from its prefetched stages and meetings."""
    page = base_url + process.get_absolute_url()
    entries = [FeedEntry(
        id=f"{page}#started", link=page, updated=process.created,
        title=_("Process started: %(title)s") % {"title": process.title},
        summary=_("A process takes the issue “%(issue)s” forward.") % {
            "issue": process.issue.title},
    )]
    for stage in process.stages.all():
        anchor = f"{page}#stage-{stage.pk}"
        names = {"kind": stage.get_kind_display(), "title": stage.title}
        if stage.announced_at:
            if stage.ends_on:
                summary = _("Opens on %(start)s and runs until %(end)s.") % {
                    "start": _day(stage.starts_on), "end": _day(stage.ends_on)}
            else:
                summary = _("Opens on %(start)s.") % {"start": _day(stage.starts_on)}
            summary += " " + _("Aim and purpose: %(aim)s") % {
                "aim": stage.aim_and_purpose.strip()}
            entries.append(FeedEntry(
                id=f"{anchor}-announced", link=anchor, updated=stage.announced_at,
                title=_("Announced: %(kind)s stage “%(title)s”") % names, summary=summary))
        if stage.opened_at:
            summary = (_("Open until %(end)s.") % {"end": _day(stage.ends_on)}
                       if stage.ends_on else _("Open now."))
            entries.append(FeedEntry(
                id=f"{anchor}-opened", link=anchor, updated=stage.opened_at,
                title=_("Opened: %(kind)s stage “%(title)s”") % names, summary=summary))
    for meeting in process.meetings.all():
        link = base_url + meeting.get_absolute_url()
        if meeting.announced_at:
            local = meeting.starts_at.astimezone(zoneinfo.ZoneInfo(meeting.timezone))
            where = ", ".join(x for x in (meeting.place, meeting.remote_url) if x)
            summary = _("%(day)s at %(time)s (%(zone)s)") % {
                "day": _day(local.date()), "time": f"{local:%H:%M}", "zone": meeting.timezone}
            summary += (f", {where}." if where else ".")
            entries.append(FeedEntry(
                id=f"{link}#announced", link=link, updated=meeting.announced_at,
                title=_("Meeting announced: %(title)s") % {"title": meeting.title},
                summary=summary))
        if meeting.minutes_published_at:
            entries.append(FeedEntry(
                id=f"{link}#minutes", link=f"{link}#minutes",
                updated=meeting.minutes_published_at,
                title=_("Minutes published: %(title)s") % {"title": meeting.title},
                summary=meeting.minutes.strip()[:500]))
    entries.sort(key=lambda e: (e.updated, e.id), reverse=True)
    return entries[:MAX_ENTRIES]


def atom_bytes(*, title: str, link: str, feed_url: str, subtitle: str,
               entries: Iterable[FeedEntry]) -> bytes:
    """An Atom (RFC 4287) feed of ``entries``; its id is its own address."""
    language = get_language() or "en"
    feed = Atom1Feed(title=title, link=link, description=subtitle, subtitle=subtitle,
                     feed_url=feed_url, feed_guid=feed_url, language=language,
                     author_name=SITE_NAME)
    for entry in entries:
        # Atom1Feed marks summaries as HTML: escape the plain text so no markup gets through.
        feed.add_item(title=entry.title, link=entry.link, description=escape(entry.summary),
                      unique_id=entry.id, pubdate=entry.updated, updateddate=entry.updated)
    return feed.writeString("utf-8").encode("utf-8")


def process_atom(process: Process, *, base_url: str, feed_url: str) -> bytes:
    return atom_bytes(
        title=f"{process.title}: {SITE_NAME}", link=base_url + process.get_absolute_url(),
        feed_url=feed_url,
        subtitle=_("Announcements, stages, meetings and minutes of the process “%(title)s”.")
        % {"title": process.title},
        entries=process_entries(process, base_url=base_url),
    )


def issue_atom(issue: Issue, processes: Iterable[Process], *, base_url: str,
               feed_url: str) -> bytes:
    entries = [entry for process in processes
               for entry in process_entries(process, base_url=base_url)]
    entries.sort(key=lambda e: (e.updated, e.id), reverse=True)
    return atom_bytes(
        title=_("%(issue)s: processes on %(site)s") % {"issue": issue.title, "site": SITE_NAME},
        link=base_url + issue.get_absolute_url(), feed_url=feed_url,
        subtitle=_("Announcements, stages, meetings and minutes of every process on the issue "
                   "“%(title)s”.") % {"title": issue.title},
        entries=entries[:MAX_ENTRIES],
    )
