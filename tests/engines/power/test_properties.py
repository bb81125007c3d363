"""Generated games checked against the brute-force oracle and the properties every index has."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from polycentric.engines.power import (
    AllOf,
    AnyOf,
    Seat,
    Threshold,
    Within,
    compute_power,
)

from .oracle import oracle
from .strategies import bodies, compound_games, weighted_games

FAST = settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def assert_matches_oracle(rule, seats):
    result = compute_power(rule, seats)
    truth = oracle(rule, seats)
    assert result.method.value == "exact"
    for e, entry in enumerate(result.entries):
        assert entry.banzhaf == pytest.approx(float(truth.banzhaf[e]), abs=1e-12)
        assert entry.banzhaf_absolute == pytest.approx(float(truth.banzhaf_absolute[e]), abs=1e-12)
        assert entry.shapley_shubik == pytest.approx(float(truth.shapley_shubik[e]), abs=1e-12)
        assert entry.veto is truth.veto[e]
        assert entry.powerless is (truth.swings[e] == 0)  # never pivotal: no swing, no ordering


@FAST
@given(weighted_games(max_seats=8))
def test_weighted_games_match_the_oracle(game):
    assert_matches_oracle(*game)


@FAST
@given(compound_games(max_seats=8))
def test_compound_games_match_the_oracle(game):
    assert_matches_oracle(*game)


@settings(max_examples=15, deadline=None)
@given(compound_games(max_seats=11, max_entries=4))
def test_larger_compound_games_match_the_oracle(game):
    rule, seats = game
    result = compute_power(rule, seats)
    truth = oracle(rule, seats, orderings=False)
    for e, entry in enumerate(result.entries):
        assert entry.banzhaf == pytest.approx(float(truth.banzhaf[e]), abs=1e-12)
        assert entry.shapley_shubik == pytest.approx(float(truth.shapley_shubik[e]), abs=1e-12)


@FAST
@given(
    st.one_of(
        weighted_games(max_seats=40, max_weight=10), compound_games(max_seats=20, max_entries=6)
    )
)
def test_indices_sum_to_one(game):
    rule, seats = game
    result = compute_power(rule, seats)
    for index in ("banzhaf", "shapley_shubik"):
        assert sum(e.count * getattr(e, index) for e in result.entries) == pytest.approx(
            1, abs=1e-12
        )
        assert sum(getattr(t, index) for t in result.by_group) == pytest.approx(1, abs=1e-12)
        in_regions = sum(e.count * getattr(e, index) for e in result.entries if e.region)
        assert sum(getattr(t, index) for t in result.by_region) == pytest.approx(
            in_regions, abs=1e-12
        )


def names_a_seat(rule) -> bool:
    if isinstance(rule, AllOf | AnyOf):
        return any(names_a_seat(part) for part in rule.parts)
    return (
        isinstance(rule, Threshold) and isinstance(rule.scope, Within) and rule.scope.kind == "seat"
    )


@FAST
@given(compound_games(max_seats=12, max_entries=4), st.integers(1, 3))
def test_interchangeable_seats_get_equal_values(game, twins):
    """A second entry with the same group, region and weight as the first is interchangeable with
    it: its seats get the first entry's per-seat values."""
    rule, seats = game
    assume(not names_a_seat(rule))
    first = seats[0]
    twin = Seat("twin", first.group, first.region, count=twins, weight=first.weight)
    result = compute_power(rule, [*seats, twin])
    a, b = result.entry(first.name), result.entry("twin")
    assert a.banzhaf == pytest.approx(b.banzhaf, abs=1e-14)
    assert a.banzhaf_absolute == pytest.approx(b.banzhaf_absolute, abs=1e-14)
    assert a.shapley_shubik == pytest.approx(b.shapley_shubik, abs=1e-14)
    assert (a.veto, a.powerless) == (b.veto, b.powerless)


@FAST
@given(weighted_games(max_seats=30, max_weight=10), st.integers(1, 4))
def test_a_seat_that_never_swings_gets_nothing_and_changes_nothing(game, count):
    """Seats of weight 0 in a weighted game are never pivotal: all their indices are 0, and adding
    them leaves every other seat's indices as they were."""
    rule, seats = game
    before = compute_power(rule, seats)
    after = compute_power(rule, [*seats, Seat("observer", "igo", count=count, weight=0)])
    observer = after.entry("observer")
    assert (observer.banzhaf, observer.banzhaf_absolute, observer.shapley_shubik) == (0, 0, 0)
    assert observer.powerless and not observer.veto
    for old, new in zip(before.entries, after.entries, strict=False):
        assert new.banzhaf == pytest.approx(old.banzhaf, abs=1e-14)
        assert new.banzhaf_absolute == pytest.approx(old.banzhaf_absolute, abs=1e-14)
        assert new.shapley_shubik == pytest.approx(old.shapley_shubik, abs=1e-14)


@FAST
@given(bodies(max_seats=30, max_entries=6, max_weight=10), st.data())
def test_more_weight_never_lowers_a_seats_own_power(seats, data):
    """With the quota fixed, a seat given more weight swings at least the coalitions it swung and
    is pivotal in at least the orderings it was: its absolute Banzhaf and Shapley-Shubik indices
    never fall. (The normalised Banzhaf index can: see test_reference_cases.)"""
    total = sum(s.count * s.weight for s in seats)
    quota = data.draw(st.integers(1, total))
    extra = data.draw(st.integers(1, 5))
    base = [*seats, Seat("chosen", "g", weight=data.draw(st.integers(0, 10)))]
    heavier = [*seats, Seat("chosen", "g", weight=base[-1].weight + extra)]
    before = compute_power(Threshold(quota), base).entry("chosen")
    after = compute_power(Threshold(quota), heavier).entry("chosen")
    assert after.banzhaf_absolute >= before.banzhaf_absolute
    assert after.shapley_shubik >= before.shapley_shubik - 1e-15


@FAST
@given(weighted_games(max_seats=30, max_weight=10))
def test_a_heavier_seat_has_at_least_the_power_of_a_lighter_one(game):
    rule, seats = game
    result = compute_power(rule, seats)
    for a in result.entries:
        for b in result.entries:
            if a.weight >= b.weight:
                assert a.banzhaf >= b.banzhaf - 1e-15
                assert a.shapley_shubik >= b.shapley_shubik - 1e-15
