"""A slow, independent brute-force oracle for the power engine's tests.

It evaluates the typed rule directly on sets of individual seats (never the engine's compiled
game), and computes the indices from their definitions: Banzhaf by listing every coalition,
Shapley-Shubik by listing every ordering (or, for more seats, every coalition with its
k! (n-1-k)! / n! weight).
"""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction
from itertools import permutations
from math import factorial

from polycentric.engines.power import (
    AllOf,
    AllSeats,
    AnyOf,
    Consensus,
    Each,
    Rule,
    Seat,
    Threshold,
    Within,
)


@dataclass(frozen=True)
class Oracle:
    """Per entry (in the given order), the per-seat values, as exact fractions."""

    banzhaf: tuple[Fraction, ...]
    banzhaf_absolute: tuple[Fraction, ...]
    shapley_shubik: tuple[Fraction, ...]
    swings: tuple[int, ...]
    veto: tuple[bool, ...]


def seat_list(seats: list[Seat]) -> list[int]:
    """The entry index of every individual seat."""
    return [e for e, seat in enumerate(seats) for _ in range(seat.count)]


def wins(rule: Rule, seats: list[Seat], owners: list[int], members: set[int]) -> bool:
    """Whether the individual seats ``members`` (indices into ``owners``) pass a decision."""
    if isinstance(rule, Consensus):
        return len(members) == len(owners)
    if isinstance(rule, AllOf):
        return all(wins(part, seats, owners, members) for part in rule.parts)
    if isinstance(rule, AnyOf):
        return any(wins(part, seats, owners, members) for part in rule.parts)
    assert isinstance(rule, Threshold)

    def reaches(inside) -> bool:
        total = sum(seats[owners[i]].weight for i in range(len(owners)) if inside(seats[owners[i]]))
        held = sum(seats[owners[i]].weight for i in members if inside(seats[owners[i]]))
        return held >= rule.required(total)

    scope = rule.scope
    if isinstance(scope, AllSeats):
        return reaches(lambda seat: True)
    if isinstance(scope, Within):
        key = {"group": "group", "region": "region", "seat": "name"}[scope.kind]
        return reaches(lambda seat: getattr(seat, key) == scope.name)
    assert isinstance(scope, Each)
    parts = {getattr(seat, scope.kind) for seat in seats} - {None}
    results = []
    for part in parts:
        if sum(s.count * s.weight for s in seats if getattr(s, scope.kind) == part) > 0:
            results.append(reaches(lambda seat, part=part: getattr(seat, scope.kind) == part))
    return all(results)


def oracle(rule: Rule, seats: list[Seat], *, orderings: bool | None = None) -> Oracle:
    owners = seat_list(seats)
    n = len(owners)
    table = [
        wins(rule, seats, owners, {i for i in range(n) if mask >> i & 1}) for mask in range(1 << n)
    ]
    swings = [0] * n
    shapley = [Fraction(0)] * n
    weights = [Fraction(factorial(k) * factorial(n - k - 1), factorial(n)) for k in range(n)]
    for mask in range(1 << n):
        if table[mask]:
            continue
        size = bin(mask).count("1")
        for i in range(n):
            if not mask >> i & 1 and table[mask | 1 << i]:
                swings[i] += 1
                shapley[i] += weights[size]
    if orderings is None:
        orderings = n <= 7
    if orderings:  # recount Shapley-Shubik from its definition over all n! orderings
        pivots = [0] * n
        for order in permutations(range(n)):
            mask = 0
            for i in order:
                mask |= 1 << i
                if table[mask]:
                    pivots[i] += 1
                    break
        by_order = [Fraction(p, factorial(n)) for p in pivots]
        assert by_order == shapley, "the two Shapley-Shubik definitions disagree"
    total = sum(swings)
    first = [owners.index(e) for e in range(len(seats))]
    for e in range(len(seats)):  # every seat of an entry must fare alike
        members = [i for i in range(n) if owners[i] == e]
        assert len({swings[i] for i in members}) == 1 and len({shapley[i] for i in members}) == 1
    full = (1 << n) - 1
    return Oracle(
        banzhaf=tuple(Fraction(swings[i], total) for i in first),
        banzhaf_absolute=tuple(Fraction(swings[i], 2 ** (n - 1)) for i in first),
        shapley_shubik=tuple(shapley[i] for i in first),
        swings=tuple(swings[i] for i in first),
        veto=tuple(not table[full & ~(1 << i)] for i in first),
    )


def oracle_by_counts(rule: Rule, seats: list[Seat]) -> Oracle:
    """The same values for bodies too large to list coalitions seat by seat: a coalition is a
    count per entry (the first c seats of it), standing for prod C(count, c) coalitions."""
    from itertools import product
    from math import comb

    owners = seat_list(seats)
    n = len(owners)
    starts = [owners.index(e) for e in range(len(seats))]

    def wins_counts(counts: tuple[int, ...]) -> bool:
        members = {starts[e] + i for e, c in enumerate(counts) for i in range(c)}
        return wins(rule, seats, owners, members)

    cache: dict[tuple[int, ...], bool] = {}

    def cached(counts: tuple[int, ...]) -> bool:
        if counts not in cache:
            cache[counts] = wins_counts(counts)
        return cache[counts]

    swings, shapley = [], []
    for e, seat in enumerate(seats):
        ranges = [range(s.count + 1) for s in seats]
        ranges[e] = range(seat.count)  # the other seats of its own entry: 0 .. count-1
        swung, value = 0, Fraction(0)
        for counts in product(*ranges):
            plus = tuple(c + (f == e) for f, c in enumerate(counts))
            if cached(plus) and not cached(counts):
                ways = 1
                for f, (c, s) in enumerate(zip(counts, seats, strict=True)):
                    ways *= comb(s.count - (f == e), c)
                k = sum(counts)
                swung += ways
                value += Fraction(ways * factorial(k) * factorial(n - 1 - k), factorial(n))
        swings.append(swung)
        shapley.append(value)
    total = sum(s * seat.count for s, seat in zip(swings, seats, strict=True))
    full = tuple(s.count for s in seats)
    return Oracle(
        banzhaf=tuple(Fraction(s, total) for s in swings),
        banzhaf_absolute=tuple(Fraction(s, 2 ** (n - 1)) for s in swings),
        shapley_shubik=tuple(shapley),
        swings=tuple(swings),
        veto=tuple(
            not cached(tuple(c - (f == e) for f, c in enumerate(full))) for e in range(len(seats))
        ),
    )
