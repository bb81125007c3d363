"""Reading body files: the examples parse; every invalid file names its line, field and problem."""

from __future__ import annotations

import json
from fractions import Fraction
from pathlib import Path

import pytest

from polycentric.engines.power import AllOf, Consensus, Each, Majority, Seat, Threshold
from polycentric.engines.principles import (
    BodyFileError,
    BodySpec,
    Problem,
    Thresholds,
    parse_body_data,
    parse_body_document,
)

BODIES = Path(__file__).parent / "bodies"


def read(name: str) -> BodySpec:
    return parse_body_document((BODIES / name).read_text(encoding="utf-8"), name=name)


# A small valid body; the cases below change one line of it. Lines:
# 1 name, 2 groups, 3 regions, 4 seats, 5 seats[0], 6 seats[1], 7 seats[2], 8 rule.
BASE = """\
name: Test body
groups: [government, civil_society, technical]
regions: [African, WEOG]
seats:
  - {name: states, group: government, region: African, count: 3}
  - {name: ngos, group: civil_society, region: WEOG, count: 2}
  - {name: engineers, group: technical, count: 2, weight: 2}
rule: {majority: simple}
"""


def problems_of(text: str, name: str = "body.yaml") -> list[Problem]:
    with pytest.raises(BodyFileError) as caught:
        parse_body_document(text, name=name)
    assert caught.value.name == name
    return list(caught.value.problems)


# ---- good files ---------------------------------------------------------------------------------


def test_cgi_br_reads_as_written():
    spec = read("cgi_br.yaml")

    assert spec.name == "Brazilian Internet Steering Committee (CGI.br)"
    assert spec.groups == (
        "government",
        "private_sector",
        "civil_society",
        "science_technology",
        "expert",
    )
    assert spec.regions == ("GRULAC",)
    assert spec.seats == (
        Seat("government", "government", "GRULAC", count=9),
        Seat("business", "private_sector", "GRULAC", count=4),
        Seat("third_sector", "civil_society", "GRULAC", count=4),
        Seat("academia", "science_technology", "GRULAC", count=3),
        Seat("expert", "expert", "GRULAC", count=1),
    )
    assert spec.rule == Threshold(Majority.SIMPLE)
    assert spec.total_seats == 21
    assert (spec.fallback_rule, spec.purpose, spec.thresholds) == (None, "", None)


def test_the_concurrent_rule_is_a_majority_overall_and_in_every_group():
    spec = read("cgi_br_concurrent.yaml")

    assert spec.rule == AllOf(
        (Threshold(Majority.SIMPLE), Threshold(Majority.SIMPLE, Each("group")))
    )


def test_wgec_seats_without_a_region_have_none():
    spec = read("wgec.yaml")

    assert spec.rule == Consensus()
    assert spec.total_seats == 42
    assert [seat.region for seat in spec.seats[5:]] == [None] * 4
    assert spec.regions == ("African", "Asia-Pacific", "Eastern European", "GRULAC", "WEOG")


def test_wgec_two_thirds():
    assert read("wgec_majority_vote.yaml").rule == Threshold(Majority.TWO_THIRDS)


def test_defaults_optional_fields_and_block_style():
    spec = parse_body_document(
        """\
name: A committee
purpose: Advise on spam.
groups:
  - government
  - civil_society
seats:
  - name: states
    group: government
  - name: ngos
    group: civil_society
    weight: 0
rule:
  any:
    - consensus: true
    - {within: {group: government}, quota: 1}
fallback_rule: {each: group, majority: two_thirds}
thresholds: {min_group_seats: 2, max_region_share: 1/3}
""",
        name="committee.yaml",
    )

    assert spec.seats == (
        Seat("states", "government", None, count=1, weight=1),
        Seat("ngos", "civil_society", None, count=1, weight=0),
    )
    assert spec.purpose == "Advise on spam."
    assert spec.regions == ()
    assert spec.fallback_rule == Threshold(Majority.TWO_THIRDS, Each("group"))
    assert spec.thresholds == Thresholds(min_group_seats=2, max_region_share=Fraction(1, 3))


