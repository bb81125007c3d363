"""Named reference profiles with known outcomes, each checked against what the literature says."""

from __future__ import annotations

from fractions import Fraction

import pytest

from polycentric.engines.ranking import Ballot, parse_approvals, parse_ranking, rank


def ballots(*rows: tuple) -> list[Ballot]:
    """Ballots from rows of (count, ranking[, group[, region]])."""
    made = []
    for r, (count, text, *where) in enumerate(rows):
        group = where[0] if where else "everyone"
        region = where[1] if len(where) > 1 else None
        for k in range(count):
            made.append(Ballot(f"v{r}-{k}", group, region, parse_ranking(text)))
    return made


def approvals(*rows: tuple[int, str]) -> list[Ballot]:
    return [
        Ballot(f"v{r}-{k}", "everyone", None, approvals=parse_approvals(text))
        for r, (count, text) in enumerate(rows)
        for k in range(count)
    ]


# Wikipedia, "Schulze method", the 45-voter example: the winner is E, the order E > A > C > B > D.
WIKIPEDIA_SCHULZE = ballots(
    (5, "A>C>B>E>D"), (5, "A>D>E>C>B"), (8, "B>E>D>A>C"), (3, "C>A>B>E>D"),
    (7, "C>A>E>B>D"), (2, "C>B>A>D>E"), (7, "D>C>E>B>A"), (8, "E>B>A>D>C"),
)
# Wikipedia, "Ranked pairs": the Tennessee capital election (percentages as voters).
TENNESSEE = ballots(
    (42, "Memphis>Nashville>Chattanooga>Knoxville"),
    (26, "Nashville>Chattanooga>Knoxville>Memphis"),
    (15, "Chattanooga>Knoxville>Nashville>Memphis"),
    (17, "Knoxville>Chattanooga>Nashville>Memphis"),
)
CONDORCET_CYCLE = ballots((1, "A>B>C"), (1, "B>C>A"), (1, "C>A>B"))
# A cycle whose weakest defeat (C over A, 5 to 4) is the one to drop.
WEAK_CYCLE = ballots((4, "A>B>C"), (3, "B>C>A"), (2, "C>A>B"))

CASES = {
    "wikipedia-schulze/schulze": (WIKIPEDIA_SCHULZE, "schulze", [["E"], ["A"], ["C"], ["B"], ["D"]]),
    # Ranked pairs locks B>D 33, E>D 31, A>D 30, C>B 29, skips D>C 28 (cycle C>B>D>C), locks
    # E>B 27, A>C 26, skips B>A 25 (A>C>B>A), locks C>E 24, skips E>A 23 (A>C>E>A).
    "wikipedia-schulze/ranked-pairs": (
        WIKIPEDIA_SCHULZE, "ranked-pairs", [["A"], ["C"], ["E"], ["B"], ["D"]]
    ),
    "tennessee/schulze": (
        TENNESSEE, "schulze", [["Nashville"], ["Chattanooga"], ["Knoxville"], ["Memphis"]]
    ),
    "tennessee/ranked-pairs": (
        TENNESSEE, "ranked-pairs", [["Nashville"], ["Chattanooga"], ["Knoxville"], ["Memphis"]]
    ),
    # Borda: Nashville 194, Chattanooga 173, Memphis 126, Knoxville 107.
    "tennessee/borda": (
        TENNESSEE, "borda", [["Nashville"], ["Chattanooga"], ["Memphis"], ["Knoxville"]]
    ),
    "condorcet-cycle/schulze": (CONDORCET_CYCLE, "schulze", [["A", "B", "C"]]),
    # Equally strong majorities lock by name: A>B, B>C, then C>A would close the cycle.
    "condorcet-cycle/ranked-pairs": (CONDORCET_CYCLE, "ranked-pairs", [["A"], ["B"], ["C"]]),
    "condorcet-cycle/borda": (CONDORCET_CYCLE, "borda", [["A", "B", "C"]]),
    "weak-cycle/schulze": (WEAK_CYCLE, "schulze", [["A"], ["B"], ["C"]]),
    "weak-cycle/ranked-pairs": (WEAK_CYCLE, "ranked-pairs", [["A"], ["B"], ["C"]]),
    # Borda with ties: A>B=C gives A 3, B 1.5, C 1.5, D 0; B>A gives B 3, A 2, C 0.5, D 0.5;
    # C>D gives C 3, D 2, A 0.5, B 0.5: A 5.5, B 5, C 5, D 2.5.
    "borda-ties/borda": (
        ballots((1, "A>B=C"), (1, "B>A"), (1, "C>D")), "borda", [["A"], ["B", "C"], ["D"]]
    ),
    "approval/approval": (
        approvals((1, "A,B"), (1, "B"), (1, "C,A"), (1, "B,C")), "approval", [["B"], ["A", "C"]]
    ),
}


