"""Writes about processes and roadmaps: default stages, announcing with background, the refusal
to open a stage before its notice has run, reordering, and the events each write records."""

from __future__ import annotations

import datetime

import pytest

from polycentric.coordination import services
from polycentric.coordination.models import Process, Stage
from polycentric.core.errors import Conflict, PermissionDenied, ValidationFailed
from polycentric.core.models import Event
from polycentric.engines.principles import date_words
from tests.coordination.processes.fixtures import BACKGROUND, ago, day, stage_of


def kinds(process: Process) -> list[str]:
    return list(process.stages.order_by("order").values_list("kind", flat=True))


# ---- process_create -----------------------------------------------------------------------------


def test_a_new_process_gets_the_five_default_stages(small_map, coordination_council, fatou):
    process = services.process_create(
        issue=small_map["issues"]["data-flows"], title="Data flows", slug="data-flows-process",
        lead_body=coordination_council, actor=fatou, starts_on=day(30))

    stages = list(process.stages.order_by("order"))
    assert kinds(process) == ["scoping", "consultation", "drafting", "decision",
                              "implementation_oversight"]
    assert [s.starts_on for s in stages] == [day(30 + 45 * i) for i in range(5)]
    assert stages[0].ends_on == day(74) and stages[-1].ends_on is None
    event = Event.objects.get(kind="coordination.process.created")
    assert event.payload["issue"] == "data-flows" and len(event.payload["stages"]) == 5
    assert event.actor == fatou


@pytest.mark.parametrize(("values", "field"), [
    ({"lead_body": None}, "lead_body"),
    ({"slug": "new"}, "slug"),
    ({"slug": "Not a slug!"}, "slug"),
    ({"title": ""}, "title"),
    ({"stages": [{"kind": "consultation", "title": "Comment", "starts_on": None}]},
     "stages[0].starts_on"),
    ({"stages": [{"kind": "party", "title": "Comment", "starts_on": datetime.date(2030, 1, 1)}]},
     "stages[0].kind"),
])
def test_process_create_refuses_bad_input_naming_the_field(small_map, coordination_council,
                                                          values, field):
    arguments = {"issue": small_map["issues"]["spam"], "title": "Spam", "slug": "spam-process",
                 "lead_body": coordination_council, "actor": None, **values}

    with pytest.raises(ValidationFailed) as caught:
        services.process_create(**arguments)

    assert field in caught.value.errors
    assert not Process.objects.exists() and not Stage.objects.exists()


def test_process_slug_is_unique(roadmap_process, small_map, coordination_council):
    with pytest.raises(ValidationFailed) as caught:
        services.process_create(issue=small_map["issues"]["spam"], title="Again",
                                slug=roadmap_process.slug, lead_body=coordination_council,
                                actor=None)

    assert "exists already" in caught.value.errors["slug"][0]


def test_only_facilitators_and_editors_start_processes(small_map, coordination_council, ana,
                                                        wanjiru):
    issue = small_map["issues"]["spam"]
    with pytest.raises(PermissionDenied):
        services.process_create(issue=issue, title="Spam", slug="spam-process",
                                lead_body=coordination_council, actor=ana)

    made = services.process_create(issue=issue, title="Spam", slug="spam-process",
                                   lead_venue=small_map["venues"]["anti-abuse-forum"],
                                   actor=wanjiru)
    assert made.keeper is None and made.lead == small_map["venues"]["anti-abuse-forum"]


def test_a_facilitator_cannot_start_a_venue_led_process_without_a_body(small_map, fatou):
    with pytest.raises(PermissionDenied, match="coordinating body"):
        services.process_create(issue=small_map["issues"]["spam"], title="Spam",
                                slug="spam-process",
                                lead_venue=small_map["venues"]["anti-abuse-forum"], actor=fatou)


# ---- announcing ---------------------------------------------------------------------------------


