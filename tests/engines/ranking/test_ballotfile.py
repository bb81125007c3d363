"""Reading ballot files: every invalid row is reported with its line, nothing is returned."""

from __future__ import annotations

import pytest

from polycentric.engines.ranking import BallotFileError, Problem, parse_ballots_csv

HEADER = "voter,group,region,ranking\n"


def problems(text: str, method: str = "schulze") -> list[str]:
    with pytest.raises(BallotFileError) as caught:
        parse_ballots_csv(text, name="priorities.csv", method=method)
    return caught.value.lines()


def test_a_valid_file_gives_ballots_in_file_order():
    ballots = parse_ballots_csv(
        HEADER
        + "gov-ke,government,African,access>cybersecurity=jurisdiction>spam\n"
        + "\n"
        + "cs-br, civil_society ,, spam \n",
        name="priorities.csv",
    )

    assert [(b.voter, b.group, b.region) for b in ballots] == [
        ("gov-ke", "government", "African"),
        ("cs-br", "civil_society", None),
    ]
    assert ballots[0].ranking == (
        frozenset({"access"}), frozenset({"cybersecurity", "jurisdiction"}), frozenset({"spam"})
    )
    assert ballots[1].ranking == (frozenset({"spam"}),)
    assert all(b.approvals is None and b.weight == 1 for b in ballots)


def test_columns_may_come_in_any_order_with_a_byte_order_mark_and_crlf_line_ends():
    ballots = parse_ballots_csv(
        "\ufeffRanking,Voter,Group,Region\r\nA>B,v1,gov,\r\n", name="b.csv"
    )

    assert [(b.voter, b.group, b.ranking) for b in ballots] == [
        ("v1", "gov", (frozenset({"A"}), frozenset({"B"})))
    ]


def test_approval_files_list_approved_candidates_in_a_quoted_field():
    ballots = parse_ballots_csv(
        HEADER + 'v1,gov,African,"access, spam"\nv2,cs,,access\n', name="b.csv", method="approval"
    )

    assert [b.approvals for b in ballots] == [frozenset({"access", "spam"}), frozenset({"access"})]
    assert all(b.ranking == () for b in ballots)


@pytest.mark.parametrize(
    ("rows", "expected"),
    [
        ("v1,gov,African,access>cybersecurity>access\n",
         "line 2: ranking: candidate 'access' appears twice"),
        ("v1,gov,African,access=access\n", "line 2: ranking: candidate 'access' appears twice"),
        ("v1,gov,African,\n",
         "line 2: ranking: empty; rank at least one candidate, e.g. A>B=C>D"),
        ("v1,gov,African,A>>B\n",
         "line 2: ranking: malformed ranking 'A>>B': a candidate name is missing; expected "
         "names separated by > and =, e.g. A>B=C>D"),
        ("v1,gov,African,A>B=\n",
         "line 2: ranking: malformed ranking 'A>B=': a candidate name is missing; expected "
         "names separated by > and =, e.g. A>B=C>D"),
        ('v1,gov,African,"A,B"\n',
         "line 2: ranking: malformed ranking 'A,B': use > between tiers and = for ties, e.g. "
         "A>B=C>D (commas list approved candidates, for approval voting)"),
        (",gov,African,A>B\n", "line 2: voter: empty; every ballot names its voter"),
        ("v1,,African,A>B\n", "line 2: group: empty; every ballot names a stakeholder group"),
        ("v1,gov,African,A>B\nv2,gov,WEOG,B\nv1,cs,African,A\n",
         "line 4: voter: 'v1' appears twice (first on line 2)"),
        ("v1,gov,African,A,B\n",
         'line 2: expected 4 fields (voter,group,region,ranking), found 5 (quote a field that '
         'holds commas, e.g. "A,B")'),
        ("v1,gov\n", "line 2: expected 4 fields (voter,group,region,ranking), found 2"),
        ('v1,gov,African,"A>B\n', "line 2: malformed CSV: unexpected end of data"),
    ],
    ids=["candidate-twice", "tied-twice", "empty-ranking", "double-separator", "trailing-tie",
         "comma-in-ranking", "empty-voter", "empty-group", "voter-twice", "too-many-fields",
         "too-few-fields", "unclosed-quote"],
)
def test_invalid_rows_are_reported_with_their_line(rows, expected):
    assert problems(HEADER + rows) == [f"priorities.csv: {expected}"]


@pytest.mark.parametrize(
    ("ranking", "expected"),
    [
        ("A>B", "malformed approvals 'A>B': list the approved candidates separated by commas, "
                "e.g. A,B (> and = rank candidates, for ranked methods)"),
        ('"A,,B"', "malformed approvals 'A,,B': a candidate name is missing; expected names "
                   "separated by commas, e.g. A,B"),
        ('"A, A"', "candidate 'A' appears twice"),
        ("", "empty; list at least one approved candidate, e.g. A,B"),
    ],
)
def test_invalid_approvals_are_reported_with_their_line(ranking, expected):
    assert problems(HEADER + f"v1,gov,,{ranking}\n", method="approval") == [
        f"priorities.csv: line 2: ranking: {expected}"
    ]


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        ("voter,group,region,ranking,weight",
         ["line 1: unknown column 'weight'; expected voter, group, region, ranking"]),
        ("voter,group,ranking", ["line 1: missing column 'region'; expected voter, group, "
                                 "region, ranking"]),
        ("voter,group,region,ranking,voter", ["line 1: column 'voter' appears twice"]),
        ("voter,team,ranking", [
            "line 1: unknown column 'team'; expected voter, group, region, ranking",
            "line 1: missing column 'group'; expected voter, group, region, ranking",
            "line 1: missing column 'region'; expected voter, group, region, ranking",
        ]),
    ],
)
def test_a_bad_header_is_reported_on_line_1(header, expected):
    assert problems(header + "\nv1,gov,African,A>B\n") == [
        f"priorities.csv: {line}" for line in expected
    ]


def test_every_invalid_row_is_reported_in_file_order():
    text = (
        HEADER
        + "v1,gov,African,A>B\n"
        + "v2,,African,A>A\n"
        + "v3,cs,,B\n"
        + '"v\n4",cs,,\n'
        + "v1,cs,,B\n"
    )

    assert problems(text) == [
        "priorities.csv: line 3: group: empty; every ballot names a stakeholder group",
        "priorities.csv: line 3: ranking: candidate 'A' appears twice",
        "priorities.csv: line 5: ranking: empty; rank at least one candidate, e.g. A>B=C>D",
        "priorities.csv: line 7: voter: 'v1' appears twice (first on line 2)",
    ]


def test_an_empty_file_and_a_file_without_ballots_are_errors():
    assert problems("") == [
        "priorities.csv: line 1: no header; expected the columns voter,group,region,ranking"
    ]
    assert problems(HEADER + "\n") == [
        "priorities.csv: no ballots: the file has a header but no rows"
    ]


def test_the_error_offers_problems_and_messages_by_column():
    with pytest.raises(BallotFileError) as caught:
        parse_ballots_csv(HEADER + ",gov,,A\nv2,gov,,A>A\n", name="p.csv")

    error = caught.value
    assert error.problems == (
        Problem(2, "voter", "empty; every ballot names its voter"),
        Problem(3, "ranking", "candidate 'A' appears twice"),
    )
    assert error.errors == {
        "voter": ["line 2: empty; every ballot names its voter"],
        "ranking": ["line 3: candidate 'A' appears twice"],
    }
    assert str(error) == (
        "p.csv: line 2: voter: empty; every ballot names its voter\n"
        "p.csv: line 3: ranking: candidate 'A' appears twice"
    )
