"""A round's stored results as a page shows them: the overall ranking, each group's ranking, and
the group-by-group agreement as a heatmap drawn on the server (inline SVG) with the same numbers
in a table, the accessible alternative.

Agreement is Kendall's tau-b between two groups' rankings: 1 the same order, 0 unrelated, -1
reversed; undefined (shown as a dash) when a group tied every issue.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from django.utils.formats import number_format
from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString
from django.utils.translation import gettext as _

CELL = 56
LABEL_WIDTH = 200
HEADER_HEIGHT = 150
LABEL_CHARS = 26
INK = "#1b1f23"
UNDEFINED = "#d0d5da"
NEGATIVE = (178, 24, 43)
POSITIVE = (33, 102, 172)
NEUTRAL = (247, 247, 247)


@dataclass(frozen=True, slots=True)
class PlaceRow:
    """One issue in a ranking: its place (shared by a tie), slug, title and score if any."""

    place: int
    tied: bool
    slug: str
    title: str
    score: Any = None


def tau_text(value: float | None) -> str:
    """A localised tau with two decimals, or a dash when undefined."""
    return "\u2013" if value is None else number_format(round(value, 2), 2)


def _shorten(text: str) -> str:
    return text if len(text) <= LABEL_CHARS else text[: LABEL_CHARS - 1].rstrip() + "…"


def place_rows(tiers: Sequence[Sequence[str]], titles: Mapping[str, str],
               scores: Mapping[str, Any] | None = None) -> list[PlaceRow]:
    """Rows of a ranking, best first; tied issues share the place of the first of them."""
    rows: list[PlaceRow] = []
    above = 0
    for tier in tiers:
        for slug in sorted(tier, key=lambda s: titles.get(s, s)):
            rows.append(PlaceRow(
                place=above + 1, tied=len(tier) > 1, slug=slug, title=titles.get(slug, slug),
                score=scores.get(slug) if scores else None,
            ))
        above += len(tier)
    return rows


def group_rankings(results: Mapping[str, Any], titles: Mapping[str, str],
                   group_names: Mapping[str, str]) -> list[dict[str, Any]]:
    """Each group's own ranking with its ballots and weight, in the order of the results."""
    return [
        {
            "slug": group,
            "name": group_names.get(group, group),
            "ballots": own.get("ballots", 0),
            "weight": own.get("weight"),
            "rows": place_rows(own.get("tiers", []), titles, own.get("scores")),
        }
        for group, own in results.get("by_group", {}).items()
    ]


def agreement_rows(results: Mapping[str, Any], group_names: Mapping[str, str]
                   ) -> tuple[list[str], list[dict[str, Any]]]:
    """The agreement matrix as table rows: (column names, rows of {name, cells, overall})."""
    agreement = results.get("agreement") or {}
    groups = list(agreement.get("groups", []))
    matrix = agreement.get("matrix", {})
    overall = agreement.get("overall", {})
    names = [group_names.get(g, g) for g in groups]
    rows = [
        {
            "name": group_names.get(a, a),
            "cells": [tau_text(matrix.get(a, {}).get(b)) for b in groups],
            "overall": tau_text(overall.get(a)),
        }
        for a in groups
    ]
    return names, rows


def _colour(value: float | None) -> str:
    if value is None:
        return UNDEFINED
    end = POSITIVE if value >= 0 else NEGATIVE
    share = min(abs(value), 1.0)
    r, g, b = (round(n + (e - n) * share) for n, e in zip(NEUTRAL, end, strict=True))
    return f"#{r:02x}{g:02x}{b:02x}"


def _text_colour(value: float | None) -> str:
    # Dark cells (strong agreement or disagreement) take white text for contrast.
    return "#ffffff" if value is not None and abs(value) > 0.55 else INK


def agreement_svg(results: Mapping[str, Any], group_names: Mapping[str, str], *,
                  chart_id: str) -> SafeString:
    """A heatmap of the agreement between every two groups (blue agree, red disagree)."""
    agreement = results.get("agreement") or {}
    groups = list(agreement.get("groups", []))
    if len(groups) < 2:
        return SafeString("")
    matrix = agreement.get("matrix", {})
    n = len(groups)
    width = LABEL_WIDTH + n * CELL + 10
    height = HEADER_HEIGHT + n * CELL + 10
    title = _("Agreement between the stakeholder groups' rankings")
    description = _(
        "Kendall's tau-b between every two groups' own rankings, from -1 (reversed order, red) "
        "through 0 (unrelated) to 1 (the same order, blue). The table below gives the same "
        "numbers.")
    headers = format_html_join(
        "", '<text x="{}" y="{}" transform="rotate(-45 {} {})" font-size="13" fill="{}">{}</text>',
        (
            (x, HEADER_HEIGHT - 8, x, HEADER_HEIGHT - 8, INK, _shorten(group_names.get(g, g)))
            for i, g in enumerate(groups)
            for x in [LABEL_WIDTH + i * CELL + CELL // 2]
        ),
    )
    labels = format_html_join(
        "", '<text x="{}" y="{}" text-anchor="end" font-size="13" fill="{}">{}</text>',
        (
            (LABEL_WIDTH - 8, HEADER_HEIGHT + i * CELL + CELL // 2 + 5, INK,
             _shorten(group_names.get(g, g)))
            for i, g in enumerate(groups)
        ),
    )
    cells = format_html_join(
        "",
        '<g><title>{}</title><rect x="{}" y="{}" width="{}" height="{}" fill="{}" '
        'stroke="#ffffff"/><text x="{}" y="{}" text-anchor="middle" font-size="13" '
        'fill="{}">{}</text></g>',
        (
            (
                f"{group_names.get(a, a)} / {group_names.get(b, b)}: {tau_text(value)}",
                LABEL_WIDTH + j * CELL, HEADER_HEIGHT + i * CELL, CELL, CELL, _colour(value),
                LABEL_WIDTH + j * CELL + CELL // 2, HEADER_HEIGHT + i * CELL + CELL // 2 + 5,
                _text_colour(value), tau_text(value),
            )
            for i, a in enumerate(groups)
            for j, b in enumerate(groups)
            for value in [matrix.get(a, {}).get(b)]
        ),
    )
    return format_html(
        '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {w} {h}" width="{w}" height="{h}" '
        'role="img" aria-labelledby="{id}-title {id}-desc" id="{id}">'
        '<title id="{id}-title">{title}</title><desc id="{id}-desc">{desc}</desc>'
        "{headers}{labels}{cells}</svg>",
        w=width, h=height, id=chart_id, title=title, desc=description, headers=headers,
        labels=labels, cells=cells,
    )
