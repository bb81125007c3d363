"""A body as the principles engine sees it (`BodySpec`), and the thresholds it is held to.

>>> Thresholds()
Thresholds(min_group_seats=1, min_region_seats=1, max_region_share=Fraction(1, 2))
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from fractions import Fraction

from polycentric.engines.power import Rule, Seat

DEFAULT_MIN_GROUP_SEATS = 1
DEFAULT_MIN_REGION_SEATS = 1
DEFAULT_MAX_REGION_SHARE = Fraction(1, 2)


@dataclass(frozen=True, slots=True)
class Thresholds:
    """The numbers P1 and P3 are checked against (DESIGN.md, "The four principles").

    - ``min_group_seats``: seats every required stakeholder group must hold (P1; default 1);
    - ``min_region_seats``: seats every required region must hold (P3; default 1);
    - ``max_region_share``: the largest share of the seats with a region that one region may hold
      (P3; default one half). A region holding exactly this share passes.
    """

    min_group_seats: int = DEFAULT_MIN_GROUP_SEATS
    min_region_seats: int = DEFAULT_MIN_REGION_SEATS
    max_region_share: Fraction = DEFAULT_MAX_REGION_SHARE

    def __post_init__(self) -> None:
        for field in ("min_group_seats", "min_region_seats"):
            value = getattr(self, field)
            if not isinstance(value, int) or isinstance(value, bool) or value < 1:
                raise ValueError(f"{field}: must be a whole number of at least 1, got {value!r}")
        share = self.max_region_share
        if not isinstance(share, Fraction) or not 0 < share <= 1:
            raise ValueError(
                f"max_region_share: must be a Fraction above 0 and at most 1, got {share!r}"
            )


@dataclass(frozen=True, slots=True)
class BodySpec:
    """A body: its seat entries, decision rule and the groups and regions it must include.

    ``groups`` and ``regions`` are the stakeholder groups and regions the body is meant to include
    (its charter's set); seats may name others. ``thresholds`` are the body's own, if its file gave
    any (`analyze` uses them unless it is given thresholds). ``fallback_rule`` is recorded but not
    analysed. Build one with `parse_body_document`, or directly from checked seats and rule.
    """

    name: str
    seats: tuple[Seat, ...]
    rule: Rule
    groups: tuple[str, ...] = ()
    regions: tuple[str, ...] = ()
    fallback_rule: Rule | None = None
    purpose: str = ""
    thresholds: Thresholds | None = None

    @property
    def total_seats(self) -> int:
        return sum(seat.count for seat in self.seats)

    def group_names(self) -> tuple[str, ...]:
        """The required groups, then any other group holding seats, in order of appearance."""
        return _ordered(self.groups, (seat.group for seat in self.seats))

    def region_names(self) -> tuple[str, ...]:
        """The required regions, then any other region holding seats, in order of appearance."""
        return _ordered(self.regions, (seat.region for seat in self.seats if seat.region))


def _ordered(first: tuple[str, ...], then: Iterable[str]) -> tuple[str, ...]:
    names = dict.fromkeys(first)
    for name in then:
        names.setdefault(name)
    return tuple(names)
