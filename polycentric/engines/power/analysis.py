"""Voting power of every seat of a body under its decision rule: `compute_power`.

The method is chosen per index, exact wherever the work allows:

- a single weighted threshold (including ``consensus``, a threshold of every seat): generating
  functions over the weights (`weighted`), the Shapley-Shubik index of large bodies by the Owen
  integral;
- any other rule: a dynamic programme over types of interchangeable seats that keeps only the
  weight sums the rest of the rule still needs (`compound`), or counting every vector of counts per
  type (`enumeration`, at most 2 million of them), whichever is less work;
- otherwise a seeded Monte Carlo estimate (`sampling`): with 95% confidence every estimated
  index is within ``error_bound`` of the true one, and sampling goes on until that bound is at
  most ``error_target`` (0.001 by default).

Seats that no part of the rule counts (weight 0 outside consensus) are set aside first: they have
no power, and leaving them out changes no other seat's index.

>>> from polycentric.engines.power.rules import Seat, Threshold
>>> seats = [Seat("a", "g1", weight=4), Seat("b", "g2", weight=2), Seat("c", "g3", weight=1)]
>>> result = compute_power(Threshold(4), seats)
>>> [(e.name, e.banzhaf, e.shapley_shubik) for e in result.entries]
[('a', 1.0, 1.0), ('b', 0.0, 0.0), ('c', 0.0, 0.0)]
>>> result.veto, result.powerless
(('a',), ('b', 'c'))
"""

from __future__ import annotations

import enum
import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from fractions import Fraction
from typing import Literal

from polycentric.engines.power.compound import compound_power
from polycentric.engines.power.enumeration import GRID_LIMIT, grid_power, grid_size
from polycentric.engines.power.game import Formula, Game
from polycentric.engines.power.rules import Rule, Seat
from polycentric.engines.power.sampling import sample_power
from polycentric.engines.power.weighted import (
    counting_limit,
    weighted_shapley_counting,
    weighted_shapley_fourier,
    weighted_swings,
)

SWING_BUDGET = 5e7
"""Largest n * q (seats times table length) for counting Banzhaf swings in a weighted game."""

SHAPLEY_COUNTING_BUDGET = 4e7
"""Largest n^2 * q for counting Shapley-Shubik by size and weight; larger bodies use the Owen integral."""

FOURIER_BUDGET = 1e7
"""Largest number of (node, Fourier term, type) steps for the Owen integral: a few seconds."""

COMPOUND_BUDGET = 1e6
"""Most state transitions tried in the dynamic programme over types before enumerating or sampling."""

SMALL_GRID = 50_000
"""Grids this small are enumerated outright."""


class Method(enum.StrEnum):
    EXACT = "exact"
    MONTE_CARLO = "monte_carlo"


@dataclass(frozen=True, slots=True)
class EntryPower:
    """The power of one seat of an entry (all its seats hold the same), and whether it is a veto
    seat (in every winning coalition) or powerless (never swings an outcome)."""

    name: str
    group: str
    region: str | None
    count: int
    weight: int
    banzhaf: float
    banzhaf_absolute: float
    shapley_shubik: float
    veto: bool
    powerless: bool


@dataclass(frozen=True, slots=True)
class PowerTotal:
    """The summed power of all seats of a stakeholder group or a region."""

    name: str
    seats: int
    weight: int
    banzhaf: float
    shapley_shubik: float


