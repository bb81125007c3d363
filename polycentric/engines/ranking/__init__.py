"""The ranking engine: Schulze, ranked pairs, Borda and approval over weighted ballots.

Give it ballots (each a voter, a stakeholder group, a region and a ranking in tiers, or a set of
approved candidates) and a balance mode: ``none`` (every ballot counts the same), ``group`` (each
stakeholder group present carries the same total weight, 1, shared by its ballots) or
``group-region`` (each group-and-region cell present does). `rank` returns the aggregate ranking with its ties as tiers, each group's own
ranking under the same method, the weight each group carries, and how far the groups' rankings
agree (Kendall's tau-b). Counting is exact integer arithmetic, with numpy for the pairwise counts
and Schulze's strongest paths; the same ballots always give the same result. Read ballots from CSV
with `parse_ballots_csv`; present a result with `ranking_document` (JSON) or `ranking_text`.

>>> from polycentric.engines.ranking import Ballot, parse_ranking, rank
>>> rows = [("gov-ke", "government", "access>cybersecurity>spam"),
...         ("gov-br", "government", "access>spam>cybersecurity"),
...         ("cs-in", "civil_society", "spam>cybersecurity>access")]
>>> ballots = [Ballot(voter, group, None, parse_ranking(text)) for voter, group, text in rows]
>>> rank(ballots).ranking
('access', 'spam', 'cybersecurity')
>>> result = rank(ballots, method="borda", balance="group")
>>> result.tiers, {name: str(score) for name, score in result.scores.items()}
((('spam',), ('access',), ('cybersecurity',)), {'access': '2', 'cybersecurity': '3/2', 'spam': '5/2'})
>>> {group: str(weight) for group, weight in result.weights.items()}
{'civil_society': '1', 'government': '1'}
"""

from polycentric.engines.ranking.agreement import Agreement, kendall_tau_b
from polycentric.engines.ranking.ballotfile import COLUMNS, parse_ballots_csv
from polycentric.engines.ranking.ballots import (
    Balance,
    Ballot,
    ballot_weights,
    cell_factors,
    format_ranking,
    parse_approvals,
    parse_balance,
    parse_ranking,
)
from polycentric.engines.ranking.errors import (
    BallotError,
    BallotFileError,
    Problem,
    RankingError,
)
from polycentric.engines.ranking.outcome import (
    CellWeight,
    Method,
    Outcome,
    RankingResult,
    parse_method,
    rank,
)
from polycentric.engines.ranking.report import ranking_document, ranking_text

__all__ = [
    "COLUMNS",
    "Agreement",
    "Balance",
    "Ballot",
    "BallotError",
    "BallotFileError",
    "CellWeight",
    "Method",
    "Outcome",
    "Problem",
    "RankingError",
    "RankingResult",
    "ballot_weights",
    "cell_factors",
    "format_ranking",
    "kendall_tau_b",
    "parse_approvals",
    "parse_balance",
    "parse_ballots_csv",
    "parse_method",
    "parse_ranking",
    "rank",
    "ranking_document",
    "ranking_text",
]
