"""The principles, computed for a body: `analyze` returns a `Scorecard`.

- **P1 All stakeholder groups** (``all_groups``): every group the body must include holds at least
  ``min_group_seats`` seats.
- **P3 Global** (``global``): every region the body must include (else every region on its seats)
  holds at least ``min_region_seats`` seats, and no region holds more than ``max_region_share`` of
  the seats that have a region (seats without one are left out of the shares).
- **P4 No group decides alone** (``no_group_decides_alone``) and **no region decides alone**
  (``no_region_decides_alone``): for every group (region), the coalition of all seats outside it
  must lose under the decision rule; a violation shows a winning coalition that leaves it out.

Each principle is a `PrincipleResult` with the same fields (key, title, passed, summary in words,
violations) and its own typed details, so P2 (notice and transparency of processes) can join the
tuple later without changing the others.

>>> from polycentric.engines.power import Majority, Seat, Threshold
>>> seats = (Seat("government", "government", count=9), Seat("ngos", "civil_society", count=4))
>>> groups = ("government", "civil_society")
>>> card = analyze(BodySpec("Two groups", seats, Threshold(Majority.SIMPLE), groups=groups))
>>> [(p.key.value, p.passed) for p in card.principles]
[('all_groups', True), ('global', False), ('no_group_decides_alone', False), ('no_region_decides_alone', True)]
>>> card.principle("no_group_decides_alone").violations[0].reason
'government seats (9 of 13) can pass a decision without civil society; the 9 seats outside civil society alone hold 9 votes, and 7 pass a decision'
"""

from __future__ import annotations

import enum
from collections.abc import Sequence
from dataclasses import dataclass
from fractions import Fraction
from typing import Literal, TypeAlias

from polycentric.engines.power import (
    AllSeats,
    Game,
    PowerResult,
    Seat,
    Threshold,
    compute_power,
)
from polycentric.engines.principles.spec import BodySpec, Thresholds
from polycentric.engines.principles.words import (
    coalition_words,
    join_words,
    label,
    percent,
    plural,
)


class PrincipleKey(enum.StrEnum):
    """The principles on a scorecard, in the order they are shown (P2 will add ``transparency``)."""

    ALL_GROUPS = "all_groups"
    GLOBAL = "global"
    NO_GROUP_DECIDES_ALONE = "no_group_decides_alone"
    NO_REGION_DECIDES_ALONE = "no_region_decides_alone"


TITLES = {
    PrincipleKey.ALL_GROUPS: "P1 All stakeholder groups",
    PrincipleKey.GLOBAL: "P3 Global",
    PrincipleKey.NO_GROUP_DECIDES_ALONE: "P4 No group decides alone",
    PrincipleKey.NO_REGION_DECIDES_ALONE: "P4 No region decides alone",
}

Kind: TypeAlias = Literal["group", "region"]


@dataclass(frozen=True, slots=True)
class Shortfall:
    """A required group or region holding fewer seats than the minimum."""

    kind: Kind
    name: str
    seats: int
    minimum: int


@dataclass(frozen=True, slots=True)
class RegionShare:
    """A region's share of the seats that have a region, against the maximum allowed."""

    region: str
    seats: int
    of: int
    share: Fraction
    limit: Fraction

    @property
    def over(self) -> bool:
        return self.share > self.limit


@dataclass(frozen=True, slots=True)
class Violation:
    """One reason a principle fails, in words, about one group or region (``name`` is empty when
    it is about none in particular). ``coalition`` (P4) is a winning coalition that leaves the group
    or region out: (entry name, seats held), in the order of the seat entries."""

    kind: Kind
    name: str
    reason: str
    coalition: tuple[tuple[str, int], ...] = ()

    @property
    def coalition_seats(self) -> int:
        return sum(held for _, held in self.coalition)


@dataclass(frozen=True, slots=True)
class AllGroupsDetails:
    """P1: the required groups, the seats every group holds, and the groups short of seats."""

    required: tuple[str, ...]
    seats: tuple[tuple[str, int], ...]
    missing: tuple[Shortfall, ...]


