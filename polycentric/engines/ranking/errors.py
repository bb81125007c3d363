"""Errors raised for ballots that cannot be counted and ballot files that cannot be read.

::

    ValueError
    └── RankingError          .path (where, e.g. "ballots[3].ranking", "method") and .problem
        ├── BallotError       a ballot is invalid (empty ranking, a candidate twice, a voter twice)
        └── BallotFileError   .name (the file), .problems (each a Problem: line, column, message)

``str(error)`` is ``"<path>: <problem>"`` for a `RankingError`, and one
``"<file>: line N: <column>: <problem>"`` line per problem for a `BallotFileError`, so a command
line, a form or the API can point at the field.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass


class RankingError(ValueError):
    """Ballots or options that the ranking engine cannot count."""

    def __init__(self, path: str, problem: str) -> None:
        super().__init__(f"{path}: {problem}" if path else problem)
        self.path = path
        self.problem = problem


class BallotError(RankingError):
    """One ballot is invalid; ``voter`` names it when known."""

    def __init__(self, path: str, problem: str, *, voter: str | None = None) -> None:
        super().__init__(path, problem)
        self.voter = voter


@dataclass(frozen=True, slots=True)
class Problem:
    """One thing wrong with a ballot file.

    >>> str(Problem(4, "ranking", "candidate 'access' appears twice"))
    "line 4: ranking: candidate 'access' appears twice"
    """

    line: int | None
    column: str
    message: str

    def __str__(self) -> str:
        parts = []
        if self.line is not None:
            parts.append(f"line {self.line}")
        if self.column:
            parts.append(self.column)
        parts.append(self.message)
        return ": ".join(parts)


class BallotFileError(RankingError):
    """A ballot file with invalid rows; ``problems`` come in the order of the file."""

    def __init__(self, name: str, problems: Sequence[Problem]) -> None:
        self.name = name
        self.problems: tuple[Problem, ...] = tuple(problems)
        super().__init__(name, "; ".join(str(problem) for problem in self.problems))

    def lines(self) -> list[str]:
        """One message per problem, each starting with the file name."""
        return [f"{self.name}: {problem}" for problem in self.problems]

    def __str__(self) -> str:
        return "\n".join(self.lines())

    @property
    def errors(self) -> dict[str, list[str]]:
        """Messages by column (``""`` for the file as a whole), for forms and the API."""
        errors: dict[str, list[str]] = {}
        for problem in self.problems:
            where = f"line {problem.line}: " if problem.line is not None else ""
            errors.setdefault(problem.column, []).append(f"{where}{problem.message}")
        return errors
