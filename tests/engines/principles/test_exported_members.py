"""The principles engine's public API is what `__all__` says, no more and no less (httpx style),
and every docstring example in the package runs."""

from __future__ import annotations

import doctest
import importlib
import inspect

import pytest

import polycentric.engines.principles as principles

PUBLIC_API = [
    "DEFAULT_MAX_REGION_SHARE",
    "DEFAULT_MIN_GROUP_SEATS",
    "DEFAULT_MIN_REGION_SEATS",
    "TITLES",
    "TRANSPARENCY_TITLE",
    "AllGroupsDetails",
    "BodyFileError",
    "BodySpec",
    "DecidesAloneDetails",
    "Finding",
    "FindingCode",
    "GlobalDetails",
    "ItemReport",
    "Notice",
    "NoticePeriods",
    "PrincipleDetails",
    "PrincipleKey",
    "PrincipleResult",
    "Problem",
    "ProcessItem",
    "RegionShare",
    "Scorecard",
    "Shortfall",
    "Thresholds",
    "TransparencyDetails",
    "TransparencyKey",
    "TransparencyResult",
    "Violation",
    "all_groups",
    "analyze",
    "check_transparency",
    "date_words",
    "decides_alone",
    "global_reach",
    "parse_body_data",
    "parse_body_document",
    "rule_words",
    "scorecard_document",
    "scorecard_text",
    "stage_notice",
    "transparency_document",
]

MODULES = ["", ".bodyfile", ".checks", ".errors", ".report", ".spec", ".transparency", ".words"]


def test_all_is_pinned():
    assert principles.__all__ == PUBLIC_API


def test_all_names_every_public_member():
    public = {
        name
        for name, value in vars(principles).items()
        if not name.startswith("_") and not inspect.ismodule(value)
    }
    assert public == set(principles.__all__)


def test_every_exported_name_resolves():
    for name in principles.__all__:
        assert getattr(principles, name) is not None


@pytest.mark.parametrize("suffix", MODULES, ids=lambda s: s or "package")
def test_docstring_examples_run(suffix):
    module = importlib.import_module(f"polycentric.engines.principles{suffix}")
    result = doctest.testmod(module, raise_on_error=False, verbose=False)
    assert result.failed == 0
    if suffix in ("", ".bodyfile", ".checks", ".words", ".spec", ".errors", ".transparency"):
        assert result.attempted > 0


def test_the_engine_imports_no_django():
    for suffix in MODULES:
        module = importlib.import_module(f"polycentric.engines.principles{suffix}")
        source = inspect.getsource(module)
        assert "import django" not in source and "from django" not in source
