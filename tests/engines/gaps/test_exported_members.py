"""The gap engine's public API is what `__all__` says, no more and no less (httpx style)."""

from __future__ import annotations

import doctest
import inspect

import polycentric.engines.gaps as gaps

PUBLIC_API = [
    "DEFAULT_PARAMETERS",
    "DEFAULT_REQUIRED_GROUPS",
    "DEFAULT_TAKING_PART",
    "AspectGap",
    "AspectRef",
    "Cover",
    "GapParameters",
    "GapReport",
    "GapStatus",
    "IssueGap",
    "VenueAssessment",
    "VenueProfile",
    "compute_gaps",
    "issue_status",
    "venue_assessment",
]


def test_all_is_pinned():
    assert gaps.__all__ == PUBLIC_API


def test_all_names_every_public_member():
    public = {
        name for name, value in vars(gaps).items()
        if not name.startswith("_") and not inspect.ismodule(value)
    }
    assert public == set(gaps.__all__)
    assert len(gaps.__all__) == len(public)


def test_every_exported_name_resolves():
    for name in gaps.__all__:
        assert getattr(gaps, name) is not None


def test_the_package_docstring_example_runs():
    result = doctest.testmod(gaps, raise_on_error=False, verbose=False)
    assert result.attempted > 0
    assert result.failed == 0
