"""A scorecard as plain data for JSON (`scorecard_document`) and as text (`scorecard_text`).

The document is what ``polycentric analyze --format json`` prints and what the API returns; its
keys come in a fixed order and its numbers are rounded to 12 decimals. docs/principles.md
describes every field.
"""

from __future__ import annotations

from collections.abc import Sequence
from fractions import Fraction

from polycentric.engines.power import EntryPower, Method, rule_document
from polycentric.engines.principles.checks import (
    AllGroupsDetails,
    GlobalDetails,
    PrincipleResult,
    RegionShare,
    Scorecard,
    Shortfall,
    Violation,
)
from polycentric.engines.principles.words import label, percent, plural, rule_words

DECIMALS = 12


def scorecard_document(scorecard: Scorecard) -> dict[str, object]:
    """The scorecard as plain data: body, seats, rule, method, principles, power and its totals.

    ``by_group``, ``by_region`` and ``veto`` appear both inside ``power`` and at the top level.
    """
    body, power = scorecard.body, scorecard.power
    by_group = _totals(scorecard, "group")
    by_region = _totals(scorecard, "region")
    veto = list(power.veto)
    return {
        "body": body.name,
        "seats": scorecard.seats,
        "entries": [
            {
                "name": seat.name,
                "group": seat.group,
                "region": seat.region,
                "count": seat.count,
                "weight": seat.weight,
            }
            for seat in body.seats
        ],
        "groups": list(body.groups),
        "regions": list(body.regions),
        "rule": rule_document(body.rule),
        "rule_summary": rule_words(body.rule, body.seats),
        "fallback_rule": rule_document(body.fallback_rule) if body.fallback_rule else None,
        "thresholds": {
            "min_group_seats": scorecard.thresholds.min_group_seats,
            "min_region_seats": scorecard.thresholds.min_region_seats,
            "max_region_share": _number(scorecard.thresholds.max_region_share),
        },
        "method": power.method.value,
        "error_bound": _number(power.error_bound),
        "passed": scorecard.passed,
        "principles": {
            principle.key.value: _principle(principle) for principle in scorecard.principles
        },
        "power": {
            "method": power.method.value,
            "error_bound": _number(power.error_bound),
            "samples": power.samples,
            "algorithms": {
                "banzhaf": power.banzhaf_algorithm,
                "shapley_shubik": power.shapley_shubik_algorithm,
            },
            "banzhaf": {e.name: _number(e.banzhaf) for e in power.entries},
            "banzhaf_absolute": {e.name: _number(e.banzhaf_absolute) for e in power.entries},
            "shapley_shubik": {e.name: _number(e.shapley_shubik) for e in power.entries},
            "by_group": by_group,
            "by_region": by_region,
            "veto": veto,
            "powerless": list(power.powerless),
        },
        "by_group": by_group,
        "by_region": by_region,
        "veto": veto,
    }


def _principle(principle: PrincipleResult) -> dict[str, object]:
    details = principle.details
    missing: tuple[Shortfall, ...] = ()
    max_share: RegionShare | None = None
    if isinstance(details, AllGroupsDetails | GlobalDetails):
        missing = details.missing
    if isinstance(details, GlobalDetails):
        max_share = details.max_share
    document: dict[str, object] = {
        "title": principle.title,
        "passed": principle.passed,
        "summary": principle.summary,
        "missing": [
            {short.kind: short.name, "seats": short.seats, "minimum": short.minimum}
            for short in missing
        ],
        "max_share": _share(max_share) if max_share else None,
        "violations": [_violation(violation) for violation in principle.violations],
    }
    if isinstance(details, GlobalDetails):
        document["over_share"] = [_share(share) for share in details.over_share]
    return document


def _share(share: RegionShare) -> dict[str, object]:
    return {
        "region": share.region,
        "seats": share.seats,
        "of": share.of,
        "share": _number(share.share),
        "limit": _number(share.limit),
    }


def _violation(violation: Violation) -> dict[str, object]:
    document: dict[str, object] = {
        violation.kind: violation.name or None,
        "reason": violation.reason,
    }
    if violation.coalition:
        document["coalition"] = dict(violation.coalition)
        document["coalition_seats"] = violation.coalition_seats
    return document


def _totals(scorecard: Scorecard, kind: str) -> dict[str, dict[str, object]]:
    rows = _total_rows(scorecard, kind)
    return {
        "seats": {name: seats for name, seats, _, _ in rows},
        "banzhaf": {name: _number(banzhaf) for name, _, banzhaf, _ in rows},
        "shapley_shubik": {name: _number(shapley) for name, _, _, shapley in rows},
    }


def _total_rows(scorecard: Scorecard, kind: str) -> list[tuple[str, int, float, float]]:
    """(name, seats, Banzhaf, Shapley-Shubik) per group (region): the required ones first, those
    holding no seat included with 0; seats without a region are in no region's total."""
    body, power = scorecard.body, scorecard.power
    names = body.group_names() if kind == "group" else body.region_names()
    totals = {t.name: t for t in (power.by_group if kind == "group" else power.by_region)}
    return [
        (name, totals[name].seats, totals[name].banzhaf, totals[name].shapley_shubik)
        if name in totals
        else (name, 0, 0.0, 0.0)
        for name in names
    ]


