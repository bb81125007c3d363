"""Ballots, the ranking syntax, balance weights, and the errors for ballots that cannot count."""

from __future__ import annotations

from fractions import Fraction

import pytest

from polycentric.engines.ranking import (
    Ballot,
    BallotError,
    RankingError,
    ballot_weights,
    format_ranking,
    parse_approvals,
    parse_ranking,
    rank,
)

from . import oracle


def ballot(voter: str, text: str, group: str = "government", region: str | None = None,
           weight: int = 1) -> Ballot:
    return Ballot(voter, group, region, parse_ranking(text), weight=weight)


@pytest.mark.parametrize(
    ("text", "tiers"),
    [
        ("A>B=C>D", [["A"], ["B", "C"], ["D"]]),
        (" access >  cyber security = spam ", [["access"], ["cyber security", "spam"]]),
        ("A", [["A"]]),
        ("A=B=C", [["A", "B", "C"]]),
    ],
)
def test_parse_ranking_reads_tiers_best_first(text, tiers):
    assert [sorted(tier) for tier in parse_ranking(text)] == tiers


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("", "empty; rank at least one candidate, e.g. A>B=C>D"),
        ("  ", "empty; rank at least one candidate, e.g. A>B=C>D"),
        (">A", "malformed ranking '>A': a candidate name is missing; expected names separated "
               "by > and =, e.g. A>B=C>D"),
        ("A>B>A", "candidate 'A' appears twice"),
        ("A, B", "malformed ranking 'A, B': use > between tiers and = for ties, e.g. A>B=C>D "
                 "(commas list approved candidates, for approval voting)"),
    ],
)
def test_parse_ranking_names_the_problem(text, problem):
    with pytest.raises(RankingError) as caught:
        parse_ranking(text)

    assert (caught.value.path, caught.value.problem) == ("ranking", problem)
    assert str(caught.value) == f"ranking: {problem}"


def test_parse_approvals_and_format_ranking():
    assert parse_approvals(" B ,A") == frozenset({"A", "B"})
    assert format_ranking(parse_ranking("D>C=A>B")) == "D>A=C>B"
    with pytest.raises(RankingError, match="candidate 'A' appears twice"):
        parse_approvals("A,B,A")


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"ranking": [frozenset({"A"})]},
         "ranking: must be a tuple of tiers (frozensets of candidate names)"),
        ({"ranking": ("A", "B")}, "ranking: every tier must be a frozenset of candidate names"),
        ({"ranking": (frozenset({"A"}), frozenset())}, "ranking: a tier is empty"),
        ({"approvals": {"A"}}, "approvals: must be a frozenset of candidate names or None"),
    ],
)
def test_a_ballot_refuses_a_malformed_ranking(kwargs, message):
    with pytest.raises(BallotError) as caught:
        Ballot("ana", "civil_society", "GRULAC", **kwargs)

    assert str(caught.value) == message
    assert caught.value.voter == "ana"


@pytest.mark.parametrize(
    ("ballots", "method", "message"),
    [
        ([ballot("", "A")], "schulze", "ballots[0].voter: empty; every ballot names its voter"),
        ([ballot("ana", "A"), ballot("ana", "B")], "schulze",
         "ballots[1].voter: 'ana' appears twice (first in ballots[0])"),
        ([ballot("ana", "A", group=" ")], "schulze",
         "ballots[0].group: empty; every ballot names a stakeholder group"),
        ([ballot("ana", "A", weight=0)], "schulze",
         "ballots[0].weight: must be a positive integer, got 0"),
        ([ballot("ana", "A", weight=True)], "borda",
         "ballots[0].weight: must be a positive integer, got True"),
        ([ballot("ana", "A"), Ballot("kofi", "government", None, approvals=frozenset("A"))],
         "ranked-pairs",
         "ballots[1].ranking: empty; a ranked method needs every ballot to rank at least one "
         "candidate"),
        ([ballot("ana", "A")], "approval",
         "ballots[0].approvals: missing; approval voting needs every ballot to list its "
         "approved candidates"),
        ([ballot("ana", "A"), Ballot("kofi", "gov", None, (frozenset({"A"}), frozenset({"A", "B"})))],
         "schulze", "ballots[1].ranking: candidate 'A' appears twice"),
    ],
    ids=["empty-voter", "voter-twice", "empty-group", "weight-0", "weight-bool",
         "no-ranking", "no-approvals", "candidate-twice"],
)
def test_rank_refuses_invalid_ballots_naming_the_ballot(ballots, method, message):
    with pytest.raises(BallotError) as caught:
        rank(ballots, method=method)

    assert str(caught.value) == message