@dataclass(frozen=True, slots=True)
class PowerResult:
    """Power per seat entry (in the order given), per group and per region (in order of first
    appearance; seats without a region are in no region's total).

    ``method`` is ``exact`` (``error_bound`` 0) or ``monte_carlo`` (``error_bound`` is the largest
    95% half-width over all per-seat indices). The algorithm names say how each index was found:
    ``counting``, ``owen_fourier``, ``symmetry``, ``dynamic_programming``, ``enumeration`` or
    ``monte_carlo``.
    """

    method: Method
    error_bound: float
    samples: int
    banzhaf_algorithm: str
    shapley_shubik_algorithm: str
    seats: int
    entries: tuple[EntryPower, ...]
    by_group: tuple[PowerTotal, ...]
    by_region: tuple[PowerTotal, ...]

    @property
    def veto(self) -> tuple[str, ...]:
        """Names of the entries whose seats are in every winning coalition."""
        return tuple(e.name for e in self.entries if e.veto)

    @property
    def powerless(self) -> tuple[str, ...]:
        """Names of the entries whose seats never swing an outcome."""
        return tuple(e.name for e in self.entries if e.powerless)

    def entry(self, name: str) -> EntryPower:
        for entry in self.entries:
            if entry.name == name:
                return entry
        raise KeyError(name)

    def as_dict(self) -> dict[str, object]:
        """Plain data for JSON: indices per seat keyed by entry name, totals keyed by name."""
        return {
            "method": self.method.value,
            "error_bound": self.error_bound,
            "samples": self.samples,
            "seats": self.seats,
            "banzhaf": {e.name: e.banzhaf for e in self.entries},
            "banzhaf_absolute": {e.name: e.banzhaf_absolute for e in self.entries},
            "shapley_shubik": {e.name: e.shapley_shubik for e in self.entries},
            "by_group": _totals_dict(self.by_group),
            "by_region": _totals_dict(self.by_region),
            "veto": list(self.veto),
            "powerless": list(self.powerless),
        }


def compute_power(
    rule: Rule,
    seats: Sequence[Seat],
    *,
    method: Literal["auto", "exact", "monte_carlo"] = "auto",
    seed: int = 0,
    error_target: float = 0.001,
) -> PowerResult:
    """Banzhaf (normalised and absolute) and Shapley-Shubik indices of every seat under ``rule``.

    ``method="exact"`` counts even past the time budgets (slow for very large compound rules);
    ``"monte_carlo"`` always samples, with ``seed``.
    Raises `SeatError` or `RuleError` for invalid input.
    """
    if method not in ("auto", "exact", "monte_carlo"):
        raise ValueError(f"method {method!r} is not auto, exact or monte_carlo")
    game = Game(rule, seats)
    active = [t for t, kind in enumerate(game.types) if not kind.is_null]
    sizes = [game.types[t].size for t in active]
    coefficients = [
        [game.types[t].coefficients[leaf] for t in active] for leaf in range(len(game.quotas))
    ]
    n = sum(sizes)
    swings: list[int] | None = None
    shapley: list[float] | None = None
    banzhaf_algorithm = shapley_algorithm = "monte_carlo"
    if method != "monte_carlo" and game.is_weighted:
        swings, banzhaf_algorithm, shapley, shapley_algorithm = _weighted(
            coefficients[0], sizes, game.quotas[0], force=method == "exact"
        )
    elif method != "monte_carlo":
        counted, algorithm = _compound(
            sizes, coefficients, game.quotas, game.formula, force=method == "exact"
        )
        if counted is not None:
            swings, shapley = counted[0], [float(v) for v in counted[1]]
            banzhaf_algorithm = shapley_algorithm = algorithm

    error_bound, samples = 0.0, 0
    if swings is not None:
        total = sum(s * m for s, m in zip(swings, sizes, strict=True))
        normalised = [float(Fraction(s, total)) for s in swings]
        absolute = [float(Fraction(s, 2 ** (n - 1))) for s in swings]
    if swings is None or shapley is None:
        estimate = sample_power(
            sizes,
            coefficients,
            game.quotas,
            game.formula,
            seed=seed,
            error_target=error_target,
            banzhaf=swings is None,
            shapley=shapley is None,
        )
        error_bound, samples = estimate.error_bound, estimate.samples
        if swings is None:
            normalised, absolute = list(estimate.banzhaf), list(estimate.banzhaf_absolute)
        if shapley is None:
            shapley = list(estimate.shapley)
            shapley_algorithm = "monte_carlo"
    if swings is not None:
        powerless = [s == 0 for s in swings]
        shapley = [0.0 if null else v for v, null in zip(shapley, powerless, strict=True)]
    elif shapley_algorithm in ("counting", "enumeration", "dynamic_programming", "symmetry"):
        powerless = [v == 0.0 for v in shapley]
    else:  # sampling cannot prove a seat powerless; only the seats no leaf counts are known to be
        powerless = [False] * len(active)

    veto = game.veto_types()
    entries = []
    for e, seat in enumerate(game.seats):
        t = game.type_of_entry[e]
        if t in active:
            i = active.index(t)
            values = (normalised[i], absolute[i], shapley[i], powerless[i])
        else:
            values = (0.0, 0.0, 0.0, True)
        entries.append(
            EntryPower(
                name=seat.name,
                group=seat.group,
                region=seat.region,
                count=seat.count,
                weight=seat.weight,
                banzhaf=values[0],
                banzhaf_absolute=values[1],
                shapley_shubik=values[2],
                veto=veto[t],
                powerless=values[3],
            )
        )
    return PowerResult(
        method=Method.EXACT if samples == 0 else Method.MONTE_CARLO,
        error_bound=error_bound,
        samples=samples,
        banzhaf_algorithm=banzhaf_algorithm,
        shapley_shubik_algorithm=shapley_algorithm,
        seats=game.total_seats,
        entries=tuple(entries),
        by_group=_totals(entries, lambda entry: entry.group),
        by_region=_totals(entries, lambda entry: entry.region),
    )