def _number(value: float | Fraction) -> float:
    return round(float(value), DECIMALS) + 0.0  # + 0.0 turns -0.0 into 0.0


# ---- text ---------------------------------------------------------------------------------------


def scorecard_text(scorecard: Scorecard) -> str:
    """A readable scorecard: the principles with their reasons, the seats with their power, the
    totals by group and by region, veto and powerless seats, and how the power was computed."""
    body, power = scorecard.body, scorecard.power
    failed = [p for p in scorecard.principles if not p.passed]
    lines = [body.name, "=" * len(body.name)]
    if body.purpose:
        lines.append(body.purpose.strip())
    lines.append(
        f"{plural(scorecard.seats, 'seat')} in {plural(len(body.seats), 'entry', 'entries')}. "
        f"Decision rule: {rule_words(body.rule, body.seats)}."
    )
    if body.fallback_rule:
        lines.append(
            f"Fallback rule (not analysed here): {rule_words(body.fallback_rule, body.seats)}."
        )
    if failed:
        lines.append(f"Result: {len(failed)} of {len(scorecard.principles)} principle checks fail.")
    else:
        lines.append(f"Result: all {len(scorecard.principles)} principle checks pass.")

    lines += ["", "Principles"]
    for principle in scorecard.principles:
        mark = "PASS" if principle.passed else "FAIL"
        lines.append(f"  [{mark}] {principle.title}")
        lines.append(f"         {principle.summary}")
        for violation in principle.violations:
            lines.append(f"         - {_sentence(violation.reason)}")

    lines += ["", "Seats and voting power (per seat; in brackets, the entry's seats together)"]
    lines += _table(
        ["entry", "group", "region", "seats", "weight", "Banzhaf", "Shapley-Shubik"],
        [_entry_row(entry) for entry in power.entries],
        right=(3, 4, 5, 6),
    )

    for kind, heading in (("group", "stakeholder group"), ("region", "region")):
        totals = _total_rows(scorecard, kind)
        if not totals:
            continue
        counted = sum(seats for _, seats, _, _ in totals)
        rows = [
            [
                label(name),
                str(seats),
                percent(Fraction(seats, scorecard.seats)),
                f"{banzhaf * 100:.1f}%",
                f"{shapley * 100:.1f}%",
            ]
            for name, seats, banzhaf, shapley in totals
        ]
        lines += ["", f"Power by {heading} (share of the seats against share of the power)"]
        lines += _table(
            [heading, "seats", "seat share", "Banzhaf", "Shapley-Shubik"], rows, right=(1, 2, 3, 4)
        )
        if kind == "region" and counted < scorecard.seats:
            without = scorecard.seats - counted
            lines.append(
                f"  {plural(without, 'seat')} {'has' if without == 1 else 'have'} no region "
                "and count in no region's total."
            )

    lines.append("")
    lines.append(f"Veto seats (in every winning coalition): {_names(power.veto)}")
    lines.append(f"Powerless seats (never change an outcome): {_names(power.powerless)}")
    if power.method is Method.EXACT:
        lines.append(
            f"Method: exact (Banzhaf by {_words(power.banzhaf_algorithm)}, Shapley-Shubik by "
            f"{_words(power.shapley_shubik_algorithm)}); error bound 0."
        )
    else:
        lines.append(
            f"Method: Monte Carlo estimate from {power.samples:,} samples (Banzhaf by "
            f"{_words(power.banzhaf_algorithm)}, Shapley-Shubik by "
            f"{_words(power.shapley_shubik_algorithm)}); every index is within "
            f"{power.error_bound:.6f} of its exact value with 95% confidence."
        )
    return "\n".join(lines) + "\n"


def _entry_row(entry: EntryPower) -> list[str]:
    return [
        entry.name,
        label(entry.group),
        label(entry.region) if entry.region else "-",
        str(entry.count),
        str(entry.weight),
        f"{entry.banzhaf:.4f} ({entry.count * entry.banzhaf:.4f})",
        f"{entry.shapley_shubik:.4f} ({entry.count * entry.shapley_shubik:.4f})",
    ]


def _table(header: list[str], rows: list[list[str]], *, right: Sequence[int]) -> list[str]:
    widths = [max(len(row[i]) for row in [header, *rows]) for i in range(len(header))]

    def line(cells: list[str]) -> str:
        padded = [
            cell.rjust(widths[i]) if i in right else cell.ljust(widths[i])
            for i, cell in enumerate(cells)
        ]
        return ("  " + "  ".join(padded)).rstrip()

    return [line(header)] + [line(row) for row in rows]


def _names(names: Sequence[str]) -> str:
    return ", ".join(names) if names else "none"


def _words(algorithm: str) -> str:
    return {
        "counting": "counting coalitions",
        "owen_fourier": "the Owen integral",
        "symmetry": "symmetry",
        "dynamic_programming": "dynamic programming over interchangeable seats",
        "enumeration": "enumerating coalitions",
        "monte_carlo": "sampling",
    }.get(algorithm, label(algorithm))


def _sentence(text: str) -> str:
    text = text[:1].upper() + text[1:]
    return text if text.endswith(".") else f"{text}."
