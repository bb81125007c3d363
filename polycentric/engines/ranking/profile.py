"""Ballots turned into numpy counts, per group-and-region cell, checked on the way.

A `Profile` holds, for every cell, the pairwise counts of its ballots (``counts[i, j]``: the sum of
the own weights of the cell's ballots that rank candidate ``i`` strictly above ``j``) or, for
approval ballots, how much own weight approves each candidate. Every method and every balance
mode combines these per-cell counts with integer factors, so the ballots are read once however
many rankings (overall and per group) are computed from them.

Counting is exact integer arithmetic. Each ballot becomes a row of tier numbers (0 for its first
tier, the number of its tiers for the candidates it does not name); a chunk of rows is compared
all at once (``rows[:, :, None] < rows[:, None, :]``) and summed in 8-bit counters, at most 255
rows to a chunk so the counters cannot overflow.

>>> from polycentric.engines.ranking.ballots import Ballot, parse_ranking
>>> profile = build_profile([Ballot("ana", "cs", None, parse_ranking("B>A=C")),
...                          Ballot("kofi", "gov", "African", parse_ranking("A>B"), weight=2)],
...                         approval=False)
>>> profile.candidates, profile.cells
(('A', 'B', 'C'), (('cs', None), ('gov', 'African')))
>>> profile.counts[("gov", "African")].tolist()
[[0, 2, 2], [0, 0, 2], [0, 0, 0]]
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from itertools import chain
from operator import attrgetter

import numpy as np
from numpy.typing import NDArray

from polycentric.engines.ranking.ballots import Ballot, Cell, cell_key, check_ballot_fields
from polycentric.engines.ranking.errors import BallotError, RankingError

CHUNK_BYTES = 1 << 21
"""About how many comparison bytes one counting step builds (the chunk fits a CPU cache)."""

INT64_LIMIT = 1 << 62
"""Counts that could reach this are kept as Python integers (a numpy object array) instead."""

Counts = NDArray[np.int64] | NDArray[np.object_]


@dataclass(frozen=True, slots=True)
class Profile:
    """Ballots counted per cell: candidates (sorted), cells (sorted), own-weight totals, counts."""

    candidates: tuple[str, ...]
    cells: tuple[Cell, ...]
    totals: dict[Cell, int]
    ballots: dict[Cell, int]
    counts: dict[Cell, Counts]
    approval: bool

    @property
    def groups(self) -> tuple[str, ...]:
        """The stakeholder groups present, sorted."""
        return tuple(sorted({group for group, _ in self.cells}))


def build_profile(
    ballots: Sequence[Ballot],
    *,
    approval: bool,
    candidates: Iterable[str] | None = None,
) -> Profile:
    """Check the ballots and count them per cell (pairwise, or approvals when ``approval``).

    ``candidates`` fixes the candidate list (every named candidate must be in it); by default it
    is every candidate some ballot names. Raises `BallotError` for the first invalid ballot and
    `RankingError` for an invalid candidate list.
    """
    check_ballot_fields(ballots)
    entries = _approval_entries(ballots) if approval else _ranking_entries(ballots)
    flat_names = list(chain.from_iterable(chain.from_iterable(entries)))
    names = _candidates(ballots, entries, set(flat_names), candidates, approval)
    index = {name: i for i, name in enumerate(names)}
    n = len(names)
    flat = np.fromiter(map(index.__getitem__, flat_names), dtype=np.intp, count=len(flat_names))
    tiers_per = np.fromiter(map(len, entries), dtype=np.intp, count=len(entries))
    total_tiers = int(tiers_per.sum())
    tier_starts = _starts(tiers_per)
    if len(flat_names) == total_tiers and not approval:
        # Tiers are never empty (Ballot checks), so as many names as tiers: one name per tier.
        named = tiers_per
        rows = np.repeat(np.arange(len(ballots)), tiers_per)
        tier_of_entry = np.arange(total_tiers) - tier_starts[rows]
    else:
        sizes = np.fromiter(
            map(len, chain.from_iterable(entries)), dtype=np.intp, count=total_tiers
        )
        named = np.add.reduceat(sizes, tier_starts) if total_tiers else tiers_per * 0
        rows = np.repeat(np.arange(len(ballots)), named)
        tier_of_entry = np.repeat(np.arange(total_tiers) - np.repeat(tier_starts, tiers_per), sizes)
    cells_at = rows * n + flat
    if approval:
        approved = np.zeros((len(ballots), n), dtype=np.bool_)
        approved.ravel()[cells_at] = True
        present = approved.sum(axis=1)
    else:
        dtype = np.int16 if int(tiers_per.max(initial=0)) < np.iinfo(np.int16).max else np.int32
        tiers = np.empty((len(ballots), n), dtype=dtype)
        tiers[:] = tiers_per.astype(dtype)[:, None]
        tiers.ravel()[cells_at] = tier_of_entry
        present = (tiers < tiers_per[:, None]).sum(axis=1)
    twice = np.flatnonzero(present != named)
    if len(twice):
        _raise_twice(ballots, int(twice[0]), approval)

    keys = list(map(attrgetter("group", "region", "weight"), ballots))
    blocks = Counter(keys)  # ballots of one cell and one own weight count alike in every mode
    block_of = {key: k for k, key in enumerate(blocks)}
    codes = np.fromiter(map(block_of.__getitem__, keys), dtype=np.intp, count=len(keys))
    by_block = np.argsort(codes, kind="stable")
    ends = np.cumsum(list(blocks.values()), dtype=np.intp)
    totals: dict[Cell, int] = {}
    for (group, region, weight), size in blocks.items():
        totals[(group, region)] = totals.get((group, region), 0) + weight * size
    totals = dict(sorted(totals.items(), key=lambda item: cell_key(item[0])))
    exact = sum(totals.values()) < INT64_LIMIT
    counts: dict[Cell, Counts] = {}
    ballot_counts: dict[Cell, int] = dict.fromkeys(totals, 0)
    for k, ((group, region, weight), size) in enumerate(blocks.items()):
        cell = (group, region)
        picked = by_block[ends[k] - size : ends[k]]
        tally = (
            approved[picked].sum(axis=0, dtype=np.int64)
            if approval
            else pairwise_counts(tiers[picked])
        )
        weighted: Counts = tally * weight if exact else tally.astype(object) * weight
        counts[cell] = weighted if cell not in counts else counts[cell] + weighted
        ballot_counts[cell] += size
    cells = tuple(totals)
    return Profile(
        candidates=names,
        cells=cells,
        totals=totals,
        ballots=ballot_counts,
        counts={cell: counts[cell] for cell in cells},
        approval=approval,
    )


def pairwise_counts(rows: NDArray[np.integer]) -> NDArray[np.int64]:
    """``counts[i, j]``: how many rows give candidate ``i`` a smaller tier number than ``j``.

    >>> pairwise_counts(np.array([[0, 1, 1], [2, 0, 1]])).tolist()
    [[0, 1, 1], [1, 0, 1], [1, 0, 0]]
    """
    n = rows.shape[1]
    counts = np.zeros((n, n), dtype=np.int64)
    step = max(1, min(255, CHUNK_BYTES // max(1, n * n)))
    for start in range(0, len(rows), step):
        chunk = rows[start : start + step]
        above = chunk[:, :, None] < chunk[:, None, :]
        counts += np.add.reduce(above.view(np.uint8), axis=0, dtype=np.uint8)
    return counts


def _ranking_entries(ballots: Sequence[Ballot]) -> list[tuple[frozenset[str], ...]]:
    rankings = [ballot.ranking for ballot in ballots]
    for i, ranking in enumerate(rankings):
        if not ranking:
            raise BallotError(
                f"ballots[{i}].ranking",
                "empty; a ranked method needs every ballot to rank at least one candidate",
                voter=ballots[i].voter,
            )
    return rankings


def _approval_entries(ballots: Sequence[Ballot]) -> list[tuple[frozenset[str]]]:
    entries: list[tuple[frozenset[str]]] = []
    for i, ballot in enumerate(ballots):
        if ballot.approvals is None:
            raise BallotError(
                f"ballots[{i}].approvals",
                "missing; approval voting needs every ballot to list its approved candidates",
                voter=ballot.voter,
            )
        entries.append((ballot.approvals,))
    return entries


def _candidates(
    ballots: Sequence[Ballot],
    entries: Sequence[tuple[frozenset[str], ...]],
    named: set[str],
    candidates: Iterable[str] | None,
    approval: bool,
) -> tuple[str, ...]:
    for name in named:
        if not isinstance(name, str) or not name.strip():
            i = next(i for i, entry in enumerate(entries) if any(name in tier for tier in entry))
            field = "approvals" if approval else "ranking"
            raise BallotError(
                f"ballots[{i}].{field}", f"candidate names must be non-empty strings, got {name!r}",
                voter=ballots[i].voter,
            )
    if candidates is None:
        return tuple(sorted(named))
    listed: set[str] = set()
    for k, name in enumerate(candidates):
        if not isinstance(name, str) or not name.strip():
            raise RankingError(f"candidates[{k}]", f"must be a non-empty string, got {name!r}")
        if name in listed:
            raise RankingError(f"candidates[{k}]", f"{name!r} appears twice")
        listed.add(name)
    unknown = named - listed
    if unknown:
        name = min(unknown)
        i = next(i for i, entry in enumerate(entries) if any(name in tier for tier in entry))
        field = "approvals" if approval else "ranking"
        raise BallotError(
            f"ballots[{i}].{field}", f"unknown candidate {name!r}", voter=ballots[i].voter
        )
    return tuple(sorted(listed))


def _starts(lengths: NDArray[np.intp]) -> NDArray[np.intp]:
    starts = np.zeros(len(lengths), dtype=np.intp)
    np.cumsum(lengths[:-1], out=starts[1:])
    return starts


def _raise_twice(ballots: Sequence[Ballot], i: int, approval: bool) -> None:
    ballot = ballots[i]
    seen: set[str] = set()
    for tier in ballot.ranking:
        for name in sorted(tier):
            if name in seen:
                raise BallotError(
                    f"ballots[{i}].ranking", f"candidate {name!r} appears twice", voter=ballot.voter
                )
            seen.add(name)
    field = "approvals" if approval else "ranking"
    raise BallotError(f"ballots[{i}].{field}", "a candidate appears twice", voter=ballot.voter)
