"""The Atom feeds, read back with the standard library's XML parser: the Atom namespace, a feed id
and updated time, and one entry per announcement, stage opening and set of minutes, newest
first, each with a unique id, a link and an updated time."""

from __future__ import annotations

import datetime
import xml.etree.ElementTree as ET

from polycentric.coordination import services

ATOM = "{http://www.w3.org/2005/Atom}"


def parse(response) -> ET.Element:
    assert response.status_code == 200
    assert response["Content-Type"] == "application/atom+xml; charset=utf-8"
    root = ET.fromstring(response.content)  # noqa: S314 -- our own feed, read as a client would
    assert root.tag == f"{ATOM}feed"
    return root


def entries(root: ET.Element) -> list[dict[str, str]]:
    return [
        {
            "id": entry.findtext(f"{ATOM}id"),
            "title": entry.findtext(f"{ATOM}title"),
            "updated": entry.findtext(f"{ATOM}updated"),
            "link": entry.find(f"{ATOM}link").get("href"),
            "summary": entry.findtext(f"{ATOM}summary"),
        }
        for entry in root.findall(f"{ATOM}entry")
    ]


def when(value: str) -> datetime.datetime:
    return datetime.datetime.fromisoformat(value)


def test_the_process_feed_lists_what_happened(roadmap_process, past_meeting, coming_meeting,
                                              anon):
    root = parse(anon.get(f"/processes/{roadmap_process.slug}/feed.atom"))

    found = entries(root)
    titles = [e["title"] for e in found]
    assert root.findtext(f"{ATOM}id") == (
        f"http://testserver/processes/{roadmap_process.slug}/feed.atom")
    assert when(root.findtext(f"{ATOM}updated")) == max(when(e["updated"]) for e in found)
    assert root.findtext(f"{ATOM}title").startswith("Jurisdiction: a shared approach")
    assert "Announced: Consultation stage “Public comment on the options”" in titles
    assert "Opened: Consultation stage “Public comment on the options”" in titles
    assert "Announced: Drafting stage “Drafting the approach”" in titles
    assert "Meeting announced: First hearing" in titles
    assert "Meeting announced: Decision meeting" in titles
    assert "Minutes published: First hearing" in titles
    assert "Process started: Jurisdiction: a shared approach" in titles
    assert len(found) == 9  # started; 3 announced, 2 opened; 2 meetings announced; 1 minutes


def test_entries_have_unique_ids_and_are_newest_first(roadmap_process, past_meeting, anon):
    found = entries(parse(anon.get(f"/processes/{roadmap_process.slug}/feed.atom")))

    ids = [e["id"] for e in found]
    assert len(set(ids)) == len(ids) and all(ids)
    times = [when(e["updated"]) for e in found]
    assert times == sorted(times, reverse=True)
    assert all(t.tzinfo is not None for t in times)
    minutes = next(e for e in found if e["title"] == "Minutes published: First hearing")
    assert minutes["link"] == f"http://testserver{past_meeting.get_absolute_url()}#minutes"
    assert when(minutes["updated"]) == past_meeting.minutes_published_at


def test_ids_do_not_change_when_more_happens(roadmap_process, fatou, anon):
    url = f"/processes/{roadmap_process.slug}/feed.atom"
    before = {e["id"] for e in entries(parse(anon.get(url)))}
    services.stage_announce(stage=roadmap_process.stages.get(kind="decision"), actor=fatou,
                            aim_and_purpose="Decide.", modalities="Online.",
                            significance="It matters.")

    after = entries(parse(anon.get(url)))

    assert before < {e["id"] for e in after}
    assert after[0]["title"] == "Announced: Decision stage “Deciding on the approach”"


def test_markup_in_a_summary_stays_text(roadmap_process, fatou, anon):
    services.stage_announce(stage=roadmap_process.stages.get(kind="decision"), actor=fatou,
                            aim_and_purpose="<script>alert(1)</script>", modalities="Online.",
                            significance="It matters.")

    found = entries(parse(anon.get(f"/processes/{roadmap_process.slug}/feed.atom")))

    assert "&lt;script&gt;" in found[0]["summary"]


def test_the_issue_feed_gathers_its_processes(roadmap_process, past_meeting, small_map,
                                              coordination_council, anon):
    services.process_create(issue=small_map["issues"]["jurisdiction"], title="Second track",
                            slug="second-track", lead_body=coordination_council, actor=None)
    services.process_create(issue=small_map["issues"]["spam"], title="Spam", slug="spam-process",
                            lead_body=coordination_council, actor=None)

    root = parse(anon.get("/issues/jurisdiction/feed.atom"))

    titles = [e["title"] for e in entries(root)]
    assert "Process started: Second track" in titles
    assert "Minutes published: First hearing" in titles
    assert "Process started: Spam" not in titles
    assert root.findtext(f"{ATOM}id") == "http://testserver/issues/jurisdiction/feed.atom"


def test_the_issue_feed_does_not_hide_the_issue_page(roadmap_process, anon):
    page = anon.get("/issues/jurisdiction/")

    assert page.status_code == 200 and page["Content-Type"].startswith("text/html")


def test_unknown_issue_or_process_is_404(reference, anon):
    assert anon.get("/issues/nowhere/feed.atom").status_code == 404
    assert anon.get("/processes/nowhere/feed.atom").status_code == 404


def test_an_issue_without_processes_has_an_empty_feed(small_map, anon):
    root = parse(anon.get("/issues/spam/feed.atom"))

    assert entries(root) == [] and root.findtext(f"{ATOM}updated")
