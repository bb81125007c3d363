"""Errors raised for body files that cannot be analysed.

::

    ValueError
    └── BodyFileError         .name (the file), .problems (each a Problem: line, path, message)

Every problem names the line of the file (when the body came from text), the field path
(``seats[2].count``, ``rule.all[1].each``) and what is wrong, so a command line, a form or the API
can point at it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Problem:
    """One thing wrong with a body file.

    >>> str(Problem(12, "seats[2].count", "must be at least 1, got 0"))
    'line 12: seats[2].count: must be at least 1, got 0'
    """

    line: int | None
    path: str
    message: str

    def __str__(self) -> str:
        parts = []
        if self.line is not None:
            parts.append(f"line {self.line}")
        if self.path:
            parts.append(self.path)
        parts.append(self.message)
        return ": ".join(parts)


class BodyFileError(ValueError):
    """A body file that cannot be read; ``str(error)`` has one ``FILE: line N: PATH: problem`` line
    per problem, in the order of the file."""

    def __init__(self, name: str, problems: Sequence[Problem]) -> None:
        self.name = name
        self.problems: tuple[Problem, ...] = tuple(problems)
        super().__init__("\n".join(self.lines()))

    def lines(self) -> list[str]:
        """One message per problem, each starting with the file name."""
        return [f"{self.name}: {problem}" for problem in self.problems]

    @property
    def errors(self) -> dict[str, list[str]]:
        """Messages by field path (``""`` for the file as a whole), for forms and the API."""
        errors: dict[str, list[str]] = {}
        for problem in self.problems:
            where = f"line {problem.line}: " if problem.line is not None else ""
            errors.setdefault(problem.path, []).append(f"{where}{problem.message}")
        return errors