def _weighted(
    weights: list[int], sizes: list[int], quota: int, *, force: bool
) -> tuple[list[int] | None, str, list[float] | None, str]:
    """Swings and Shapley-Shubik values of a weighted game, where the budgets allow."""
    n = sum(sizes)
    limit = counting_limit(weights, sizes, quota)
    swings, banzhaf_algorithm = None, "monte_carlo"
    if force or n * limit <= SWING_BUDGET:
        swings, banzhaf_algorithm = weighted_swings(weights, sizes, quota), "counting"
    if len(sizes) == 1:
        return swings, banzhaf_algorithm, [1 / n], "symmetry"
    if n * n * limit <= SHAPLEY_COUNTING_BUDGET:
        counted = weighted_shapley_counting(weights, sizes, quota)
        return swings, banzhaf_algorithm, [float(v) for v in counted], "counting"
    shapley = weighted_shapley_fourier(weights, sizes, quota, budget=FOURIER_BUDGET)
    if shapley is not None:
        return swings, banzhaf_algorithm, shapley, "owen_fourier"
    if force:
        counted = weighted_shapley_counting(weights, sizes, quota)
        return swings, banzhaf_algorithm, [float(v) for v in counted], "counting"
    return swings, banzhaf_algorithm, None, "monte_carlo"


def _compound(
    sizes: list[int],
    coefficients: list[list[int]],
    quotas: tuple[int, ...],
    formula: Formula,
    *,
    force: bool,
) -> tuple[tuple[list[int], list[Fraction]] | None, str]:
    """Swings and exact Shapley-Shubik values of any rule, where the budgets allow."""
    points = grid_size(sizes)
    if points > SMALL_GRID:
        budget = math.inf if force and points > GRID_LIMIT else COMPOUND_BUDGET
        counted = compound_power(sizes, coefficients, quotas, formula, budget=budget)
        if counted is not None:
            return counted, "dynamic_programming"
    if points <= GRID_LIMIT:
        return grid_power(sizes, coefficients, quotas, formula), "enumeration"
    return None, "monte_carlo"


def _totals(
    entries: Sequence[EntryPower], key: Callable[[EntryPower], str | None]
) -> tuple[PowerTotal, ...]:
    names: dict[str, list[EntryPower]] = {}
    for entry in entries:
        name = key(entry)
        if name is not None:
            names.setdefault(name, []).append(entry)
    return tuple(
        PowerTotal(
            name=name,
            seats=sum(e.count for e in members),
            weight=sum(e.count * e.weight for e in members),
            banzhaf=sum(e.count * e.banzhaf for e in members),
            shapley_shubik=sum(e.count * e.shapley_shubik for e in members),
        )
        for name, members in names.items()
    )


def _totals_dict(totals: Sequence[PowerTotal]) -> dict[str, dict[str, float]]:
    return {
        "banzhaf": {t.name: t.banzhaf for t in totals},
        "shapley_shubik": {t.name: t.shapley_shubik for t in totals},
    }