@pytest.mark.parametrize(
    ("written", "share"),
    [("0.5", Fraction(1, 2)), ("1", Fraction(1)), ("2/3", Fraction(2, 3)), ("0.4", Fraction(2, 5))],
)
def test_max_region_share_as_a_decimal_or_a_fraction(written, share):
    text = BASE + f"thresholds: {{max_region_share: {written}}}\n"
    assert parse_body_document(text, name="b.yaml").thresholds == Thresholds(max_region_share=share)


def test_json_is_read_too_with_lines():
    document = {
        "name": "JSON body",
        "groups": ["government"],
        "seats": [{"name": "states", "group": "government", "count": 0}],
        "rule": {"consensus": True},
    }
    text = json.dumps(document, indent=2)

    (problem,) = problems_of(text, "body.json")

    assert (problem.path, problem.message) == ("seats[0].count", "must be at least 1, got 0")
    assert problem.line == text.splitlines().index('      "count": 0') + 1


def test_a_loaded_document_is_checked_without_lines():
    with pytest.raises(BodyFileError) as caught:
        parse_body_data(
            {
                "name": "x",
                "groups": ["g"],
                "seats": [{"name": "s", "group": "g", "cout": 1}],
                "rule": {"majority": "simple"},
            },
            name="posted",
        )

    assert str(caught.value).startswith("posted: seats[0].cout: unknown key; expected name, group")
    assert caught.value.errors == {
        "seats[0].cout": [
            "unknown key; expected name, group, region, count or weight (did you mean count?)"
        ]
    }


def test_parse_body_data_accepts_a_good_document():
    spec = parse_body_data(
        {
            "name": "x",
            "groups": ["g"],
            "seats": [{"name": "s", "group": "g"}],
            "rule": {"consensus": True},
        }
    )
    assert spec.seats == (Seat("s", "g"),)


# ---- invalid files: one problem each, with its line and field ---------------------------------

