"""Exact power indices of a weighted voting game, by generating functions over the weights.

The game: ``sizes[t]`` seats of weight ``weights[t]`` (weights above 0), and a coalition wins when
its weight reaches ``quota``. Seats of one weight are interchangeable, so every function returns
one value per *type* (per seat of that weight).

- `weighted_swings`: for one seat of each type, the number of coalitions of the other seats that
  it turns from losing into winning. The counts of coalitions by total weight are the coefficients
  of prod (1 + x^w); one seat is taken out again by dividing by (1 + x^w) ("leave one out"),
  which for the window of weights it swings is an alternating sum of blocks of the table.
  O(n q) integer additions for n seats and quota q, each on a whole packed table while it is
  small.
- `weighted_shapley_counting`: the Shapley-Shubik index from the counts of coalitions by size
  *and* weight, prod (1 + y x^w), with the sizes packed into one Python integer per weight (a
  "Kronecker" packing that lets the integer arithmetic add whole columns at once). Exact
  fractions; O(n^2 q) bit operations, fine to a few hundred seats.
- `weighted_shapley_fourier`: the same index for large bodies, from Owen's multilinear extension:
  the index of a seat is the integral over p in [0, 1] of the probability that the other seats,
  each present with probability p, weigh q-w .. q-1. That probability is read off the generating
  function on the unit circle (a discrete Fourier sum, exact because its length exceeds the total
  weight) and integrated by Gauss-Legendre quadrature with ceil(n/2) nodes, which is exact for the
  polynomial of degree n-1 being integrated. Terms are left out only where a proven bound
  (Hoeffding's inequality for the nodes, |1 - p + p e^(i t)|^2 = 1 - 4p(1-p) sin^2(t/2) for the
  Fourier terms) shows them below 1e-25, so the result equals the counted one up to floating-point
  rounding (the tests hold it to 1e-12 of the exact fractions). 1,000 seats take a fraction of a
  second.

>>> weighted_swings([4, 2, 1], [1, 1, 1], 4)
[4, 0, 0]
>>> [str(v) for v in weighted_shapley_counting([4, 2, 1], [3, 2, 1], 12)]
['7/30', '3/20', '0']
"""

from __future__ import annotations

import bisect
import cmath
import math
from collections.abc import Sequence
from fractions import Fraction

FOURIER_TAIL = 60.0
"""Fourier terms bounded by e^-60 (relative to the window) are left out."""

NODE_TAIL = 1e-25
"""Quadrature nodes whose weighted contribution is bounded by this are left out."""

PACKED_BITS = 2_000_000
"""Tables up to this many bits are built as one packed integer, larger ones as a list (the packed
table is faster while it stays in the processor's cache)."""


