"""Creating a body from a body file: checked by the engine, analysed, recorded; bad files are
refused with the field and line named, and nothing is saved."""

from __future__ import annotations

import pytest

from polycentric.bodies import services
from polycentric.bodies.analysis import BodyTooLarge
from polycentric.bodies.models import Body
from polycentric.core.errors import ValidationFailed
from polycentric.core.models import Event
from polycentric.engines.principles import analyze, parse_body_document, scorecard_document
from tests.bodies.support import BAD_COUNT, CGI_BR, COUNCIL, body_snapshot

pytestmark = pytest.mark.django_db


def test_a_body_is_created_with_its_seats_charter_and_scorecard(wanjiru):
    body = services.body_create_from_document(text=CGI_BR, name="cgi_br.yaml", actor=wanjiru,
                                              acronym="CGI.br")

    assert body.slug == "cgi-br"
    assert body.name == "Brazilian Internet Steering Committee (CGI.br)"
    assert [(e.name, e.group, e.region, e.count, e.weight) for e in body.seat_entries.all()] == [
        ("government", "government", "GRULAC", 9, 1),
        ("business", "private_sector", "GRULAC", 4, 1),
        ("third_sector", "civil_society", "GRULAC", 4, 1),
        ("academia", "science_technology", "GRULAC", 3, 1),
        ("expert", "expert", "GRULAC", 1, 1),
    ]
    assert body.charter.decision_rule == {"majority": "simple"}
    assert body.charter.required_groups[0] == "government"
    assert body.charter.required_regions == ["GRULAC"]
    assert (body.charter.consultation_notice_days, body.charter.meeting_notice_days) == (30, 14)
    assert body.analysed_at is not None
    assert Body.objects.get(pk=body.pk).analysis == scorecard_document(
        analyze(parse_body_document(CGI_BR, name="cgi_br.yaml")))


def test_creating_records_who_did_it(wanjiru):
    body = services.body_create_from_document(text=COUNCIL, name="council.yaml", actor=wanjiru)

    event = Event.objects.get(kind="bodies.body.created")
    assert (event.actor, event.object_id) == (wanjiru, str(body.pk))
    assert event.payload["seats"] == 5


def test_the_charter_fields_a_file_does_not_carry_can_be_given(wanjiru):
    body = services.body_create_from_document(
        text=COUNCIL, name="council.yaml", actor=wanjiru,
        charter={"fallback_when": "After two meetings.", "minutes_days": 7})

    assert (body.charter.fallback_when, body.charter.minutes_days) == ("After two meetings.", 7)


def test_slugs_are_made_from_the_acronym_or_name_and_never_clash(wanjiru):
    first = services.body_create_from_document(text=COUNCIL, name="a.yaml", actor=wanjiru)
    second = services.body_create_from_document(text=COUNCIL, name="b.yaml", actor=wanjiru)
    new = services.body_create_from_document(text=COUNCIL, name="c.yaml", actor=wanjiru,
                                             acronym="New")

    assert (first.slug, second.slug) == ("two-group-council", "two-group-council-2")
    assert new.slug == "new-2"  # "new" is the address of the create page


def test_a_bad_file_names_the_field_and_line_and_saves_nothing(wanjiru):
    before = body_snapshot()

    with pytest.raises(ValidationFailed) as caught:
        services.body_create_from_document(text=BAD_COUNT, name="broken.yaml", actor=wanjiru)

    assert caught.value.errors == {"seats[1].count": ["line 5: must be at least 1, got 0"]}
    assert "broken.yaml: line 5: seats[1].count" in caught.value.message
    assert body_snapshot() == before


