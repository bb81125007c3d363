"""The power engine: who can pass a decision, and how much each seat weighs in it.

Give it a body's seat entries and decision rule (the language of DESIGN.md, "Decision rules");
it returns the normalised and absolute Banzhaf and the Shapley-Shubik index of every seat, summed
per stakeholder group and per region, the veto seats and the powerless ones, exact wherever
feasible and otherwise a seeded Monte Carlo estimate with its 95% error bound. `Game` answers
which coalitions win and finds a winning coalition that leaves a group or region out (P4).

>>> from polycentric.engines.power import Seat, compute_power, parse_rule, winning_without
>>> seats = [
...     Seat("government", "government", "GRULAC", count=9),
...     Seat("business", "private_sector", "GRULAC", count=4),
...     Seat("third_sector", "civil_society", "GRULAC", count=4),
...     Seat("academia", "science_technology", "GRULAC", count=3),
...     Seat("expert", "expert", "GRULAC", count=1),
... ]
>>> majority = parse_rule({"majority": "simple"}, seats)
>>> winning_without(majority, seats, group="government", minimal=None)
{'business': 4, 'third_sector': 4, 'academia': 3, 'expert': 1}
>>> concurrent = parse_rule({"all": [{"majority": "simple"}, {"each": "group", "majority": "simple"}]}, seats)
>>> winning_without(concurrent, seats, group="government") is None
True
>>> result = compute_power(majority, seats)
>>> result.method, round(result.entry("government").shapley_shubik, 4)
(<Method.EXACT: 'exact'>, 0.0476)
"""

from polycentric.engines.power.analysis import (
    EntryPower,
    Method,
    PowerResult,
    PowerTotal,
    compute_power,
)
from polycentric.engines.power.errors import PowerError, RuleError, SeatError
from polycentric.engines.power.game import Game, is_winning, winning_without
from polycentric.engines.power.rules import (
    ALL_SEATS,
    AllOf,
    AllSeats,
    AnyOf,
    Consensus,
    Each,
    Majority,
    Rule,
    Scope,
    Seat,
    Threshold,
    Within,
    check_rule,
    check_seats,
    parse_rule,
    rule_document,
)

__all__ = [
    "ALL_SEATS",
    "AllOf",
    "AllSeats",
    "AnyOf",
    "Consensus",
    "Each",
    "EntryPower",
    "Game",
    "Majority",
    "Method",
    "PowerError",
    "PowerResult",
    "PowerTotal",
    "Rule",
    "RuleError",
    "Scope",
    "Seat",
    "SeatError",
    "Threshold",
    "Within",
    "check_rule",
    "check_seats",
    "compute_power",
    "is_winning",
    "parse_rule",
    "rule_document",
    "winning_without",
]
