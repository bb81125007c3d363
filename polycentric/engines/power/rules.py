"""Seats and the decision-rule language, as typed data, with a parser from plain documents.

A rule is one of (DESIGN.md, "Decision rules"):

- ``{consensus: true}``: unanimity of all seats, whatever their weights;
- a threshold over the weights of a scope: ``{quota: N}`` (weight at least N) or ``{majority: simple}``
  (more than half: floor(W/2)+1), ``two_thirds`` (ceil(2W/3)), ``three_quarters`` (ceil(3W/4)),
  where W is the scope's total weight. The scope is all seats, ``within: {group: G}`` /
  ``{region: R}`` / ``{seat: NAME}``, or ``each: group`` / ``each: region`` (the threshold must hold
  inside every group, resp. region, on that group's own total weight; groups whose seats all weigh
  0 have no say and are left out; seats without a region belong to no region);
- ``{all: [rule, ...]}`` (every part holds) and ``{any: [rule, ...]}`` (at least one holds).

>>> seats = [Seat("government", "government", count=9), Seat("business", "private_sector", count=4)]
>>> parse_rule({"each": "group", "majority": "simple"}, seats)
Threshold(quota=<Majority.SIMPLE: 'simple'>, scope=Each(kind='group'))
>>> parse_rule({"quota": 14}, seats)
Traceback (most recent call last):
...
polycentric.engines.power.errors.RuleError: rule.quota: 14 is above the total weight 13 of all seats
"""

from __future__ import annotations

import enum
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Literal, TypeAlias

from polycentric.engines.power.errors import RuleError, SeatError

RULE_KEYS = ("consensus", "quota", "majority", "within", "each", "all", "any")


@dataclass(frozen=True, slots=True)
class Seat:
    """A seat entry: ``count`` identical seats, each of ``weight`` votes, held for one group.

    ``region`` is None for seats that represent no region. Validate a list with `check_seats`.
    """

    name: str
    group: str
    region: str | None = None
    count: int = 1
    weight: int = 1


