"""Seat share against voting power, drawn on the server as inline SVG (no JavaScript).

For every stakeholder group (or region) three bars: its share of the seats, its share of the
Banzhaf power and its share of the Shapley-Shubik power, on one 0-100% scale, so where power and
seats diverge shows at a glance. Each chart is an image with a title, a description and an
aria-label; the page always carries the same numbers in a table, the accessible alternative.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from django.utils.formats import number_format
from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString
from django.utils.translation import gettext as _

LABEL_WIDTH = 210
SCALE_WIDTH = 380
VALUE_WIDTH = 70
BAR_HEIGHT = 14
BAR_GAP = 2
ROW_GAP = 14
LEGEND_HEIGHT = 34
AXIS_HEIGHT = 22
LABEL_CHARS = 28

INK = "#1b1f23"
GRID = "#d0d5da"
SERIES = (
    ("seats", "#5c6670"),
    ("banzhaf", "#1f5f99"),
    ("shapley_shubik", "#9c4400"),
)
"""Bar colours, each with a contrast of at least 4.5:1 on white."""


@dataclass(frozen=True, slots=True)
class ShareRow:
    """One group or region: its shares (0 to 1) of the seats and of each power index."""

    label: str
    seats: float
    banzhaf: float
    shapley_shubik: float


def percent(share: float) -> str:
    """A share as a localised percentage with one decimal: 0.4286 -> "42.9%"."""
    return f"{number_format(round(share * 100, 1), 1)}%"


def _shorten(text: str, limit: int = LABEL_CHARS) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def power_chart_svg(
    rows: Sequence[ShareRow], *, chart_id: str, title: str, description: str
) -> SafeString:
    """Grouped bars of seat share, Banzhaf share and Shapley-Shubik share per row.

    >>> svg = power_chart_svg([ShareRow("Government", 0.43, 0.2, 0.2)], chart_id="g",
    ...                       title="Seats and power", description="One group.")
    >>> 'role="img"' in svg and "<title" in svg and "Government" in svg
    True
    """
    names = {
        "seats": _("Share of the seats"),
        "banzhaf": _("Banzhaf power"),
        "shapley_shubik": _("Shapley-Shubik power"),
    }
    block = 3 * BAR_HEIGHT + 2 * BAR_GAP
    width = LABEL_WIDTH + SCALE_WIDTH + VALUE_WIDTH
    height = LEGEND_HEIGHT + AXIS_HEIGHT + (block + ROW_GAP) * max(len(rows), 1)
    top = LEGEND_HEIGHT + AXIS_HEIGHT
    parts: list[SafeString] = []

    x = 0
    for key, colour in SERIES:
        parts.append(format_html(
            '<g class="chart-legend"><rect x="{}" y="8" width="14" height="14" fill="{}"/>'
            '<text x="{}" y="20" fill="{}">{}</text></g>',
            x, colour, x + 20, INK, names[key],
        ))
        x += 30 + 8 * len(names[key])

    for tick in (0, 25, 50, 75, 100):
        tx = LABEL_WIDTH + SCALE_WIDTH * tick / 100
        parts.append(format_html(
            '<line x1="{}" y1="{}" x2="{}" y2="{}" stroke="{}" stroke-width="1"/>'
            '<text x="{}" y="{}" text-anchor="middle" fill="{}" font-size="11">{}%</text>',
            tx, top - 4, tx, height - ROW_GAP / 2, GRID, tx, top - 8, INK, tick,
        ))

    for index, row in enumerate(rows):
        y = top + (block + ROW_GAP) * index
        bars = format_html_join(
            "",
            '<g class="bar {}"><title>{}</title>'
            '<rect x="{}" y="{}" width="{}" height="{}" fill="{}"/>'
            '<text x="{}" y="{}" fill="{}" font-size="12">{}</text></g>',
            (
                (
                    key.replace("_", "-"),
                    f"{row.label}: {names[key]} {percent(value)}",
                    LABEL_WIDTH, y + (BAR_HEIGHT + BAR_GAP) * number,
                    round(max(0.0, min(value, 1.0)) * SCALE_WIDTH, 2), BAR_HEIGHT, colour,
                    LABEL_WIDTH + max(0.0, min(value, 1.0)) * SCALE_WIDTH + 4,
                    y + (BAR_HEIGHT + BAR_GAP) * number + BAR_HEIGHT - 3, INK, percent(value),
                )
                for number, (key, colour) in enumerate(SERIES)
                for value in (getattr(row, key),)
            ),
        )
        parts.append(format_html(
            '<g class="row"><text class="label" x="{}" y="{}" text-anchor="end" fill="{}">{}'
            "<title>{}</title></text>{}</g>",
            LABEL_WIDTH - 8, y + block / 2 + 4, INK, _shorten(row.label), row.label, bars,
        ))

    return format_html(
        '<svg class="power-chart" xmlns="http://www.w3.org/2000/svg" role="img" '
        'aria-labelledby="{}-title" aria-describedby="{}-desc" aria-label="{}" '
        'viewBox="0 0 {} {}" width="{}" height="{}" preserveAspectRatio="xMinYMin meet" '
        'font-family="system-ui, sans-serif" font-size="13">'
        '<title id="{}-title">{}</title><desc id="{}-desc">{}</desc>{}</svg>',
        chart_id, chart_id, title, width, height, width, height,
        chart_id, title, chart_id, description,
        format_html_join("", "{}", ((part,) for part in parts)),
    )
