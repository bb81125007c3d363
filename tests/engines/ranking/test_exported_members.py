"""The ranking engine's public API is what `__all__` says, and its docstring examples hold."""

import doctest
import importlib
import pkgutil

import pytest

import polycentric.engines.ranking as ranking

EXPECTED = [
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


def test_all_is_pinned():
    assert ranking.__all__ == EXPECTED


def test_every_exported_name_exists():
    for name in ranking.__all__:
        assert getattr(ranking, name) is not None, name


def test_public_names_are_all_exported():
    public = {
        name
        for name, value in vars(ranking).items()
        if not name.startswith("_")
        and getattr(value, "__module__", "").startswith(ranking.__name__)
    }
    assert public <= set(ranking.__all__)


MODULES = [ranking.__name__] + [
    f"{ranking.__name__}.{info.name}" for info in pkgutil.iter_modules(ranking.__path__)
]


@pytest.mark.parametrize("name", MODULES)
def test_docstring_examples_hold(name):
    module = importlib.import_module(name)
    failed, attempted = doctest.testmod(module, optionflags=doctest.ELLIPSIS)
    assert failed == 0
    if name != f"{ranking.__name__}.report":
        assert attempted > 0, f"{name} has no example"
