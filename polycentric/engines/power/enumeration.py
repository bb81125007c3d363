"""Exact power indices of any compiled rule, by counting coalitions per type of seat.

Seats of one type are interchangeable, so a coalition is a vector of counts c (c_t of the m_t seats
of type t) standing for prod C(m_t, c_t) coalitions. The grid of all vectors has prod (m_t + 1)
points (2,000 for CGI.br's 21 seats, against 2^21 coalitions); with one seat per type it is plain
enumeration of all coalitions.

Each leaf of the rule is evaluated on the whole grid at once, one byte per vector, and the bytes are
read as one big integer so that ``all``/``any`` are single ``&``/``|`` operations. One seat of type
t swings the vector c of the *other* seats when c + e_t wins and c does not: a shift of that
integer. The swings are then summed with their multiplicities, type by type, carrying the number
of seats in the coalition as the exponent of y (packed into integer slots), which gives the
Banzhaf count (y = 1) and the Shapley-Shubik index (sizes weighted by k! (n-1-k)! / n!) together.

>>> swings, shapley = grid_power([1, 1, 1], [(1, 1, 1)], [2], 0)  # three seats, majority
>>> swings, [str(v) for v in shapley]
([2, 2, 2], ['1/3', '1/3', '1/3'])
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from fractions import Fraction
from itertools import compress

from polycentric.engines.power.game import Formula, Gate

GRID_LIMIT = 2_000_000
"""The largest grid counted exactly; beyond it the analysis samples."""


def grid_size(sizes: Sequence[int]) -> int:
    return math.prod(m + 1 for m in sizes)


def grid_power(
    sizes: Sequence[int],
    coefficients: Sequence[Sequence[int]],
    quotas: Sequence[int],
    formula: Formula,
) -> tuple[list[int], list[Fraction]]:
    """Per type: the swing count and the exact Shapley-Shubik index of one seat.

    ``coefficients[l][t]`` is what one seat of type t adds to leaf l; leaf l holds when its sum
    reaches ``quotas[l]``; ``formula`` joins the leaves.
    """
    kinds = len(sizes)
    n = sum(sizes)
    # the type with most seats varies fastest: the first summation then shrinks the grid most
    order = sorted(range(kinds), key=lambda t: (sizes[t], t))
    ordered = [sizes[t] for t in order]
    points = grid_size(ordered)
    strides = [0] * kinds
    stride = 1
    for position in reversed(range(kinds)):
        strides[position] = stride
        stride *= ordered[position] + 1

    leaves = [
        _leaf_mask(ordered, [row[t] for t in order], quota)
        for row, quota in zip(coefficients, quotas, strict=True)
    ]
    winning = _combine(formula, leaves)

    bits = 8 * (n // 8 + 1)
    factorials = [1] * (n + 1)
    for k in range(1, n + 1):
        factorials[k] = factorials[k - 1] * k
    swings = [0] * kinds
    shapley = [Fraction(0)] * kinds
    for position in range(kinds):
        m, step = ordered[position], strides[position]
        block = b"\x01" * (step * m) + b"\x00" * step
        room = int.from_bytes(block * (points // len(block)), "little")
        swung = ((winning >> (8 * step)) & ~winning & room).to_bytes(points, "little")
        by_size = _weighted_total(swung, ordered, position, bits)
        counts = by_size.to_bytes(n * (bits // 8), "little") if by_size else b""
        slot = bits // 8
        total, numerator = 0, 0
        for k in range(len(counts) // slot):
            count = int.from_bytes(counts[k * slot : (k + 1) * slot], "little")
            if count:
                total += count
                numerator += count * factorials[k] * factorials[n - 1 - k]
        swings[order[position]] = total
        shapley[order[position]] = Fraction(numerator, factorials[n])
    return swings, shapley


def _leaf_mask(sizes: Sequence[int], coefficients: Sequence[int], quota: int) -> int:
    """One byte per grid vector: 1 where the leaf's weighted sum reaches the quota."""
    sums = [0]
    for m, w in zip(sizes, coefficients, strict=True):
        steps = [c * w for c in range(m + 1)]
        sums = [s + d for s in sums for d in steps]
    return int.from_bytes(bytes(map(quota.__le__, sums)), "little")


def _combine(formula: Formula, leaves: Sequence[int]) -> int:
    if isinstance(formula, int):
        return leaves[formula]
    assert isinstance(formula, Gate)
    masks = [_combine(part, leaves) for part in formula.parts]
    result = masks[0]
    for mask in masks[1:]:
        result = result & mask if formula.kind == "all" else result | mask
    return result


def _weighted_total(swung: bytes, sizes: Sequence[int], swinger: int, bits: int) -> int:
    """Sum the swung vectors with their multiplicities, as a polynomial in y (the size) packed in ints.

    A vector c of the other seats stands for prod C(m_u, c_u) coalitions, with m_u one less for
    the swinger's own type; its size |c| becomes the exponent of y.
    """
    values: list[int] | None = None
    for position in reversed(range(len(sizes))):
        m = sizes[position]
        available = m - 1 if position == swinger else m
        binomials = [math.comb(available, c) for c in range(m + 1)]
        width = m + 1
        if values is None:
            packed = [b << (c * bits) for c, b in enumerate(binomials)]
            values = [
                sum(compress(packed, swung[i : i + width])) for i in range(0, len(swung), width)
            ]
            continue
        shifts = [c * bits for c in range(width)]
        values = [
            sum(
                (v * b) << s
                for v, b, s in zip(values[i : i + width], binomials, shifts, strict=True)
                if v and b
            )
            for i in range(0, len(values), width)
        ]
    assert values is not None and len(values) == 1
    return values[0]
