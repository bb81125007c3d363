"""A stored scorecard document, arranged for the pages: principles with their reasons, seat rows
with their power, and seat and power shares by group and by region.

The document is the one `polycentric.engines.principles.scorecard_document` returns; its lists
(``entries``, ``groups``, ``regions``) give the order, since a database may reorder the keys of
its mappings.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from django.utils.translation import gettext_lazy as _

from polycentric.bodies.models import PRINCIPLE_KEYS, SeatEntry
from polycentric.bodies.svg import ShareRow

PRINCIPLE_TITLES = {
    "all_groups": _("P1 All stakeholder groups"),
    "global": _("P3 Global"),
    "no_group_decides_alone": _("P4 No group decides alone"),
    "no_region_decides_alone": _("P4 No region decides alone"),
}
PRINCIPLE_SHORT = {
    "all_groups": _("All groups"),
    "global": _("Global"),
    "no_group_decides_alone": _("No group alone"),
    "no_region_decides_alone": _("No region alone"),
}
PRINCIPLE_HELP = {
    "all_groups": _("Every stakeholder group the body must include holds at least the "
                    "minimum number of seats."),
    "global": _("Every region holds at least the minimum number of seats, and no region holds "
                "more than the maximum share of the seats that have a region."),
    "no_group_decides_alone": _("For every stakeholder group, the seats outside it cannot pass "
                                "a decision on their own."),
    "no_region_decides_alone": _("For every region, the seats outside it cannot pass a "
                                 "decision on their own."),
}


def name_label(name: str | None, names: Mapping[str, str] | None = None) -> str:
    """A group or region as words: the site's name for a known stakeholder group slug, else the
    name with underscores as spaces and a capital when it is all lower case."""
    if not name:
        return ""
    if names and name in names:
        return names[name]
    words = name.replace("_", " ")
    return words[:1].upper() + words[1:] if words == words.lower() else words


@dataclass
class ViolationRow:
    name: str
    reason: str
    coalition: list[tuple[str, int]] = field(default_factory=list)
    coalition_seats: int = 0


@dataclass
class PrincipleRow:
    key: str
    title: Any
    short: Any
    help: Any
    passed: bool | None
    summary: str
    violations: list[ViolationRow]


def principle_rows(scorecard: Mapping[str, Any], names: Mapping[str, str] | None = None
                   ) -> list[PrincipleRow]:
    """The four principles in order, each with its verdict and reasons (None: not analysed)."""
    found = scorecard.get("principles") or {}
    rows = []
    for key in PRINCIPLE_KEYS:
        result = found.get(key) or {}
        violations = []
        for violation in result.get("violations") or []:
            name = violation.get("group") or violation.get("region") or ""
            coalition = violation.get("coalition") or {}
            order = [e["name"] for e in scorecard.get("entries", [])]
            parts = sorted(coalition.items(),
                           key=lambda item: order.index(item[0]) if item[0] in order else 0)
            violations.append(ViolationRow(
                name=name_label(name, names),
                reason=violation.get("reason", ""),
                coalition=[(entry, held) for entry, held in parts],
                coalition_seats=violation.get("coalition_seats", 0),
            ))
        rows.append(PrincipleRow(
            key=key, title=PRINCIPLE_TITLES[key], short=PRINCIPLE_SHORT[key],
            help=PRINCIPLE_HELP[key], passed=result.get("passed"),
            summary=result.get("summary", ""), violations=violations,
        ))
    return rows


@dataclass
class SeatRow:
    name: str
    description: str
    group: str
    region: str
    count: int
    weight: int
    banzhaf: float | None
    banzhaf_entry: float | None
    shapley_shubik: float | None
    shapley_shubik_entry: float | None
    veto: bool
    powerless: bool


def seat_rows(
    scorecard: Mapping[str, Any], entries: Sequence[SeatEntry],
    names: Mapping[str, str] | None = None,
) -> list[SeatRow]:
    """One row per seat entry with per-seat and per-entry power, from the scorecard."""
    power = scorecard.get("power") or {}
    banzhaf = power.get("banzhaf") or {}
    shapley = power.get("shapley_shubik") or {}
    veto = set(power.get("veto") or [])
    powerless = set(power.get("powerless") or [])
    rows = []
    for entry in entries:
        b, s = banzhaf.get(entry.name), shapley.get(entry.name)
        rows.append(SeatRow(
            name=entry.name, description=entry.description,
            group=name_label(entry.group, names), region=name_label(entry.region),
            count=entry.count, weight=entry.weight,
            banzhaf=b, banzhaf_entry=None if b is None else b * entry.count,
            shapley_shubik=s, shapley_shubik_entry=None if s is None else s * entry.count,
            veto=entry.name in veto, powerless=entry.name in powerless,
        ))
    return rows


@dataclass
class ShareTableRow:
    label: str
    seats: int
    seat_share: float
    banzhaf: float
    shapley_shubik: float
    is_rest: bool = False

    def chart_row(self) -> ShareRow:
        return ShareRow(self.label, self.seat_share, self.banzhaf, self.shapley_shubik)


def share_rows(
    scorecard: Mapping[str, Any], kind: str, names: Mapping[str, str] | None = None,
    *, rest_label: str = "",
) -> list[ShareTableRow]:
    """Seats and power per group (``kind`` "group") or region, in the scorecard's order. For
    regions, seats without one make a last row labelled ``rest_label`` so the shares add up."""
    total = scorecard.get("seats") or 0
    totals = scorecard.get(f"by_{kind}") or {}
    if not total or not totals:
        return []
    entries = scorecard.get("entries") or []
    listed = list(scorecard.get("groups" if kind == "group" else "regions") or [])
    order = list(dict.fromkeys([*listed, *(e[kind] for e in entries if e.get(kind))]))
    seats, banzhaf = totals.get("seats") or {}, totals.get("banzhaf") or {}
    shapley = totals.get("shapley_shubik") or {}
    rows = [
        ShareTableRow(
            label=name_label(name, names if kind == "group" else None),
            seats=seats.get(name, 0), seat_share=seats.get(name, 0) / total,
            banzhaf=banzhaf.get(name, 0.0), shapley_shubik=shapley.get(name, 0.0),
        )
        for name in order
        if name in seats
    ]
    held = sum(row.seats for row in rows)
    if not held:
        return []
    if kind == "region" and held < total:
        rows.append(ShareTableRow(
            label=rest_label, seats=total - held, seat_share=(total - held) / total,
            banzhaf=max(0.0, 1.0 - sum(r.banzhaf for r in rows)),
            shapley_shubik=max(0.0, 1.0 - sum(r.shapley_shubik for r in rows)),
            is_rest=True,
        ))
    return rows
