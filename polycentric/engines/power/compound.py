"""Exact power indices of a compound rule by dynamic programming over types of seats.

The types are taken one after the other; the state is what the rest of the rule still needs to
know about the seats taken so far: the weight sum of every *open* leaf (one that some remaining
type still adds to), capped at the leaf's quota since more weight changes nothing, and the rule
with every *closed* leaf replaced by its now-known truth value and simplified. A state whose rule
is already decided is dropped: no seat still to come can swing it. The multiplicity of each state
(how many coalitions reach it) is kept by coalition size, as a polynomial in y packed into one
integer, which gives both Banzhaf (the total) and Shapley-Shubik (sizes weighted by
k! (n-1-k)! / n!).

For each type t the seat that may swing is taken last: its own type's other seats are counted
with C(m_t - 1, c), and a state swings when adding the seat turns the rule from false to true.

The work grows with the number of distinct states, at most the product of (quota + 1) over the
leaves open at once, so ``each: group`` and ``each: region`` rules stay small when types are
ordered to close each group's leaf early: types are sorted by the set of leaves they count in.
The caller gives a budget of state transitions and falls back to other methods past it.

>>> swings, shapley = compound_power([9, 4, 4], [[1, 1, 1], [1, 0, 0], [0, 1, 0], [0, 0, 1]],
...                                   [9, 5, 3, 3], Gate("all", (0, 1, 2, 3)))
>>> swings  # a simple majority of 17 seats and a majority inside each of three groups
[1750, 3840, 3840]
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from fractions import Fraction

from polycentric.engines.power.game import Formula, Gate, holds

Residual = Formula | bool


def compound_power(
    sizes: Sequence[int],
    coefficients: Sequence[Sequence[int]],
    quotas: Sequence[int],
    formula: Formula,
    *,
    budget: float = math.inf,
) -> tuple[list[int], list[Fraction]] | None:
    """Per type: the swing count and the exact Shapley-Shubik index of one seat (as `grid_power`).

    Returns None as soon as the state transitions made pass ``budget``.
    """
    kinds = len(sizes)
    n = sum(sizes)
    bits = 8 * (n // 8 + 1)
    factorials = [math.factorial(k) for k in range(n + 1)]
    touched = _touched(coefficients, kinds)
    base = _base_order(touched)
    memo: dict[tuple[Residual, int, bool], Residual] = {}
    swings, shapley = [], []
    spent = 0
    for swinger in range(kinds):
        order, closing = _plan(base, touched, swinger)
        states: dict[tuple[Residual, tuple[int, ...]], int] = {(formula, (0,) * len(quotas)): 1}
        for position, t in enumerate(order):
            spent += len(states) * (sizes[t] + 1)
            if spent > budget:
                return None
            row = [r[t] for r in coefficients]
            states = _add_type(states, sizes[t], row, quotas, bits)
            if closing[position]:
                states = _close(states, closing[position], quotas, memo)
        by_size = 0
        own = [row[swinger] for row in coefficients]
        m = sizes[swinger]
        for (residual, sums), value in states.items():
            assert not isinstance(residual, bool)
            for c in range(m):
                before = [min(q, s + c * a) for q, s, a in zip(quotas, sums, own, strict=True)]
                after = [min(q, s + a) for q, s, a in zip(quotas, before, own, strict=True)]
                if holds(residual, after, quotas) and not holds(residual, before, quotas):
                    by_size += (value * math.comb(m - 1, c)) << (c * bits)
        slot = bits // 8
        counts = by_size.to_bytes(n * slot, "little")
        total = numerator = 0
        for k in range(n):
            count = int.from_bytes(counts[k * slot : (k + 1) * slot], "little")
            if count:
                total += count
                numerator += count * factorials[k] * factorials[n - 1 - k]
        swings.append(total)
        shapley.append(Fraction(numerator, factorials[n]))
    return swings, shapley


def _add_type(
    states: dict[tuple[Residual, tuple[int, ...]], int],
    m: int,
    row: Sequence[int],
    quotas: Sequence[int],
    bits: int,
) -> dict[tuple[Residual, tuple[int, ...]], int]:
    """Take every count 0..m of a type's seats, each counted C(m, c) times with size c."""
    binomials = [math.comb(m, c) for c in range(m + 1)]
    leaves = [leaf for leaf, a in enumerate(row) if a]
    result: dict[tuple[Residual, tuple[int, ...]], int] = {}
    for (residual, sums), value in states.items():
        for c in range(m + 1):
            if c:
                moved = list(sums)
                for leaf in leaves:
                    moved[leaf] = min(quotas[leaf], sums[leaf] + c * row[leaf])
                key = (residual, tuple(moved))
            else:
                key = (residual, sums)
            result[key] = result.get(key, 0) + ((value * binomials[c]) << (c * bits))
    return result


def _close(
    states: dict[tuple[Residual, tuple[int, ...]], int],
    leaves: Sequence[int],
    quotas: Sequence[int],
    memo: dict[tuple[Residual, int, bool], Residual],
) -> dict[tuple[Residual, tuple[int, ...]], int]:
    """Replace finished leaves by their truth value; drop states whose rule is decided."""
    result: dict[tuple[Residual, tuple[int, ...]], int] = {}
    for (residual, sums), value in states.items():
        moved = list(sums)
        for leaf in leaves:
            met = sums[leaf] >= quotas[leaf]
            key = (residual, leaf, met)
            if key not in memo:
                memo[key] = _substitute(residual, leaf, met)
            residual = memo[key]
            moved[leaf] = 0
            if isinstance(residual, bool):
                break
        if isinstance(residual, bool):
            continue
        state = (residual, tuple(moved))
        result[state] = result.get(state, 0) + value
    return result


def _substitute(formula: Residual, leaf: int, value: bool) -> Residual:
    """The formula with ``leaf`` fixed to ``value``, simplified (True/False once decided)."""
    if isinstance(formula, bool):
        return formula
    if isinstance(formula, int):
        return value if formula == leaf else formula
    deciding = (
        formula.kind == "any"
    )  # an any-gate is decided by a true part, an all-gate by a false one
    parts: list[Formula] = []
    for part in formula.parts:
        reduced = _substitute(part, leaf, value)
        if isinstance(reduced, bool):
            if reduced == deciding:
                return deciding
            continue
        parts.append(reduced)
    if not parts:
        return not deciding
    if len(parts) == 1:
        return parts[0]
    return Gate(formula.kind, tuple(parts))


def _touched(coefficients: Sequence[Sequence[int]], kinds: int) -> list[frozenset[int]]:
    return [
        frozenset(leaf for leaf, row in enumerate(coefficients) if row[t]) for t in range(kinds)
    ]


def _base_order(touched: Sequence[frozenset[int]]) -> list[int]:
    return sorted(range(len(touched)), key=lambda t: (sorted(touched[t]), t))


def _plan(
    base: Sequence[int], touched: Sequence[frozenset[int]], swinger: int
) -> tuple[list[int], list[list[int]]]:
    """The order of the other types, and the leaves that close after each (none the swinger counts in)."""
    order = [t for t in base if t != swinger]
    last: dict[int, int] = {}
    for position, t in enumerate(order):
        for leaf in touched[t]:
            if leaf not in touched[swinger]:
                last[leaf] = position
    closing: list[list[int]] = [[] for _ in order]
    for leaf, position in sorted(last.items()):
        closing[position].append(leaf)
    return order, closing