@dataclass(frozen=True, slots=True)
class GlobalDetails:
    """P3: the regions checked, the seats every region holds, the seats with a region, the
    regions short of seats, the largest region's share and every share above the maximum."""

    required: tuple[str, ...]
    seats: tuple[tuple[str, int], ...]
    seats_with_region: int
    missing: tuple[Shortfall, ...]
    max_share: RegionShare | None
    over_share: tuple[RegionShare, ...]


@dataclass(frozen=True, slots=True)
class DecidesAloneDetails:
    """P4: the groups (or regions) checked, and those a decision can pass without."""

    kind: Kind
    checked: tuple[str, ...]
    left_out: tuple[str, ...]


PrincipleDetails: TypeAlias = AllGroupsDetails | GlobalDetails | DecidesAloneDetails


@dataclass(frozen=True, slots=True)
class PrincipleResult:
    """One principle on a scorecard: whether it passed, a summary sentence, every violation with
    its reason, and details particular to the principle."""

    key: PrincipleKey
    title: str
    passed: bool
    summary: str
    violations: tuple[Violation, ...]
    details: PrincipleDetails


@dataclass(frozen=True, slots=True)
class Scorecard:
    """A body's principles and the voting power of its seats."""

    body: BodySpec
    thresholds: Thresholds
    principles: tuple[PrincipleResult, ...]
    power: PowerResult

    @property
    def passed(self) -> bool:
        return all(principle.passed for principle in self.principles)

    @property
    def seats(self) -> int:
        return self.body.total_seats

    def principle(self, key: str) -> PrincipleResult:
        for principle in self.principles:
            if principle.key == key:
                return principle
        raise KeyError(key)


def analyze(
    spec: BodySpec,
    thresholds: Thresholds | None = None,
    *,
    seed: int = 0,
    error_target: float = 0.001,
) -> Scorecard:
    """The scorecard of a body: P1, P3, P4 for groups and for regions, and the power analysis.

    ``thresholds`` default to the body's own, else to `Thresholds()`. ``seed`` and
    ``error_target`` are passed to the power engine for a Monte Carlo estimate (used only where
    exact counting is out of reach). Raises the power engine's `SeatError` or `RuleError` for seats
    or a rule that were not checked (a `BodySpec` from `parse_body_document` always is).
    """
    thresholds = thresholds or spec.thresholds or Thresholds()
    game = Game(spec.rule, spec.seats)
    power = compute_power(spec.rule, spec.seats, seed=seed, error_target=error_target)
    principles = (
        all_groups(spec, thresholds),
        global_reach(spec, thresholds),
        decides_alone(spec, game, "group"),
        decides_alone(spec, game, "region"),
    )
    return Scorecard(body=spec, thresholds=thresholds, principles=principles, power=power)


# ---- P1 -----------------------------------------------------------------------------------------


def all_groups(spec: BodySpec, thresholds: Thresholds) -> PrincipleResult:
    """P1: every required stakeholder group holds at least ``min_group_seats`` seats."""
    minimum = thresholds.min_group_seats
    held = _seats_by(spec.seats, spec.group_names(), "group")
    missing = tuple(
        Shortfall("group", group, held[group], minimum)
        for group in spec.groups
        if held[group] < minimum
    )
    violations = tuple(Violation("group", short.name, _shortfall_words(short)) for short in missing)
    if not spec.groups:
        summary = (
            "The body lists no stakeholder groups it must include, so there is nothing to check."
        )
    elif not missing:
        summary = (
            f"All {len(spec.groups)} required stakeholder groups hold at least "
            f"{plural(minimum, 'seat')} each."
            if len(spec.groups) > 1
            else f"The one required stakeholder group holds at least {plural(minimum, 'seat')}."
        )
    else:
        names = join_words([label(short.name) for short in missing])
        verb = "holds" if len(missing) == 1 else "hold"
        summary = (
            f"{_capital(names)} {verb} {_fewer_than(minimum)}: "
            f"{len(missing)} of the {len(spec.groups)} required stakeholder groups "
            f"{'is' if len(missing) == 1 else 'are'} not represented as required."
        )
    details = AllGroupsDetails(spec.groups, tuple(held.items()), missing)
    return PrincipleResult(
        PrincipleKey.ALL_GROUPS,
        TITLES[PrincipleKey.ALL_GROUPS],
        not missing,
        summary,
        violations,
        details,
    )


