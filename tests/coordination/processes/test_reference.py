"""The reference processes: a coordinating body that passes P4, a process on a top issue with no
home, a roadmap around today, meetings with minutes and attendance; loading twice changes
nothing."""

from __future__ import annotations

import icalendar
import pytest

from polycentric.bodies.models import Body
from polycentric.bodies.reference import bodies_reference_load
from polycentric.coordination import selectors
from polycentric.coordination.models import Attendance, Meeting, Process
from polycentric.coordination.reference_processes import (
    BODY_SLUG,
    PROCESS_SLUG,
    processes_reference_load,
)
from polycentric.coordination.reference_rounds import rounds_reference_load
from polycentric.issuemap.importer import map_import
from polycentric.issuemap.reference import MAP_FILE


@pytest.fixture
def reference_map(reference):
    map_import(path=MAP_FILE, actor=None)


def test_the_reference_process_has_real_content(reference_map):
    counts = processes_reference_load()

    assert counts == {"bodies": 1, "participants": 7, "processes": 1, "meetings": 3}
    body = Body.objects.get(slug=BODY_SLUG)
    assert body.analysis["principles"]["no_group_decides_alone"]["passed"] is True
    assert body.analysis["principles"]["no_region_decides_alone"]["passed"] is True
    process = selectors.process_get(PROCESS_SLUG)
    assert process.issue.slug == "jurisdiction" and process.lead_body == body
    statuses = [step.status for step in selectors.roadmap(process)]
    assert statuses == ["done", "current", "next", "upcoming", "upcoming"]
    assert selectors.process_transparency(process).passed
    hearing = Meeting.objects.get(title="Opening hearing on applicable law")
    assert hearing.minutes_published_at is not None
    attendance = Attendance.objects.filter(meeting=hearing)
    assert attendance.count() == 7 and attendance.filter(remote=True).count() == 2
    assert attendance.values("group").distinct().count() == 6
    assert attendance.values("region").distinct().count() == 5
    kinds = [item.kind for item in selectors.upcoming()]
    assert {"stage", "meeting", "deadline"} <= set(kinds)


def test_loading_twice_changes_nothing(reference_map):
    processes_reference_load()

    assert processes_reference_load() == {"bodies": 0, "participants": 0, "processes": 0,
                                          "meetings": 0}
    assert Process.objects.count() == 1 and Meeting.objects.count() == 3


def test_without_the_map_only_the_body_is_made(reference):
    assert processes_reference_load()["processes"] == 0
    assert Body.objects.filter(slug=BODY_SLUG).exists()


def test_the_site_calendar_shows_the_reference_meetings(reference_map, client):
    processes_reference_load()

    calendar = icalendar.Calendar.from_ical(client.get("/calendar.ics").content)

    summaries = [str(event["SUMMARY"]) for event in calendar.walk("VEVENT")]
    assert len(summaries) == 4  # three meetings and the consultation's deadline
    assert any(s.startswith("Opening hearing on applicable law") for s in summaries)


def test_it_joins_the_reference_bodies_and_round(reference_map):
    bodies_reference_load()
    rounds_reference_load()

    counts = processes_reference_load()

    assert counts == {"bodies": 0, "participants": 0, "processes": 1, "meetings": 3}
    process = Process.objects.get(slug=PROCESS_SLUG)
    assert process.lead_body.name == "Polycentric Coordination Group (example)"
    assert selectors.process_transparency(selectors.process_get(PROCESS_SLUG)).passed