@pytest.mark.parametrize(("profile", "method", "tiers"), CASES.values(), ids=CASES.keys())
def test_reference_profiles(profile, method, tiers):
    result = rank(profile, method=method)

    assert [list(tier) for tier in result.tiers] == tiers
    assert list(result.ranking) == [name for tier in tiers for name in tier]


def test_wikipedia_schulze_pairwise_counts_and_strongest_paths():
    outcome = rank(WIKIPEDIA_SCHULZE).outcome

    assert outcome.pairwise == (
        (0, 20, 26, 30, 22),
        (25, 0, 16, 33, 18),
        (19, 29, 0, 17, 24),
        (15, 12, 28, 0, 14),
        (23, 27, 21, 31, 0),
    )
    assert outcome.paths == (
        (0, 28, 28, 30, 24),
        (25, 0, 28, 33, 24),
        (25, 29, 0, 29, 24),
        (25, 28, 28, 0, 24),
        (25, 28, 28, 31, 0),
    )
    assert outcome.strength("E", "A") == 25 and outcome.strength("A", "E") == 24


def test_ranked_pairs_reports_the_majorities_it_locked_in_order():
    outcome = rank(WEAK_CYCLE, method="ranked-pairs").outcome

    assert outcome.locked == (("B", "C"), ("A", "B"))


def test_tennessee_borda_scores():
    assert rank(TENNESSEE, method="borda").scores == {
        "Chattanooga": 173, "Knoxville": 107, "Memphis": 126, "Nashville": 194,
    }


def test_borda_with_ties_gives_half_points_to_tied_candidates():
    result = rank(ballots((1, "A>B=C"), (1, "B>A"), (1, "C>D")), method="borda")

    assert result.scores == {
        "A": Fraction(11, 2), "B": 5, "C": 5, "D": Fraction(5, 2),
    }


def test_a_condorcet_cycle_is_a_tie_under_schulze_broken_by_name_only_in_the_flat_order():
    result = rank(CONDORCET_CYCLE)

    assert result.tiers == (("A", "B", "C"),)
    assert result.winners == ("A", "B", "C")
    assert result.ranking == ("A", "B", "C")


GROUPS = ballots(
    (3, "A>B", "government", "African"),
    (1, "B>A", "government", "WEOG"),
    (2, "A>B", "civil_society", "African"),
    (1, "B>A", "civil_society", "GRULAC"),
)


@pytest.mark.parametrize(
    ("balance", "tiers", "weights"),
    [
        # Every ballot counts 1: A is ranked above B on 5 of 7 ballots.
        ("none", (("A",), ("B",)), {"civil_society": 3, "government": 4}),
        # Each group carries 1; within each group A still leads.
        ("group", (("A",), ("B",)), {"civil_society": 1, "government": 1}),
        # Each of the four cells carries 1: two cells for A, two for B, a tie.
        ("group-region", (("A", "B"),), {"civil_society": 2, "government": 2}),
    ],
)
def test_balance_modes_weigh_groups_and_cells(balance, tiers, weights):
    result = rank(GROUPS, balance=balance)

    assert result.tiers == tiers
    assert result.weights == weights


def test_group_balance_can_change_the_winner():
    profile = ballots(
        (3, "A>B", "government"), (1, "B>A", "civil_society"), (1, "B>A", "private_sector")
    )

    assert rank(profile, balance="none").winners == ("A",)
    assert rank(profile, balance="group").winners == ("B",)
    assert rank(profile, balance="group").outcome.support("B", "A") == 2


def test_each_group_is_ranked_from_its_own_ballots_and_agreement_compares_them():
    result = rank(GROUPS, balance="group")

    assert {g: o.ranking for g, o in result.by_group.items()} == {
        "civil_society": ("A", "B"), "government": ("A", "B"),
    }
    assert result.agreement.between("government", "civil_society") == 1.0
    reversed_groups = ballots((2, "A>B>C", "government"), (1, "C>B>A", "civil_society"))
    assert rank(reversed_groups).agreement.between("government", "civil_society") == -1.0


def test_group_region_balance_applies_within_each_group_too():
    result = rank(GROUPS, balance="group-region")

    # Alone, government's two cells weigh the same: A>B (3 ballots) against B>A (1 ballot).
    assert result.by_group["government"].tiers == (("A", "B"),)
    assert rank(GROUPS, balance="group").by_group["government"].tiers == (("A",), ("B",))