# ---- P3 -----------------------------------------------------------------------------------------


def global_reach(spec: BodySpec, thresholds: Thresholds) -> PrincipleResult:
    """P3: every region holds at least ``min_region_seats`` seats, and none more than
    ``max_region_share`` of the seats that have a region."""
    minimum, limit = thresholds.min_region_seats, thresholds.max_region_share
    required = spec.regions or spec.region_names()
    held = _seats_by(spec.seats, spec.region_names(), "region")
    with_region = sum(held.values())
    without_region = spec.total_seats - with_region
    missing = tuple(
        Shortfall("region", region, held[region], minimum)
        for region in required
        if held[region] < minimum
    )
    shares = [
        RegionShare(region, seats, with_region, Fraction(seats, with_region), limit)
        for region, seats in held.items()
        if with_region and seats
    ]
    max_share = max(shares, key=lambda s: s.share) if shares else None  # the first on a tie
    over_share = tuple(s for s in shares if s.over)

    violations = [Violation("region", short.name, _shortfall_words(short)) for short in missing]
    violations += [
        Violation(
            "region",
            s.region,
            f"{label(s.region)} holds {s.seats} of the {s.of} seats that have a region "
            f"({percent(s.share)}), more than the maximum share of {percent(s.limit)}",
        )
        for s in over_share
    ]
    if not with_region and not required:
        violations.append(
            Violation("region", "", "no seat has a region, so no region is represented")
        )
    passed = not violations
    if passed:
        assert max_share is not None
        summary = (
            f"Every region holds at least {plural(minimum, 'seat')} and none holds more than "
            f"{percent(limit)} of the seats that have a region; the largest, "
            f"{label(max_share.region)}, holds {max_share.seats} of {max_share.of} "
            f"({percent(max_share.share)})."
        )
    else:
        parts = []
        if missing:
            names = join_words([label(short.name) for short in missing])
            verb = "holds" if len(missing) == 1 else "hold"
            parts.append(f"{names} {verb} {_fewer_than(minimum)}")
        for s in over_share:
            parts.append(
                f"{label(s.region)} holds {percent(s.share)} of the seats that have a region, "
                f"more than the maximum of {percent(limit)}"
            )
        if not with_region and not required:
            parts.append("no seat has a region")
        summary = _capital("; ".join(parts)) + "."
    if without_region:
        summary += (
            f" {plural(without_region, 'seat')} {'has' if without_region == 1 else 'have'} no "
            "region and count for none."
        )
    details = GlobalDetails(
        required, tuple(held.items()), with_region, missing, max_share, over_share
    )
    return PrincipleResult(
        PrincipleKey.GLOBAL,
        TITLES[PrincipleKey.GLOBAL],
        passed,
        summary,
        tuple(violations),
        details,
    )


# ---- P4 -----------------------------------------------------------------------------------------