def test_announcing_without_background_is_refused_naming_what_is_missing(roadmap_process,
                                                                        fatou):
    decision = stage_of(roadmap_process, "decision")

    with pytest.raises(ValidationFailed) as caught:
        services.stage_announce(stage=decision, actor=fatou,
                                aim_and_purpose="Decide on the approach.")

    assert set(caught.value.errors) == {"modalities", "significance"}
    decision.refresh_from_db()
    assert decision.announced_at is None and decision.aim_and_purpose == ""
    assert not Event.objects.filter(kind="coordination.stage.announced",
                                    object_id=str(decision.pk)).exists()


def test_announcing_records_the_time_and_the_notice(roadmap_process, fatou):
    decision = stage_of(roadmap_process, "decision")

    services.stage_announce(stage=decision, actor=fatou, **BACKGROUND)

    decision.refresh_from_db()
    assert decision.announced_at is not None
    event = Event.objects.get(kind="coordination.stage.announced", object_id=str(decision.pk))
    assert event.payload["notice_days"] == 30
    assert event.payload["may_open_from"] == day(30).isoformat()
    assert event.actor == fatou


def test_a_stage_is_announced_once(roadmap_process, fatou):
    with pytest.raises(Conflict):
        services.stage_announce(stage=stage_of(roadmap_process, "drafting"), actor=fatou)


def test_only_the_system_chooses_the_time(roadmap_process, fatou):
    with pytest.raises(ValidationFailed) as caught:
        services.stage_announce(stage=stage_of(roadmap_process, "decision"), actor=fatou,
                                at=ago(90), **BACKGROUND)

    assert "announced_at" in caught.value.errors


# ---- opening ------------------------------------------------------------------------------------


def test_a_stage_cannot_open_before_its_notice_has_run(roadmap_process, fatou):
    drafting = stage_of(roadmap_process, "drafting")  # announced 5 days ago, 14 days needed
    services.stage_update(stage=drafting, actor=fatou, starts_on=day(0))

    with pytest.raises(ValidationFailed) as caught:
        services.stage_open(stage=drafting, actor=fatou)

    (message,) = caught.value.errors["announced_at"]
    announced = date_words(day(-5))
    earliest = date_words(day(9))
    assert (f"was announced on {announced}; the charter requires 14 days' notice, so it may "
            f"open on {earliest} at the earliest") in message
    drafting.refresh_from_db()
    assert drafting.opened_at is None
    assert not Event.objects.filter(kind="coordination.stage.opened",
                                    object_id=str(drafting.pk)).exists()


def test_the_notice_period_comes_from_the_lead_bodys_charter(roadmap_process, fatou):
    charter = roadmap_process.lead_body.charter
    charter.meeting_notice_days = 5
    charter.save()
    drafting = stage_of(roadmap_process, "drafting")
    services.stage_update(stage=drafting, actor=fatou, starts_on=day(0))

    opened = services.stage_open(stage=drafting, actor=fatou)

    assert opened.opened_at is not None


def test_a_stage_not_announced_cannot_open(roadmap_process, fatou):
    decision = stage_of(roadmap_process, "decision")
    services.stage_update(stage=decision, actor=fatou, starts_on=day(0))

    with pytest.raises(ValidationFailed) as caught:
        services.stage_open(stage=decision, actor=fatou)

    assert "has not been announced" in caught.value.errors["announced_at"][0]


def test_a_stage_cannot_open_before_its_start_date(roadmap_process, fatou):
    drafting = stage_of(roadmap_process, "drafting")

    with pytest.raises(ValidationFailed) as caught:
        services.stage_open(stage=drafting, actor=None, at=ago(-10))

    assert set(caught.value.errors) == {"starts_on"}


