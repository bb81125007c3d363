"""The iCalendar feeds, read back with the icalendar package: one VEVENT per meeting (in its own
time zone, with a VTIMEZONE) and per consultation deadline (all day), with stable UIDs."""

from __future__ import annotations

import datetime
import zoneinfo

import icalendar

from polycentric.coordination import services


def parse(response) -> icalendar.Calendar:
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    return icalendar.Calendar.from_ical(response.content)


def events(calendar: icalendar.Calendar) -> dict[str, icalendar.Event]:
    return {str(event["UID"]): event for event in calendar.walk("VEVENT")}


def test_process_calendar_has_meetings_and_the_consultation_deadline(
        roadmap_process, past_meeting, coming_meeting, anon):
    calendar = parse(anon.get(f"/processes/{roadmap_process.slug}/calendar.ics"))

    found = events(calendar)
    consultation = roadmap_process.stages.get(kind="consultation")
    assert set(found) == {f"meeting-{past_meeting.pk}@testserver",
                          f"meeting-{coming_meeting.pk}@testserver",
                          f"consultation-deadline-{consultation.pk}@testserver"}
    assert str(calendar["VERSION"]) == "2.0" and "Polycentric" in str(calendar["PRODID"])
    for event in found.values():
        for field in ("DTSTAMP", "DTSTART", "DTEND", "SUMMARY", "DESCRIPTION", "URL",
                      "LOCATION"):
            assert field in event, field


def test_a_meeting_keeps_its_own_time_zone(roadmap_process, coming_meeting, anon):
    calendar = parse(anon.get(f"/processes/{roadmap_process.slug}/calendar.ics"))

    event = events(calendar)[f"meeting-{coming_meeting.pk}@testserver"]
    start, end = event["DTSTART"].dt, event["DTEND"].dt
    assert event["DTSTART"].params["TZID"] == "Africa/Nairobi"
    assert start == coming_meeting.starts_at and end == coming_meeting.ends_at
    assert start.utcoffset() == datetime.timedelta(hours=3)
    assert "Africa/Nairobi" in [str(tz["TZID"]) for tz in calendar.walk("VTIMEZONE")]
    assert str(event["SUMMARY"]) == "Decision meeting (Jurisdiction: a shared approach)"
    assert str(event["LOCATION"]) == "Nairobi, KICC"
    assert str(event["URL"]) == f"http://testserver{coming_meeting.get_absolute_url()}"
    assert str(event["STATUS"]) == "CONFIRMED"
    assert "2. Consensus call" in str(event["DESCRIPTION"])
    assert event["DTSTAMP"].dt.tzinfo is not None


def test_the_deadline_is_the_consultations_last_day(roadmap_process, anon):
    consultation = roadmap_process.stages.get(kind="consultation")
    calendar = parse(anon.get(f"/processes/{roadmap_process.slug}/calendar.ics"))

    event = events(calendar)[f"consultation-deadline-{consultation.pk}@testserver"]
    assert event["DTSTART"].dt == consultation.ends_on
    assert event["DTEND"].dt == consultation.ends_on + datetime.timedelta(days=1)
    assert str(event["SUMMARY"]).startswith("Consultation deadline: Public comment")


def test_an_unannounced_meeting_is_tentative(roadmap_process, anon):
    meeting = services.meeting_create(
        process=roadmap_process, title="Maybe", actor=None, timezone="Asia/Kolkata",
        starts_at=datetime.datetime(2031, 5, 1, 10, tzinfo=zoneinfo.ZoneInfo("Asia/Kolkata")),
        ends_at=datetime.datetime(2031, 5, 1, 12, tzinfo=zoneinfo.ZoneInfo("Asia/Kolkata")))

    calendar = parse(anon.get(f"/processes/{roadmap_process.slug}/calendar.ics"))

    event = events(calendar)[f"meeting-{meeting.pk}@testserver"]
    assert str(event["STATUS"]) == "TENTATIVE"
    assert event["DTSTART"].dt.hour == 10


def test_the_site_calendar_holds_every_process(roadmap_process, past_meeting, small_map,
                                               coordination_council, anon):
    other = services.process_create(issue=small_map["issues"]["spam"], title="Spam",
                                    slug="spam-process", lead_body=coordination_council,
                                    actor=None)
    meeting = services.meeting_create(
        process=other, title="Spam call", actor=None,
        starts_at=datetime.datetime(2031, 1, 1, 9, tzinfo=datetime.UTC),
        ends_at=datetime.datetime(2031, 1, 1, 10, tzinfo=datetime.UTC))

    found = events(parse(anon.get("/calendar.ics")))

    assert f"meeting-{past_meeting.pk}@testserver" in found
    assert f"meeting-{meeting.pk}@testserver" in found
    spam_deadline = other.stages.get(kind="consultation")
    assert f"consultation-deadline-{spam_deadline.pk}@testserver" in found


def test_uids_stay_when_a_meeting_moves(roadmap_process, coming_meeting, anon):
    url = f"/processes/{roadmap_process.slug}/calendar.ics"
    before = set(events(parse(anon.get(url))))
    later = coming_meeting.starts_at + datetime.timedelta(days=2)
    services.meeting_update(meeting=coming_meeting, actor=None, starts_at=later,
                            ends_at=later + datetime.timedelta(hours=2))

    after = events(parse(anon.get(url)))

    assert set(after) == before
    assert after[f"meeting-{coming_meeting.pk}@testserver"]["DTSTART"].dt == later


def test_an_empty_site_calendar_still_parses(reference, anon):
    calendar = parse(anon.get("/calendar.ics"))

    assert calendar.walk("VEVENT") == []


def test_an_unknown_process_has_no_calendar(reference, anon):
    assert anon.get("/processes/nowhere/calendar.ics").status_code == 404
