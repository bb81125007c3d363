"""The process pages: the list, a process with its roadmap as a timeline, the next step, the lead
body's scorecard and P2; what opens in the next 90 days; and the facilitators' forms."""

from __future__ import annotations

import html as html_lib
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from polycentric.coordination import services
from polycentric.coordination.models import Process, Stage
from polycentric.core.models import Event
from tests.coordination.processes.fixtures import BACKGROUND, ago, ahead, day, stage_of


def main(response) -> str:
    html = response.content.decode()
    return html[html.index("<main"):html.index("</main>")]


def text(html: str) -> str:
    return re.sub(r"\s+", " ", html_lib.unescape(re.sub(r"<[^>]+>", " ", html)))


# ---- reading ------------------------------------------------------------------------------------


def test_the_list_shows_each_process_with_its_next_step(roadmap_process, anon):
    response = anon.get("/processes/")

    assert response.status_code == 200
    page = text(main(response))
    assert "Jurisdiction: a shared approach" in page
    assert "Drafting the approach (opens" in page
    assert 'href="/processes/jurisdiction-approach/"' in main(response)


def test_the_roadmap_is_an_ordered_timeline_with_statuses(roadmap_process, anon):
    html = main(anon.get(roadmap_process.get_absolute_url()))

    roadmap = html[html.index('<ol class="roadmap">'):html.index("</ol>")]
    steps = re.findall(r'<li id="stage-\d+" class="step (\w+)"', roadmap)
    assert steps == ["done", "current", "next", "upcoming", "upcoming"]
    assert roadmap.count('aria-current="step"') == 1
    assert "Next step" in text(roadmap) and "Now open" in text(roadmap)
    assert text(roadmap).index("Scoping the questions") < text(roadmap).index("Watching the uptake")


def test_the_next_step_is_highlighted_with_its_dates(roadmap_process, anon):
    html = main(anon.get(roadmap_process.get_absolute_url()))

    section = text(html[html.index('class="next-step"'):html.index('id="roadmap"')])
    drafting = stage_of(roadmap_process, "drafting")
    assert "Drafting the approach" in section
    assert f'href="#stage-{drafting.pk}"' in html
    assert "It was announced on" in section


def test_the_page_shows_the_lead_bodys_scorecard_with_a_link(roadmap_process, anon):
    html = main(anon.get(roadmap_process.get_absolute_url()))

    scorecard = html[html.index('id="scorecard"'):html.index('id="principle-transparency"')]
    assert 'href="/bodies/coordination-council/"' in scorecard
    for title in ("P1 All stakeholder groups", "P3 Global", "P4 No group decides alone"):
        assert title in scorecard
    assert "Passes" in scorecard


def test_p2_passes_when_all_was_announced_in_time(roadmap_process, past_meeting, anon):
    html = main(anon.get(roadmap_process.get_absolute_url()))

    p2 = text(html[html.index('id="principle-transparency"'):])
    assert "P2 Inclusive, transparent, accountable" in p2 and "Passes" in p2
    assert "were announced in time" in p2


def test_p2_findings_name_the_stage_and_the_dates(roadmap_process, fatou, anon):
    decision = stage_of(roadmap_process, "decision")
    services.stage_update(stage=decision, actor=fatou, starts_on=day(10))

    html = main(anon.get(roadmap_process.get_absolute_url()))

    p2 = html[html.index('id="principle-transparency"'):]
    assert "Fails" in p2
    assert f'href="#stage-{decision.pk}"' in p2
    assert ("The decision stage 'Deciding on the approach' opens on" in text(p2)
            and "has not been announced" in text(p2))
    stage_html = html[html.index(f'id="stage-{decision.pk}"'):]
    assert "has not been announced" in stage_html[:stage_html.index("</li>")]


