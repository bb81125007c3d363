"""How much two rankings agree: Kendall's tau-b over the candidates' tiers.

Each ranking is given as a place per candidate (its tier: 0 for the first tier; tied candidates
share a place), so ties broken by name never count as agreement. For every pair of candidates the
two rankings are concordant (both order the pair the same way), discordant (opposite ways), or one
of them ties it. Kendall's tau-b is

    (concordant - discordant) / sqrt((pairs - tied in x) * (pairs - tied in y))

from -1 (reversed) through 0 (unrelated) to 1 (the same order); it is undefined (None) when a
ranking ties every candidate, or there are fewer than two candidates.

>>> kendall_tau_b([0, 1, 2, 3], [0, 1, 2, 3])
1.0
>>> kendall_tau_b([0, 1, 2, 3], [3, 2, 1, 0])
-1.0
>>> round(kendall_tau_b([0, 1, 1, 2], [0, 1, 2, 3]), 4)
0.9129
>>> kendall_tau_b([0, 0, 0], [0, 1, 2]) is None
True
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import numpy as np

MEASURE = "kendall-tau-b"


def kendall_tau_b(x: Sequence[int], y: Sequence[int]) -> float | None:
    """Kendall's tau-b between two place vectors over the same candidates (lower is better)."""
    if len(x) != len(y):
        raise ValueError("both rankings must place the same candidates")
    n = len(x)
    if n < 2:
        return None
    a = np.asarray(x, dtype=np.int64)
    b = np.asarray(y, dtype=np.int64)
    upper = np.triu_indices(n, k=1)
    sx = np.sign(a[:, None] - a[None, :])[upper]
    sy = np.sign(b[:, None] - b[None, :])[upper]
    pairs = len(sx)
    tied_x = int(np.count_nonzero(sx == 0))
    tied_y = int(np.count_nonzero(sy == 0))
    if tied_x == pairs or tied_y == pairs:
        return None
    score = int((sx * sy).sum())
    return score / math.sqrt((pairs - tied_x) * (pairs - tied_y))


@dataclass(frozen=True, slots=True)
class Agreement:
    """Kendall's tau-b between every two groups' own rankings, and each group's with the overall.

    ``matrix[a][b]`` pairs ``groups[a]`` with ``groups[b]``; None where tau-b is undefined.
    """

    groups: tuple[str, ...]
    matrix: tuple[tuple[float | None, ...], ...]
    overall: tuple[float | None, ...]
    measure: str = MEASURE

    def between(self, a: str, b: str) -> float | None:
        """Tau-b between groups ``a`` and ``b``; ValueError for a group not in ``groups``."""
        return self.matrix[self.groups.index(a)][self.groups.index(b)]

    def with_overall(self, group: str) -> float | None:
        """Tau-b between ``group``'s own ranking and the overall one."""
        return self.overall[self.groups.index(group)]


def agreement(places: Mapping[str, Sequence[int]], overall: Sequence[int]) -> Agreement:
    """The `Agreement` of the groups whose place vectors are ``places`` (in the given order)."""
    groups = tuple(places)
    matrix = tuple(
        tuple(kendall_tau_b(places[a], places[b]) for b in groups) for a in groups
    )
    return Agreement(
        groups=groups,
        matrix=matrix,
        overall=tuple(kendall_tau_b(places[g], overall) for g in groups),
    )
