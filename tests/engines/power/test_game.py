"""Which coalitions win, and which winning coalitions leave a group or region out (for P4)."""

from __future__ import annotations

import pytest

from polycentric.engines.power import (
    Game,
    Seat,
    SeatError,
    is_winning,
    parse_rule,
    winning_without,
)

from .test_rules import CGI

MAJORITY = parse_rule({"majority": "simple"}, CGI)
CONCURRENT = parse_rule(
    {"all": [{"majority": "simple"}, {"each": "group", "majority": "simple"}]}, CGI
)
GROUPS = ["government", "private_sector", "civil_society", "science_technology", "expert"]


@pytest.mark.parametrize(
    ("coalition", "majority", "concurrent"),
    [
        ({}, False, False),
        ({"government": 9}, False, False),
        ({"government": 9, "business": 2}, True, False),
        ({"business": 4, "third_sector": 4, "academia": 3}, True, False),
        ({"government": 5, "business": 3, "third_sector": 3, "academia": 2}, True, False),
        (
            {"government": 5, "business": 3, "third_sector": 3, "academia": 2, "expert": 1},
            True,
            True,
        ),
        (
            {"government": 9, "business": 4, "third_sector": 4, "academia": 3, "expert": 1},
            True,
            True,
        ),
    ],
)
def test_is_winning(coalition, majority, concurrent):
    assert is_winning(MAJORITY, CGI, coalition) is majority
    assert Game(CONCURRENT, CGI).is_winning(coalition) is concurrent


@pytest.mark.parametrize(
    ("coalition", "path"),
    [
        ({"press": 1}, "coalition.press"),
        ({"expert": 2}, "coalition.expert"),
        ({"expert": -1}, "coalition.expert"),
    ],
)
def test_a_coalition_outside_the_seats_is_refused(coalition, path):
    with pytest.raises(SeatError) as caught:
        is_winning(MAJORITY, CGI, coalition)
    assert caught.value.path == path


@pytest.mark.parametrize("group", GROUPS)
def test_under_a_simple_majority_every_group_can_be_left_out(group):
    """CGI.br fails P4 for every group, government included: the 12 others alone reach 11."""
    coalition = winning_without(MAJORITY, CGI, group=group, minimal=None)
    assert coalition is not None
    assert all(seat.name in coalition for seat in CGI if seat.group != group)
    assert not any(seat.name in coalition for seat in CGI if seat.group == group)
    assert is_winning(MAJORITY, CGI, coalition)


@pytest.mark.parametrize("group", GROUPS)
def test_under_concurrent_majorities_no_group_can_be_left_out(group):
    assert winning_without(CONCURRENT, CGI, group=group) is None


def test_the_coalition_shown_can_be_trimmed_to_whole_entries_or_to_seats():
    assert winning_without(MAJORITY, CGI, group="civil_society", minimal=None) == {
        "government": 9,
        "business": 4,
        "academia": 3,
        "expert": 1,
    }
    # dropping the last-listed entries while the rest still wins
    assert winning_without(MAJORITY, CGI, group="civil_society") == {"government": 9, "business": 4}
    # and then as few seats per entry as still win: a minimal winning coalition
    assert winning_without(MAJORITY, CGI, group="civil_society", minimal="seats") == {
        "government": 9,
        "business": 2,
    }
    assert winning_without(MAJORITY, CGI, group="government", minimal="seats") == {
        "business": 4,
        "third_sector": 4,
        "academia": 3,
    }


def test_a_region_that_holds_every_seat_cannot_be_left_out():
    assert winning_without(MAJORITY, CGI, region="GRULAC") is None


def test_regions_are_left_out_like_groups():
    seats = [
        Seat("north", "government", "WEOG", count=5),
        Seat("south", "government", "African", count=3),
        Seat("east", "government", "Asia-Pacific", count=2),
    ]
    majority = parse_rule({"majority": "simple"}, seats)
    assert winning_without(majority, seats, region="African") == {"north": 5, "east": 2}
    assert winning_without(majority, seats, region="WEOG") is None
    each = parse_rule({"all": [{"majority": "simple"}, {"each": "region", "quota": 1}]}, seats)
    assert winning_without(each, seats, region="Asia-Pacific") is None


def test_exactly_one_of_group_or_region():
    with pytest.raises(TypeError):
        winning_without(MAJORITY, CGI)
    with pytest.raises(TypeError):
        winning_without(MAJORITY, CGI, group="expert", region="GRULAC")


def test_seats_are_sorted_into_interchangeable_types():
    seats = [
        Seat("a", "government", "African", weight=2),
        Seat("b", "government", "GRULAC", weight=2),
        Seat("c", "business", "African", weight=2, count=3),
        Seat("d", "government", "African", weight=2, count=2),
    ]
    # a plain majority looks at weights only: one type
    assert [t.entries for t in Game(parse_rule({"majority": "simple"}, seats), seats).types] == [
        (0, 1, 2, 3)
    ]
    # a majority in each group separates the groups, not the regions
    by_group = Game(parse_rule({"each": "group", "majority": "simple"}, seats), seats)
    assert [(t.entries, t.size) for t in by_group.types] == [((0, 1, 3), 4), ((2,), 3)]
    # naming a seat entry sets it apart
    named = Game(parse_rule({"within": {"seat": "d"}, "quota": 1}, seats), seats)
    assert [t.entries for t in named.types] == [(0, 1, 2), (3,)]