def test_rank_refuses_an_unknown_method_or_balance():
    with pytest.raises(RankingError, match="method: unknown method 'copeland'; expected "
                                           "schulze, ranked-pairs, borda, approval"):
        rank([ballot("ana", "A")], method="copeland")
    with pytest.raises(RankingError, match="balance: unknown balance 'region'; expected "
                                           "none, group, group-region"):
        rank([ballot("ana", "A")], balance="region")


def test_a_candidate_list_adds_candidates_no_ballot_names_and_refuses_unknown_ones():
    result = rank([ballot("ana", "B>A")], candidates=["C", "A", "B"])

    assert result.candidates == ("A", "B", "C")
    assert result.tiers == (("B",), ("A",), ("C",))
    with pytest.raises(BallotError, match=r"ballots\[0\].ranking: unknown candidate 'B'"):
        rank([ballot("ana", "B>A")], candidates=["A"])
    with pytest.raises(RankingError, match=r"candidates\[1\]: 'A' appears twice"):
        rank([ballot("ana", "A")], candidates=["A", "A"])


def test_no_ballots_ties_every_listed_candidate():
    assert rank([], candidates=["B", "A"]).tiers == (("A", "B"),)
    empty = rank([])
    assert (empty.ranking, empty.tiers, empty.by_group, empty.ballots) == ((), (), {}, 0)


def test_ballot_weights_follow_the_balance_mode():
    ballots = [
        ballot("wanjiru", "A", "government", "African"),
        ballot("kofi", "A", "government", "African", weight=2),
        ballot("maria", "A", "government", "GRULAC"),
        ballot("ana", "A", "civil_society", "GRULAC"),
    ]

    assert ballot_weights(ballots, "none") == {"wanjiru": 1, "kofi": 2, "maria": 1, "ana": 1}
    assert ballot_weights(ballots, "group") == {
        "wanjiru": Fraction(1, 4), "kofi": Fraction(1, 2), "maria": Fraction(1, 4), "ana": 1,
    }
    assert ballot_weights(ballots, "group-region") == {
        "wanjiru": Fraction(1, 3), "kofi": Fraction(2, 3), "maria": 1, "ana": 1,
    }


def test_weights_too_large_for_64_bits_are_counted_exactly():
    big = 2**70
    ballots = [
        ballot("ana", "A>B>C", weight=big),
        ballot("kofi", "B>C>A", weight=big + 1),
        ballot("maria", "C>A>B", weight=3),
    ]

    for method in ("schulze", "ranked-pairs", "borda"):
        result = rank(ballots, method=method)
        truth = oracle.METHODS[method](ballots)
        assert result.tiers == truth.tiers, method
        assert result.outcome.support("B", "A") == big + 1
    assert rank(ballots, method="borda").scores["B"] == big * 1 + (big + 1) * 2  # maria: 0


def test_group_region_balance_keeps_fractions_exact():
    ballots = [ballot(f"g{k}", "A>B", "government", "African") for k in range(7)]
    ballots += [ballot(f"c{k}", "B>A", "civil_society", "GRULAC") for k in range(11)]

    result = rank(ballots, balance="group-region")

    assert result.tiers == (("A", "B"),)
    assert result.outcome.support("A", "B") == result.outcome.support("B", "A") == 1
