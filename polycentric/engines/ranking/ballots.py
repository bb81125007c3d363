"""Ballots, the ranking syntax, and the balance modes that decide how much each ballot counts.

A ballot ranks candidates in tiers, best first: ``A>B=C>D`` is the tiers ``{A}``, ``{B, C}``,
``{D}``. Candidates a ballot does not name rank below all the ones it names, tied with each other.
An approval ballot lists the candidates it approves (``A,B``).

>>> [sorted(tier) for tier in parse_ranking("A>B=C>D")]
[['A'], ['B', 'C'], ['D']]
>>> format_ranking(parse_ranking(" A > C = B "))
'A>B=C'
>>> sorted(parse_approvals("B, A"))
['A', 'B']

Balance modes: ``none`` counts every ballot with its own weight (1 unless given); ``group`` gives
each stakeholder group present a total weight of 1, shared by its ballots in proportion to their
own weights (equally when all are 1); ``group-region`` gives each group-and-region cell present a
total weight of 1 the same way. So under ``group`` a group's ballots weigh the same together
however many there are: adding copies of them changes nothing.

>>> ballots = [Ballot("ana", "civil_society", "GRULAC", parse_ranking("A>B")),
...            Ballot("wanjiru", "government", "African", parse_ranking("B>A")),
...            Ballot("kofi", "government", "African", parse_ranking("B>A"))]
>>> {voter: str(weight) for voter, weight in ballot_weights(ballots, Balance.GROUP).items()}
{'ana': '1', 'wanjiru': '1/2', 'kofi': '1/2'}
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from enum import StrEnum
from fractions import Fraction
from operator import attrgetter
from sys import intern

from polycentric.engines.ranking.errors import BallotError, RankingError

RANKING_EXAMPLE = "A>B=C>D"
APPROVAL_EXAMPLE = "A,B"

Cell = tuple[str, str | None]
"""A stakeholder group and a region (None: the ballot gives no region)."""


class Balance(StrEnum):
    """How much each ballot counts."""

    NONE = "none"
    GROUP = "group"
    GROUP_REGION = "group-region"

    @property
    def description(self) -> str:
        """The mode in a sentence, for reports."""
        return {
            Balance.NONE: "every ballot counts the same",
            Balance.GROUP: "each stakeholder group carries the same total weight",
            Balance.GROUP_REGION: "each group-and-region cell carries the same total weight",
        }[self]


@dataclass(frozen=True, slots=True)
class Ballot:
    """One participant's ballot.

    ``ranking`` holds tiers, best first (candidates in one tier are tied; candidates not named
    rank below all named ones, tied). ``approvals`` is the set of approved candidates for approval
    voting (None: the ballot is not an approval ballot). ``weight`` is the ballot's own weight, a
    positive integer (a ballot standing for several voters); the balance mode scales it.
    Raises `BallotError` when ``ranking`` is not a tuple of non-empty frozensets or
    ``approvals`` is neither a frozenset nor None.
    """

    voter: str
    group: str
    region: str | None = None
    ranking: tuple[frozenset[str], ...] = ()
    approvals: frozenset[str] | None = None
    weight: int = 1

    def __post_init__(self) -> None:
        ranking = self.ranking
        if not isinstance(ranking, tuple):
            raise BallotError(
                "ranking", "must be a tuple of tiers (frozensets of candidate names)",
                voter=self.voter,
            )
        if ranking and set(map(type, ranking)) != {frozenset}:
            raise BallotError(
                "ranking", "every tier must be a frozenset of candidate names", voter=self.voter
            )
        if frozenset() in ranking:
            raise BallotError("ranking", "a tier is empty", voter=self.voter)
        if self.approvals is not None and not isinstance(self.approvals, frozenset):
            raise BallotError(
                "approvals", "must be a frozenset of candidate names or None", voter=self.voter
            )

    @property
    def cell(self) -> Cell:
        """The ballot's group and region."""
        return (self.group, self.region)


