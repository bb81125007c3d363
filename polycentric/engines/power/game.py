"""A decision rule over seats, compiled into a simple game: which coalitions win.

A coalition is given by how many seats of each entry it holds, e.g. ``{"government": 9,
"business": 2}`` (entries left out hold none). The rule is compiled once into *leaves* (a weighted
threshold: the coalition's weights, counted with per-entry coefficients, reach a quota) joined by
``all``/``any`` gates, and seats are sorted into *types*: seats are interchangeable when every leaf
counts them alike (same group, region and weight where the rule looks at those), which is what
lets the power algorithms count coalitions by type instead of listing them.

>>> from polycentric.engines.power.rules import Majority, Seat, Threshold
>>> seats = [Seat("government", "government", count=9), Seat("business", "private_sector", count=4),
...          Seat("third_sector", "civil_society", count=4)]
>>> game = Game(Threshold(Majority.SIMPLE), seats)
>>> game.is_winning({"government": 9})
True
>>> game.winning_without(group="civil_society")
{'government': 9}
>>> game.winning_without(group="civil_society", minimal="seats")
{'government': 9}
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Literal, TypeAlias

from polycentric.engines.power.errors import SeatError
from polycentric.engines.power.rules import (
    AllOf,
    AllSeats,
    AnyOf,
    Consensus,
    Each,
    Rule,
    Seat,
    Threshold,
    Within,
    check_rule,
    check_seats,
)


@dataclass(frozen=True, slots=True)
class Gate:
    """``all`` or ``any`` of the parts (leaf indices or gates)."""

    kind: Literal["all", "any"]
    parts: tuple[Formula, ...]


Formula: TypeAlias = int | Gate


@dataclass(frozen=True, slots=True)
class SeatType:
    """Interchangeable seats: the entries they come from, how many, and their leaf coefficients."""

    entries: tuple[int, ...]
    size: int
    coefficients: tuple[int, ...]

    @property
    def is_null(self) -> bool:
        """No leaf counts these seats: they can never change an outcome."""
        return not any(self.coefficients)


class Game:
    """``rule`` applied to ``seats``, checked (`SeatError`, `RuleError`) and compiled."""

    def __init__(self, rule: Rule, seats: Sequence[Seat]) -> None:
        check_seats(seats)
        check_rule(rule, seats)
        self.rule = rule
        self.seats: tuple[Seat, ...] = tuple(seats)
        self.total_seats = sum(seat.count for seat in self.seats)
        leaves: list[tuple[tuple[int, ...], int]] = []
        self.formula: Formula = _compile(rule, self.seats, leaves)
        self.entry_coefficients: tuple[tuple[int, ...], ...] = tuple(c for c, _ in leaves)
        self.quotas: tuple[int, ...] = tuple(q for _, q in leaves)
        self.types: tuple[SeatType, ...] = _sort_types(self.seats, self.entry_coefficients)
        self.type_of_entry: tuple[int, ...] = tuple(
            next(t for t, kind in enumerate(self.types) if e in kind.entries)
            for e in range(len(self.seats))
        )

    @property
    def is_weighted(self) -> bool:
        """The rule is one weighted threshold (a weighted voting game)."""
        return isinstance(self.formula, int)

    def is_winning(self, coalition: Mapping[str, int]) -> bool:
        """Whether a coalition (seats held per entry name) can pass a decision.

        Raises `SeatError` for an unknown entry name or a count outside 0..the entry's count.
        """
        counts = self._entry_counts(coalition)
        sums = [
            sum(c * n for c, n in zip(coefficients, counts, strict=True))
            for coefficients in self.entry_coefficients
        ]
        return holds(self.formula, sums, self.quotas)

    def wins(self, type_counts: Sequence[int]) -> bool:
        """Whether the coalition holding ``type_counts[t]`` seats of each type wins."""
        sums = [0] * len(self.quotas)
        for kind, count in zip(self.types, type_counts, strict=True):
            if count:
                for leaf, coefficient in enumerate(kind.coefficients):
                    sums[leaf] += coefficient * count
        return holds(self.formula, sums, self.quotas)

    def veto_types(self) -> tuple[bool, ...]:
        """Per type: its seats are in every winning coalition (all seats but one of them lose)."""
        full = [kind.size for kind in self.types]
        veto = []
        for t in range(len(self.types)):
            full[t] -= 1
            veto.append(not self.wins(full))
            full[t] += 1
        return tuple(veto)

    def winning_without(
        self,
        *,
        group: str | None = None,
        region: str | None = None,
        minimal: Literal["entries", "seats"] | None = "entries",
    ) -> dict[str, int] | None:
        """A winning coalition holding no seat of ``group`` (or of ``region``), or None if none wins.

        With ``minimal=None`` it is every seat outside the group, the largest such coalition (so
        None exactly when the group cannot be left out). ``"entries"`` then drops whole entries,
        the last listed first, while the rest still wins; ``"seats"`` also lowers each entry's
        count as far as it can, giving a minimal winning coalition (every seat in it is needed).
        """
        if (group is None) == (region is None):
            raise TypeError("give exactly one of group or region")
        if group is not None:
            outside = [seat.count if seat.group != group else 0 for seat in self.seats]
        else:
            outside = [seat.count if seat.region != region else 0 for seat in self.seats]
        if not self._wins_entries(outside):
            return None
        if minimal is not None:
            for e in reversed(range(len(self.seats))):
                if outside[e]:
                    held, outside[e] = outside[e], 0
                    if not self._wins_entries(outside):
                        outside[e] = held
            if minimal == "seats":
                for e in reversed(range(len(self.seats))):
                    low, high = 0, outside[e]
                    while low < high:  # the fewest seats of entry e that still win
                        outside[e] = (low + high) // 2
                        if self._wins_entries(outside):
                            high = outside[e]
                        else:
                            low = outside[e] + 1
                    outside[e] = high
        return {seat.name: n for seat, n in zip(self.seats, outside, strict=True) if n}

    def _wins_entries(self, counts: Sequence[int]) -> bool:
        sums = [
            sum(c * n for c, n in zip(coefficients, counts, strict=True))
            for coefficients in self.entry_coefficients
        ]
        return holds(self.formula, sums, self.quotas)

    def _entry_counts(self, coalition: Mapping[str, int]) -> list[int]:
        index = {seat.name: e for e, seat in enumerate(self.seats)}
        counts = [0] * len(self.seats)
        for name, count in coalition.items():
            if name not in index:
                raise SeatError(f"coalition.{name}", "no seat entry has this name")
            seat = self.seats[index[name]]
            if (
                not isinstance(count, int)
                or isinstance(count, bool)
                or not 0 <= count <= seat.count
            ):
                raise SeatError(
                    f"coalition.{name}", f"{count!r} is not a count from 0 to {seat.count}"
                )
            counts[index[name]] = count
        return counts


def is_winning(rule: Rule, seats: Sequence[Seat], coalition: Mapping[str, int]) -> bool:
    """Whether ``coalition`` (seats held per entry name) can pass a decision under ``rule``."""
    return Game(rule, seats).is_winning(coalition)


def winning_without(
    rule: Rule,
    seats: Sequence[Seat],
    *,
    group: str | None = None,
    region: str | None = None,
    minimal: Literal["entries", "seats"] | None = "entries",
) -> dict[str, int] | None:
    """A winning coalition that leaves ``group`` (or ``region``) out, or None: see `Game.winning_without`.

    For P4 ("no group decides alone"): a group passes when this is None.
    """
    return Game(rule, seats).winning_without(group=group, region=region, minimal=minimal)


def holds(formula: Formula, sums: Sequence[int], quotas: Sequence[int]) -> bool:
    """Evaluate a compiled formula given each leaf's weight sum."""
    if isinstance(formula, int):
        return sums[formula] >= quotas[formula]
    if formula.kind == "all":
        return all(holds(part, sums, quotas) for part in formula.parts)
    return any(holds(part, sums, quotas) for part in formula.parts)


