"""Fixtures shared by the map tests."""

from __future__ import annotations

import pytest
from django.core.cache import cache


@pytest.fixture(autouse=True)
def _fresh_gap_cache():
    """The gap report is cached per map revision (the latest map event's id), and ids repeat
    across rolled-back tests, so each test starts and ends with an empty cache."""
    cache.clear()
    yield
    cache.clear()
