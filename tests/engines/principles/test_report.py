"""The scorecard as the JSON document of the command and the API, and as readable text."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

import pytest

from polycentric.engines.power import Method
from polycentric.engines.principles import (
    Scorecard,
    analyze,
    parse_body_document,
    scorecard_document,
    scorecard_text,
)

BODIES = Path(__file__).parent / "bodies"

TOP_KEYS = [
    "body",
    "seats",
    "entries",
    "groups",
    "regions",
    "rule",
    "rule_summary",
    "fallback_rule",
    "thresholds",
    "method",
    "error_bound",
    "passed",
    "principles",
    "power",
    "by_group",
    "by_region",
    "veto",
]
PRINCIPLE_KEYS = ["all_groups", "global", "no_group_decides_alone", "no_region_decides_alone"]
POWER_KEYS = [
    "method",
    "error_bound",
    "samples",
    "algorithms",
    "banzhaf",
    "banzhaf_absolute",
    "shapley_shubik",
    "by_group",
    "by_region",
    "veto",
    "powerless",
]


def card(name: str) -> Scorecard:
    return analyze(parse_body_document((BODIES / name).read_text(encoding="utf-8"), name=name))


def floats(value: object):
    if isinstance(value, float):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from floats(item)
    elif isinstance(value, list):
        for item in value:
            yield from floats(item)


# ---- JSON ---------------------------------------------------------------------------------------


def test_the_document_has_the_documented_keys_in_order():
    document = scorecard_document(card("cgi_br.yaml"))

    assert list(document) == TOP_KEYS
    assert list(document["principles"]) == PRINCIPLE_KEYS
    assert list(document["power"]) == POWER_KEYS
    for principle in document["principles"].values():
        assert list(principle)[:6] == [
            "title",
            "passed",
            "summary",
            "missing",
            "max_share",
            "violations",
        ]
        assert isinstance(principle["passed"], bool)


def test_the_cgi_br_document():
    document = scorecard_document(card("cgi_br.yaml"))

    assert document["body"] == "Brazilian Internet Steering Committee (CGI.br)"
    assert document["seats"] == 21
    assert (document["method"], document["error_bound"]) == ("exact", 0.0)
    assert document["rule"] == {"majority": "simple"}
    assert document["rule_summary"] == "a simple majority of all seats (11 of 21 votes)"
    assert document["passed"] is False
    principles = document["principles"]
    assert principles["all_groups"]["passed"] is True
    assert principles["all_groups"]["missing"] == []
    assert principles["global"]["max_share"] == {
        "region": "GRULAC",
        "seats": 21,
        "of": 21,
        "share": 1.0,
        "limit": 0.5,
    }
    government = principles["no_group_decides_alone"]["violations"][0]
    assert government == {
        "group": "government",
        "reason": "business, third sector and academia seats (11 of 21) can pass a decision without "
        "government; the 12 seats outside government alone hold 12 votes, and 11 pass a decision",
        "coalition": {"business": 4, "third_sector": 4, "academia": 3},
        "coalition_seats": 11,
    }
    assert [v["group"] for v in principles["no_group_decides_alone"]["violations"]] == [
        "government",
        "private_sector",
        "civil_society",
        "science_technology",
        "expert",
    ]
    assert principles["no_region_decides_alone"] == {
        "title": "P4 No region decides alone",
        "passed": True,
        "summary": "No region can be left out: the seats outside any one region cannot pass a "
        "decision on their own.",
        "missing": [],
        "max_share": None,
        "violations": [],
    }


def test_power_per_seat_entry_and_totals_by_group_and_region():
    document = scorecard_document(card("cgi_br.yaml"))
    power = document["power"]

    assert power["banzhaf"] == dict.fromkeys(
        ["government", "business", "third_sector", "academia", "expert"], round(1 / 21, 12)
    )
    assert power["shapley_shubik"]["government"] == pytest.approx(1 / 21, abs=1e-12)
    assert power["by_group"]["banzhaf"]["government"] == pytest.approx(9 / 21, abs=1e-12)
    assert power["by_group"]["seats"] == {
        "government": 9,
        "private_sector": 4,
        "civil_society": 4,
        "science_technology": 3,
        "expert": 1,
    }
    assert power["by_region"] == {
        "seats": {"GRULAC": 21},
        "banzhaf": {"GRULAC": 1.0},
        "shapley_shubik": {"GRULAC": 1.0},
    }
    assert (power["veto"], power["powerless"]) == ([], [])
    for key in ("by_group", "by_region", "veto"):
        assert document[key] == power[key]


def test_veto_seats_and_the_concurrent_power_shift():
    document = scorecard_document(card("cgi_br_concurrent.yaml"))

    assert document["veto"] == ["expert"]
    by_group = document["by_group"]["shapley_shubik"]
    assert by_group["government"] < 9 / 21, "concurrent majorities shrink the government's share"
    assert sum(by_group.values()) == pytest.approx(1)


def test_seats_without_a_region_are_in_no_regions_total():
    document = scorecard_document(card("wgec.yaml"))

    assert list(document["by_region"]["seats"]) == [
        "African",
        "Asia-Pacific",
        "Eastern European",
        "GRULAC",
        "WEOG",
    ]
    assert sum(document["by_region"]["seats"].values()) == 22
    assert sum(document["by_region"]["banzhaf"].values()) == pytest.approx(22 / 42)
    assert document["entries"][5] == {
        "name": "private_sector",
        "group": "private_sector",
        "region": None,
        "count": 5,
        "weight": 1,
    }


def test_a_required_group_without_seats_has_zero_power_in_the_totals():
    text = (
        (BODIES / "cgi_br.yaml")
        .read_text(encoding="utf-8")
        .replace("expert]", "expert, intergovernmental]")
    )
    document = scorecard_document(analyze(parse_body_document(text, name="cgi_br.yaml")))

    assert document["by_group"]["seats"]["intergovernmental"] == 0
    assert document["by_group"]["banzhaf"]["intergovernmental"] == 0.0
    assert document["principles"]["all_groups"]["missing"] == [
        {"group": "intergovernmental", "seats": 0, "minimum": 1}
    ]


@pytest.mark.parametrize(
    "name", ["cgi_br.yaml", "cgi_br_concurrent.yaml", "wgec.yaml", "wgec_majority_vote.yaml"]
)
def test_the_document_is_json_with_numbers_rounded_to_12_decimals(name):
    document = scorecard_document(card(name))

    assert json.loads(json.dumps(document)) == document
    for value in floats(document):
        assert round(value, 12) == value


def test_the_same_scorecard_gives_the_same_document():
    assert json.dumps(scorecard_document(card("wgec_majority_vote.yaml"))) == json.dumps(
        scorecard_document(card("wgec_majority_vote.yaml"))
    )


# ---- text ---------------------------------------------------------------------------------------


def test_the_text_scorecard_explains_why_cgi_br_fails_p4():
    text = scorecard_text(card("cgi_br.yaml"))
    lines = text.splitlines()

    assert lines[0] == "Brazilian Internet Steering Committee (CGI.br)"
    assert "Decision rule: a simple majority of all seats (11 of 21 votes)." in text
    assert "  [PASS] P1 All stakeholder groups" in lines
    assert "  [FAIL] P3 Global" in lines
    assert "  [FAIL] P4 No group decides alone" in lines
    assert "  [PASS] P4 No region decides alone" in lines
    assert (
        "         - Government and business seats (13 of 21) can pass a decision without civil "
        "society; the 17 seats outside civil society alone hold 17 votes, and 11 pass a decision."
    ) in lines
    assert "the 12 seats outside government alone hold 12 votes, and 11 pass a decision" in text
    assert "Method: exact" in text and "error bound 0." in text
    assert "Veto seats (in every winning coalition): none" in lines


def test_the_text_has_a_seat_table_and_totals():
    lines = scorecard_text(card("cgi_br_concurrent.yaml")).splitlines()

    header = next(line for line in lines if line.lstrip().startswith("entry"))
    assert header.split() == [
        "entry",
        "group",
        "region",
        "seats",
        "weight",
        "Banzhaf",
        "Shapley-Shubik",
    ]
    expert = next(line for line in lines if line.lstrip().startswith("expert "))
    assert expert.split()[:5] == ["expert", "expert", "GRULAC", "1", "1"]
    government = next(line for line in lines if line.startswith("  government ") and "%" in line)
    assert government.split()[:3] == ["government", "9", "42.9%"]
    assert "Veto seats (in every winning coalition): expert" in lines


def test_the_text_mentions_seats_without_a_region():
    text = scorecard_text(card("wgec.yaml"))
    assert "20 seats have no region and count in no region's total." in text
    assert "Result: all 4 principle checks pass." in text


def test_a_monte_carlo_estimate_states_its_error_bound():
    scorecard = card("cgi_br.yaml")
    estimate = dataclasses.replace(
        scorecard.power,
        method=Method.MONTE_CARLO,
        error_bound=0.00091234,
        samples=250_000,
        banzhaf_algorithm="monte_carlo",
        shapley_shubik_algorithm="monte_carlo",
    )
    scorecard = dataclasses.replace(scorecard, power=estimate)

    document = scorecard_document(scorecard)
    text = scorecard_text(scorecard)

    assert (document["method"], document["error_bound"]) == ("monte_carlo", 0.00091234)
    assert document["power"]["samples"] == 250_000
    assert "Monte Carlo estimate from 250,000 samples" in text
    assert "within 0.000912 of its exact value with 95% confidence" in text