def decides_alone(spec: BodySpec, game: Game, kind: Kind) -> PrincipleResult:
    """P4 for groups or regions: the seats outside any one of them must not win on their own.

    Every group (region) the body must include or that holds seats is checked. One that must be
    included but holds no seat is a violation whenever the whole body can pass a decision: nothing
    needs it. Seats without a region are outside every region.
    """
    key = (
        PrincipleKey.NO_GROUP_DECIDES_ALONE
        if kind == "group"
        else PrincipleKey.NO_REGION_DECIDES_ALONE
    )
    names = spec.group_names() if kind == "group" else spec.region_names()
    held = _seats_by(spec.seats, names, kind)
    violations = []
    for name in names:
        if kind == "group":
            outside = game.winning_without(group=name, minimal=None)
        else:
            outside = game.winning_without(region=name, minimal=None)
        if outside is not None:
            coalition = _smaller_coalition(spec.seats, game, outside)
            violations.append(_left_out(spec, kind, name, held[name], coalition))
    noun = "stakeholder group" if kind == "group" else "region"
    if not names:
        summary = f"No seat has a {noun}, so no {noun} can be left out."
    elif not violations:
        summary = (
            f"No {noun} can be left out: the seats outside any one {noun} cannot pass a "
            "decision on their own."
        )
    elif len(violations) == 1:
        summary = f"A decision can pass without {label(violations[0].name)}."
    else:
        summary = (
            f"{_capital(join_words([label(v.name) for v in violations]))} can each be left out: "
            f"a decision can pass without any one of these {len(violations)} {noun}s."
        )
    details = DecidesAloneDetails(kind, names, tuple(v.name for v in violations))
    return PrincipleResult(key, TITLES[key], not violations, summary, tuple(violations), details)


def _smaller_coalition(
    seats: Sequence[Seat], game: Game, coalition: dict[str, int]
) -> dict[str, int]:
    """A winning coalition inside ``coalition`` that reads easily: whole stakeholder groups are
    dropped while it still wins, the smallest first (the last listed on a tie). The game is
    monotone, so one pass leaves no group that could still be dropped."""
    position = {seat.name: index for index, seat in enumerate(seats)}
    group_of = {seat.name: seat.group for seat in seats}
    groups: dict[str, list[str]] = {}
    for entry in coalition:
        groups.setdefault(group_of[entry], []).append(entry)
    units = sorted(
        groups.values(),
        key=lambda entries: (
            sum(coalition[e] for e in entries),
            -max(position[e] for e in entries),
        ),
    )
    held = dict(coalition)
    for entries in units:
        trial = {e: n for e, n in held.items() if e not in entries}
        if game.is_winning(trial):
            held = trial
    return held


def _left_out(
    spec: BodySpec, kind: Kind, name: str, seats: int, coalition: dict[str, int]
) -> Violation:
    total = spec.total_seats
    held = sum(coalition.values())
    reason = (
        f"{coalition_words(coalition, spec.seats)} ({held} of {total}) can pass a decision "
        f"without {label(name)}"
    )
    if seats == 0:
        reason += ", which holds no seat"
    elif isinstance(spec.rule, Threshold) and isinstance(spec.rule.scope, AllSeats):
        outside = [s for s in spec.seats if (s.group if kind == "group" else s.region) != name]
        votes = sum(s.count * s.weight for s in outside)
        needed = spec.rule.required(sum(s.count * s.weight for s in spec.seats))
        reason += (
            f"; the {sum(s.count for s in outside)} seats outside {label(name)} alone hold "
            f"{plural(votes, 'vote')}, and {needed} pass a decision"
        )
    order = [seat.name for seat in spec.seats]
    parts = tuple(sorted(coalition.items(), key=lambda item: order.index(item[0])))
    return Violation(kind, name, reason, parts)


# ---- helpers ------------------------------------------------------------------------------------


def _seats_by(seats: Sequence[Seat], names: Sequence[str], kind: Kind) -> dict[str, int]:
    """Seats held per group (region), for ``names`` in their order, 0 for those holding none."""
    held = dict.fromkeys(names, 0)
    for seat in seats:
        key = seat.group if kind == "group" else seat.region
        if key is not None:
            held[key] = held.get(key, 0) + seat.count
    return held


def _shortfall_words(short: Shortfall) -> str:
    holds = "holds no seat" if short.seats == 0 else f"holds only {plural(short.seats, 'seat')}"
    needed = "is" if short.minimum == 1 else "are"
    return f"{label(short.name)} {holds}; at least {plural(short.minimum, 'seat')} {needed} needed"


def _fewer_than(minimum: int) -> str:
    return "no seat" if minimum == 1 else f"fewer than {plural(minimum, 'seat')}"


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]
