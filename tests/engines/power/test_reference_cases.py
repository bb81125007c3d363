"""Named games with known power indices, and the example bodies."""

from __future__ import annotations

from fractions import Fraction

import pytest

from polycentric.engines.power import (
    Consensus,
    Majority,
    Method,
    Seat,
    Threshold,
    compute_power,
    parse_rule,
)

from .oracle import oracle, oracle_by_counts
from .test_rules import CGI


def weighted(*weights: int) -> list[Seat]:
    return [Seat(f"p{i}", f"g{i}", weight=w) for i, w in enumerate(weights)]


F = Fraction

# (name, seats, rule, normalised Banzhaf per seat, Shapley-Shubik per seat, veto, powerless)
CASES = [
    ("dictator", weighted(4, 2, 1), Threshold(4), [1, 0, 0], [1, 0, 0], ["p0"], ["p1", "p2"]),
    (
        "three equals, majority",
        weighted(1, 1, 1),
        Threshold(Majority.SIMPLE),
        [F(1, 3)] * 3,
        [F(1, 3)] * 3,
        [],
        [],
    ),
    (
        "three equals, unanimity",
        weighted(1, 1, 1),
        Consensus(),
        [F(1, 3)] * 3,
        [F(1, 3)] * 3,
        ["p0", "p1", "p2"],
        [],
    ),
    (
        "EEC Council of Ministers 1958",
        weighted(4, 4, 4, 2, 2, 1),
        Threshold(12),
        [F(5, 21)] * 3 + [F(3, 21)] * 2 + [0],
        [F(14, 60)] * 3 + [F(9, 60)] * 2 + [0],
        [],
        ["p5"],
    ),
    (
        "a weight-0 seat is a dummy",
        weighted(3, 2, 0, 2),
        Threshold(4),
        [F(1, 3), F(1, 3), 0, F(1, 3)],
        [F(1, 3), F(1, 3), 0, F(1, 3)],
        [],
        ["p2"],
    ),
    (
        "supermajority: complements are counted",
        weighted(5, 3, 2, 1, 1),
        Threshold(10),
        None,
        None,
        ["p0", "p1"],
        [],
    ),
    (
        "50-49 majority: the larger party decides",
        weighted(51, 49),
        Threshold(Majority.SIMPLE),
        [1, 0],
        [1, 0],
        ["p0"],
        ["p1"],
    ),
    (
        "CGI.br, simple majority",
        CGI,
        parse_rule({"majority": "simple"}, CGI),
        [F(1, 21)] * 5,
        [F(1, 21)] * 5,
        [],
        [],
    ),
]


@pytest.mark.parametrize(
    ("seats", "rule", "banzhaf", "shapley", "veto", "powerless"),
    [case[1:] for case in CASES],
    ids=[case[0] for case in CASES],
)
def test_reference_game(seats, rule, banzhaf, shapley, veto, powerless):
    result = compute_power(rule, seats)
    assert result.method is Method.EXACT
    assert result.error_bound == 0.0
    n = sum(s.count for s in seats)
    truth = oracle(rule, seats, orderings=n <= 7) if n <= 12 else oracle_by_counts(rule, seats)
    expected_banzhaf = banzhaf if banzhaf is not None else truth.banzhaf
    expected_shapley = shapley if shapley is not None else truth.shapley_shubik
    for entry, b, s, o in zip(
        result.entries, expected_banzhaf, expected_shapley, truth.shapley_shubik, strict=True
    ):
        assert entry.banzhaf == pytest.approx(float(b), abs=1e-15)
        assert entry.shapley_shubik == pytest.approx(float(s), abs=1e-15)
        assert s == o  # the known values are also what the definitions give
    assert list(result.veto) == veto
    assert list(result.powerless) == powerless


def test_eec_absolute_banzhaf():
    """Germany swings 10 of the 32 coalitions of the other five members, the Netherlands 6."""
    result = compute_power(Threshold(12), weighted(4, 4, 4, 2, 2, 1))
    assert [e.banzhaf_absolute for e in result.entries] == [10 / 32] * 3 + [6 / 32] * 2 + [0.0]


def test_cgi_simple_majority_by_group():
    result = compute_power(parse_rule({"majority": "simple"}, CGI), CGI)
    totals = {t.name: (t.seats, t.banzhaf, t.shapley_shubik) for t in result.by_group}
    assert totals == {
        "government": (9, pytest.approx(9 / 21), pytest.approx(9 / 21)),
        "private_sector": (4, pytest.approx(4 / 21), pytest.approx(4 / 21)),
        "civil_society": (4, pytest.approx(4 / 21), pytest.approx(4 / 21)),
        "science_technology": (3, pytest.approx(3 / 21), pytest.approx(3 / 21)),
        "expert": (1, pytest.approx(1 / 21), pytest.approx(1 / 21)),
    }
    assert [(t.name, t.seats) for t in result.by_region] == [("GRULAC", 21)]
    assert result.by_region[0].banzhaf == pytest.approx(1.0)


