"""The routing engine's public API is what `__all__` says, no more and no less (httpx style)."""

from __future__ import annotations

import doctest
import inspect

import pytest

import polycentric.engines.routing as routing
from polycentric.engines.routing import charter, engine

PUBLIC_API = [
    "DEFAULT_TAKING_PART",
    "WORKING_GROUP_RULE",
    "AspectInput",
    "CoveringVenue",
    "IssueInput",
    "Need",
    "PrincipleCheck",
    "Recommendation",
    "RouteKind",
    "RoutingError",
    "RoutingParameters",
    "VenueInput",
    "VenueRole",
    "charter_checks",
    "draft_charter",
    "recommend_route",
]


def test_all_is_pinned():
    assert routing.__all__ == PUBLIC_API


def test_all_names_every_public_member():
    public = {
        name for name, value in vars(routing).items()
        if not name.startswith("_") and not inspect.ismodule(value)
    }
    assert public == set(routing.__all__)


@pytest.mark.parametrize("module", [routing, engine, charter], ids=lambda m: m.__name__)
def test_docstring_examples_run(module):
    result = doctest.testmod(module, raise_on_error=False, verbose=False)
    assert result.attempted > 0
    assert result.failed == 0
