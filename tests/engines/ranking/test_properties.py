"""Generated profiles checked against the slow oracle and the properties every method must have."""

from __future__ import annotations

from fractions import Fraction

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from polycentric.engines.ranking import Ballot, kendall_tau_b, rank, ranking_document

from . import oracle
from .strategies import condorcet_profiles, profiles

FAST = settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
BALANCES = ["none", "group", "group-region"]
RANKED = ["schulze", "ranked-pairs", "borda"]


def pairwise_fractions(outcome) -> dict[tuple[str, str], Fraction]:
    names = outcome.candidates
    return {
        (a, b): Fraction(outcome.pairwise[i][j], outcome.scale)
        for i, a in enumerate(names)
        for j, b in enumerate(names)
        if a != b
    }


@FAST
@given(profiles(), st.sampled_from(BALANCES))
def test_schulze_matches_the_floyd_warshall_oracle(ballots, balance):
    result = rank(ballots, method="schulze", balance=balance)
    truth = oracle.schulze(ballots, balance)

    assert result.tiers == truth.tiers
    assert result.ranking == truth.ranking
    assert pairwise_fractions(result.outcome) == truth.pairwise
    names = result.candidates
    assert {
        (a, b): result.outcome.strength(a, b) for a in names for b in names if a != b
    } == truth.paths


@FAST
@given(profiles(), st.sampled_from(BALANCES))
def test_ranked_pairs_matches_the_oracle(ballots, balance):
    result = rank(ballots, method="ranked-pairs", balance=balance)
    truth = oracle.ranked_pairs(ballots, balance)

    assert result.tiers == truth.tiers
    assert result.outcome.locked == truth.locked


@FAST
@given(profiles(), st.sampled_from(BALANCES))
def test_borda_matches_the_ballot_by_ballot_oracle(ballots, balance):
    result = rank(ballots, method="borda", balance=balance)
    truth = oracle.borda(ballots, balance)

    assert result.scores == truth.scores
    assert result.tiers == truth.tiers


@FAST
@given(profiles(approval=True), st.sampled_from(BALANCES))
def test_approval_matches_the_oracle(ballots, balance):
    result = rank(ballots, method="approval", balance=balance)
    truth = oracle.approval(ballots, balance)

    assert result.scores == truth.scores
    assert result.tiers == truth.tiers


@FAST
@given(condorcet_profiles(), st.sampled_from(["schulze", "ranked-pairs"]),
       st.sampled_from(BALANCES))
def test_a_condorcet_winner_wins(case, method, balance):
    ballots, favourite = case
    winner = oracle.condorcet_winner(ballots, balance)
    assume(winner is not None)
    if balance == "none":
        assert winner == favourite

    assert rank(ballots, method=method, balance=balance).winners == (winner,)


@FAST
@given(profiles(min_size=2), st.sampled_from([*RANKED, "approval"]), st.data())
def test_with_group_balance_duplicating_one_groups_ballots_changes_nothing(ballots, method, data):
    if method == "approval":
        ballots = [
            Ballot(b.voter, b.group, b.region, approvals=frozenset().union(*b.ranking),
                   weight=b.weight)
            for b in ballots
        ]
    group = data.draw(st.sampled_from(sorted({b.group for b in ballots})))
    copies = [
        Ballot(f"{b.voter}-copy", b.group, b.region, b.ranking, b.approvals, b.weight)
        for b in ballots
        if b.group == group
    ]

    before = rank(ballots, method=method, balance="group")
    after = rank(ballots + copies, method=method, balance="group")

    assert after.tiers == before.tiers
    assert after.ranking == before.ranking
    assert after.scores == before.scores
    if method != "approval":
        assert pairwise_fractions(after.outcome) == pairwise_fractions(before.outcome)
    assert after.weights == before.weights
    assert {g: o.tiers for g, o in after.by_group.items()} == {
        g: o.tiers for g, o in before.by_group.items()
    }


@FAST
@given(profiles(min_size=2), st.sampled_from(RANKED), st.sampled_from(BALANCES), st.randoms())
def test_permuting_voters_changes_nothing(ballots, method, balance, random):
    shuffled = list(ballots)
    random.shuffle(shuffled)

    assert ranking_document(rank(shuffled, method=method, balance=balance)) == ranking_document(
        rank(ballots, method=method, balance=balance)
    )


@FAST
@given(profiles(), st.sampled_from(RANKED))
def test_a_ballot_of_weight_k_counts_as_k_ballots(ballots, method):
    copies = [
        Ballot(f"{b.voter}-{k}", b.group, b.region, b.ranking)
        for b in ballots
        for k in range(b.weight)
    ]

    weighted = rank(ballots, method=method)
    repeated = rank(copies, method=method)

    assert weighted.tiers == repeated.tiers
    assert pairwise_fractions(weighted.outcome) == pairwise_fractions(repeated.outcome)


@FAST
@given(profiles(), st.sampled_from(RANKED), st.sampled_from(BALANCES))
def test_tiers_partition_the_candidates(ballots, method, balance):
    result = rank(ballots, method=method, balance=balance)

    for outcome in [result.outcome, *result.by_group.values()]:
        flat = [name for tier in outcome.tiers for name in tier]
        assert all(outcome.tiers), "no tier is empty"
        assert sorted(flat) == list(result.candidates)
        assert len(flat) == len(set(flat))
        assert list(outcome.ranking) == flat
        assert all(list(tier) == sorted(tier) for tier in outcome.tiers)


@FAST
@given(profiles(), st.sampled_from(BALANCES))
def test_each_group_or_cell_carries_a_total_weight_of_one(ballots, balance):
    result = rank(ballots, balance=balance)
    groups = {b.group for b in ballots}
    cells = {(b.group, b.region) for b in ballots}

    total = {"none": sum(b.weight for b in ballots), "group": len(groups),
             "group-region": len(cells)}[balance]
    assert result.outcome.total_weight == total
    assert sum(result.weights.values()) == total
    if balance == "group":
        assert set(result.weights.values()) == {1}
    if balance == "group-region":
        assert {cell.weight for cell in result.cells} == {1}


@FAST
@given(profiles(min_size=2), st.sampled_from(RANKED), st.sampled_from(BALANCES))
def test_agreement_is_kendall_tau_b_between_the_groups_tiers(ballots, method, balance):
    result = rank(ballots, method=method, balance=balance)
    agreement = result.agreement
    names = result.candidates

    def places(outcome):
        tier = {name: t for t, names_ in enumerate(outcome.tiers) for name in names_}
        return [tier[name] for name in names]

    for a in agreement.groups:
        for b in agreement.groups:
            expected = oracle.kendall_tau_b(places(result.by_group[a]), places(result.by_group[b]))
            got = agreement.between(a, b)
            assert got == pytest.approx(expected) if expected is not None else got is None
            assert got == agreement.between(b, a)
        expected = oracle.kendall_tau_b(places(result.by_group[a]), places(result.outcome))
        got = agreement.with_overall(a)
        assert got == pytest.approx(expected) if expected is not None else got is None


@FAST
@given(st.lists(st.integers(0, 4), min_size=0, max_size=9), st.data())
def test_kendall_tau_b_matches_pair_by_pair_counting(x, data):
    y = data.draw(st.lists(st.integers(0, 4), min_size=len(x), max_size=len(x)))
    expected = oracle.kendall_tau_b(x, y)
    got = kendall_tau_b(x, y)

    if expected is None:
        assert got is None
    else:
        assert got == pytest.approx(expected)
        assert -1.0 <= got <= 1.0
