"""The gap matrix drawn as SVG: an image with a title and description, one row per aspect,
a tick or a cross per criterion, and every label escaped."""

from __future__ import annotations

import html
import re
from xml.etree import ElementTree

from polycentric.issuemap.svg import MatrixRow, gap_matrix_svg

CRITERIA = ["Has a home", "Global reach", "All groups take part", "Can act"]
SVG = "{http://www.w3.org/2000/svg}"


def parse(svg: str) -> ElementTree.Element:
    """The chart as XML; it is our own output, not untrusted input."""
    return ElementTree.fromstring(svg)  # noqa: S314


def draw(rows):
    return gap_matrix_svg(rows, criteria=CRITERIA, title="Gap matrix", description="Two aspects.")


def test_the_chart_is_an_image_with_a_title_and_a_description():
    svg = draw([MatrixRow("Spam", "Enforcement", "covered", "Covered", (True,) * 4)])

    root = parse(svg)
    assert root.get("role") == "img" and root.get("aria-label") == "Gap matrix"
    assert root.find(f"{SVG}title").text == "Gap matrix"
    assert root.find(f"{SVG}desc").text == "Two aspects."
    assert root.get("aria-describedby") == root.find(f"{SVG}desc").get("id")


def test_one_row_per_aspect_with_a_tick_or_cross_per_criterion():
    svg = draw([
        MatrixRow("Spam", "Enforcement", "covered", "Covered", (True, True, True, True)),
        MatrixRow("Jurisdiction", "Applicable law", "no_home", "No home",
                  (False, False, False, False)),
    ])

    root = parse(svg)
    rows = [g for g in root.iter(f"{SVG}g") if g.get("class") == "row"]
    assert [r.find(f"{SVG}title").text for r in rows] == [
        "Spam: Enforcement: Covered", "Jurisdiction: Applicable law: No home"]
    marks = [[t.text for t in row.iter(f"{SVG}text") if t.text in "✓✗"] for row in rows]
    assert marks == [["✓"] * 4, ["✗"] * 4]
    assert "does not meet “Global reach”" in svg


def test_labels_are_escaped_and_long_ones_shortened():
    svg = draw([MatrixRow("<script>alert(1)</script> & co", "A" * 80, "no_home", "No home",
                          (False,) * 4)])

    assert "<script>" not in svg
    assert "&lt;script&gt;alert(1)&lt;/script&gt; &amp; co" in svg
    parse(svg)  # well-formed
    label = html.unescape(re.search(r'<text class="label"[^>]*>([^<]*)</text>', svg).group(1))
    assert label.endswith("…") and len(label) <= 46


def test_an_empty_matrix_is_still_a_valid_image():
    root = parse(draw([]))

    assert root.get("role") == "img" and int(root.get("height")) > 0