INVALID = [
    # (id, text, line, path, message fragment)
    ("malformed YAML", BASE.replace("count: 3}", "count: 3"), 6, "", "malformed YAML"),
    (
        "unknown top-level key",
        BASE + "rules: {consensus: true}\n",
        9,
        "rules",
        "unknown key; expected name, purpose, groups, regions, seats, rule, fallback_rule or thresholds "
        "(did you mean rule?)",
    ),
    (
        "unknown seat key",
        BASE.replace("count: 2}", "cont: 2}", 1),
        6,
        "seats[1].cont",
        "unknown key; expected name, group, region, count or weight (did you mean count?)",
    ),
    (
        "unknown key inside all",
        BASE.replace(
            "rule: {majority: simple}",
            "rule: {all: [{majority: simple}, {each: group, majorty: simple}]}",
        ),
        8,
        "rule.all[1].majorty",
        "unknown key; expected consensus, quota, majority",
    ),
    (
        "unknown key inside within",
        BASE.replace(
            "rule: {majority: simple}", "rule: {within: {grup: government}, majority: simple}"
        ),
        8,
        "rule.within.grup",
        "unknown key; expected group, region or seat (did you mean group?)",
    ),
    (
        "missing rule",
        BASE.replace("rule: {majority: simple}\n", ""),
        1,
        "rule",
        "missing; this field is required",
    ),
    (
        "missing name",
        BASE.replace("name: Test body\n", ""),
        1,
        "name",
        "missing; this field is required",
    ),
    (
        "missing group of a seat",
        BASE.replace("group: civil_society, ", ""),
        6,
        "seats[1].group",
        "missing; this field is required",
    ),
    (
        "count below 1",
        BASE.replace("count: 2}", "count: 0}", 1),
        6,
        "seats[1].count",
        "must be at least 1, got 0",
    ),
    (
        "count not whole",
        BASE.replace("count: 3}", "count: 2.5}"),
        5,
        "seats[0].count",
        "must be a whole number, got 2.5",
    ),
    (
        "count as text",
        BASE.replace("count: 3}", 'count: "3"}'),
        5,
        "seats[0].count",
        "must be a whole number, got '3'",
    ),
    (
        "weight below 0",
        BASE.replace("weight: 2}", "weight: -1}"),
        7,
        "seats[2].weight",
        "must be at least 0, got -1",
    ),
    (
        "duplicate seat name",
        BASE.replace("name: engineers", "name: states"),
        7,
        "seats[2].name",
        "duplicate seat name 'states'; seats[0] has it already",
    ),
    (
        "quota above the total weight",
        BASE.replace("{majority: simple}", "{quota: 10}"),
        8,
        "rule.quota",
        "10 is above the total weight 9 of all seats",
    ),
    (
        "quota below 1",
        BASE.replace("{majority: simple}", "{quota: 0}"),
        8,
        "rule.quota",
        "0 is below 1",
    ),
    (
        "quota inside a group above its weight",
        BASE.replace("{majority: simple}", "{within: {group: civil_society}, quota: 3}"),
        8,
        "rule.quota",
        "3 is above the total weight 2 of group 'civil_society'",
    ),
    (
        "scope naming a group with no seats",
        BASE.replace("{majority: simple}", "{within: {group: academia}, majority: simple}"),
        8,
        "rule.within.group",
        "no seat has group 'academia'",
    ),
    (
        "scope naming a region with no seats",
        BASE.replace("{majority: simple}", "{within: {region: GRULAC}, majority: simple}"),
        8,
        "rule.within.region",
        "no seat has region 'GRULAC'",
    ),
    (
        "scope naming a seat entry that does not exist",
        BASE.replace("{majority: simple}", "{within: {seat: diplomats}, majority: simple}"),
        8,
        "rule.within.seat",
        "no seat has seat 'diplomats'",
    ),
    (
        "unknown majority kind",
        BASE.replace("{majority: simple}", "{majority: half}"),
        8,
        "rule.majority",
        "'half' is not one of simple, two_thirds, three_quarters",
    ),
    (
        "unknown each",
        BASE.replace("{majority: simple}", "{each: country, majority: simple}"),
        8,
        "rule.each",
        "'country' is not group or region",
    ),
    (
        "a quota deep in a rule",
        BASE.replace(
            "rule: {majority: simple}",
            "rule:\n  any:\n    - consensus: true\n    - all:\n        - {quota: 99}\n",
        ),
        12,
        "rule.any[1].all[0].quota",
        "99 is above the total weight 9",
    ),
    (
        "fallback rule",
        BASE + "fallback_rule: {quota: 99}\n",
        9,
        "fallback_rule.quota",
        "99 is above the total weight 9",
    ),
    (
        "duplicate key",
        BASE.replace("regions: [African, WEOG]", "name: Other"),
        3,
        "name",
        "duplicate key; it is already given on line 1",
    ),
    (
        "groups listed twice",
        BASE.replace("technical]", "government]"),
        2,
        "groups[2]",
        "'government' is listed twice (also groups[0])",
    ),
    (
        "groups not a list",
        BASE.replace("[government, civil_society, technical]", "government"),
        2,
        "groups",
        "must be a list of names",
    ),
    (
        "no groups",
        BASE.replace("[government, civil_society, technical]", "[]"),
        2,
        "groups",
        "list at least one name",
    ),
    (
        "no seats",
        "name: x\ngroups: [g]\nseats: []\nrule: {consensus: true}\n",
        3,
        "seats",
        "list at least one seat entry",
    ),
    (
        "a seat that is not a mapping",
        BASE.replace("  - {name: ngos, group: civil_society, region: WEOG, count: 2}", "  - ngos"),
        6,
        "seats[1]",
        "a seat entry must be a mapping",
    ),
    (
        "a name that is a number",
        BASE.replace("name: Test body", "name: 2020"),
        1,
        "name",
        "must be text, got 2020 (quote it)",
    ),
    (
        "blank region",
        BASE.replace("region: WEOG", 'region: " "'),
        6,
        "seats[1].region",
        "must not be blank",
    ),
    (
        "unknown threshold",
        BASE + "thresholds: {max_share: 0.5}\n",
        9,
        "thresholds.max_share",
        "unknown key; expected min_group_seats, min_region_seats or max_region_share",
    ),
    (
        "share above 1",
        BASE + "thresholds:\n  max_region_share: 1.5\n",
        10,
        "thresholds.max_region_share",
        "must be a number above 0 and at most 1, such as 0.5 or 1/2, got 1.5",
    ),
    (
        "minimum below 1",
        BASE + "thresholds: {min_group_seats: 0}\n",
        9,
        "thresholds.min_group_seats",
        "must be at least 1, got 0",
    ),
    (
        "consensus false",
        BASE.replace("{majority: simple}", "{consensus: false}"),
        8,
        "rule.consensus",
        "must be true",
    ),
    (
        "not a mapping",
        "- a\n- b\n",
        1,
        "",
        "a body file must be a mapping with name, groups, seats and rule",
    ),
    ("empty file", "# nothing here\n", 1, "", "the file is empty"),
    ("two documents", BASE + "---\n" + BASE, 9, "", "malformed YAML: expected a single document"),
    (
        "unsafe tag",
        BASE.replace("name: Test body", "name: !!python/name:os.system ''"),
        1,
        "",
        "malformed YAML",
    ),
]


