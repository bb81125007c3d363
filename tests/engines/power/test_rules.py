"""Parsing and checking decision rules and seats: every invalid case names its field."""

from __future__ import annotations

import pytest
from hypothesis import given, settings

from polycentric.engines.power import (
    ALL_SEATS,
    AllOf,
    AnyOf,
    Consensus,
    Each,
    Majority,
    RuleError,
    Seat,
    SeatError,
    Threshold,
    Within,
    check_seats,
    parse_rule,
    rule_document,
)

from .strategies import compound_games

CGI = [
    Seat("government", "government", "GRULAC", count=9),
    Seat("business", "private_sector", "GRULAC", count=4),
    Seat("third_sector", "civil_society", "GRULAC", count=4),
    Seat("academia", "science_technology", "GRULAC", count=3),
    Seat("expert", "expert", "GRULAC", count=1),
]


@pytest.mark.parametrize(
    ("document", "expected"),
    [
        ({"consensus": True}, Consensus()),
        ({"quota": 11}, Threshold(11)),
        ({"majority": "simple"}, Threshold(Majority.SIMPLE)),
        ({"majority": "two_thirds"}, Threshold(Majority.TWO_THIRDS, ALL_SEATS)),
        ({"each": "group", "majority": "simple"}, Threshold(Majority.SIMPLE, Each("group"))),
        ({"each": "region", "quota": 1}, Threshold(1, Each("region"))),
        (
            {"within": {"group": "government"}, "quota": 5},
            Threshold(5, Within("group", "government")),
        ),
        (
            {"within": {"region": "GRULAC"}, "majority": "three_quarters"},
            Threshold(Majority.THREE_QUARTERS, Within("region", "GRULAC")),
        ),
        ({"within": {"seat": "expert"}, "quota": 1}, Threshold(1, Within("seat", "expert"))),
        (
            {"all": [{"majority": "simple"}, {"each": "group", "majority": "simple"}]},
            AllOf((Threshold(Majority.SIMPLE), Threshold(Majority.SIMPLE, Each("group")))),
        ),
        ({"any": [{"consensus": True}, {"quota": 21}]}, AnyOf((Consensus(), Threshold(21)))),
    ],
)
def test_parse_rule(document, expected):
    assert parse_rule(document, CGI) == expected
    assert rule_document(expected) == document


@pytest.mark.parametrize(
    ("document", "path", "problem"),
    [
        ("majority", "rule", "must be a mapping"),
        ({}, "rule", "empty rule"),
        ({"majority": "simple", "veto": True}, "rule.veto", "unknown key"),
        ({"consensus": False}, "rule.consensus", "must be true"),
        ({"consensus": True, "quota": 3}, "rule", "cannot be combined"),
        ({"all": []}, "rule.all", "non-empty list"),
        ({"any": {"quota": 3}}, "rule.any", "non-empty list"),
        ({"all": [{"quota": 3}, {"qouta": 3}]}, "rule.all[1].qouta", "unknown key"),
        ({"quota": 3, "majority": "simple"}, "rule", "not both"),
        ({"each": "group"}, "rule", "need a quota or a majority"),
        ({"quota": 0}, "rule.quota", "below 1"),
        ({"quota": -2}, "rule.quota", "below 1"),
        ({"quota": 22}, "rule.quota", "above the total weight 21 of all seats"),
        ({"quota": 2.5}, "rule.quota", "not a whole number"),
        ({"quota": True}, "rule.quota", "not a whole number"),
        ({"majority": "most"}, "rule.majority", "not one of simple"),
        ({"each": "country", "majority": "simple"}, "rule.each", "not group or region"),
        ({"each": "group", "quota": 2}, "rule.quota", "above the total weight 1 of group 'expert'"),
        (
            {"within": {"group": "press"}, "quota": 1},
            "rule.within.group",
            "no seat has group 'press'",
        ),
        (
            {"within": {"region": "WEOG"}, "quota": 1},
            "rule.within.region",
            "no seat has region 'WEOG'",
        ),
        ({"within": {"seat": "chair"}, "quota": 1}, "rule.within.seat", "no seat has seat 'chair'"),
        (
            {"within": {"group": "government"}, "quota": 10},
            "rule.quota",
            "above the total weight 9 of group 'government'",
        ),
        ({"within": {"country": "BR"}, "quota": 1}, "rule.within.country", "unknown key"),
        ({"within": "government", "quota": 1}, "rule.within", "must name one group"),
        ({"within": {"group": "government"}, "each": "group", "quota": 1}, "rule", "not both"),
        ({"any": [{"all": [{"quota": 99}]}]}, "rule.any[0].all[0].quota", "above the total weight"),
    ],
)
def test_invalid_rules_name_the_field(document, path, problem):
    with pytest.raises(RuleError) as caught:
        parse_rule(document, CGI)
    assert caught.value.path == path
    assert problem in caught.value.problem
    assert str(caught.value).startswith(f"{path}: ")


def test_a_scope_whose_seats_weigh_nothing_is_refused():
    seats = [Seat("chair", "government", weight=0), Seat("member", "business")]
    with pytest.raises(RuleError, match="weigh 0 in all"):
        parse_rule({"within": {"seat": "chair"}, "majority": "simple"}, seats)


def test_each_leaves_out_groups_without_weight_but_not_all_of_them():
    observers = [Seat("observer", "igo", weight=0), Seat("member", "business", count=3)]
    assert parse_rule({"each": "group", "quota": 2}, observers) == Threshold(2, Each("group"))
    with pytest.raises(RuleError, match="no seat has a region"):
        parse_rule({"each": "region", "quota": 1}, observers)


@pytest.mark.parametrize(
    ("seats", "path", "problem"),
    [
        ([], "seats", "at least one"),
        ([Seat("a", "g", count=0)], "seats[0].count", "below 1"),
        ([Seat("a", "g"), Seat("b", "g", weight=-1)], "seats[1].weight", "below 0"),
        ([Seat("a", "g"), Seat("a", "h")], "seats[1].name", "used twice"),
        ([Seat("", "g")], "seats[0].name", "needs a name"),
        ([Seat("a", "")], "seats[0].group", "needs a stakeholder group"),
        ([Seat("a", "g", region="")], "seats[0].region", "non-empty"),
        ([Seat("a", "g", weight=1.5)], "seats[0].weight", "not a whole number"),
        ([Seat("a", "g", count="2")], "seats[0].count", "not a whole number"),
    ],
)
def test_invalid_seats_name_the_field(seats, path, problem):
    with pytest.raises(SeatError) as caught:
        check_seats(seats)
    assert caught.value.path == path
    assert problem in caught.value.problem


@settings(max_examples=60, deadline=None)
@given(compound_games())
def test_a_rule_survives_its_document(game):
    rule, seats = game
    assert parse_rule(rule_document(rule), seats) == rule


@pytest.mark.parametrize(
    ("majority", "total", "quota"),
    [
        (Majority.SIMPLE, 21, 11),
        (Majority.SIMPLE, 20, 11),
        (Majority.SIMPLE, 1, 1),
        (Majority.TWO_THIRDS, 42, 28),
        (Majority.TWO_THIRDS, 43, 29),
        (Majority.THREE_QUARTERS, 21, 16),
        (Majority.THREE_QUARTERS, 20, 15),
    ],
)
def test_majority_quotas(majority, total, quota):
    assert majority.quota(total) == quota
