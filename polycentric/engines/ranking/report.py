"""A ranking result as plain data for JSON (`ranking_document`) and as text (`ranking_text`).

The document is what ``polycentric rank --format json`` prints; its keys come in a fixed order.
Exact weights and scores become numbers: integers when whole, else floats rounded to 12 decimals.
docs/ranking.md describes every field.
"""

from __future__ import annotations

from collections.abc import Sequence
from fractions import Fraction

from polycentric.engines.ranking.ballots import Balance
from polycentric.engines.ranking.outcome import Matrix, Outcome, RankingResult

DECIMALS = 12


def ranking_document(result: RankingResult) -> dict[str, object]:
    """The result as plain data: method, balance, ranking, tiers, scores, pairwise counts,
    weights, each group's own ranking and the agreement matrix."""
    outcome = result.outcome
    names = result.candidates
    agreement = result.agreement
    return {
        "method": result.method.value,
        "balance": result.balance.value,
        "candidates": list(names),
        "ballots": result.ballots,
        "ranking": list(outcome.ranking),
        "tiers": [list(tier) for tier in outcome.tiers],
        "scores": _scores(outcome),
        "pairwise": _pairs(outcome.pairwise, outcome.scale, names),
        "strongest_paths": _pairs(outcome.paths, outcome.scale, names),
        "locked": [list(pair) for pair in outcome.locked] if outcome.locked is not None else None,
        "weights": {group: number(weight) for group, weight in result.weights.items()},
        "cells": [
            {
                "group": cell.group,
                "region": cell.region,
                "ballots": cell.ballots,
                "weight": number(cell.weight),
                "ballot_weight": number(cell.ballot_weight),
            }
            for cell in result.cells
        ],
        "by_group": {
            group: {
                "ballots": own.ballots,
                "weight": number(result.weights[group]),
                "ranking": list(own.ranking),
                "tiers": [list(tier) for tier in own.tiers],
                "scores": _scores(own),
            }
            for group, own in result.by_group.items()
        },
        "agreement": {
            "measure": agreement.measure,
            "groups": list(agreement.groups),
            "matrix": {
                a: {b: _tau(agreement.matrix[i][j]) for j, b in enumerate(agreement.groups)}
                for i, a in enumerate(agreement.groups)
            },
            "overall": {g: _tau(agreement.overall[i]) for i, g in enumerate(agreement.groups)},
        },
    }


def ranking_text(result: RankingResult) -> str:
    """A readable report: the overall ranking with its tiers, each group's own ranking, the
    weights, and the agreement between groups."""
    outcome = result.outcome
    groups = list(result.by_group)
    lines = [
        f"{result.method.label} ranking of {_count(len(result.candidates), 'candidate')} "
        f"from {_count(result.ballots, 'ballot')} in {_count(len(groups), 'stakeholder group')}",
        f"Balance: {result.balance.value} ({result.balance.description})",
        "",
        "Overall ranking",
    ]
    scored = outcome.scores is not None
    header = ["place", "candidate"] + (["score"] if scored else [])
    rows = []
    places = outcome.places()
    for tier in outcome.tiers:
        for name in tier:
            row = [_place(places[name], len(tier) > 1), name]
            if outcome.scores is not None:
                row.append(_decimal(outcome.scores[name]))
            rows.append(row)
    lines += _table(header, rows, right=[2] if scored else [])
    if any(len(tier) > 1 for tier in outcome.tiers):
        lines.append("  (= marks candidates tied at that place)")
    if groups:
        lines += ["", "Each group's own ranking (place; the same method and balance, "
                      "from that group's ballots alone)"]
        own_places = {group: result.by_group[group].places() for group in groups}
        tied = {
            group: {name for tier in result.by_group[group].tiers if len(tier) > 1 for name in tier}
            for group in groups
        }
        tied_overall = {name for tier in outcome.tiers if len(tier) > 1 for name in tier}
        rows = [
            [name, _place(places[name], name in tied_overall)]
            + [_place(own_places[g][name], name in tied[g]) for g in groups]
            for name in outcome.ranking
        ]
        lines += _table(["candidate", "overall", *groups], rows, right=range(1, len(groups) + 2))
        lines += ["", "Weights (the total weight each group carries)"]
        rows = []
        for group in groups:
            own = result.by_group[group]
            per = {cell.ballot_weight for cell in result.cells if cell.group == group}
            rows.append([group, str(own.ballots), _decimal(result.weights[group]),
                         _decimal(per.pop()) if len(per) == 1 else "varies"])
        total = sum(result.weights.values(), Fraction(0))
        rows.append(["total", str(result.ballots), _decimal(total), ""])
        lines += _table(["group", "ballots", "weight", "per ballot"], rows, right=[1, 2, 3])
        if result.balance is Balance.GROUP_REGION:
            lines += ["", "Weights by group and region"]
            rows = [
                [cell.group, cell.region or "(no region)", str(cell.ballots),
                 _decimal(cell.weight), _decimal(cell.ballot_weight)]
                for cell in result.cells
            ]
            lines += _table(["group", "region", "ballots", "weight", "per ballot"], rows,
                            right=[2, 3, 4])
        agreement = result.agreement
        lines += ["", "Agreement between the groups' own rankings (Kendall tau-b)",
                  "  1 the same order, 0 unrelated, -1 reversed; n/a where a ranking ties "
                  "every candidate"]
        rows = [
            [a] + [_tau_text(agreement.matrix[i][j]) for j in range(len(groups))]
            for i, a in enumerate(agreement.groups)
        ]
        rows.append(["overall"] + [_tau_text(value) for value in agreement.overall])
        lines += _table(["", *agreement.groups], rows, right=range(1, len(groups) + 1))
    return "\n".join(lines) + "\n"


def number(value: Fraction) -> int | float:
    """An exact value as a JSON number: an int when whole, else a float rounded to 12 decimals."""
    if value.denominator == 1:
        return value.numerator
    return round(float(value), DECIMALS)


def _scores(outcome: Outcome) -> dict[str, int | float] | None:
    if outcome.scores is None:
        return None
    return {name: number(score) for name, score in outcome.scores.items()}


def _pairs(
    matrix: Matrix | None, scale: int, names: Sequence[str]
) -> dict[str, dict[str, int | float]] | None:
    if matrix is None:
        return None
    return {
        a: {b: number(Fraction(matrix[i][j], scale)) for j, b in enumerate(names) if i != j}
        for i, a in enumerate(names)
    }


def _tau(value: float | None) -> float | None:
    return None if value is None else round(value, DECIMALS)


def _tau_text(value: float | None) -> str:
    return "n/a" if value is None else f"{value:.2f}"


def _decimal(value: Fraction) -> str:
    if value.denominator == 1:
        return str(value.numerator)
    return f"{float(value):.3f}".rstrip("0").rstrip(".")


def _place(place: int, tied: bool) -> str:
    return f"{place}=" if tied else str(place)


def _count(n: int, word: str) -> str:
    return f"{n} {word}" if n == 1 else f"{n} {word}s"


def _table(header: Sequence[str], rows: Sequence[Sequence[str]], right: Sequence[int]) -> list[str]:
    widths = [len(cell) for cell in header]
    for row in rows:
        widths = [max(width, len(cell)) for width, cell in zip(widths, row, strict=True)]
    aligned = set(right)

    def line(cells: Sequence[str]) -> str:
        parts = [
            cell.rjust(width) if k in aligned else cell.ljust(width)
            for k, (cell, width) in enumerate(zip(cells, widths, strict=True))
        ]
        return ("  " + "  ".join(parts)).rstrip()

    return [line(header), *(line(row) for row in rows)]