def test_the_process_page_makes_the_same_queries_whatever_its_size(roadmap_process, anon,
                                                                    fatou):
    url = roadmap_process.get_absolute_url()
    anon.get(url)
    with CaptureQueriesContext(connection) as few:
        anon.get(url)
    for n in range(6):
        services.stage_create(process=roadmap_process, kind="other", title=f"Extra {n}",
                              starts_on=day(200 + n), actor=None)
        services.meeting_create(process=roadmap_process, title=f"Meeting {n}",
                                starts_at=ahead(50 + n), ends_at=ahead(50 + n, 11), actor=None)

    with CaptureQueriesContext(connection) as many:
        response = anon.get(url)

    assert response.status_code == 200 and "Extra 5" in response.content.decode()
    assert len(many) == len(few)


def test_an_unknown_process_is_404(anon, reference):
    assert anon.get("/processes/nowhere/").status_code == 404


def test_a_venue_led_process_explains_there_is_no_scorecard(small_map, anon):
    process = services.process_create(
        issue=small_map["issues"]["spam"], title="Spam", slug="spam-process", actor=None,
        lead_venue=small_map["venues"]["anti-abuse-forum"])

    page = text(main(anon.get(process.get_absolute_url())))

    assert "led by the venue Anti-Abuse Forum" in page


# ---- upcoming -----------------------------------------------------------------------------------


def test_upcoming_lists_what_opens_in_the_next_90_days(roadmap_process, coming_meeting, anon):
    services.stage_update(stage=stage_of(roadmap_process, "implementation_oversight"),
                          actor=None, starts_on=day(91))
    services.meeting_create(process=roadmap_process, title="Far meeting", starts_at=ahead(92),
                            ends_at=ahead(92, 12), actor=None)

    html = main(anon.get("/upcoming/"))

    rows = re.findall(r'<tr class="(\w+)">', html)
    page = text(html)
    assert rows == ["deadline", "stage", "meeting", "stage"]
    assert "Consultation closes: Public comment on the options" in page
    assert "Stage opens: Drafting the approach" in page
    assert "Meeting: Decision meeting" in page
    assert "Deciding on the approach (not announced yet)" in page
    for outside in ("Watching the uptake", "Far meeting", "Scoping the questions"):
        assert outside not in page


def test_upcoming_says_when_nothing_is_coming(reference, anon):
    assert "Nothing opens, meets or closes in the next 90 days." in text(main(
        anon.get("/upcoming/")))


# ---- forms --------------------------------------------------------------------------------------


def test_a_facilitator_starts_a_process(small_map, coordination_council, fatou_client):
    response = fatou_client.post("/processes/new/", {
        "issue": "data-flows", "title": "Data flows", "slug": "data-flows-process",
        "lead_body": "coordination-council", "starts_on": day(40).isoformat(),
    })

    process = Process.objects.get(slug="data-flows-process")
    assert response.status_code == 302 and response["Location"] == process.get_absolute_url()
    assert process.stages.count() == 5
    assert process.stages.get(order=1).starts_on == day(40)


def test_process_form_errors_name_the_field(small_map, coordination_council, fatou_client):
    response = fatou_client.post("/processes/new/", {
        "issue": "data-flows", "title": "Data flows", "slug": "new",
        "lead_body": "coordination-council"})

    assert response.status_code == 422
    assert "is reserved for the site" in response.content.decode()
    assert not Process.objects.exists()


def test_announcing_without_background_shows_what_is_missing(roadmap_process, fatou_client):
    decision = stage_of(roadmap_process, "decision")
    url = f"/processes/{roadmap_process.slug}/stages/{decision.pk}/announce/"

    response = fatou_client.post(url, {"aim_and_purpose": "Decide.", "modalities": "",
                                       "significance": ""})

    assert response.status_code == 422
    page = response.content.decode()
    assert 'href="#id_modalities"' in page and 'href="#id_significance"' in page
    decision.refresh_from_db()
    assert decision.announced_at is None


def test_announcing_through_the_form(roadmap_process, fatou_client):
    decision = stage_of(roadmap_process, "decision")
    url = f"/processes/{roadmap_process.slug}/stages/{decision.pk}/announce/"

    response = fatou_client.post(url, BACKGROUND)

    assert response.status_code == 302
    decision.refresh_from_db()
    assert decision.announced_at is not None


