"""A slow, independent oracle for the ranking engine's tests.

It reads the ballots directly (never the engine's numpy counts), weighs them from the definition
of each balance mode with exact fractions, and computes every method the textbook way: Schulze
with the classic Floyd-Warshall triple loop, ranked pairs with a depth-first cycle check, Borda
ballot by ballot, approval by counting.
"""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction

from polycentric.engines.ranking import Ballot


@dataclass(frozen=True)
class Truth:
    """What the oracle finds: tiers (each sorted by name), flat ranking, and what came before."""

    tiers: tuple[tuple[str, ...], ...]
    ranking: tuple[str, ...]
    pairwise: dict[tuple[str, str], Fraction]
    paths: dict[tuple[str, str], Fraction] | None = None
    scores: dict[str, Fraction] | None = None
    locked: tuple[tuple[str, str], ...] | None = None


def weights(ballots: list[Ballot], balance: str) -> list[Fraction]:
    """Each ballot's weight, from the definition: each group (or cell) carries 1 in all."""
    if balance == "none":
        return [Fraction(b.weight) for b in ballots]
    key = (lambda b: b.group) if balance == "group" else (lambda b: (b.group, b.region))
    totals: dict[object, int] = {}
    for b in ballots:
        totals[key(b)] = totals.get(key(b), 0) + b.weight
    return [Fraction(b.weight, totals[key(b)]) for b in ballots]


def candidates_of(ballots: list[Ballot]) -> list[str]:
    names: set[str] = set()
    for b in ballots:
        for tier in b.ranking:
            names |= tier
        names |= b.approvals or frozenset()
    return sorted(names)


def tier_number(ballot: Ballot, candidate: str) -> int:
    for t, tier in enumerate(ballot.ranking):
        if candidate in tier:
            return t
    return len(ballot.ranking)


def pairwise(ballots: list[Ballot], ws: list[Fraction], names: list[str]):
    d = {(a, b): Fraction(0) for a in names for b in names if a != b}
    for ballot, w in zip(ballots, ws, strict=True):
        place = {c: tier_number(ballot, c) for c in names}
        for a in names:
            for b in names:
                if a != b and place[a] < place[b]:
                    d[a, b] += w
    return d


def layers(names: list[str], beats) -> tuple[tuple[str, ...], ...]:
    remaining = list(names)
    tiers = []
    while remaining:
        layer = [c for c in remaining if not any(beats(o, c) for o in remaining if o != c)]
        assert layer, "the relation has a cycle"
        tiers.append(tuple(sorted(layer)))
        remaining = [c for c in remaining if c not in layer]
    return tuple(tiers)


def flat(tiers) -> tuple[str, ...]:
    return tuple(name for tier in tiers for name in tier)


def schulze(ballots: list[Ballot], balance: str = "none", names: list[str] | None = None) -> Truth:
    names = names if names is not None else candidates_of(ballots)
    d = pairwise(ballots, weights(ballots, balance), names)
    p = {}
    for i in names:
        for j in names:
            if i != j:
                p[i, j] = d[i, j] if d[i, j] > d[j, i] else Fraction(0)
    for i in names:
        for j in names:
            if i != j:
                for k in names:
                    if i != k and j != k:
                        p[j, k] = max(p[j, k], min(p[j, i], p[i, k]))
    tiers = layers(names, lambda a, b: p[a, b] > p[b, a])
    return Truth(tiers=tiers, ranking=flat(tiers), pairwise=d, paths=p)


def ranked_pairs(ballots: list[Ballot], balance: str = "none",
                 names: list[str] | None = None) -> Truth:
    names = names if names is not None else candidates_of(ballots)
    d = pairwise(ballots, weights(ballots, balance), names)
    majorities = [(a, b) for a in names for b in names if a != b and d[a, b] > d[b, a]]
    majorities.sort(key=lambda ab: (-d[ab], d[ab[1], ab[0]], ab[0], ab[1]))
    edges: set[tuple[str, str]] = set()

    def reaches(start: str, goal: str) -> bool:
        stack, seen = [start], {start}
        while stack:
            node = stack.pop()
            if node == goal:
                return True
            for a, b in edges:
                if a == node and b not in seen:
                    seen.add(b)
                    stack.append(b)
        return False

    locked = []
    for a, b in majorities:
        if not reaches(b, a):
            edges.add((a, b))
            locked.append((a, b))
    tiers = layers(names, lambda a, b: reaches(a, b) and a != b)
    return Truth(tiers=tiers, ranking=flat(tiers), pairwise=d, locked=tuple(locked))


def borda(ballots: list[Ballot], balance: str = "none", names: list[str] | None = None) -> Truth:
    names = names if names is not None else candidates_of(ballots)
    ws = weights(ballots, balance)
    scores = dict.fromkeys(names, Fraction(0))
    for ballot, w in zip(ballots, ws, strict=True):
        place = {c: tier_number(ballot, c) for c in names}
        for c in names:
            below = sum(1 for o in names if place[o] > place[c])
            tied = sum(1 for o in names if o != c and place[o] == place[c])
            scores[c] += w * (below + Fraction(tied, 2))
    tiers = by_score(scores)
    return Truth(tiers=tiers, ranking=flat(tiers), pairwise=pairwise(ballots, ws, names),
                 scores=scores)


def approval(ballots: list[Ballot], balance: str = "none", names: list[str] | None = None) -> Truth:
    names = names if names is not None else candidates_of(ballots)
    ws = weights(ballots, balance)
    scores = dict.fromkeys(names, Fraction(0))
    for ballot, w in zip(ballots, ws, strict=True):
        for c in ballot.approvals or ():
            scores[c] += w
    tiers = by_score(scores)
    return Truth(tiers=tiers, ranking=flat(tiers), pairwise={}, scores=scores)


def by_score(scores: dict[str, Fraction]) -> tuple[tuple[str, ...], ...]:
    levels = sorted(set(scores.values()), reverse=True)
    return tuple(tuple(sorted(c for c, s in scores.items() if s == level)) for level in levels)


def condorcet_winner(ballots: list[Ballot], balance: str = "none") -> str | None:
    names = candidates_of(ballots)
    d = pairwise(ballots, weights(ballots, balance), names)
    for c in names:
        if all(d[c, o] > d[o, c] for o in names if o != c):
            return c
    return None


def kendall_tau_b(x: list[int], y: list[int]) -> float | None:
    """Tau-b by listing every pair."""
    n = len(x)
    concordant = discordant = tied_x = tied_y = pairs = 0
    for i in range(n):
        for j in range(i + 1, n):
            pairs += 1
            dx, dy = x[i] - x[j], y[i] - y[j]
            if dx == 0:
                tied_x += 1
            if dy == 0:
                tied_y += 1
            if dx * dy > 0:
                concordant += 1
            elif dx * dy < 0:
                discordant += 1
    if pairs == 0 or tied_x == pairs or tied_y == pairs:
        return None
    return (concordant - discordant) / ((pairs - tied_x) * (pairs - tied_y)) ** 0.5


METHODS = {
    "schulze": schulze,
    "ranked-pairs": ranked_pairs,
    "borda": borda,
    "approval": approval,
}
