"""The processes API: public reads (roadmap, next step, P2, the lead body's scorecard, meetings,
what is coming) and the facilitators' announce and open writes, with bad input named by field."""

from __future__ import annotations

import json

import pytest

from polycentric.accounts.tokens import api_token_create
from polycentric.coordination import services
from polycentric.coordination.models import Stage
from tests.coordination.processes.fixtures import BACKGROUND, ahead, day, stage_of


@pytest.fixture
def fatou_token(fatou) -> dict[str, str]:
    _, plain = api_token_create(user=fatou, name="fatou's script", actor=fatou)
    return {"HTTP_AUTHORIZATION": f"Bearer {plain}"}


def post(client, url, body=None, **headers):
    return client.post(url, data=json.dumps(body or {}), content_type="application/json",
                       **headers)


# ---- reads --------------------------------------------------------------------------------------


def test_list_processes_with_their_next_step(roadmap_process, anon):
    document = anon.get("/api/processes").json()

    assert document["count"] == 1
    (item,) = document["items"]
    assert item["slug"] == roadmap_process.slug and item["issue"]["slug"] == "jurisdiction"
    assert item["lead_body"] == "coordination-council"
    assert item["next_step"]["title"] == "Drafting the approach"
    assert item["next_step"]["status"] == "next"


def test_process_detail_has_roadmap_p2_and_scorecard(roadmap_process, past_meeting, anon):
    document = anon.get(f"/api/processes/{roadmap_process.slug}").json()

    assert [s["status"] for s in document["roadmap"]] == ["done", "current", "next", "upcoming",
                                                          "upcoming"]
    assert document["next_step"]["kind"] == "drafting"
    assert document["transparency"]["key"] == "transparency"
    assert document["transparency"]["passed"] is True
    assert len(document["transparency"]["items"]) == 6
    assert document["lead_body_scorecard"]["body"] == "coordination-council"
    assert document["lead_body_scorecard"]["principles"]["no_group_decides_alone"]["passed"]
    assert document["meetings"][0]["title"] == "First hearing"
    assert document["calendar"] == f"/processes/{roadmap_process.slug}/calendar.ics"


def test_p2_findings_reach_the_api(roadmap_process, anon):
    Stage.objects.filter(pk=stage_of(roadmap_process, "decision").pk).update(starts_on=day(5))

    document = anon.get(f"/api/processes/{roadmap_process.slug}").json()

    assert document["transparency"]["passed"] is False
    decision = next(s for s in document["roadmap"] if s["kind"] == "decision")
    assert [f["code"] for f in decision["findings"]] == ["not_announced"]


def test_meeting_detail(past_meeting, anon):
    document = anon.get(f"/api/meetings/{past_meeting.pk}").json()

    assert document["timezone"] == "America/Sao_Paulo"
    assert document["local_starts_at"].endswith("-03:00")
    assert document["attendance"]["total"] == 3 and document["attendance"]["remote"] == 1
    assert document["attendance"]["by_group"]["civil_society"] == 1
    assert document["attendance"]["by_region"]["grulac"] == 1
    assert document["minutes"].startswith("The options were presented")
    assert document["process"]["slug"] == past_meeting.process.slug
    assert document["findings"] == []


def test_upcoming_window(roadmap_process, coming_meeting, anon):
    everything = anon.get("/api/upcoming").json()
    soon = anon.get("/api/upcoming?days=10").json()

    assert [i["kind"] for i in everything] == ["deadline", "stage", "meeting", "stage"]
    assert [i["title"] for i in soon] == ["Public comment on the options"]


@pytest.mark.parametrize(("url", "field"), [
    ("/api/upcoming?days=0", "days"),
    ("/api/upcoming?days=many", "days"),
    ("/api/processes?limit=1000", "limit"),
])
def test_bad_queries_name_the_field(reference, anon, url, field):
    response = anon.get(url)

    assert response.status_code == 422
    assert field in response.json()["errors"]


@pytest.mark.parametrize("url", ["/api/processes/nowhere", "/api/meetings/9999"])
def test_unknown_objects_are_404(reference, anon, url):
    response = anon.get(url)

    assert response.status_code == 404 and response.json()["detail"]


# ---- writes -------------------------------------------------------------------------------------


def test_a_facilitator_announces_and_cannot_open_early(roadmap_process, anon, fatou_token):
    decision = stage_of(roadmap_process, "decision")
    base = f"/api/processes/{roadmap_process.slug}/stages/{decision.pk}"

    announced = post(anon, f"{base}/announce", BACKGROUND, **fatou_token)
    Stage.objects.filter(pk=decision.pk).update(starts_on=day(0))
    opened = post(anon, f"{base}/open", **fatou_token)

    assert announced.status_code == 200 and announced.json()["announced_at"]
    assert opened.status_code == 422
    assert "the charter requires 30 days' notice" in opened.json()["errors"]["announced_at"][0]


def test_announce_without_background_names_the_fields(roadmap_process, anon, fatou_token):
    decision = stage_of(roadmap_process, "decision")

    response = post(anon, f"/api/processes/{roadmap_process.slug}/stages/{decision.pk}/announce",
                    {"modalities": "Online."}, **fatou_token)

    assert response.status_code == 422
    assert set(response.json()["errors"]) == {"aim_and_purpose", "significance"}


def test_unknown_fields_are_refused(roadmap_process, anon, fatou_token):
    decision = stage_of(roadmap_process, "decision")

    response = post(anon, f"/api/processes/{roadmap_process.slug}/stages/{decision.pk}/announce",
                    {**BACKGROUND, "announced_at": "2020-01-01T00:00:00Z"}, **fatou_token)

    assert response.status_code == 422
    assert "announced_at" in response.json()["errors"]


def test_announcing_twice_is_a_conflict(roadmap_process, anon, fatou_token):
    drafting = stage_of(roadmap_process, "drafting")

    response = post(anon, f"/api/processes/{roadmap_process.slug}/stages/{drafting.pk}/announce",
                    BACKGROUND, **fatou_token)

    assert response.status_code == 409


def test_a_stage_of_another_process_is_404(roadmap_process, small_map, coordination_council,
                                           anon, fatou_token):
    other = services.process_create(issue=small_map["issues"]["spam"], title="Spam",
                                    slug="spam-process", lead_body=coordination_council,
                                    actor=None)
    stage = other.stages.first()

    response = post(anon, f"/api/processes/{roadmap_process.slug}/stages/{stage.pk}/open",
                    **fatou_token)

    assert response.status_code == 404


def test_a_facilitator_announces_a_meeting(roadmap_process, anon, fatou_token):
    meeting = roadmap_process.meetings.create(title="Call", starts_at=ahead(30),
                                              ends_at=ahead(30, 11))

    response = post(anon, f"/api/meetings/{meeting.pk}/announce", BACKGROUND, **fatou_token)

    assert response.status_code == 200 and response.json()["announced_at"]