def test_opening_too_early_is_refused_with_the_dates(roadmap_process, fatou_client):
    drafting = stage_of(roadmap_process, "drafting")
    Stage.objects.filter(pk=drafting.pk).update(starts_on=day(0))
    url = f"/processes/{roadmap_process.slug}/stages/{drafting.pk}/open/"

    response = fatou_client.post(url)

    assert response.status_code == 422
    page = text(main(response))
    assert "The stage cannot open yet" in page
    assert "the charter requires 14 days' notice" in page
    drafting.refresh_from_db()
    assert drafting.opened_at is None


def test_opening_in_time_through_the_form(small_map, coordination_council, fatou_client):
    process = services.process_create(
        issue=small_map["issues"]["spam"], title="Spam", slug="spam-process",
        lead_body=coordination_council, actor=None,
        stages=[{"kind": "drafting", "title": "Drafting", "starts_on": day(0)}])
    stage = process.stages.get()
    services.stage_announce(stage=stage, actor=None, at=ago(14), **BACKGROUND)

    response = fatou_client.post(f"/processes/spam-process/stages/{stage.pk}/open/")

    assert response.status_code == 302
    assert Event.objects.filter(kind="coordination.stage.opened").exists()


def test_editing_moving_and_removing_stages(roadmap_process, fatou_client):
    decision = stage_of(roadmap_process, "decision")
    base = f"/processes/{roadmap_process.slug}/stages/{decision.pk}"

    edited = fatou_client.post(f"{base}/edit/", {
        "kind": "decision", "title": "Deciding together", "starts_on": day(65).isoformat(),
        "ends_on": "", "documents": "Draft | https://example.org/draft.pdf"})
    moved = fatou_client.post(f"{base}/move/", {"direction": "up"})
    bad_move = fatou_client.post(f"{base}/move/", {"direction": "sideways"})
    removed = fatou_client.post(f"{base}/delete/")

    assert (edited.status_code, moved.status_code, removed.status_code) == (302, 302, 302)
    assert bad_move.status_code == 400
    assert not Stage.objects.filter(pk=decision.pk).exists()
    assert list(roadmap_process.stages.order_by("order").values_list("order", flat=True)) == [
        1, 2, 3, 4]
    assert Event.objects.filter(kind="coordination.stage.reordered").count() == 1


def test_documents_lines_must_have_a_title_and_an_address(roadmap_process, fatou_client):
    decision = stage_of(roadmap_process, "decision")

    response = fatou_client.post(
        f"/processes/{roadmap_process.slug}/stages/{decision.pk}/edit/",
        {"kind": "decision", "title": "Deciding", "starts_on": day(60).isoformat(),
         "documents": "just a title"})

    assert response.status_code == 422
    assert "Line 1: write a title, a vertical bar" in response.content.decode()


def test_adding_a_stage_through_the_form(roadmap_process, fatou_client):
    response = fatou_client.post(f"/processes/{roadmap_process.slug}/stages/new/", {
        "kind": "consultation", "title": "Second round of comment",
        "starts_on": day(80).isoformat(), "ends_on": day(100).isoformat()})

    assert response.status_code == 302
    assert roadmap_process.stages.get(order=6).title == "Second round of comment"


@pytest.mark.parametrize("path", ["", "stages/new/"])
def test_forms_are_not_shown_to_participants(roadmap_process, participant_client, path):
    response = participant_client.get(f"/processes/{roadmap_process.slug}/{path}")

    if path:
        assert response.status_code == 403
    else:
        assert "Add a stage" not in response.content.decode()


def test_the_list_makes_the_same_queries_whatever_the_number_of_processes(
        roadmap_process, small_map, coordination_council, anon):
    anon.get("/processes/")
    with CaptureQueriesContext(connection) as one:
        anon.get("/processes/")
    for n in range(4):
        services.process_create(issue=small_map["issues"]["spam"], title=f"Spam {n}",
                                slug=f"spam-{n}", lead_body=coordination_council, actor=None)

    with CaptureQueriesContext(connection) as five:
        response = anon.get("/processes/")

    assert "Spam 3" in response.content.decode()
    assert len(five) == len(one)