def test_cgi_concurrent_majorities():
    """A majority of all seats and inside every group: the lone expert becomes a veto seat, and
    a government seat weighs less than a civil society one."""
    rule = parse_rule(
        {"all": [{"majority": "simple"}, {"each": "group", "majority": "simple"}]}, CGI
    )
    result = compute_power(rule, CGI)
    truth = oracle_by_counts(rule, CGI)
    assert result.method is Method.EXACT
    for entry, b, a, s in zip(
        result.entries, truth.banzhaf, truth.banzhaf_absolute, truth.shapley_shubik, strict=True
    ):
        assert entry.banzhaf == pytest.approx(float(b), abs=1e-15)
        assert entry.banzhaf_absolute == pytest.approx(float(a), abs=1e-15)
        assert entry.shapley_shubik == pytest.approx(float(s), abs=1e-15)
    assert result.veto == ("expert",)
    assert result.powerless == ()
    government, business = result.entry("government"), result.entry("business")
    assert government.shapley_shubik < business.shapley_shubik
    assert government.banzhaf < business.banzhaf
    # pinned: a government seat swings 7,000 of the 2^20 coalitions of the others, a business
    # seat 15,360, the expert 25,600; the expert's Shapley-Shubik index is about 0.24
    assert truth.swings == (7000, 15360, 15360, 12800, 25600)
    assert government.banzhaf_absolute == 7000 / 2**20
    assert result.entry("expert").shapley_shubik == pytest.approx(0.239654, abs=1e-6)


def test_wgec_by_consensus_every_seat_is_a_veto_seat():
    seats = [
        Seat("states_african", "government", "African", count=5),
        Seat("states_asia", "government", "Asia-Pacific", count=4),
        Seat("private_sector", "private_sector", count=5),
        Seat("civil_society", "civil_society", count=5),
    ]
    result = compute_power(Consensus(), seats)
    assert result.veto == ("states_african", "states_asia", "private_sector", "civil_society")
    assert all(e.shapley_shubik == pytest.approx(1 / 19) for e in result.entries)
    assert all(e.banzhaf == pytest.approx(1 / 19) for e in result.entries)
    assert all(e.banzhaf_absolute == 2.0**-18 for e in result.entries)
    # seats without a region are in no region's total
    assert [(t.name, t.seats) for t in result.by_region] == [("African", 5), ("Asia-Pacific", 4)]


def test_consensus_counts_seats_of_weight_zero_too():
    seats = [Seat("chair", "government", weight=0), Seat("member", "business", count=2)]
    result = compute_power(Consensus(), seats)
    assert result.veto == ("chair", "member")
    assert result.entry("chair").shapley_shubik == pytest.approx(1 / 3)


def test_normalised_banzhaf_can_fall_when_a_seat_gains_weight():
    """The paradox that keeps the monotonicity property to swing counts and Shapley-Shubik: with
    weights 1, 1, 1, 3, 4 and quota 7, raising the 3 to 4 raises its swings (and its
    Shapley-Shubik index) but lowers its normalised Banzhaf index from 7/19 to 4/11."""
    before = compute_power(Threshold(7), weighted(1, 1, 1, 3, 4)).entry("p3")
    after = compute_power(Threshold(7), weighted(1, 1, 1, 4, 4)).entry("p3")
    assert before.banzhaf == pytest.approx(7 / 19) and after.banzhaf == pytest.approx(4 / 11)
    assert after.banzhaf < before.banzhaf
    assert after.banzhaf_absolute > before.banzhaf_absolute
    assert after.shapley_shubik > before.shapley_shubik


def test_result_as_plain_data():
    result = compute_power(Threshold(12), weighted(4, 4, 4, 2, 2, 1))
    data = result.as_dict()
    assert list(data) == [
        "method",
        "error_bound",
        "samples",
        "seats",
        "banzhaf",
        "banzhaf_absolute",
        "shapley_shubik",
        "by_group",
        "by_region",
        "veto",
        "powerless",
    ]
    assert data["method"] == "exact" and data["error_bound"] == 0.0 and data["seats"] == 6
    assert list(data["banzhaf"]) == ["p0", "p1", "p2", "p3", "p4", "p5"]
    assert data["shapley_shubik"]["p3"] == pytest.approx(0.15)
    assert data["by_group"]["shapley_shubik"]["g0"] == pytest.approx(14 / 60)
    assert data["by_region"] == {"banzhaf": {}, "shapley_shubik": {}}
    assert data["veto"] == [] and data["powerless"] == ["p5"]


def test_output_order_follows_the_input():
    seats = [
        Seat("z", "zeta", "R2", count=2),
        Seat("a", "alpha", "R1"),
        Seat("m", "zeta", "R1", count=3),
    ]
    result = compute_power(Threshold(Majority.SIMPLE), seats)
    assert [e.name for e in result.entries] == ["z", "a", "m"]
    assert [t.name for t in result.by_group] == ["zeta", "alpha"]
    assert [t.name for t in result.by_region] == ["R2", "R1"]
    assert result.by_group[0].seats == 5