def reduced(weights: Sequence[int], quota: int) -> tuple[list[int], int]:
    """Divide the weights by their greatest common divisor and round the quota up to match."""
    divisor = math.gcd(*weights)
    return [w // divisor for w in weights], -(-quota // divisor)


def counting_limit(weights: Sequence[int], sizes: Sequence[int], quota: int) -> int:
    """How many weight values the counting tables hold: min(q, W - q + 1) after reduction."""
    weights, quota = reduced(weights, quota)
    total = sum(w * m for w, m in zip(weights, sizes, strict=True))
    return max(1, min(quota, total - quota + 1))


def weighted_swings(weights: Sequence[int], sizes: Sequence[int], quota: int) -> list[int]:
    """Per type, the coalitions of the other seats that one seat of the type swings (exact).

    A coalition S of the others is swung when q - w <= w(S) < q. When the quota is above half the
    total weight, the complements are counted instead (w(S') between W-q+1-w and W-q), so the
    table never runs past the smaller half.
    """
    weights, quota = reduced(weights, quota)
    total = sum(w * m for w, m in zip(weights, sizes, strict=True))
    low = quota <= total - quota + 1
    limit = max(1, quota if low else total - quota + 1)
    counts = _counts(weights, sizes, limit, 8 * (sum(sizes) // 8 + 1))
    prefix = _prefix_sums(counts)
    return [_window_without_one(prefix, w, _last(quota, total, low), 0) for w in weights]


def weighted_shapley_counting(
    weights: Sequence[int], sizes: Sequence[int], quota: int
) -> list[Fraction]:
    """Per type, the exact Shapley-Shubik index of one seat.

    phi = sum over sizes k of N(k) k! (n-1-k)! / n!, where N(k) counts the coalitions of k other
    seats that the seat swings. Column s of the table is one integer holding, in B-bit slots, the
    number of coalitions of weight s for every size (each count is below 2^n <= 2^B).
    """
    weights, quota = reduced(weights, quota)
    n = sum(sizes)
    total = sum(w * m for w, m in zip(weights, sizes, strict=True))
    low = quota <= total - quota + 1
    limit = max(1, quota if low else total - quota + 1)
    bits = 8 * (n // 8 + 1)
    columns = _grow([1], _seats(weights, sizes, limit), limit, bits)
    factorials = [1] * (n + 1)
    for k in range(1, n + 1):
        factorials[k] = factorials[k - 1] * k
    slot = bits // 8
    prefix = _prefix_sums(columns)
    values = []
    for w in weights:
        window = _window_without_one(prefix, w, _last(quota, total, low), bits)
        packed = window.to_bytes(n * slot, "little")
        numerator = 0
        for k in range(n):  # complements have size n-1-k, and the weight is symmetric in k
            count = int.from_bytes(packed[k * slot : (k + 1) * slot], "little")
            if count:
                numerator += count * factorials[k] * factorials[n - 1 - k]
        values.append(Fraction(numerator, factorials[n]))
    return values


def weighted_shapley_fourier(
    weights: Sequence[int], sizes: Sequence[int], quota: int, *, budget: float = 1e7
) -> list[float] | None:
    """Per type, the Shapley-Shubik index of one seat by the Owen integral (see the module text).

    Returns None when the work would exceed ``budget`` elementary steps (the caller then counts
    or samples instead).
    """
    weights, quota = reduced(weights, quota)
    kinds = len(weights)
    n = sum(sizes)
    total = sum(w * m for w, m in zip(weights, sizes, strict=True))
    period = total + 1  # every weight sum of the others lies in 0..total-1: no wrap-around
    half = period // 2
    if (half + 1) * kinds > budget:
        return None
    squares = sum(w * w * m for w, m in zip(weights, sizes, strict=True))
    windows = [(max(quota - w, 0), quota - 1) for w in weights]

    # decay[r] bounds |prod (1 - p + p e^(i t w))^m| by exp(-2 p (1-p) decay[r]) at t = 2 pi r / M
    step = math.pi / period
    decay = [
        sum(m * math.sin(step * r * w) ** 2 for w, m in zip(weights, sizes, strict=True))
        for r in range(half + 1)
    ]
    order = sorted(range(half + 1), key=decay.__getitem__)
    ranked = [decay[r] for r in order]

    # nodes beyond Hoeffding's reach of every window contribute nothing measurable
    reach = [math.sqrt(max(squares - w * w, 0) * -math.log(NODE_TAIL) / 2) for w in weights]
    lows = [
        (a - d) / max(total - w, 1) for (a, _), d, w in zip(windows, reach, weights, strict=True)
    ]
    highs = [
        (b + d) / max(total - w, 1) for (_, b), d, w in zip(windows, reach, weights, strict=True)
    ]
    nodes = gauss_legendre((n + 1) // 2, max(0.0, min(lows)), min(1.0, max(highs)))
    work = sum(bisect.bisect_right(ranked, 1 + FOURIER_TAIL / (2 * p * (1 - p))) for p, _ in nodes)
    if (work + len(nodes)) * (kinds + 2) > budget:  # with few seats of very unequal weights the
        return None  # Fourier terms hardly decay, and nearly all of them would be needed

    twiddles: dict[int, list[complex]] = {}
    shapes: dict[int, list[complex]] = {}
    results = [0.0] * kinds
    for p, node_weight in nodes:
        spread = p * (1 - p)
        wanted = [
            t
            for t, ((a, b), w) in enumerate(zip(windows, weights, strict=True))
            if node_weight * _hoeffding(p * (total - w), a, b, squares - w * w) > NODE_TAIL
        ]
        if not wanted:
            continue
        sums = [0.0] * kinds
        for r in order[: bisect.bisect_right(ranked, 1 + FOURIER_TAIL / (2 * spread))]:
            if r not in twiddles:
                theta = 2 * math.pi * r / period
                twiddles[r] = [cmath.exp(1j * theta * w) for w in weights]
                shapes[r] = [_window_sum(theta, a, b) for a, b in windows]
            factors = [1 - p + p * z for z in twiddles[r]]
            full: complex = 1
            for factor, m in zip(factors, sizes, strict=True):
                full *= factor**m
            twice = 1 if r == 0 or 2 * r == period else 2
            for t in wanted:
                factor = factors[t]
                if abs(factor) > 1e-6:
                    others = full / factor
                else:  # 1 - p + p e^(i t w) vanishes only at p = 1/2, t w = pi: recompute
                    others = 1
                    for u, (f, m) in enumerate(zip(factors, sizes, strict=True)):
                        others *= f ** (m - 1 if u == t else m)
                shape = shapes[r][t]
                sums[t] += twice * (shape.real * others.real - shape.imag * others.imag)
        for t in wanted:
            results[t] += node_weight * sums[t] / period
    return [max(0.0, v) for v in results]


def gauss_legendre(count: int, low: float = 0.0, high: float = 1.0) -> list[tuple[float, float]]:
    """The nodes (p, weight) of the ``count``-point Gauss-Legendre rule on [0, 1] that lie in [low, high].

    The rule integrates every polynomial of degree below 2*count exactly. Nodes are found by
    Newton's method on the Legendre polynomial from Tricomi's first guess.

    >>> [(round(p, 6), round(w, 6)) for p, w in gauss_legendre(2)]
    [(0.211325, 0.5), (0.788675, 0.5)]
    """
    nodes = []
    margin = 2 * math.pi / max(count, 1)
    for i in range(count, 0, -1):
        x = (1 - 1 / (8 * count**2) + 1 / (8 * count**3)) * math.cos(
            math.pi * (i - 0.25) / (count + 0.5)
        )
        if not low - margin <= (1 - x) / 2 <= high + margin:
            continue
        derivative = 1.0
        for _ in range(20):
            value, derivative = _legendre(count, x)
            delta = value / derivative
            x -= delta
            if abs(delta) < 1e-16:
                break
        value, derivative = _legendre(count, x)
        nodes.append(((1 - x) / 2, 1 / ((1 - x * x) * derivative * derivative)))
    return sorted(nodes)


def _legendre(count: int, x: float) -> tuple[float, float]:
    """P_count(x) and its derivative, by the three-term recurrence."""
    before, value = 1.0, x
    for k in range(2, count + 1):
        before, value = value, ((2 * k - 1) * x * value - (k - 1) * before) / k
    if count == 0:
        return 1.0, 0.0
    return value, count * (x * value - before) / (x * x - 1)


def _hoeffding(mean: float, start: int, stop: int, spread: int) -> float:
    """A bound on the probability that a sum with this mean and sum of squared ranges lands in start..stop."""
    gap = start - mean if mean < start else mean - stop if mean > stop else 0.0
    if gap <= 0:
        return 1.0
    if spread <= 0:
        return 0.0
    return math.exp(-2 * gap * gap / spread)


def _window_sum(theta: float, start: int, stop: int) -> complex:
    """sum of e^(-i theta s) for s from start to stop."""
    if theta == 0:
        return complex(stop - start + 1)
    return (
        cmath.exp(-1j * theta * start)
        * (1 - cmath.exp(-1j * theta * (stop - start + 1)))
        / (1 - cmath.exp(-1j * theta))
    )


def _last(quota: int, total: int, low: bool) -> int:
    """The top of the window of weights a seat of this weight swings: q-1, or W-q for complements."""
    return quota - 1 if low else total - quota


def _seats(weights: Sequence[int], sizes: Sequence[int], limit: int) -> list[int]:
    """Every seat's weight, lightest first (so the tables stay short for longest), leaving out
    seats too heavy to matter below the limit."""
    return [w for w, m in sorted(zip(weights, sizes, strict=True)) if w < limit for _ in range(m)]


def _grow(table: list[int], seats: Sequence[int], limit: int, shift: int) -> list[int]:
    """Multiply the table (coefficients below x^limit) by (1 + y x^w) for every seat weight w,
    with y = 2^shift (1 when shift is 0). The list grows only as far as the weights reach."""
    for w in seats:
        length = len(table)
        grown = min(limit, length + w)
        if length <= w:
            table = table + [0] * (w - length) + _shifted(table[: grown - w], shift)
        elif shift:
            middle = [a + (b << shift) for a, b in zip(table[w:], table, strict=False)]
            table = table[:w] + middle + [b << shift for b in table[length - w : grown - w]]
        else:
            middle = [a + b for a, b in zip(table[w:], table, strict=False)]
            table = table[:w] + middle + table[length - w : grown - w]
    return table + [0] * (limit - len(table))


def _shifted(values: list[int], shift: int) -> list[int]:
    return [v << shift for v in values] if shift else values


def _counts(weights: Sequence[int], sizes: Sequence[int], limit: int, bits: int) -> list[int]:
    """The coefficients below x^limit of prod (1 + x^w), exactly.

    While the table is small it is one integer with a ``bits``-wide slot per coefficient, so
    that adding a seat is one shift and one addition of the whole table; once it outgrows the
    processor's cache (PACKED_BITS) it is unpacked into a list and grown coefficient by
    coefficient.
    """
    seats = _seats(weights, sizes, limit)
    mask = (1 << (limit * bits)) - 1
    packed, span, done = 1, 1, 0
    for w in seats:
        if min(limit, span + w) * bits > PACKED_BITS:
            break
        packed += packed << (w * bits)
        span = min(limit, span + w)
        done += 1
        if span == limit and done % 4 == 0:
            packed &= mask
    slot = bits // 8
    raw = (packed & mask).to_bytes(span * slot, "little")
    table = [int.from_bytes(raw[i : i + slot], "little") for i in range(0, span * slot, slot)]
    return _grow(table, seats[done:], limit, 0)


def _prefix_sums(table: list[int]) -> list[int]:
    prefix = [0] * (len(table) + 1)
    running = 0
    for s, value in enumerate(table, 1):
        running += value
        prefix[s] = running
    return prefix


def _window_without_one(prefix: list[int], weight: int, last: int, shift: int) -> int:
    """The sum over s in last-weight+1 .. last of the table divided by (1 + y x^weight).

    Dividing by (1 + y x^w) gives Q_s = sum over j of (-y)^j P_(s - j w), so every P_t with t <= last
    enters the window sum exactly once, with j = (last - t) // w: the sum is an alternating sum of
    blocks of w consecutive coefficients, read from prefix sums. ``shift`` is the bit width of
    the size slots (y = 2^shift), 0 when sizes are not tracked.
    """
    result, j, high = 0, 0, last + 1
    while high > 0:
        low = max(high - weight, 0)
        block = prefix[high] - prefix[low]
        result += -(block << (j * shift)) if j % 2 else block << (j * shift)
        j, high = j + 1, low
    return result