def _compile(
    rule: Rule, seats: tuple[Seat, ...], leaves: list[tuple[tuple[int, ...], int]]
) -> Formula:
    """Turn a checked rule into a formula, appending its distinct leaves (coefficients, quota)."""
    if isinstance(rule, Consensus):
        return _leaf(tuple(1 for _ in seats), sum(s.count for s in seats), leaves)
    if isinstance(rule, AllOf | AnyOf):
        kind: Literal["all", "any"] = "all" if isinstance(rule, AllOf) else "any"
        return _gate(kind, [_compile(part, seats, leaves) for part in rule.parts])
    assert isinstance(rule, Threshold)
    scope = rule.scope
    if isinstance(scope, AllSeats):
        return _weighted_leaf(rule, seats, [True] * len(seats), leaves)
    if isinstance(scope, Within):
        members = [_key(s, scope.kind) == scope.name for s in seats]
        return _weighted_leaf(rule, seats, members, leaves)
    assert isinstance(scope, Each)
    names: dict[str, None] = {}
    for seat in seats:
        key = _key(seat, scope.kind)
        if key is not None:
            names.setdefault(key)
    parts: list[Formula] = []
    for name in names:
        members = [_key(s, scope.kind) == name for s in seats]
        if any(s.weight for s, member in zip(seats, members, strict=True) if member):
            parts.append(_weighted_leaf(rule, seats, members, leaves))
    return _gate("all", parts)


def _key(seat: Seat, kind: str) -> str | None:
    if kind == "group":
        return seat.group
    if kind == "region":
        return seat.region
    return seat.name


def _weighted_leaf(
    rule: Threshold,
    seats: tuple[Seat, ...],
    members: list[bool],
    leaves: list[tuple[tuple[int, ...], int]],
) -> int:
    coefficients = tuple(s.weight if m else 0 for s, m in zip(seats, members, strict=True))
    total = sum(c * s.count for c, s in zip(coefficients, seats, strict=True))
    return _leaf(coefficients, rule.required(total), leaves)


def _leaf(
    coefficients: tuple[int, ...], quota: int, leaves: list[tuple[tuple[int, ...], int]]
) -> int:
    if (coefficients, quota) not in leaves:
        leaves.append((coefficients, quota))
    return leaves.index((coefficients, quota))


def _gate(kind: Literal["all", "any"], parts: list[Formula]) -> Formula:
    flat: list[Formula] = []
    for part in parts:
        members = part.parts if isinstance(part, Gate) and part.kind == kind else (part,)
        for member in members:
            if member not in flat:
                flat.append(member)
    if len(flat) == 1:
        return flat[0]
    return Gate(kind, tuple(flat))


def _sort_types(
    seats: tuple[Seat, ...], entry_coefficients: tuple[tuple[int, ...], ...]
) -> tuple[SeatType, ...]:
    """Group entries whose seats every leaf counts alike, in order of first appearance."""
    by_signature: dict[tuple[int, ...], list[int]] = {}
    for e in range(len(seats)):
        signature = tuple(coefficients[e] for coefficients in entry_coefficients)
        by_signature.setdefault(signature, []).append(e)
    return tuple(
        SeatType(tuple(entries), sum(seats[e].count for e in entries), signature)
        for signature, entries in by_signature.items()
    )
