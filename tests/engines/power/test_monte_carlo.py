"""Seeded Monte Carlo estimates land within their stated 95% bound of the exact values."""

from __future__ import annotations

import random

import pytest

from polycentric.engines.power import Method, Seat, Threshold, compute_power, parse_rule
from polycentric.engines.power.sampling import _binomial

from .test_rules import CGI

WGEC = [
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


def mid_size_weighted() -> list[Seat]:
    rng = random.Random(3)
    return [Seat(f"p{i}", f"g{i % 4}", weight=rng.randint(1, 9)) for i in range(40)]


MID_SIZE = [
    (
        "CGI.br, concurrent majorities",
        CGI,
        {"all": [{"majority": "simple"}, {"each": "group", "majority": "simple"}]},
    ),
    (
        "WGEC, two thirds and a majority in every region",
        WGEC,
        {"all": [{"majority": "two_thirds"}, {"each": "region", "majority": "simple"}]},
    ),
    ("40 weighted seats, two thirds", mid_size_weighted(), {"majority": "two_thirds"}),
    (
        "40 weighted seats, majority and a group veto",
        mid_size_weighted(),
        {
            "any": [
                {"quota": 200},
                {
                    "all": [
                        {"majority": "simple"},
                        {"within": {"group": "g1"}, "majority": "simple"},
                    ]
                },
            ]
        },
    ),
]


@pytest.mark.parametrize(
    ("seats", "document"), [case[1:] for case in MID_SIZE], ids=[case[0] for case in MID_SIZE]
)
@pytest.mark.parametrize("seed", [0, 1])
def test_estimates_lie_within_their_bound(seats, document, seed):
    rule = parse_rule(document, seats)
    exact = compute_power(rule, seats)
    estimate = compute_power(rule, seats, method="monte_carlo", seed=seed, error_target=0.01)
    assert exact.method is Method.EXACT
    assert estimate.method is Method.MONTE_CARLO and estimate.samples >= 20_000
    assert 0 < estimate.error_bound <= 0.01
    for truth, guess in zip(exact.entries, estimate.entries, strict=True):
        assert abs(guess.banzhaf - truth.banzhaf) <= estimate.error_bound
        assert abs(guess.banzhaf_absolute - truth.banzhaf_absolute) <= estimate.error_bound
        assert abs(guess.shapley_shubik - truth.shapley_shubik) <= estimate.error_bound
        assert guess.veto == truth.veto  # veto seats are always found exactly


def test_the_default_bound_is_a_thousandth():
    seats = [
        Seat("a", "g1", count=6),
        Seat("b", "g2", count=6, weight=2),
        Seat("c", "g3", count=3, weight=3),
    ]
    rule = Threshold(17)
    estimate = compute_power(rule, seats, method="monte_carlo")
    exact = compute_power(rule, seats)
    assert estimate.error_bound <= 0.001
    for truth, guess in zip(exact.entries, estimate.entries, strict=True):
        assert abs(guess.shapley_shubik - truth.shapley_shubik) <= estimate.error_bound
        assert abs(guess.banzhaf - truth.banzhaf) <= estimate.error_bound


def test_the_same_seed_gives_the_same_estimate():
    rule = parse_rule(
        {"all": [{"majority": "simple"}, {"each": "group", "majority": "simple"}]}, CGI
    )
    first = compute_power(rule, CGI, method="monte_carlo", seed=5, error_target=0.02)
    again = compute_power(rule, CGI, method="monte_carlo", seed=5, error_target=0.02)
    other = compute_power(rule, CGI, method="monte_carlo", seed=6, error_target=0.02)
    assert first == again
    assert first.entries != other.entries


def test_sampling_still_knows_the_seats_that_count_for_nothing():
    seats = [*CGI, Seat("observer", "igo", count=2, weight=0)]
    estimate = compute_power(
        parse_rule({"majority": "simple"}, seats), seats, method="monte_carlo", error_target=0.02
    )
    assert estimate.powerless == ("observer",)
    assert estimate.entry("observer").shapley_shubik == 0.0


def test_a_body_too_large_to_count_is_sampled():
    """22 seats of distinct weights under overlapping group and region thresholds: 4 million
    coalitions and too many weight sums to track, so the analysis samples."""
    seats = [
        Seat(
            f"s{i}",
            "government" if i % 2 else "business",
            "African" if i % 3 else "WEOG",
            weight=97 + 13 * i,
        )
        for i in range(22)
    ]
    rule = parse_rule(
        {
            "any": [
                {"majority": "three_quarters"},
                {
                    "all": [
                        {"within": {"group": "government"}, "majority": "two_thirds"},
                        {"within": {"region": "African"}, "majority": "two_thirds"},
                        {"majority": "simple"},
                    ]
                },
            ]
        },
        seats,
    )
    result = compute_power(rule, seats, error_target=0.05)
    assert result.method is Method.MONTE_CARLO
    assert result.banzhaf_algorithm == "monte_carlo" == result.shapley_shubik_algorithm
    assert 0 < result.error_bound <= 0.05
    assert sum(e.shapley_shubik for e in result.entries) == pytest.approx(1, abs=22 * 0.05)


@pytest.mark.parametrize(("trials", "p"), [(1, 0.3), (7, 0.5), (40, 0.1), (40, 0.9), (1200, 0.45)])
def test_binomial_draws_have_the_right_mean_and_variance(trials, p):
    rng = random.Random(11)
    draws = [_binomial(rng, trials, p) for _ in range(20_000)]
    mean = sum(draws) / len(draws)
    variance = sum((d - mean) ** 2 for d in draws) / (len(draws) - 1)
    assert all(0 <= d <= trials for d in draws)
    assert mean == pytest.approx(trials * p, abs=5 * (trials * p * (1 - p) / len(draws)) ** 0.5)
    assert variance == pytest.approx(trials * p * (1 - p), rel=0.05)
