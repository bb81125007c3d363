"""Ballots from a CSV file with the columns ``voter,group,region,ranking``.

The first row names the columns (in any order, each once, no others). Every other row is one
ballot: a voter (unique in the file), a stakeholder group, a region (may be empty) and a ranking
such as ``access>cybersecurity=jurisdiction>spam``, or, for approval voting, the approved
candidates such as ``"access,spam"`` (quoted: the commas are inside one field). Blank lines are
skipped. Every problem is reported with its line number, in the order of the file, and nothing is
returned unless every row is valid.

>>> ballots = parse_ballots_csv('''voter,group,region,ranking
... gov-ke,government,African,access>cybersecurity=spam
... cs-br,civil_society,,spam
... ''', name="priorities.csv")
>>> [(b.voter, b.region, len(b.ranking)) for b in ballots]
[('gov-ke', 'African', 2), ('cs-br', None, 1)]
>>> parse_ballots_csv('''voter,group,region,ranking
... gov-ke,government,African,access>cybersecurity>access
... ''', name="priorities.csv")
Traceback (most recent call last):
...
polycentric.engines.ranking.errors.BallotFileError: priorities.csv: line 2: ranking: candidate 'access' appears twice
"""

from __future__ import annotations

import csv
import io

from polycentric.engines.ranking.ballots import Ballot, parse_approvals, parse_ranking
from polycentric.engines.ranking.errors import BallotFileError, Problem, RankingError
from polycentric.engines.ranking.outcome import Method, parse_method

COLUMNS = ("voter", "group", "region", "ranking")


def parse_ballots_csv(
    text: str, *, name: str = "ballots.csv", method: Method | str = Method.SCHULZE
) -> list[Ballot]:
    """The ballots of a CSV file, in file order; `BallotFileError` listing every invalid row.

    ``method`` decides how the ranking column reads: approval lists (``A,B``) for approval, tiered
    rankings (``A>B=C``) for every other method. ``name`` is the file name used in messages.
    """
    approval = parse_method(method) is Method.APPROVAL
    reader = csv.reader(io.StringIO(text.removeprefix("\ufeff"), newline=""), strict=True)
    problems: list[Problem] = []
    ballots: list[Ballot] = []
    header: list[str] | None = None
    first_line: dict[str, int] = {}
    line = 1
    try:
        for row in reader:
            start, line = line, reader.line_num + 1
            if not row or (len(row) == 1 and not row[0].strip()):
                continue
            if header is None:
                header = [field.strip().lower() for field in row]
                header_problems = _check_header(header, start)
                if header_problems:
                    raise BallotFileError(name, header_problems)
                continue
            ballot = _ballot(row, header, start, approval, first_line, problems)
            if ballot is not None:
                ballots.append(ballot)
    except csv.Error as exc:
        problems.append(Problem(line, "", f"malformed CSV: {exc}"))
    if header is None and not problems:
        problems.append(Problem(1, "", f"no header; expected the columns {','.join(COLUMNS)}"))
    elif not ballots and not problems:
        problems.append(Problem(None, "", "no ballots: the file has a header but no rows"))
    if problems:
        raise BallotFileError(name, problems)
    return ballots


def _check_header(header: list[str], line: int) -> list[Problem]:
    expected = ", ".join(COLUMNS)
    problems: list[Problem] = []
    for k, column in enumerate(header):
        if column not in COLUMNS:
            shown = column or f"(empty, column {k + 1})"
            problems.append(Problem(line, "", f"unknown column {shown!r}; expected {expected}"))
        elif header.index(column) != k:
            problems.append(Problem(line, "", f"column {column!r} appears twice"))
    for column in COLUMNS:
        if column not in header:
            problems.append(Problem(line, "", f"missing column {column!r}; expected {expected}"))
    return problems


def _ballot(
    row: list[str],
    header: list[str],
    line: int,
    approval: bool,
    first_line: dict[str, int],
    problems: list[Problem],
) -> Ballot | None:
    if len(row) != len(header):
        hint = ""
        if len(row) > len(header):
            hint = ' (quote a field that holds commas, e.g. "A,B")'
        problems.append(Problem(
            line, "", f"expected {len(header)} fields ({','.join(header)}), found {len(row)}{hint}"
        ))
        return None
    fields = {column: value.strip() for column, value in zip(header, row, strict=True)}
    before = len(problems)
    voter, group, region = fields["voter"], fields["group"], fields["region"]
    if not voter:
        problems.append(Problem(line, "voter", "empty; every ballot names its voter"))
    elif voter in first_line:
        problems.append(Problem(
            line, "voter", f"{voter!r} appears twice (first on line {first_line[voter]})"
        ))
    else:
        first_line[voter] = line
    if not group:
        problems.append(Problem(line, "group", "empty; every ballot names a stakeholder group"))
    try:
        if approval:
            approvals: frozenset[str] | None = parse_approvals(fields["ranking"])
            ranking: tuple[frozenset[str], ...] = ()
        else:
            approvals, ranking = None, parse_ranking(fields["ranking"])
    except RankingError as exc:
        problems.append(Problem(line, "ranking", exc.problem))
    if len(problems) > before:
        return None
    return Ballot(
        voter=voter, group=group, region=region or None, ranking=ranking, approvals=approvals
    )
