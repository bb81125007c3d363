"""Writes about meetings: planning with a time zone, announcing with background, minutes after
the end, and attendance with each participant's group and region as they were."""

from __future__ import annotations

import datetime

import pytest

from polycentric.accounts.models import StakeholderGroup
from polycentric.coordination import services
from polycentric.coordination.models import Attendance, Meeting
from polycentric.core.errors import Conflict, PermissionDenied, ValidationFailed
from polycentric.core.models import Event
from tests.coordination.processes.fixtures import BACKGROUND, ago, ahead


def plan(process, actor, **values) -> Meeting:
    arguments = {"process": process, "title": "Online hearing", "starts_at": ahead(20, 12),
                 "ends_at": ahead(20, 14), "timezone": "Asia/Kolkata", "actor": actor,
                 **values}
    return services.meeting_create(**arguments)


def test_a_facilitator_plans_a_meeting(roadmap_process, fatou):
    meeting = plan(roadmap_process, fatou, place="Online",
                   documents=[{"title": "Draft", "url": "https://example.org/draft"}])

    assert meeting.timezone == "Asia/Kolkata" and meeting.announced_at is None
    event = Event.objects.get(kind="coordination.meeting.created")
    assert event.payload["process"] == roadmap_process.slug and event.actor == fatou


@pytest.mark.parametrize(("values", "field"), [
    ({"timezone": "Mars/Olympus_Mons"}, "timezone"),
    ({"ends_at": ahead(19)}, "ends_at"),
    ({"ends_at": ahead(40)}, "ends_at"),
    ({"remote_url": "not a link"}, "remote_url"),
    ({"kind": "party"}, "kind"),
    ({"title": "  "}, "title"),
    ({"documents": [{"title": "", "url": "https://example.org"}]}, "documents"),
])
def test_meeting_create_refuses_bad_input(roadmap_process, fatou, values, field):
    with pytest.raises(ValidationFailed) as caught:
        plan(roadmap_process, fatou, **values)

    assert field in caught.value.errors
    assert not Meeting.objects.exists()


def test_a_stage_of_another_process_is_refused(roadmap_process, small_map, coordination_council,
                                               fatou):
    other = services.process_create(issue=small_map["issues"]["spam"], title="Spam",
                                    slug="spam-process", lead_body=coordination_council,
                                    actor=None)

    with pytest.raises(ValidationFailed) as caught:
        plan(roadmap_process, fatou, stage=other.stages.first())

    assert "stage" in caught.value.errors


def test_participants_cannot_plan_meetings(roadmap_process, ana):
    with pytest.raises(PermissionDenied):
        plan(roadmap_process, ana)


def test_announcing_needs_the_background(roadmap_process, fatou):
    meeting = plan(roadmap_process, fatou)

    with pytest.raises(ValidationFailed) as caught:
        services.meeting_announce(meeting=meeting, actor=fatou, modalities="Online only.")

    assert set(caught.value.errors) == {"aim_and_purpose", "significance"}
    meeting.refresh_from_db()
    assert meeting.announced_at is None


def test_announcing_records_the_notice_given(roadmap_process, fatou):
    meeting = plan(roadmap_process, fatou)

    services.meeting_announce(meeting=meeting, actor=fatou, **BACKGROUND)

    event = Event.objects.get(kind="coordination.meeting.announced")
    assert event.payload["notice_days"] == 14 and event.payload["notice_given"] == 20


def test_minutes_wait_for_the_end(coming_meeting, fatou):
    with pytest.raises(ValidationFailed) as caught:
        services.minutes_publish(meeting=coming_meeting, minutes="We met.", actor=fatou)

    assert "once it is over" in caught.value.errors["minutes"][0]


def test_empty_minutes_are_refused(past_meeting, fatou):
    with pytest.raises(ValidationFailed) as caught:
        services.minutes_publish(meeting=past_meeting, minutes="   ", actor=fatou)

    assert "minutes" in caught.value.errors


def test_correcting_minutes_keeps_the_first_publication(past_meeting, fatou):
    first = past_meeting.minutes_published_at

    services.minutes_publish(meeting=past_meeting, minutes="Corrected: three options.",
                             actor=fatou)

    past_meeting.refresh_from_db()
    assert past_meeting.minutes == "Corrected: three options."
    assert past_meeting.minutes_published_at == first
    assert Event.objects.filter(kind="coordination.minutes.published").count() == 1
    assert Event.objects.filter(kind="coordination.minutes.corrected").count() == 1


def test_attendance_keeps_group_and_region_as_they_were(past_meeting, ana):
    row = Attendance.objects.get(meeting=past_meeting, participant=ana.participant)
    ana.participant.stakeholder_group = StakeholderGroup.objects.get(slug="academia")
    ana.participant.save()

    row.refresh_from_db()
    assert (row.group.slug, row.region.slug) == ("civil_society", "grulac")
    assert Attendance.objects.get(participant__user__username="arjun").remote is True
    event = Event.objects.filter(kind="coordination.attendance.recorded").first()
    assert event is not None and event.payload["process"] == past_meeting.process.slug


def test_attendance_is_recorded_once(past_meeting, ana, fatou):
    with pytest.raises(Conflict, match="Ana"):
        services.attendance_record(meeting=past_meeting, participants=[ana.participant],
                                   actor=fatou)


def test_no_attendance_before_the_meeting(coming_meeting, ana, fatou):
    with pytest.raises(ValidationFailed) as caught:
        services.attendance_record(meeting=coming_meeting, participants=[ana.participant],
                                   actor=fatou)

    assert "participants" in caught.value.errors
    assert not Attendance.objects.exists()


def test_an_announced_meeting_keeps_its_background(coming_meeting, fatou):
    with pytest.raises(ValidationFailed) as caught:
        services.meeting_update(meeting=coming_meeting, actor=fatou, aim_and_purpose="")

    assert "aim_and_purpose" in caught.value.errors


def test_meeting_update_moves_a_meeting(coming_meeting, fatou):
    later = coming_meeting.starts_at + datetime.timedelta(days=1)

    services.meeting_update(meeting=coming_meeting, actor=fatou, starts_at=later,
                            ends_at=later + datetime.timedelta(hours=2))

    event = Event.objects.get(kind="coordination.meeting.updated")
    assert event.payload["changed"] == ["ends_at", "starts_at"]


def test_a_meeting_that_is_over_cannot_be_announced(roadmap_process):
    meeting = plan(roadmap_process, None, starts_at=ago(3, 10), ends_at=ago(3, 12),
                   **BACKGROUND)

    with pytest.raises(Conflict):
        services.meeting_announce(meeting=meeting, actor=None)