@pytest.mark.parametrize(
    ("text", "line", "path", "message"), [c[1:] for c in INVALID], ids=[c[0] for c in INVALID]
)
def test_an_invalid_file_names_the_line_field_and_problem(text, line, path, message):
    problems = problems_of(text)

    assert len(problems) == 1, problems
    (problem,) = problems
    assert (problem.line, problem.path) == (line, path)
    assert message in problem.message


def test_the_message_reads_file_line_field_problem():
    text = (BODIES / "cgi_br.yaml").read_text(encoding="utf-8").replace("count: 3}", "count: 0}")

    with pytest.raises(BodyFileError) as caught:
        parse_body_document(text, name="cgi_br.yaml")

    assert str(caught.value) == "cgi_br.yaml: line 12: seats[3].count: must be at least 1, got 0"


def test_a_key_in_block_style_is_found_on_its_own_line():
    text = """\
name: Block
groups: [government]
seats:
  - name: states
    group: government
    count: 0
rule:
  majority: simple
"""
    (problem,) = problems_of(text)
    assert (problem.line, problem.path) == (6, "seats[0].count")


def test_every_problem_is_reported_at_once_in_the_order_of_the_file():
    text = (
        BASE.replace("name: Test body\n", "")
        .replace("count: 2}", "count: 0}", 1)
        .replace("weight: 2}", "weight: -2, colour: red}")
        + "extra: true\n"
    )

    problems = problems_of(text)

    assert [(p.line, p.path) for p in problems] == [
        (1, "name"),
        (5, "seats[1].count"),
        (6, "seats[2].colour"),
        (6, "seats[2].weight"),
        (8, "extra"),
    ]


def test_unknown_keys_in_a_rule_are_all_reported():
    text = BASE.replace(
        "rule: {majority: simple}",
        "rule:\n  all:\n    - {majorty: simple}\n    - {any: [{consensus: true}, {qouta: 2}]}",
    )
    assert [(p.line, p.path) for p in problems_of(text)] == [
        (10, "rule.all[0].majorty"),
        (11, "rule.all[1].any[1].qouta"),
    ]


def test_a_rule_is_not_checked_against_invalid_seats():
    """With a seat entry broken, the rule's scope cannot be judged: only the seat is reported."""
    text = BASE.replace("count: 2}", "count: 0}", 1).replace(
        "{majority: simple}", "{within: {group: civil_society}, majority: simple}"
    )
    assert [p.path for p in problems_of(text)] == ["seats[1].count"]


def test_a_required_group_without_seats_is_not_a_file_error():
    spec = parse_body_document(BASE.replace("technical]", "technical, academia]"), name="b.yaml")
    assert spec.groups[-1] == "academia"


def test_a_recursive_rule_is_refused():
    text = BASE.replace("rule: {majority: simple}", "rule: &r {all: [*r]}")
    (problem,) = problems_of(text)
    assert problem.path.startswith("rule.all[0].all[0]")
    assert "nest more than" in problem.message


def test_the_errors_mapping_groups_messages_by_field():
    text = BASE.replace("count: 2}", "count: 0}", 1).replace("weight: 2}", "weight: -1}")
    with pytest.raises(BodyFileError) as caught:
        parse_body_document(text, name="b.yaml")

    assert caught.value.errors == {
        "seats[1].count": ["line 6: must be at least 1, got 0"],
        "seats[2].weight": ["line 7: must be at least 0, got -1"],
    }
    assert caught.value.lines() == [
        "b.yaml: line 6: seats[1].count: must be at least 1, got 0",
        "b.yaml: line 7: seats[2].weight: must be at least 0, got -1",
    ]
