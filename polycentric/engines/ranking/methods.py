"""The four methods on weighted counts: Schulze, ranked pairs, Borda and approval.

Each takes exact integer counts (``d[i, j]``: the weight of the ballots ranking candidate ``i``
strictly above ``j``, or per candidate the weight approving it) for candidates indexed in name
order, and returns the outcome as tiers of candidate indices, best first; candidates in one tier
are tied. Nothing here breaks a tie by name except ranked pairs, whose order of locking needs it.

Schulze (winning votes). The link ``i -> j`` has strength ``d[i, j]`` when ``d[i, j] > d[j, i]``,
else 0; ``p[i, j]`` is the strength of the strongest (widest) path from ``i`` to ``j``, computed by
the Floyd-Warshall widest-path recurrence vectorised over whole rows,
``p = max(p, min(p[:, k], p[k, :]))`` for each ``k``. ``i`` beats ``j`` when ``p[i, j] > p[j, i]``;
this relation is a strict partial order (Schulze 2011, section 4.1). Tiers are its layers: the
first tier is every candidate no one beats, the next every candidate beaten only by the first
tier, and so on. Two candidates in one tier never beat each other.

>>> d = np.array([[0, 2, 1], [1, 0, 2], [2, 1, 0]])  # a Condorcet cycle: A>B, B>C, C>A, 2 to 1
>>> schulze(d)[1]
[[0, 1, 2]]

Ranked pairs (Tideman). Every majority ``i`` over ``j`` (``d[i, j] > d[j, i]``) is taken in order
of strength: larger winning weight ``d[i, j]`` first, then smaller losing weight ``d[j, i]``
(that is, larger margin), then by the winner's name, then by the loser's name, so equally strong
majorities are locked in a fixed, documented order. A majority is locked unless it would close a
cycle with the ones locked before it. Tiers are the layers of the locked graph (its first tier is
every candidate with no locked defeat); exact pairwise ties are never locked, so they can leave
candidates tied.

>>> ranked_pairs(d)[1]
[[0], [1], [2]]

Borda with ties. A ballot gives each candidate the number of candidates it ranks strictly below
it, plus half the number tied with it (unnamed candidates are tied at the bottom). Summed over
weighted ballots this is ``sum_j (d[i, j] - d[j, i]) / 2 + (n - 1) W / 2`` for total weight ``W``;
`borda` returns twice the score, an integer. Approval: a candidate's score is the weight of the
ballots approving it. Both rank by score, equal scores tied.

>>> borda(d, total=3)  # each candidate scores 2 + 1 + 0 = 3 points, doubled
[6, 6, 6]
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np
from numpy.typing import NDArray

Matrix = NDArray[Any]


def schulze(d: Matrix) -> tuple[Matrix, list[list[int]]]:
    """The strongest-path strengths and the tiers (candidate indices), best first."""
    n = len(d)
    paths = np.where(d > d.T, d, 0).astype(d.dtype)
    step = np.empty_like(paths)
    for k in range(n):
        np.minimum(paths[:, k, None], paths[None, k, :], out=step)
        np.maximum(paths, step, out=paths)
    np.fill_diagonal(paths, 0)  # a path from a candidate to itself means nothing
    return paths, layers(paths > paths.T)


def ranked_pairs(
    d: Matrix, names: Sequence[str] | None = None
) -> tuple[list[tuple[int, int]], list[list[int]]]:
    """The locked majorities ``(winner, loser)`` in locking order, and the tiers.

    ``names`` orders equally strong majorities (by default the indices, which are in name order).
    """
    n = len(d)
    label: Sequence[str] | range = names if names is not None else range(n)
    counts = d.tolist()
    majorities = [
        (i, j) for i in range(n) for j in range(n) if counts[i][j] > counts[j][i]
    ]
    majorities.sort(key=lambda ij: (-counts[ij[0]][ij[1]], counts[ij[1]][ij[0]],
                                    label[ij[0]], label[ij[1]]))
    reach = np.zeros((n, n), dtype=np.bool_)
    locked: list[tuple[int, int]] = []
    for i, j in majorities:
        if reach[j, i]:
            continue
        locked.append((i, j))
        if reach[i, j]:
            continue
        targets = reach[j].copy()
        targets[j] = True
        sources = np.flatnonzero(reach[:, i])
        reach[i] |= targets
        reach[sources] |= targets
    return locked, layers(reach)


def borda(d: Matrix, *, total: int) -> list[int]:
    """Twice each candidate's Borda score (an integer), given the total ballot weight."""
    n = len(d)
    doubled = (d - d.T).sum(axis=1) + (n - 1) * total
    return [int(value) for value in doubled.tolist()]


def score_tiers(scores: Sequence[int]) -> list[list[int]]:
    """Candidates grouped by equal score, highest first, each tier in index order."""
    tiers: dict[int, list[int]] = {}
    for i, score in enumerate(scores):
        tiers.setdefault(score, []).append(i)
    return [tiers[score] for score in sorted(tiers, reverse=True)]


def layers(beats: NDArray[np.bool_]) -> list[list[int]]:
    """The layers of a strict partial order given as ``beats[i, j]`` (i above j), best first.

    Each layer is every remaining candidate that no remaining candidate beats. Should ``beats``
    have a cycle, the candidates left on it form one last layer.
    """
    n = len(beats)
    beaten = beats.sum(axis=0, dtype=np.int64)
    remaining = np.ones(n, dtype=np.bool_)
    tiers: list[list[int]] = []
    while remaining.any():
        layer = np.flatnonzero(remaining & (beaten == 0))
        if not len(layer):
            layer = np.flatnonzero(remaining)
        tiers.append([int(i) for i in layer])
        remaining[layer] = False
        beaten -= beats[layer].sum(axis=0, dtype=np.int64)
    return tiers