def parse_ranking(text: str) -> tuple[frozenset[str], ...]:
    """Tiers from ``A>B=C>D``: ``>`` separates tiers (best first), ``=`` ties candidates.

    Spaces around names are ignored; names are interned, so the ballots of one file share one
    string per candidate (which makes counting them faster). Raises `RankingError` (path
    ``ranking``) for an empty ranking, an empty name (``A>>B``, ``A=``), a comma (approval
    syntax) or a candidate named twice.
    """
    stripped = text.strip()
    if not stripped:
        raise RankingError("ranking", f"empty; rank at least one candidate, e.g. {RANKING_EXAMPLE}")
    if "," in stripped:
        raise RankingError(
            "ranking",
            f"malformed ranking {stripped!r}: use > between tiers and = for ties, e.g. "
            f"{RANKING_EXAMPLE} (commas list approved candidates, for approval voting)",
        )
    tiers: list[frozenset[str]] = []
    seen: set[str] = set()
    for part in stripped.split(">"):
        tier: list[str] = []
        for raw in part.split("="):
            name = raw.strip()
            if not name:
                raise RankingError(
                    "ranking",
                    f"malformed ranking {stripped!r}: a candidate name is missing; expected "
                    f"names separated by > and =, e.g. {RANKING_EXAMPLE}",
                )
            if name in seen:
                raise RankingError("ranking", f"candidate {name!r} appears twice")
            seen.add(name)
            tier.append(intern(name))
        tiers.append(frozenset(tier))
    return tuple(tiers)


def parse_approvals(text: str) -> frozenset[str]:
    """The approved candidates from ``A,B`` (spaces around names are ignored).

    Raises `RankingError` (path ``ranking``) for an empty list, an empty name, ``>`` or ``=``
    (ranking syntax) or a candidate named twice.
    """
    stripped = text.strip()
    if not stripped:
        raise RankingError(
            "ranking", f"empty; list at least one approved candidate, e.g. {APPROVAL_EXAMPLE}"
        )
    if ">" in stripped or "=" in stripped:
        raise RankingError(
            "ranking",
            f"malformed approvals {stripped!r}: list the approved candidates separated by "
            f"commas, e.g. {APPROVAL_EXAMPLE} (> and = rank candidates, for ranked methods)",
        )
    names: list[str] = []
    for raw in stripped.split(","):
        name = raw.strip()
        if not name:
            raise RankingError(
                "ranking",
                f"malformed approvals {stripped!r}: a candidate name is missing; expected names "
                f"separated by commas, e.g. {APPROVAL_EXAMPLE}",
            )
        if name in names:
            raise RankingError("ranking", f"candidate {name!r} appears twice")
        names.append(intern(name))
    return frozenset(names)


def format_ranking(tiers: Iterable[Iterable[str]]) -> str:
    """``A>B=C`` from tiers, names sorted within each tier."""
    return ">".join("=".join(sorted(tier)) for tier in tiers)


def check_ballot_fields(ballots: Sequence[Ballot]) -> None:
    """Raise `BallotError` for the first ballot with an empty voter or group, a voter already
    seen, a region that is not a string or None, or a weight that is not a positive integer."""
    if _fields_valid(ballots):
        return
    seen: dict[str, int] = {}
    for i, ballot in enumerate(ballots):
        if not isinstance(ballot, Ballot):
            raise BallotError(f"ballots[{i}]", f"expected a Ballot, got {type(ballot).__name__}")
        voter = ballot.voter
        if not isinstance(voter, str) or not voter.strip():
            raise BallotError(f"ballots[{i}].voter", "empty; every ballot names its voter")
        if voter in seen:
            raise BallotError(
                f"ballots[{i}].voter",
                f"{voter!r} appears twice (first in ballots[{seen[voter]}])",
                voter=voter,
            )
        seen[voter] = i
        if not isinstance(ballot.group, str) or not ballot.group.strip():
            raise BallotError(
                f"ballots[{i}].group", "empty; every ballot names a stakeholder group", voter=voter
            )
        if ballot.region is not None and not isinstance(ballot.region, str):
            raise BallotError(f"ballots[{i}].region", "must be a string or None", voter=voter)
        weight = ballot.weight
        if isinstance(weight, bool) or not isinstance(weight, int) or weight < 1:
            raise BallotError(
                f"ballots[{i}].weight", f"must be a positive integer, got {weight!r}", voter=voter
            )


