"""Fixtures for processes, meetings and feeds (imported by the conftest of each of those folders).

- `roadmap_process`: "Jurisdiction: a shared approach", kept by the Coordination Council
  (tests/coordination/conftest.py), with five stages around today: scoping done, the
  consultation open (its deadline in 10 days), drafting announced and next, the decision and
  implementation oversight still to be announced;
- `past_meeting`: a meeting of it held 20 days ago with minutes and three attendees (Ana from
  Brazil, Arjun from India, Kofi from Ghana; Arjun remotely);
- `coming_meeting`: an announced decision meeting in 40 days, in Nairobi and online;
- `anon`, `fatou_client`: an anonymous visitor and the council's facilitator, signed in.

Things that happened in the past are recorded by the system (``actor=None``) with ``at``.
"""

from __future__ import annotations

import datetime

import pytest
from django.test import Client
from django.utils import timezone

from polycentric.coordination import services
from polycentric.coordination.models import Meeting, Process, Stage
from tests.conftest import login

BACKGROUND = {
    "aim_and_purpose": "Agree which law applies when one act online touches many countries.",
    "modalities": "Written comments on the draft, and two online hearings with interpretation.",
    "significance": "The result goes to every venue that handles cross-border cases.",
}


def ago(days: float, hour: int = 9) -> datetime.datetime:
    day = timezone.localdate() - datetime.timedelta(days=days)
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour)))


def ahead(days: float, hour: int = 9) -> datetime.datetime:
    return ago(-days, hour)


def day(offset: int) -> datetime.date:
    return timezone.localdate() + datetime.timedelta(days=offset)


@pytest.fixture
def anon() -> Client:
    return Client()


@pytest.fixture
def fatou_client(fatou) -> Client:
    return login(fatou)


@pytest.fixture
def roadmap_process(small_map, coordination_council) -> Process:
    process = services.process_create(
        issue=small_map["issues"]["jurisdiction"], title="Jurisdiction: a shared approach",
        slug="jurisdiction-approach", lead_body=coordination_council, actor=None,
        description="Taking the question of applicable law forward.",
        stages=[
            {"kind": "scoping", "title": "Scoping the questions", "starts_on": day(-60),
             "ends_on": day(-31)},
            {"kind": "consultation", "title": "Public comment on the options",
             "starts_on": day(-30), "ends_on": day(10)},
            {"kind": "drafting", "title": "Drafting the approach", "starts_on": day(11),
             "ends_on": day(40)},
            {"kind": "decision", "title": "Deciding on the approach", "starts_on": day(60),
             "ends_on": day(61)},
            {"kind": "implementation_oversight", "title": "Watching the uptake",
             "starts_on": day(150)},
        ],
    )
    stages = list(process.stages.order_by("order"))
    services.stage_announce(stage=stages[0], actor=None, at=ago(100), **BACKGROUND)
    services.stage_open(stage=stages[0], actor=None, at=ago(60))
    services.stage_announce(stage=stages[1], actor=None, at=ago(70), **BACKGROUND)
    services.stage_open(stage=stages[1], actor=None, at=ago(30))
    services.stage_announce(stage=stages[2], actor=None, at=ago(5), **BACKGROUND)
    process.refresh_from_db()
    return process


def stage_of(process: Process, kind: str) -> Stage:
    return process.stages.get(kind=kind)


@pytest.fixture
def past_meeting(roadmap_process, ana, arjun, kofi) -> Meeting:
    meeting = services.meeting_create(
        process=roadmap_process, title="First hearing", starts_at=ago(20, 12),
        ends_at=ago(20, 15), timezone="America/Sao_Paulo", actor=None,
        agenda="1. Welcome\n2. The options\n3. Next steps", place="São Paulo",
        remote_url="https://meet.example.org/hearing-1",
        documents=[{"title": "Options paper", "url": "https://example.org/options.pdf"}],
        stage=stage_of(roadmap_process, "consultation"), **BACKGROUND,
    )
    services.meeting_announce(meeting=meeting, actor=None, at=ago(40))
    services.attendance_record(meeting=meeting, participants=[ana.participant, kofi.participant],
                               actor=None)
    services.attendance_record(meeting=meeting, participants=[arjun.participant], actor=None,
                               remote=True)
    services.minutes_publish(meeting=meeting, actor=None, at=ago(15),
                             minutes="The options were presented; comments open until the "
                                     "deadline.")
    meeting.refresh_from_db()
    return meeting


@pytest.fixture
def coming_meeting(roadmap_process) -> Meeting:
    meeting = services.meeting_create(
        process=roadmap_process, title="Decision meeting", kind=Meeting.Kind.DECISION,
        starts_at=ahead(40, 7), ends_at=ahead(40, 10), timezone="Africa/Nairobi", actor=None,
        agenda="1. The draft approach\n2. Consensus call", place="Nairobi, KICC",
        remote_url="https://meet.example.org/decision", **BACKGROUND,
    )
    services.meeting_announce(meeting=meeting, actor=None, at=ago(1))
    meeting.refresh_from_db()
    return meeting
