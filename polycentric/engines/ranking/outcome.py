"""`rank`: the aggregate ranking of weighted ballots, each group's own ranking, and how they agree.

The balance mode decides each cell's factor (see `cell_factors`); the factors are exact fractions,
brought to integers by their least common denominator (``scale``), so every count, path strength
and score is an exact integer and ties are exact. An `Outcome` keeps those integers with their
``scale``: ``pairwise[i][j] / scale`` is the weight of the ballots ranking ``candidates[i]``
strictly above ``candidates[j]``.

Ties in the outcome are tiers; the flat ``ranking`` lists the tiers in order and breaks ties by
candidate name (Unicode code point order), and only there.

>>> from polycentric.engines.ranking.ballots import Ballot, parse_ranking
>>> ballots = [Ballot(f"v{i}", group, None, parse_ranking(text))
...            for i, (group, text) in enumerate([("gov", "A>B>C"), ("gov", "A>B>C"),
...                                               ("gov", "A>B>C"), ("cs", "C>B>A"),
...                                               ("cs", "B>C>A")])]
>>> result = rank(ballots, method="schulze", balance="none")
>>> result.tiers, result.ranking
((('A',), ('B',), ('C',)), ('A', 'B', 'C'))
>>> rank(ballots, method="schulze", balance="group").tiers  # cs now weighs as much as gov
(('A', 'B'), ('C',))
>>> {group: outcome.tiers for group, outcome in result.by_group.items()}
{'cs': (('B', 'C'), ('A',)), 'gov': (('A',), ('B',), ('C',))}
>>> round(result.agreement.between("cs", "gov"), 4)
-0.8165
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from enum import StrEnum
from fractions import Fraction

import numpy as np

from polycentric.engines.ranking.agreement import Agreement, agreement
from polycentric.engines.ranking.ballots import (
    Balance,
    Ballot,
    Cell,
    cell_factors,
    parse_balance,
)
from polycentric.engines.ranking.errors import RankingError
from polycentric.engines.ranking.methods import borda, ranked_pairs, schulze, score_tiers
from polycentric.engines.ranking.profile import INT64_LIMIT, Counts, Profile, build_profile


class Method(StrEnum):
    """How ballots become a ranking."""

    SCHULZE = "schulze"
    RANKED_PAIRS = "ranked-pairs"
    BORDA = "borda"
    APPROVAL = "approval"

    @property
    def label(self) -> str:
        """The method's name in a sentence."""
        return {
            Method.SCHULZE: "Schulze",
            Method.RANKED_PAIRS: "Ranked pairs",
            Method.BORDA: "Borda",
            Method.APPROVAL: "Approval",
        }[self]

    @property
    def ranked(self) -> bool:
        """Whether the method reads rankings (all but approval)."""
        return self is not Method.APPROVAL


def parse_method(method: Method | str) -> Method:
    """The `Method` named by ``method``; `RankingError` (path ``method``) if there is none."""
    try:
        return Method(method)
    except ValueError:
        names = ", ".join(kind.value for kind in Method)
        raise RankingError("method", f"unknown method {method!r}; expected {names}") from None


Matrix = tuple[tuple[int, ...], ...]


@dataclass(frozen=True, slots=True)
class Outcome:
    """One ranking of the candidates (sorted by name): flat order, tiers, and what it came from.

    ``pairwise`` (ranked methods), ``paths`` (Schulze's strongest paths) and ``locked`` (ranked
    pairs' locked majorities, in locking order) are None where the method has none; ``scores``
    (Borda, approval) are exact. Integer matrices are in units of ``1 / scale``.
    """

    candidates: tuple[str, ...]
    ranking: tuple[str, ...]
    tiers: tuple[tuple[str, ...], ...]
    ballots: int
    total_weight: Fraction
    scale: int
    pairwise: Matrix | None = None
    paths: Matrix | None = None
    locked: tuple[tuple[str, str], ...] | None = None
    scores: dict[str, Fraction] | None = None

    @property
    def winners(self) -> tuple[str, ...]:
        """The first tier (empty when there are no candidates)."""
        return self.tiers[0] if self.tiers else ()

    def places(self) -> dict[str, int]:
        """Each candidate's place, 1 for the first tier; tied candidates share the place of the
        first of them ("1, 2, 2, 4")."""
        places: dict[str, int] = {}
        above = 0
        for tier in self.tiers:
            for name in tier:
                places[name] = above + 1
            above += len(tier)
        return places

    def support(self, a: str, b: str) -> Fraction:
        """The weight of the ballots ranking ``a`` strictly above ``b`` (ranked methods)."""
        if self.pairwise is None:
            raise ValueError("this outcome has no pairwise counts")
        i, j = self.candidates.index(a), self.candidates.index(b)
        return Fraction(self.pairwise[i][j], self.scale)

    def strength(self, a: str, b: str) -> Fraction:
        """The strength of the strongest path from ``a`` to ``b`` (Schulze)."""
        if self.paths is None:
            raise ValueError("this outcome has no strongest paths")
        i, j = self.candidates.index(a), self.candidates.index(b)
        return Fraction(self.paths[i][j], self.scale)


@dataclass(frozen=True, slots=True)
class CellWeight:
    """A group-and-region cell: its ballots, the weight it carries, and what one unit of a
    ballot's own weight counts for in it (``ballot_weight``: 1 under ``none``)."""

    group: str
    region: str | None
    ballots: int
    weight: Fraction
    ballot_weight: Fraction