def _fields_valid(ballots: Sequence[Ballot]) -> bool:
    """The checks of `check_ballot_fields` on whole columns at once: True when all pass."""
    if not set(map(type, ballots)) <= {Ballot}:
        return False
    voters = list(map(attrgetter("voter"), ballots))
    groups = list(map(attrgetter("group"), ballots))
    weights = list(map(attrgetter("weight"), ballots))
    return (
        set(map(type, voters)) <= {str}
        and set(map(type, groups)) <= {str}
        and "" not in set(map(str.strip, voters))
        and "" not in set(map(str.strip, groups))
        and len(set(voters)) == len(voters)
        and set(map(type, map(attrgetter("region"), ballots))) <= {str, type(None)}
        and set(map(type, weights)) <= {int}
        and min(weights, default=1) >= 1
    )


def cell_totals(ballots: Iterable[Ballot]) -> dict[Cell, int]:
    """The sum of the ballots' own weights per group-and-region cell, cells sorted."""
    totals: dict[Cell, int] = {}
    blocks = Counter(map(attrgetter("group", "region", "weight"), ballots))
    for (group, region, weight), count in blocks.items():
        totals[(group, region)] = totals.get((group, region), 0) + weight * count
    return dict(sorted(totals.items(), key=lambda item: cell_key(item[0])))


def cell_factors(totals: Mapping[Cell, int], balance: Balance) -> dict[Cell, Fraction]:
    """What one unit of a ballot's own weight counts for, per cell, under ``balance``.

    Under ``group`` each group's cells share a total of 1, under ``group-region`` each cell
    carries 1, under ``none`` every factor is 1.

    >>> totals = {("gov", "African"): 2, ("gov", "WEOG"): 1, ("cs", "African"): 1}
    >>> {cell: str(f) for cell, f in cell_factors(totals, Balance.GROUP).items()}
    {('gov', 'African'): '1/3', ('gov', 'WEOG'): '1/3', ('cs', 'African'): '1'}
    >>> {cell: str(f) for cell, f in cell_factors(totals, Balance.GROUP_REGION).items()}
    {('gov', 'African'): '1/2', ('gov', 'WEOG'): '1', ('cs', 'African'): '1'}
    """
    if balance is Balance.NONE:
        return {cell: Fraction(1) for cell in totals}
    if balance is Balance.GROUP:
        groups: dict[str, int] = {}
        for (group, _), total in totals.items():
            groups[group] = groups.get(group, 0) + total
        return {cell: Fraction(1, groups[cell[0]]) for cell in totals}
    return {cell: Fraction(1, total) for cell, total in totals.items()}


def ballot_weights(ballots: Sequence[Ballot], balance: Balance | str) -> dict[str, Fraction]:
    """How much each ballot counts under ``balance``, by voter, exactly.

    Raises `BallotError` for invalid ballot fields and `RankingError` for an unknown balance.
    """
    mode = parse_balance(balance)
    check_ballot_fields(ballots)
    factors = cell_factors(cell_totals(ballots), mode)
    return {ballot.voter: factors[ballot.cell] * ballot.weight for ballot in ballots}


def parse_balance(balance: Balance | str) -> Balance:
    """The `Balance` named by ``balance``; `RankingError` (path ``balance``) if there is none."""
    try:
        return Balance(balance)
    except ValueError:
        names = ", ".join(mode.value for mode in Balance)
        raise RankingError("balance", f"unknown balance {balance!r}; expected {names}") from None


def cell_key(cell: Cell) -> tuple[str, int, str]:
    """Sort key for cells: by group, then no region first, then by region."""
    group, region = cell
    return (group, 0 if region is None else 1, region or "")
