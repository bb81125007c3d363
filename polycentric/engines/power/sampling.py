"""Seeded Monte Carlo estimates of the power indices, with a 95% error bound on every index.

Used when a body is too large to count exactly. A seat's index is the probability that it swings
a random coalition of the other seats:

- Banzhaf: every other seat joins with probability 1/2 (a uniformly random coalition);
- Shapley-Shubik: the seats that come before it in a random order. In a random order the seats
  before a given one are those that arrived before a uniformly random time p, each independently
  with probability p (Owen's formulation), so a sample draws p and then the coalition.

Each sample draws how many seats of every type join. For a type t, the seats of the *other* types
in the sample fix the least number c* of type-t seats that makes the coalition win; a seat of type
t swings exactly when c* - 1 of its m - 1 fellows joined, which has probability
C(m-1, c*-1) p^(c*-1) (1-p)^(m-c*). Averaging that probability (not a 0/1 outcome) estimates the
index of one seat of the type with a smaller variance.

For Shapley-Shubik the times p are stratified: a replicate takes one p in each fiftieth of [0, 1],
which removes the variation between times from the error.

The bound holds for every index at once: with 95% confidence, no estimated per-seat index is
further than the bound from the true one. For k indices each gets a 1 - 0.05/k interval
(Bonferroni): z s / sqrt(N) from the normal approximation with z the 1 - 0.025/k quantile (about
3.1 for 27 indices), by the delta method for the normalised Banzhaf index (a ratio), and
-ln(0.05/k) / N for an index never seen above 0. Sampling stops once the largest of these is at
most the target, or at ``max_samples``; the bound reached is reported either way.

>>> estimate = sample_power([3], [[1]], [2], 0, seed=1, error_target=0.01)
>>> round(estimate.shapley[0], 2), estimate.error_bound <= 0.01
(0.33, True)
"""

from __future__ import annotations

import math
import random
from collections.abc import Sequence
from dataclasses import dataclass
from statistics import NormalDist

from polycentric.engines.power.game import Formula

BATCH = 1_000
STRATA = 50


@dataclass(frozen=True, slots=True)
class Estimate:
    """Per type, per seat: the estimated indices, and a bound on every error at once (95%)."""

    banzhaf: tuple[float, ...]
    banzhaf_absolute: tuple[float, ...]
    shapley: tuple[float, ...]
    error_bound: float
    samples: int


def sample_power(
    sizes: Sequence[int],
    coefficients: Sequence[Sequence[int]],
    quotas: Sequence[int],
    formula: Formula,
    *,
    seed: int = 0,
    error_target: float = 0.001,
    banzhaf: bool = True,
    shapley: bool = True,
    min_samples: int = 10_000,
    max_samples: int = 4_000_000,
) -> Estimate:
    """Estimate the indices of the game given as in `grid_power` (types, leaves, quotas, formula)."""
    rng = random.Random(seed)
    kinds = len(sizes)
    indices = kinds * (2 * banzhaf + shapley)
    confidence = _Confidence(NormalDist().inv_cdf(1 - 0.025 / indices), -math.log(0.05 / indices))
    by_type = [[row[t] for row in coefficients] for t in range(kinds)]
    nothing = (0.0,) * kinds
    absolute, normalised, bound_b, samples_b = nothing, nothing, 0.0, 0
    order_values, bound_s, samples_s = nothing, 0.0, 0
    if banzhaf:
        absolute, normalised, bound_b, samples_b = _banzhaf(
            rng, sizes, by_type, quotas, formula, confidence, error_target, min_samples, max_samples
        )
    if shapley:
        order_values, bound_s, samples_s = _shapley(
            rng, sizes, by_type, quotas, formula, confidence, error_target, min_samples, max_samples
        )
    return Estimate(
        normalised, absolute, order_values, max(bound_b, bound_s), samples_b + samples_s
    )


def _swing_chances(
    counts: Sequence[int],
    p: float,
    sizes: Sequence[int],
    by_type: Sequence[Sequence[int]],
    quotas: Sequence[int],
    formula: Formula,
) -> list[float]:
    """Per type: the probability that one of its seats swings, given the other types' counts."""
    sums = [0] * len(quotas)
    for count, row in zip(counts, by_type, strict=True):
        if count:
            for leaf, coefficient in enumerate(row):
                sums[leaf] += coefficient * count
    chances = []
    for count, m, row in zip(counts, sizes, by_type, strict=True):
        needed = _least_winning(formula, sums, count, row, quotas)
        chances.append(_binomial_mass(m - 1, int(needed) - 1, p) if 0 < needed <= m else 0.0)
    return chances