@pytest.mark.parametrize(("text", "field", "words"), [
    ("name: x\n", "groups", "missing"),
    ("name: [unclosed\n", "document", "malformed YAML"),
    (COUNCIL.replace("rule: {majority: simple}", "rule: {quota: 9}"), "rule.quota",
     "above the total weight"),
    (COUNCIL.replace("count: 2}", "count: 2, colour: red}"), "seats[1].colour", "unknown key"),
    (COUNCIL.replace("count: 2}", "count: 2, weight: -1}"), "seats[1].weight", "at least 0"),
    (COUNCIL.replace("rule: {majority: simple}", "rule: {within: {group: igos}, quota: 1}"),
     "rule.within.group", "igos"),
])
def test_every_invalid_file_is_refused_on_its_field(wanjiru, text, field, words):
    before = body_snapshot()

    with pytest.raises(ValidationFailed) as caught:
        services.body_create_from_document(text=text, name="bad.yaml", actor=wanjiru)

    assert words in " ".join(caught.value.errors[field])
    assert caught.value.status == 422
    assert body_snapshot() == before


def test_a_taken_or_reserved_slug_is_refused(wanjiru, council):
    for slug, words in (("council", "already has the slug"), ("upload", "reserved")):
        with pytest.raises(ValidationFailed) as caught:
            services.body_create_from_document(text=COUNCIL, name="c.yaml", actor=wanjiru,
                                               slug=slug)
        assert words in caught.value.errors["slug"][0]
    assert Body.objects.count() == 1


def test_names_too_long_for_the_database_are_refused(wanjiru):
    text = COUNCIL.replace("name: ngos", "name: " + "n" * 81)

    with pytest.raises(ValidationFailed) as caught:
        services.body_create_from_document(text=text, name="long.yaml", actor=wanjiru)

    assert caught.value.errors == {"seats[1].name": ["81 characters; at most 80."]}


def test_a_file_over_the_size_limit_is_refused_before_it_is_read(wanjiru):
    text = COUNCIL + "# " + "x" * (256 * 1024) + "\n"

    with pytest.raises(BodyTooLarge) as caught:
        services.body_create_from_document(text=text, name="big.yaml", actor=wanjiru)

    assert caught.value.status == 413
    assert "at most 262,144 bytes" in caught.value.errors["document"][0]
    assert not Body.objects.exists()


def test_too_many_seats_are_refused(wanjiru):
    text = COUNCIL.replace("count: 3}", "count: 100000}")

    with pytest.raises(ValidationFailed) as caught:
        services.body_create_from_document(text=text, name="huge.yaml", actor=wanjiru)

    assert caught.value.errors["seats"] == ["100,002 seats in all; at most 100,000 are accepted."]


def test_too_many_seat_entries_are_refused(wanjiru):
    seats = "".join(f"  - {{name: s{n}, group: g}}\n" for n in range(5001))
    text = f"name: Crowd\ngroups: [g]\nseats:\n{seats}rule: {{majority: simple}}\n"

    with pytest.raises(ValidationFailed) as caught:
        services.body_create_from_document(text=text, name="crowd.yaml", actor=wanjiru)

    assert caught.value.errors["seats"] == ["5,001 seat entries; at most 5,000 are accepted."]


def test_a_body_document_object_is_read_like_a_file(wanjiru):
    document = {"name": "Pair", "groups": ["a", "b"],
                "seats": [{"name": "a", "group": "a"}, {"name": "b", "group": "b", "count": 0}],
                "rule": {"consensus": True}}

    with pytest.raises(ValidationFailed) as caught:
        services.body_create_from_data(document=document, actor=wanjiru)

    assert caught.value.errors == {"seats[1].count": ["must be at least 1, got 0"]}
    document["seats"][1]["count"] = 2
    body = services.body_create_from_data(document=document, actor=wanjiru)
    assert body.analysis["principles"]["no_group_decides_alone"]["passed"] is True


def test_a_body_s_own_thresholds_are_kept_and_used(wanjiru):
    text = COUNCIL + "thresholds: {max_region_share: 3/5, min_group_seats: 2}\n"

    body = services.body_create_from_document(text=text, name="council.yaml", actor=wanjiru)

    assert body.charter.thresholds == {"min_group_seats": 2, "min_region_seats": 1,
                                       "max_region_share": "3/5"}
    assert body.analysis["principles"]["global"]["passed"] is True  # Africa's 60% is allowed
    assert services.body_document(body)["thresholds"]["max_region_share"] == "3/5"
