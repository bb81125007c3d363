"""The JSON document and the text report of a ranking result."""

from __future__ import annotations

import json

from polycentric.engines.ranking import (
    Ballot,
    parse_approvals,
    parse_ranking,
    rank,
    ranking_document,
    ranking_text,
)


def ballot(voter: str, group: str, region: str | None, text: str) -> Ballot:
    return Ballot(voter, group, region, parse_ranking(text))


BALLOTS = [
    ballot("wanjiru", "government", "African", "A>B>C"),
    ballot("kofi", "government", "African", "A>C>B"),
    ballot("maria", "government", "GRULAC", "B>A>C"),
    ballot("ana", "civil_society", "GRULAC", "C>B=A"),
]


def test_the_document_has_every_field_in_a_fixed_order():
    document = ranking_document(rank(BALLOTS, balance="group"))

    assert list(document) == [
        "method", "balance", "candidates", "ballots", "ranking", "tiers", "scores", "pairwise",
        "strongest_paths", "locked", "weights", "cells", "by_group", "agreement",
    ]
    assert json.loads(json.dumps(document)) == document
    assert (document["method"], document["balance"], document["ballots"]) == ("schulze", "group", 4)
    assert document["candidates"] == ["A", "B", "C"]
    # government (1 in all, 1/3 a ballot) ranks A over B 2 to 1; civil society ties them.
    assert document["pairwise"]["A"]["B"] == round(2 / 3, 12)
    assert document["pairwise"]["B"]["A"] == round(1 / 3, 12)
    assert "A" not in document["pairwise"]["A"]
    assert document["weights"] == {"civil_society": 1, "government": 1}
    assert document["cells"][0] == {
        "group": "civil_society", "region": "GRULAC", "ballots": 1, "weight": 1,
        "ballot_weight": 1,
    }
    assert document["by_group"]["government"] == {
        "ballots": 3, "weight": 1, "ranking": ["A", "B", "C"], "tiers": [["A"], ["B"], ["C"]],
        "scores": None,
    }
    assert document["by_group"]["civil_society"]["tiers"] == [["C"], ["A", "B"]]
    assert document["agreement"]["measure"] == "kendall-tau-b"
    assert document["agreement"]["groups"] == ["civil_society", "government"]
    assert document["agreement"]["matrix"]["government"]["government"] == 1.0
    assert document["scores"] is None and document["locked"] is None


def test_borda_and_approval_documents_carry_scores_and_ranked_pairs_its_locked_pairs():
    borda = ranking_document(rank(BALLOTS, method="borda"))
    # A: 2 + 2 + 1 + 0.5; B: 1 + 0 + 2 + 0.5 (tied with A on ana's ballot); C: 0 + 1 + 0 + 2.
    assert borda["scores"] == {"A": 5.5, "B": 3.5, "C": 3}
    assert borda["strongest_paths"] is None

    # A over C 3 to 1, then A over B 2 to 1; B and C tie 2 to 2, so that pair is never locked.
    ranked_pairs = ranking_document(rank(BALLOTS, method="ranked-pairs"))
    assert ranked_pairs["locked"] == [["A", "C"], ["A", "B"]]
    assert ranked_pairs["tiers"] == [["A"], ["B", "C"]]

    approvals = [
        Ballot("ana", "civil_society", None, approvals=parse_approvals("A,B")),
        Ballot("kofi", "government", None, approvals=parse_approvals("B")),
    ]
    document = ranking_document(rank(approvals, method="approval", balance="group"))
    assert document["scores"] == {"A": 1, "B": 2}
    assert document["pairwise"] is None
    assert document["tiers"] == [["B"], ["A"]]


def test_text_shows_the_overall_ranking_each_groups_ranking_weights_and_agreement():
    text = ranking_text(rank(BALLOTS, balance="group-region"))
    lines = text.splitlines()

    assert lines[0] == "Schulze ranking of 3 candidates from 4 ballots in 2 stakeholder groups"
    assert lines[1] == ("Balance: group-region (each group-and-region cell carries the same total "
                        "weight)")
    # Each cell carries 1: A and B tie 1 to 1 (maria's cell against the two halves of
    # wanjiru's and kofi's), B and C tie 1.5 to 1.5, A beats C 2 to 1.
    assert lines[3:9] == [
        "Overall ranking",
        "  place  candidate",
        "  1=     A",
        "  1=     B",
        "  3      C",
        "  (= marks candidates tied at that place)",
    ]
    assert "  candidate  overall  civil_society  government" in lines
    assert "Weights by group and region" in lines
    assert any(line.split() == ["government", "African", "2", "1", "0.5"] for line in lines)
    assert any(line.split() == ["government", "3", "2", "varies"] for line in lines)
    assert "Agreement between the groups' own rankings (Kendall tau-b)" in lines
    assert text.endswith("\n")


def test_text_marks_ties_and_shows_scores_for_borda():
    tied = [ballot("a", "g", None, "A>B"), ballot("b", "g", None, "B>A")]

    text = ranking_text(rank(tied, method="borda"))

    assert "  place  candidate  score" in text
    assert "  1=     A              1" in text
    assert "  1=     B              1" in text
    assert "(= marks candidates tied at that place)" in text
    # One group whose ranking ties everything: its agreement with itself is undefined.
    assert "  g        n/a" in text