class Majority(enum.StrEnum):
    SIMPLE = "simple"
    TWO_THIRDS = "two_thirds"
    THREE_QUARTERS = "three_quarters"

    def quota(self, total_weight: int) -> int:
        """The weight needed out of ``total_weight``: 10 of 19 (simple), 13 of 19 (two thirds)."""
        if self is Majority.SIMPLE:
            return total_weight // 2 + 1
        if self is Majority.TWO_THIRDS:
            return -(-2 * total_weight // 3)
        return -(-3 * total_weight // 4)


@dataclass(frozen=True, slots=True)
class AllSeats:
    """The scope of every seat."""


@dataclass(frozen=True, slots=True)
class Within:
    """The seats of one group, one region or one seat entry."""

    kind: Literal["group", "region", "seat"]
    name: str


@dataclass(frozen=True, slots=True)
class Each:
    """Every group (resp. region) on its own: the threshold must hold inside each of them."""

    kind: Literal["group", "region"]


Scope: TypeAlias = AllSeats | Within | Each
ALL_SEATS = AllSeats()


@dataclass(frozen=True, slots=True)
class Consensus:
    """Unanimity of all seats."""


@dataclass(frozen=True, slots=True)
class Threshold:
    """Weight at least ``quota`` (a number, or a majority of the scope's total weight)."""

    quota: int | Majority
    scope: Scope = ALL_SEATS

    def required(self, total_weight: int) -> int:
        """The weight needed in a scope whose seats weigh ``total_weight`` in all."""
        if isinstance(self.quota, Majority):
            return self.quota.quota(total_weight)
        return self.quota


@dataclass(frozen=True, slots=True)
class AllOf:
    """Every part holds."""

    parts: tuple[Rule, ...]


@dataclass(frozen=True, slots=True)
class AnyOf:
    """At least one part holds."""

    parts: tuple[Rule, ...]


Rule: TypeAlias = Consensus | Threshold | AllOf | AnyOf


def check_seats(seats: Sequence[Seat], *, path: str = "seats") -> None:
    """Raise `SeatError` naming the first invalid field: no seats, a duplicate or empty name, an
    empty group, a count below 1, a weight below 0, or a count or weight that is not a whole number."""
    if not seats:
        raise SeatError(path, "a body needs at least one seat entry")
    names: set[str] = set()
    for index, seat in enumerate(seats):
        where = f"{path}[{index}]"
        if not isinstance(seat, Seat):
            raise SeatError(where, f"expected a Seat, got {type(seat).__name__}")
        if not isinstance(seat.name, str) or not seat.name.strip():
            raise SeatError(f"{where}.name", "a seat entry needs a name")
        if seat.name in names:
            raise SeatError(f"{where}.name", f"the name {seat.name!r} is used twice")
        names.add(seat.name)
        if not isinstance(seat.group, str) or not seat.group.strip():
            raise SeatError(f"{where}.group", "a seat entry needs a stakeholder group")
        if seat.region is not None and (
            not isinstance(seat.region, str) or not seat.region.strip()
        ):
            raise SeatError(f"{where}.region", "a region must be a non-empty name, or left out")
        if not _is_whole(seat.count):
            raise SeatError(f"{where}.count", f"{seat.count!r} is not a whole number")
        if seat.count < 1:
            raise SeatError(f"{where}.count", f"{seat.count} is below 1")
        if not _is_whole(seat.weight):
            raise SeatError(f"{where}.weight", f"{seat.weight!r} is not a whole number")
        if seat.weight < 0:
            raise SeatError(f"{where}.weight", f"{seat.weight} is below 0")


def parse_rule(document: object, seats: Sequence[Seat], *, path: str = "rule") -> Rule:
    """Build a rule from a plain document (as loaded from YAML or JSON) and check it against the seats.

    Raises `RuleError` naming the path of the first problem: an unknown key, a missing or extra
    part, a quota that is not a whole number, below 1 or above its scope's total weight, a scope
    naming a group, region or seat that has no seats, an empty ``all``/``any`` list.
    """
    rule = _parse(document, path)
    check_rule(rule, seats, path=path)
    return rule


def check_rule(rule: Rule, seats: Sequence[Seat], *, path: str = "rule") -> None:
    """Raise `RuleError` if ``rule`` cannot be applied to ``seats`` (see `parse_rule`)."""
    if isinstance(rule, Consensus):
        return
    if isinstance(rule, AllOf | AnyOf):
        key = "all" if isinstance(rule, AllOf) else "any"
        if not rule.parts:
            raise RuleError(f"{path}.{key}", "needs at least one rule")
        for index, part in enumerate(rule.parts):
            check_rule(part, seats, path=f"{path}.{key}[{index}]")
        return
    if not isinstance(rule, Threshold):
        raise RuleError(path, f"expected a rule, got {type(rule).__name__}")
    key = "majority" if isinstance(rule.quota, Majority) else "quota"
    if key == "quota" and not _is_whole(rule.quota):
        raise RuleError(f"{path}.quota", f"{rule.quota!r} is not a whole number")
    for label, total in _scope_totals(rule.scope, seats, path):
        if total == 0:
            raise RuleError(path, f"the seats of {label} weigh 0 in all: no threshold can be met")
        required = rule.required(total)
        if required < 1:
            raise RuleError(f"{path}.{key}", f"{required} is below 1")
        if required > total:
            raise RuleError(
                f"{path}.{key}", f"{required} is above the total weight {total} of {label}"
            )


def rule_document(rule: Rule) -> dict[str, object]:
    """The plain document of a rule: the inverse of `parse_rule`.

    >>> rule_document(Threshold(Majority.SIMPLE, Each("group")))
    {'each': 'group', 'majority': 'simple'}
    """
    if isinstance(rule, Consensus):
        return {"consensus": True}
    if isinstance(rule, AllOf):
        return {"all": [rule_document(part) for part in rule.parts]}
    if isinstance(rule, AnyOf):
        return {"any": [rule_document(part) for part in rule.parts]}
    document: dict[str, object] = {}
    if isinstance(rule.scope, Within):
        document["within"] = {rule.scope.kind: rule.scope.name}
    elif isinstance(rule.scope, Each):
        document["each"] = rule.scope.kind
    if isinstance(rule.quota, Majority):
        document["majority"] = rule.quota.value
    else:
        document["quota"] = rule.quota
    return document


def _is_whole(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _scope_totals(scope: Scope, seats: Sequence[Seat], path: str) -> list[tuple[str, int]]:
    """(label, total weight) of every part of the scope that has a say."""
    if isinstance(scope, AllSeats):
        return [("all seats", sum(s.count * s.weight for s in seats))]
    if isinstance(scope, Within):
        members = [s for s in seats if _attribute(s, scope.kind) == scope.name]
        if not members:
            raise RuleError(
                f"{path}.within.{scope.kind}", f"no seat has {scope.kind} {scope.name!r}"
            )
        return [(f"{scope.kind} {scope.name!r}", sum(s.count * s.weight for s in members))]
    totals: dict[str, int] = {}
    for seat in seats:
        key = _attribute(seat, scope.kind)
        if key is not None:
            totals[key] = totals.get(key, 0) + seat.count * seat.weight
    if not totals:
        raise RuleError(f"{path}.each", f"no seat has a {scope.kind}")
    if not any(totals.values()):
        raise RuleError(f"{path}.each", f"the seats of every {scope.kind} weigh 0")
    return [(f"{scope.kind} {name!r}", total) for name, total in totals.items() if total > 0]


def _attribute(seat: Seat, kind: str) -> str | None:
    if kind == "group":
        return seat.group
    if kind == "region":
        return seat.region
    return seat.name


def _parse(document: object, path: str) -> Rule:
    if not isinstance(document, Mapping):
        raise RuleError(path, "a rule must be a mapping such as {majority: simple}")
    if not document:
        raise RuleError(path, "an empty rule; give consensus, quota, majority, all or any")
    for key in document:
        if key not in RULE_KEYS:
            raise RuleError(
                f"{path}.{key}",
                "unknown key; expected consensus, quota, majority, within, each, all or any",
            )
    keys = set(document)
    for key in ("consensus", "all", "any"):
        if key in keys and len(keys) > 1:
            others = ", ".join(sorted(keys - {key}))
            raise RuleError(path, f"{key} cannot be combined with {others}")
    if "consensus" in keys:
        if document["consensus"] is not True:
            raise RuleError(f"{path}.consensus", "must be true (use a threshold otherwise)")
        return Consensus()
    for key in ("all", "any"):
        if key in keys:
            parts = document[key]
            if not isinstance(parts, list | tuple) or not parts:
                raise RuleError(f"{path}.{key}", "must be a non-empty list of rules")
            parsed = tuple(_parse(part, f"{path}.{key}[{i}]") for i, part in enumerate(parts))
            return AllOf(parsed) if key == "all" else AnyOf(parsed)
    if "quota" in keys and "majority" in keys:
        raise RuleError(path, "give quota or majority, not both")
    if "quota" not in keys and "majority" not in keys:
        raise RuleError(path, "within and each need a quota or a majority")
    if "within" in keys and "each" in keys:
        raise RuleError(path, "give within or each, not both")
    quota: int | Majority
    if "quota" in keys:
        value = document["quota"]
        if not _is_whole(value):
            raise RuleError(f"{path}.quota", f"{value!r} is not a whole number")
        assert isinstance(value, int)
        quota = value
    else:
        value = document["majority"]
        try:
            quota = Majority(value)
        except ValueError:
            raise RuleError(
                f"{path}.majority", f"{value!r} is not one of simple, two_thirds, three_quarters"
            ) from None
    return Threshold(quota, _parse_scope(document, path))


def _parse_scope(document: Mapping[object, object], path: str) -> Scope:
    if "each" in document:
        kind = document["each"]
        if kind == "group":
            return Each("group")
        if kind == "region":
            return Each("region")
        raise RuleError(f"{path}.each", f"{kind!r} is not group or region")
    if "within" in document:
        within = document["within"]
        if not isinstance(within, Mapping) or len(within) != 1:
            raise RuleError(
                f"{path}.within", "must name one group, region or seat, e.g. {group: government}"
            )
        ((kind, name),) = within.items()
        if kind not in ("group", "region", "seat"):
            raise RuleError(f"{path}.within.{kind}", "unknown key; expected group, region or seat")
        if not isinstance(name, str) or not name.strip():
            raise RuleError(f"{path}.within.{kind}", f"{name!r} is not a {kind} name")
        if kind == "group":
            return Within("group", name)
        if kind == "region":
            return Within("region", name)
        return Within("seat", name)
    return ALL_SEATS
