"""How stored results are shown: places with ties, and the agreement heatmap with its table."""

from __future__ import annotations

import xml.etree.ElementTree as ET

from polycentric.coordination.results_rounds import (
    agreement_rows,
    agreement_svg,
    place_rows,
    tau_text,
)

RESULTS = {
    "agreement": {
        "groups": ["governments", "civil_society", "academia"],
        "matrix": {
            "governments": {"governments": 1.0, "civil_society": -0.8165, "academia": None},
            "civil_society": {"governments": -0.8165, "civil_society": 1.0, "academia": None},
            "academia": {"governments": None, "civil_society": None, "academia": None},
        },
        "overall": {"governments": 0.5, "civil_society": 0.2, "academia": None},
    }
}
DASH = "\u2013"
NAMES = {"governments": "Governments", "civil_society": "Civil society & NGOs"}


def test_tied_issues_share_the_place_of_the_first_of_them():
    rows = place_rows([["b", "a"], ["c"]], {"a": "Alpha", "b": "Beta", "c": "Gamma"})
    assert [(r.place, r.tied, r.title) for r in rows] == [
        (1, True, "Alpha"), (1, True, "Beta"), (3, False, "Gamma")]


def test_the_heatmap_is_valid_svg_with_a_title_and_a_cell_per_pair():
    svg = str(agreement_svg(RESULTS, NAMES, chart_id="chart"))
    root = ET.fromstring(svg)  # noqa: S314 -- our own output
    ns = {"s": "http://www.w3.org/2000/svg"}

    assert root.get("role") == "img"
    assert root.find("s:title", ns).text.startswith("Agreement")
    cells = root.findall("s:g/s:rect", ns)
    assert len(cells) == 9
    labels = [t.text for t in root.findall("s:g/s:text", ns)]
    assert labels.count(DASH) == 5 and "-0.82" in labels and "1.00" in labels
    assert "Civil society &amp; NGOs" in svg  # escaped
    # Disagreement is red, agreement blue, undefined grey.
    fills = {t: r.get("fill") for t, r in zip(labels, cells, strict=True)}
    assert fills["-0.82"] == "#bf4150"
    assert fills["1.00"] == "#2166ac"
    assert fills[DASH] == "#d0d5da"


def test_no_chart_for_fewer_than_two_groups():
    one = {"agreement": {"groups": ["governments"], "matrix": {"governments": {"governments": 1.0}}}}
    assert str(agreement_svg(one, NAMES, chart_id="c")) == ""


def test_the_table_alternative_carries_the_same_numbers():
    names, rows = agreement_rows(RESULTS, NAMES)
    assert names == ["Governments", "Civil society & NGOs", "academia"]
    assert rows[0] == {"name": "Governments", "cells": ["1.00", "-0.82", DASH], "overall": "0.50"}
    assert tau_text(None) == DASH
