"""Charts drawn on the server as inline SVG, so they need no JavaScript and print well.

Each chart is an image with a title, a description and an aria-label; the page always carries
the same data as a table, which is the accessible alternative.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString
from django.utils.translation import gettext as _

LABEL_WIDTH = 330
CELL_WIDTH = 160
STATUS_WIDTH = 200
ROW_HEIGHT = 24
HEADER_HEIGHT = 48
LABEL_CHARS = 46

INK = "#1b1f23"
MET = "#1e6b3a"
UNMET = "#a31919"
STATUS_COLOURS = {
    "covered": "#1e6b3a",
    "home_cannot_act": "#7a5b00",
    "home_excludes_groups": "#9c4400",
    "home_not_global": "#6b3fa0",
    "no_home": "#a31919",
    "not_assessed": "#5c6670",
}
"""The site's status colours (site.css), repeated so the chart reads the same without CSS."""


@dataclass(frozen=True, slots=True)
class MatrixRow:
    """One aspect of the gap matrix: its labels, its status and which criteria it meets."""

    issue: str
    aspect: str
    status: str
    status_label: str
    met: tuple[bool, ...]


def _shorten(text: str, limit: int = LABEL_CHARS) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def gap_matrix_svg(
    rows: Sequence[MatrixRow], *, criteria: Sequence[str], title: str, description: str
) -> SafeString:
    """The issue-by-criterion matrix: one row per aspect, one column per criterion, a filled
    cell with a tick where some covering venue meets the criterion, an outlined cell with a
    cross where none does, then the aspect's status.

    >>> svg = gap_matrix_svg([MatrixRow("Spam", "Enforcement", "covered", "Covered",
    ...                                 (True, True, True, True))],
    ...                      criteria=["Has a home", "Global reach", "All groups", "Can act"],
    ...                      title="Gap matrix", description="One aspect.")
    >>> 'role="img"' in svg and "<title" in svg
    True
    """
    width = LABEL_WIDTH + CELL_WIDTH * len(criteria) + STATUS_WIDTH
    height = HEADER_HEIGHT + ROW_HEIGHT * max(len(rows), 1) + 8
    parts: list[SafeString] = []
    for index, name in enumerate(criteria):
        x = LABEL_WIDTH + CELL_WIDTH * index + CELL_WIDTH / 2
        parts.append(format_html(
            '<text class="head" x="{}" y="{}" text-anchor="middle" font-weight="600" fill="{}">'
            "{}</text>",
            x, HEADER_HEIGHT - 14, INK, name,
        ))
    parts.append(format_html(
        '<text class="head" x="{}" y="{}" font-weight="600" fill="{}">{}</text>',
        LABEL_WIDTH + CELL_WIDTH * len(criteria) + 10, HEADER_HEIGHT - 14, INK, _("Status"),
    ))
    yes, no = _("meets"), _("does not meet")
    for number, row in enumerate(rows):
        y = HEADER_HEIGHT + ROW_HEIGHT * number
        label = f"{row.issue}: {row.aspect}"
        cells = format_html_join(
            "",
            '<g class="{}"><title>{}</title>'
            '<rect x="{}" y="{}" width="{}" height="{}" rx="3" fill="{}" stroke="{}"/>'
            '<text x="{}" y="{}" text-anchor="middle" fill="{}">{}</text></g>',
            (
                (
                    "met" if met else "unmet",
                    f"{label}: {yes if met else no} “{criteria[i]}”",
                    LABEL_WIDTH + CELL_WIDTH * i + 4, y + 2, CELL_WIDTH - 8, ROW_HEIGHT - 4,
                    MET if met else "#ffffff", MET if met else UNMET,
                    LABEL_WIDTH + CELL_WIDTH * i + CELL_WIDTH / 2, y + ROW_HEIGHT - 8,
                    "#ffffff" if met else UNMET, "✓" if met else "✗",
                )
                for i, met in enumerate(row.met)
            ),
        )
        parts.append(format_html(
            '<g class="row"><title>{}</title>'
            '<text class="label" x="0" y="{}" fill="{}">{}</text>{}'
            '<text class="gap-status {}" x="{}" y="{}" fill="{}" font-weight="600">{}</text></g>',
            f"{label}: {row.status_label}",
            y + ROW_HEIGHT - 8, INK, _shorten(label), cells,
            row.status, LABEL_WIDTH + CELL_WIDTH * len(criteria) + 10, y + ROW_HEIGHT - 8,
            STATUS_COLOURS.get(row.status, INK), row.status_label,
        ))
    return format_html(
        '<svg class="gap-matrix" xmlns="http://www.w3.org/2000/svg" role="img" '
        'aria-label="{}" aria-describedby="gap-matrix-desc" '
        'viewBox="0 0 {} {}" width="{}" height="{}" preserveAspectRatio="xMinYMin meet" '
        'font-family="system-ui, sans-serif" font-size="13">'
        '<title id="gap-matrix-title">{}</title><desc id="gap-matrix-desc">{}</desc>{}</svg>',
        title, width, height, width, height, title, description,
        format_html_join("", "{}", ((part,) for part in parts)),
    )
