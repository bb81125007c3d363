"""The meeting page (agenda, times in the meeting's zone and the reader's, place, remote link,
documents, minutes, attendance by group and region) and the facilitators' meeting forms."""

from __future__ import annotations

import datetime
import html as html_lib
import re
import zoneinfo

from polycentric.coordination.models import Attendance, Meeting
from polycentric.core.models import Event
from tests.coordination.processes.fixtures import BACKGROUND, ahead


def main(response) -> str:
    page = response.content.decode()
    return page[page.index("<main"):page.index("</main>")]


def text(markup: str) -> str:
    return re.sub(r"\s+", " ", html_lib.unescape(re.sub(r"<[^>]+>", " ", markup)))


def counts(markup: str, caption: str) -> dict[str, int]:
    table = markup[markup.index(caption):]
    table = table[:table.index("</table>")]
    return {name.strip(): int(n) for name, n in re.findall(
        r'<th scope="row">([^<]+)</th><td class="number">(\d+)</td>', table)}


def test_the_meeting_page_shows_agenda_place_documents_and_minutes(past_meeting, anon):
    html = main(anon.get(past_meeting.get_absolute_url()))
    page = text(html)

    assert "First hearing" in page
    assert "1. Welcome" in page and "2. The options" in page
    assert "São Paulo" in page
    assert 'href="https://meet.example.org/hearing-1"' in html
    assert 'href="https://example.org/options.pdf"' in html
    assert "The options were presented" in page
    assert "Published on" in page


def test_times_are_shown_in_the_meetings_zone_and_the_readers(coming_meeting, anon):
    response = anon.get(coming_meeting.get_absolute_url() + "?tz=Asia/Kolkata")
    html = main(response)

    nairobi = coming_meeting.starts_at.astimezone(zoneinfo.ZoneInfo("Africa/Nairobi"))
    kolkata = coming_meeting.starts_at.astimezone(zoneinfo.ZoneInfo("Asia/Kolkata"))
    assert "Local time (Africa/Nairobi)" in text(html)
    assert "Your time (Asia/Kolkata)" in text(html)
    assert f'datetime="{nairobi.isoformat()}"' in html
    assert f'datetime="{kolkata.isoformat()}"' in html


def test_an_unknown_reader_zone_is_named_and_the_page_still_shows(coming_meeting, anon):
    response = anon.get(coming_meeting.get_absolute_url() + "?tz=Mars/Base")

    assert response.status_code == 422
    assert "“Mars/Base” is not a known time zone" in text(main(response))
    assert "Local time (Africa/Nairobi)" in text(main(response))


def test_attendance_is_counted_by_group_and_region(past_meeting, anon):
    html = main(anon.get(past_meeting.get_absolute_url()))

    by_group = counts(html, "Attendance by stakeholder group")
    by_region = counts(html, "Attendance by region")
    assert by_group["Civil society"] == 1 and by_group["Technical community"] == 1
    assert by_group["Governments"] == 1 and by_group["Academia"] == 0
    assert by_region["Latin American and Caribbean Group (GRULAC)"] == 1
    assert by_region["Asia-Pacific Group"] == 1 and by_region["African Group"] == 1
    assert by_region["Western European and Others Group (WEOG)"] == 0
    assert "3 participants, 1 of them remotely." in text(html)


def test_the_meeting_page_shows_p2(past_meeting, anon):
    html = main(anon.get(past_meeting.get_absolute_url()))

    assert "Announced in time with its background; no minutes are overdue." in text(html)


def test_an_unknown_meeting_is_404(roadmap_process, past_meeting, anon):
    assert anon.get(f"/processes/{roadmap_process.slug}/meetings/9999/").status_code == 404
    assert anon.get(f"/processes/other/meetings/{past_meeting.pk}/").status_code == 404


# ---- forms --------------------------------------------------------------------------------------


def test_planning_a_meeting_reads_times_in_its_zone(roadmap_process, fatou_client):
    day = (ahead(30)).date().isoformat()

    response = fatou_client.post(f"/processes/{roadmap_process.slug}/meetings/new/", {
        "title": "Regional call for Africa", "kind": "other", "timezone": "Africa/Nairobi",
        "starts_at": f"{day}T10:00", "ends_at": f"{day}T12:00", "place": "",
        "remote_url": "https://meet.example.org/africa", "agenda": "1. The options",
    })

    meeting = Meeting.objects.get(title="Regional call for Africa")
    assert response.status_code == 302 and response["Location"] == meeting.get_absolute_url()
    assert meeting.starts_at.astimezone(datetime.UTC).hour == 7
    assert meeting.timezone == "Africa/Nairobi"


def test_meeting_form_errors_name_the_field(roadmap_process, fatou_client):
    day = (ahead(30)).date().isoformat()

    response = fatou_client.post(f"/processes/{roadmap_process.slug}/meetings/new/", {
        "title": "Call", "kind": "other", "timezone": "Nowhere/Town",
        "starts_at": f"{day}T10:00", "ends_at": f"{day}T09:00"})

    assert response.status_code == 422
    assert "is not a known time zone" in response.content.decode()
    assert not Meeting.objects.filter(title="Call").exists()


def test_announcing_a_meeting_through_the_form(roadmap_process, fatou_client):
    meeting = roadmap_process.meetings.create(title="Call", starts_at=ahead(30),
                                              ends_at=ahead(30, 11))

    response = fatou_client.post(meeting.get_absolute_url() + "announce/", BACKGROUND)

    assert response.status_code == 302
    meeting.refresh_from_db()
    assert meeting.announced_at is not None


def test_publishing_minutes_through_the_form(past_meeting, fatou_client):
    response = fatou_client.post(past_meeting.get_absolute_url() + "minutes/", {
        "minutes": "Corrected minutes.",
        "documents": "Recording | https://example.org/recording"})

    assert response.status_code == 302
    past_meeting.refresh_from_db()
    assert past_meeting.minutes == "Corrected minutes."
    assert past_meeting.documents[-1]["title"] == "Recording"


def test_recording_attendance_through_the_form(past_meeting, fatou, fatou_client):
    response = fatou_client.post(past_meeting.get_absolute_url() + "attendance/", {
        "participants": [fatou.participant.pk], "remote": "on"})

    assert response.status_code == 302
    row = Attendance.objects.get(meeting=past_meeting, participant=fatou.participant)
    assert row.remote and row.region.slug == "african"
    assert Event.objects.filter(kind="coordination.attendance.recorded").count() == 3


def test_attendance_form_offers_only_those_not_recorded(past_meeting, fatou_client):
    page = fatou_client.get(past_meeting.get_absolute_url() + "attendance/").content.decode()

    assert "Fatou" in page and "Ana ·" not in page