def _least_winning(
    formula: Formula, sums: Sequence[int], count: int, row: Sequence[int], quotas: Sequence[int]
) -> float:
    """The least number of a type's seats that, with the sampled seats of the other types, wins
    (0 if those win already, infinity if no number does). The rule is monotone, so a leaf needs a
    count, an all-gate the largest of its parts' and an any-gate the smallest."""
    if isinstance(formula, int):
        weight = row[formula]
        gap = quotas[formula] - sums[formula] + count * weight
        if gap <= 0:
            return 0
        return -(-gap // weight) if weight else math.inf
    needs = [_least_winning(part, sums, count, row, quotas) for part in formula.parts]
    return max(needs) if formula.kind == "all" else min(needs)


def _binomial_mass(trials: int, k: int, p: float) -> float:
    """P(Binomial(trials, p) = k)."""
    if trials == 0:
        return 1.0 if k == 0 else 0.0
    if p <= 0.0 or p >= 1.0:
        return 1.0 if k == (0 if p <= 0.0 else trials) else 0.0
    return math.exp(
        math.lgamma(trials + 1)
        - math.lgamma(k + 1)
        - math.lgamma(trials - k + 1)
        + k * math.log(p)
        + (trials - k) * math.log1p(-p)
    )


@dataclass(frozen=True, slots=True)
class _Confidence:
    """The normal quantile for each interval, and the numerator of the bound on an index never
    seen above 0 (the "rule of three" for one index at 95%)."""

    z: float
    unseen: float

    def half_width(self, total: float, squares: float, samples: int) -> float:
        mean = total / samples
        variance = max(0.0, (squares - samples * mean * mean) / (samples - 1))
        if variance == 0.0:
            return self.unseen / samples
        return self.z * math.sqrt(variance / samples)


def _banzhaf(
    rng: random.Random,
    sizes: Sequence[int],
    by_type: Sequence[Sequence[int]],
    quotas: Sequence[int],
    formula: Formula,
    confidence: _Confidence,
    target: float,
    min_samples: int,
    max_samples: int,
) -> tuple[tuple[float, ...], tuple[float, ...], float, int]:
    kinds = len(sizes)
    total, squares, cross = [0.0] * kinds, [0.0] * kinds, [0.0] * kinds
    swing_total = swing_squares = 0.0
    samples = 0
    while True:
        for _ in range(BATCH):
            counts = [rng.getrandbits(m).bit_count() for m in sizes]
            shares = _swing_chances(counts, 0.5, sizes, by_type, quotas, formula)
            y = sum(s * m for s, m in zip(shares, sizes, strict=True))
            swing_total += y
            swing_squares += y * y
            for t, share in enumerate(shares):
                total[t] += share
                squares[t] += share * share
                cross[t] += share * y
        samples += BATCH
        means = [v / samples for v in total]
        mean_y = swing_total / samples
        bound = max(confidence.half_width(total[t], squares[t], samples) for t in range(kinds))
        ratios = [mean / mean_y if mean_y else 0.0 for mean in means]
        for t in range(kinds):
            if mean_y == 0.0:
                bound = max(bound, 1.0)
                break
            r = ratios[t]
            var_x = (squares[t] - samples * means[t] ** 2) / (samples - 1)
            var_y = (swing_squares - samples * mean_y**2) / (samples - 1)
            cov = (cross[t] - samples * means[t] * mean_y) / (samples - 1)
            spread = max(0.0, var_x - 2 * r * cov + r * r * var_y)
            width = (
                confidence.z * math.sqrt(spread / samples) / mean_y
                if spread
                else confidence.unseen / samples
            )
            bound = max(bound, width)
        if samples >= max_samples or (samples >= min_samples and bound <= target):
            return tuple(means), tuple(ratios), bound, samples


def _shapley(
    rng: random.Random,
    sizes: Sequence[int],
    by_type: Sequence[Sequence[int]],
    quotas: Sequence[int],
    formula: Formula,
    confidence: _Confidence,
    target: float,
    min_samples: int,
    max_samples: int,
) -> tuple[tuple[float, ...], float, int]:
    """Stratified in p: each replicate takes one p from each of STRATA equal slices of [0, 1], and
    the bound comes from the spread of the replicate means, which are independent."""
    kinds = len(sizes)
    total, squares = [0.0] * kinds, [0.0] * kinds
    replicates = 0
    while True:
        for _ in range(BATCH // STRATA):
            means = [0.0] * kinds
            for stratum in range(STRATA):
                p = (stratum + rng.random()) / STRATA
                counts = [_binomial(rng, m, p) for m in sizes]
                for t, share in enumerate(
                    _swing_chances(counts, p, sizes, by_type, quotas, formula)
                ):
                    means[t] += share / STRATA
            for t in range(kinds):
                total[t] += means[t]
                squares[t] += means[t] * means[t]
        replicates += BATCH // STRATA
        samples = replicates * STRATA
        bound = 0.0
        for t in range(kinds):
            width = confidence.half_width(total[t], squares[t], replicates)
            bound = max(bound, width if total[t] else confidence.unseen / samples)
        if samples >= max_samples or (samples >= min_samples and bound <= target):
            return tuple(v / replicates for v in total), bound, samples


def _binomial(rng: random.Random, trials: int, p: float) -> int:
    """A Binomial(trials, p) draw by inversion, in chunks small enough that (1-p)^chunk stays normal."""
    if trials == 1:
        return 1 if rng.random() < p else 0
    if p > 0.5:
        return trials - _binomial(rng, trials, 1.0 - p)
    if p <= 0.0:
        return 0
    ratio = p / (1.0 - p)
    drawn = 0
    while trials > 0:
        chunk = min(trials, 512)
        trials -= chunk
        u = rng.random()
        mass = (1.0 - p) ** chunk
        cumulative, k = mass, 0
        while u > cumulative and k < chunk:
            mass *= (chunk - k) / (k + 1) * ratio
            k += 1
            cumulative += mass
        drawn += k
    return drawn