def test_opening_in_time_records_it_and_starts_the_process(small_map, coordination_council,
                                                          fatou):
    process = services.process_create(
        issue=small_map["issues"]["spam"], title="Spam", slug="spam-process",
        lead_body=coordination_council, actor=None,
        stages=[{"kind": "consultation", "title": "Comment", "starts_on": day(0)}])
    stage = process.stages.get()
    services.stage_announce(stage=stage, actor=None, at=ago(30), **BACKGROUND)

    services.stage_open(stage=stage, actor=fatou)

    stage.refresh_from_db()
    process.refresh_from_db()
    assert stage.opened_at is not None and process.status == Process.Status.ACTIVE
    event = Event.objects.get(kind="coordination.stage.opened")
    assert event.payload["notice_days"] == 30 and event.actor == fatou


def test_one_day_short_of_notice_is_refused(small_map, coordination_council):
    process = services.process_create(
        issue=small_map["issues"]["spam"], title="Spam", slug="spam-process",
        lead_body=coordination_council, actor=None,
        stages=[{"kind": "consultation", "title": "Comment", "starts_on": day(0)}])
    stage = process.stages.get()
    services.stage_announce(stage=stage, actor=None, at=ago(29), **BACKGROUND)

    with pytest.raises(ValidationFailed, match="requires 30 days' notice"):
        services.stage_open(stage=stage, actor=None)


def test_participants_cannot_open_stages(roadmap_process, ana):
    with pytest.raises(PermissionDenied):
        services.stage_open(stage=stage_of(roadmap_process, "drafting"), actor=ana)


# ---- editing the roadmap ------------------------------------------------------------------------


def test_stages_can_be_added_reordered_and_removed(roadmap_process, fatou):
    extra = services.stage_create(process=roadmap_process, kind="other",
                                  title="Regional consultations", starts_on=day(20), order=3,
                                  actor=fatou)
    assert extra.order == 3
    assert kinds(roadmap_process) == ["scoping", "consultation", "other", "drafting", "decision",
                                      "implementation_oversight"]

    ids = list(roadmap_process.stages.order_by("order").values_list("pk", flat=True))
    services.stage_reorder(process=roadmap_process, order=[*ids[:2], ids[3], ids[2], *ids[4:]],
                           actor=fatou)
    assert kinds(roadmap_process)[2:4] == ["drafting", "other"]

    services.stage_delete(stage=extra, actor=fatou)
    assert list(roadmap_process.stages.order_by("order").values_list("order", flat=True)) == [
        1, 2, 3, 4, 5]
    assert Event.objects.filter(kind__in=["coordination.stage.created",
                                          "coordination.stage.reordered",
                                          "coordination.stage.deleted"]).count() == 3


def test_reorder_must_name_every_stage_once(roadmap_process, fatou):
    ids = list(roadmap_process.stages.values_list("pk", flat=True))

    with pytest.raises(ValidationFailed) as caught:
        services.stage_reorder(process=roadmap_process, order=[*ids[:-1], ids[0]], actor=fatou)

    assert "order" in caught.value.errors


def test_an_opened_stage_stays(roadmap_process, fatou):
    consultation = stage_of(roadmap_process, "consultation")

    with pytest.raises(Conflict):
        services.stage_delete(stage=consultation, actor=fatou)
    with pytest.raises(ValidationFailed) as caught:
        services.stage_update(stage=consultation, actor=fatou, starts_on=day(-20))
    assert "starts_on" in caught.value.errors


def test_an_announced_stage_keeps_its_background(roadmap_process, fatou):
    with pytest.raises(ValidationFailed) as caught:
        services.stage_update(stage=stage_of(roadmap_process, "drafting"), actor=fatou,
                              significance="  ")

    assert "significance" in caught.value.errors


@pytest.mark.parametrize(("values", "field"), [
    ({"ends_on": day(-100)}, "ends_on"),
    ({"documents": [{"title": "Paper", "url": "javascript:alert(1)"}]}, "documents"),
    ({"documents": "a paper"}, "documents"),
    ({"colour": "red"}, "colour"),
])
def test_stage_update_refuses_bad_values(roadmap_process, fatou, values, field):
    with pytest.raises(ValidationFailed) as caught:
        services.stage_update(stage=stage_of(roadmap_process, "decision"), actor=fatou, **values)

    assert field in caught.value.errors