@dataclass(frozen=True, slots=True)
class RankingResult:
    """The aggregate outcome, each group's own outcome (same method and balance, from that
    group's ballots alone), the weights, and the agreement between the groups' rankings."""

    method: Method
    balance: Balance
    candidates: tuple[str, ...]
    ballots: int
    outcome: Outcome
    by_group: dict[str, Outcome]
    weights: dict[str, Fraction]
    cells: tuple[CellWeight, ...]
    agreement: Agreement

    @property
    def ranking(self) -> tuple[str, ...]:
        """Candidate names, best first, ties broken by name."""
        return self.outcome.ranking

    @property
    def tiers(self) -> tuple[tuple[str, ...], ...]:
        """Tied candidates together, best tier first, each tier sorted by name."""
        return self.outcome.tiers

    @property
    def scores(self) -> dict[str, Fraction] | None:
        """Borda or approval scores, exactly; None for Schulze and ranked pairs."""
        return self.outcome.scores

    @property
    def winners(self) -> tuple[str, ...]:
        """The first tier."""
        return self.outcome.winners

    @property
    def group_ballots(self) -> dict[str, int]:
        """How many ballots each group cast."""
        return {group: outcome.ballots for group, outcome in self.by_group.items()}


def rank(
    ballots: Sequence[Ballot],
    *,
    method: Method | str = Method.SCHULZE,
    balance: Balance | str = Balance.NONE,
    candidates: Iterable[str] | None = None,
) -> RankingResult:
    """Rank the candidates from ``ballots`` by ``method`` under ``balance``.

    ``candidates`` fixes the candidate list (default: every candidate a ballot names). Raises
    `BallotError` for an invalid ballot (empty voter or group, a voter twice, an empty ranking, a
    candidate twice, a missing approval set) and `RankingError` for an unknown method or balance.
    """
    kind = parse_method(method)
    mode = parse_balance(balance)
    profile = build_profile(ballots, approval=not kind.ranked, candidates=candidates)
    factors = cell_factors(profile.totals, mode)
    overall = _outcome(profile, kind, factors)
    groups = profile.groups
    by_group: dict[str, Outcome] = {}
    for group in groups:
        if len(groups) == 1:
            # One group: its own factors are the overall ones in every mode.
            by_group[group] = overall
            continue
        totals = {cell: total for cell, total in profile.totals.items() if cell[0] == group}
        by_group[group] = _outcome(profile, kind, cell_factors(totals, mode))
    weights: dict[str, Fraction] = {}
    for cell in profile.cells:
        weights[cell[0]] = weights.get(cell[0], Fraction(0)) + factors[cell] * profile.totals[cell]
    cells = tuple(
        CellWeight(
            group=cell[0],
            region=cell[1],
            ballots=profile.ballots[cell],
            weight=factors[cell] * profile.totals[cell],
            ballot_weight=factors[cell],
        )
        for cell in profile.cells
    )
    places = {group: _place_vector(outcome) for group, outcome in by_group.items()}
    return RankingResult(
        method=kind,
        balance=mode,
        candidates=profile.candidates,
        ballots=len(ballots),
        outcome=overall,
        by_group=by_group,
        weights=weights,
        cells=cells,
        agreement=agreement(places, _place_vector(overall)),
    )


def _outcome(profile: Profile, kind: Method, factors: Mapping[Cell, Fraction]) -> Outcome:
    names = profile.candidates
    n = len(names)
    scale = math.lcm(*(factor.denominator for factor in factors.values())) if factors else 1
    multipliers = {
        cell: factor.numerator * (scale // factor.denominator) for cell, factor in factors.items()
    }
    total = sum(multipliers[cell] * profile.totals[cell] for cell in factors)
    exact = total * max(n, 1) < INT64_LIMIT
    shape = (n,) if profile.approval else (n, n)
    combined: Counts = np.zeros(shape, dtype=np.int64 if exact else object)
    for cell, multiplier in multipliers.items():
        counts = profile.counts[cell]
        combined = combined + (counts if exact else counts.astype(object)) * multiplier
    ballots = sum(profile.ballots[cell] for cell in factors)

    def finish(
        tiers: Sequence[Sequence[int]],
        *,
        pairwise: Matrix | None = None,
        paths: Matrix | None = None,
        locked: tuple[tuple[str, str], ...] | None = None,
        scores: dict[str, Fraction] | None = None,
    ) -> Outcome:
        named = tuple(tuple(names[i] for i in sorted(tier)) for tier in tiers)
        return Outcome(
            candidates=names,
            ranking=tuple(name for tier in named for name in tier),
            tiers=named,
            ballots=ballots,
            total_weight=Fraction(total, scale),
            scale=scale,
            pairwise=pairwise,
            paths=paths,
            locked=locked,
            scores=scores,
        )

    if kind is Method.APPROVAL:
        approvals = [int(value) for value in combined.tolist()]
        return finish(score_tiers(approvals), scores={
            name: Fraction(score, scale) for name, score in zip(names, approvals, strict=True)
        })
    pairwise = _matrix(combined)
    if kind is Method.SCHULZE:
        paths, tiers = schulze(combined)
        return finish(tiers, pairwise=pairwise, paths=_matrix(paths))
    if kind is Method.RANKED_PAIRS:
        locked, tiers = ranked_pairs(combined, names)
        return finish(tiers, pairwise=pairwise,
                      locked=tuple((names[i], names[j]) for i, j in locked))
    doubled = borda(combined, total=total)
    return finish(score_tiers(doubled), pairwise=pairwise, scores={
        name: Fraction(score, 2 * scale) for name, score in zip(names, doubled, strict=True)
    })


def _matrix(array: Counts) -> Matrix:
    return tuple(map(tuple, array.tolist()))


def _place_vector(outcome: Outcome) -> list[int]:
    tier_of = {name: t for t, tier in enumerate(outcome.tiers) for name in tier}
    return [tier_of[name] for name in outcome.candidates]
