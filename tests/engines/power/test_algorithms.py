"""The counting algorithms checked against each other where they overlap, directly."""

from __future__ import annotations

from fractions import Fraction

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from polycentric.engines.power import Game, Seat, Threshold, compute_power
from polycentric.engines.power.compound import compound_power
from polycentric.engines.power.enumeration import grid_power
from polycentric.engines.power.weighted import (
    gauss_legendre,
    weighted_shapley_counting,
    weighted_shapley_fourier,
    weighted_swings,
)

from .oracle import oracle
from .strategies import compound_games


def compiled(rule, seats):
    game = Game(rule, seats)
    active = [t for t, kind in enumerate(game.types) if not kind.is_null]
    sizes = [game.types[t].size for t in active]
    coefficients = [
        [game.types[t].coefficients[leaf] for t in active] for leaf in range(len(game.quotas))
    ]
    return game, active, sizes, coefficients


@settings(max_examples=80, deadline=None)
@given(compound_games(max_seats=14, max_entries=5))
def test_the_dynamic_programme_counts_what_enumeration_counts(game):
    rule, seats = game
    compiled_game, _, sizes, coefficients = compiled(rule, seats)
    expected = grid_power(sizes, coefficients, compiled_game.quotas, compiled_game.formula)
    assert (
        compound_power(sizes, coefficients, compiled_game.quotas, compiled_game.formula) == expected
    )


@settings(max_examples=40, deadline=None)
@given(compound_games(max_seats=8, max_entries=4))
def test_both_compound_algorithms_match_the_oracle(game):
    rule, seats = game
    compiled_game, active, sizes, coefficients = compiled(rule, seats)
    truth = oracle(rule, seats)
    for algorithm in (grid_power, compound_power):
        swings, shapley = algorithm(
            sizes, coefficients, compiled_game.quotas, compiled_game.formula
        )
        for e in range(len(seats)):
            t = compiled_game.type_of_entry[e]
            if t in active:
                assert shapley[active.index(t)] == truth.shapley_shubik[e]
                assert (
                    Fraction(swings[active.index(t)], 2 ** (sum(sizes) - 1))
                    == truth.banzhaf_absolute[e]
                )


def test_the_dynamic_programme_gives_up_past_its_budget():
    rule, seats = Threshold(3), [Seat("a", "g", count=3), Seat("b", "h", count=2, weight=2)]
    game, _, sizes, coefficients = compiled(rule, seats)
    assert compound_power(sizes, coefficients, game.quotas, game.formula, budget=1) is None


def test_a_large_compound_body_is_counted_by_the_dynamic_programme():
    """WGEC's 42 seats under two thirds of all and a majority in every group and every region: a
    grid of 5.8 million count vectors, but few states."""
    from polycentric.engines.power import parse_rule

    seats = [
        Seat("states_african", "government", "African", count=5),
        Seat("states_asia", "government", "Asia-Pacific", count=4),
        Seat("states_eastern", "government", "Eastern European", count=4),
        Seat("states_grulac", "government", "GRULAC", count=4),
        Seat("states_weog", "government", "WEOG", count=5),
        Seat("private_sector", "private_sector", count=5),
        Seat("civil_society", "civil_society", count=5),
        Seat("technical_academic", "technical_academic", count=5),
        Seat("intergovernmental", "intergovernmental", count=5),
    ]
    rule = parse_rule(
        {
            "all": [
                {"majority": "two_thirds"},
                {"each": "region", "majority": "simple"},
                {"each": "group", "majority": "simple"},
            ]
        },
        seats,
    )
    result = compute_power(rule, seats)
    assert result.banzhaf_algorithm == "dynamic_programming" and result.method.value == "exact"
    assert sum(e.count * e.shapley_shubik for e in result.entries) == pytest.approx(1, abs=1e-12)
    # a seat from a 4-state region is needed more than one from a 5-state region
    assert (
        result.entry("states_asia").shapley_shubik > result.entry("states_african").shapley_shubik
    )
    assert result.entry("states_african").shapley_shubik == pytest.approx(
        result.entry("private_sector").shapley_shubik, abs=1e-15
    )


weighted_types = st.lists(
    st.tuples(st.integers(1, 12), st.integers(1, 40)),
    min_size=2,
    max_size=6,
    unique_by=lambda t: t[0],
)


@settings(max_examples=12, deadline=None)
@given(weighted_types, st.floats(0.05, 0.95))
def test_the_owen_fourier_integral_agrees_with_counting(types, share):
    weights, sizes = [w for w, _ in types], [m for _, m in types]
    total = sum(w * m for w, m in types)
    quota = max(1, min(total, round(share * total)))
    counted = weighted_shapley_counting(weights, sizes, quota)
    integrated = weighted_shapley_fourier(weights, sizes, quota)
    assert integrated is not None
    for exact, value in zip(counted, integrated, strict=True):
        assert value == pytest.approx(float(exact), abs=1e-12)


def test_large_weighted_bodies_use_the_owen_integral_and_agree_with_counting():
    import random

    rng = random.Random(7)
    weights = [rng.randint(1, 10) for _ in range(260)]
    seats = [Seat(f"s{i}", "g", weight=w) for i, w in enumerate(weights)]
    quota = sum(weights) // 2 + 1
    result = compute_power(Threshold(quota), seats)
    assert result.shapley_shubik_algorithm == "owen_fourier"
    distinct = sorted(set(weights))
    sizes = [weights.count(w) for w in distinct]
    exact = dict(zip(distinct, weighted_shapley_counting(distinct, sizes, quota), strict=True))
    for entry in result.entries:
        assert entry.shapley_shubik == pytest.approx(
            float(exact[entry.weight]), rel=1e-11, abs=1e-15
        )


def test_the_fourier_integral_refuses_work_beyond_its_budget():
    assert weighted_shapley_fourier([1, 2], [10, 10], 16, budget=10) is None


@pytest.mark.parametrize(
    ("weights", "sizes", "quota"),
    [
        ([4, 2, 1], [3, 2, 1], 12),
        ([3, 1], [2, 5], 4),
        ([5, 3], [1, 4], 13),
        ([2, 4, 6], [3, 3, 3], 20),
    ],
)
def test_swing_counts_with_gcd_and_complements(weights, sizes, quota):
    seats = [
        Seat(f"{w}-{i}", "g", weight=w)
        for w, m in zip(weights, sizes, strict=True)
        for i in range(m)
    ]
    truth = oracle(Threshold(quota), seats, orderings=False)
    per_type = dict(zip((s.weight for s in seats), truth.swings, strict=True))
    assert weighted_swings(weights, sizes, quota) == [per_type[w] for w in weights]


@pytest.mark.parametrize("count", [1, 2, 5, 30, 501])
def test_gauss_legendre_integrates_polynomials_of_degree_below_twice_its_nodes(count):
    nodes = gauss_legendre(count)
    assert len(nodes) == count
    assert sum(w for _, w in nodes) == pytest.approx(1, abs=1e-13)
    for degree in {0, 1, count, 2 * count - 1}:
        integral = sum(w * p**degree for p, w in nodes)
        assert integral == pytest.approx(1 / (degree + 1), rel=1e-12)


def test_gauss_legendre_keeps_only_the_nodes_asked_for():
    everything = gauss_legendre(200)
    middle = gauss_legendre(200, 0.4, 0.6)
    assert set(middle) <= set(everything)
    assert {p for p, _ in everything if 0.4 <= p <= 0.6} <= {p for p, _ in middle}
