"""Errors raised for seats and decision rules that cannot be analysed.

::

    ValueError
    └── PowerError            .path (where, e.g. "rule.all[1].quota") and .problem (what)
        ├── SeatError         a seat entry is invalid (count below 1, negative weight, ...)
        └── RuleError         a decision rule is invalid (unknown key, quota above the total, ...)

The path names the field in the plain document the seats and rule came from, so a command line,
form or API can point at it; ``str(error)`` is ``"<path>: <problem>"``.
"""

from __future__ import annotations


class PowerError(ValueError):
    """Seats or a rule that the power engine cannot analyse."""

    def __init__(self, path: str, problem: str) -> None:
        super().__init__(f"{path}: {problem}")
        self.path = path
        self.problem = problem


class SeatError(PowerError):
    """A seat entry is invalid."""


class RuleError(PowerError):
    """A decision rule is invalid."""
