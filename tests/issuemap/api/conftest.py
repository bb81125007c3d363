"""Fixtures for the map API: clients, tokens and action lines."""

from __future__ import annotations

import pytest
from django.core.cache import cache
from django.test import Client

from polycentric.accounts.tokens import api_token_create
from polycentric.issuemap.models import ActionLine


@pytest.fixture(autouse=True)
def _fresh_gap_cache():
    """Each test starts with an empty cache, so none reads a gap report cached by another."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def anon() -> Client:
    return Client()


@pytest.fixture
def editor_token(wanjiru) -> str:
    _, plain = api_token_create(user=wanjiru, name="wanjiru's script", actor=wanjiru)
    return plain


@pytest.fixture
def participant_token(ana) -> str:
    _, plain = api_token_create(user=ana, name="ana's script", actor=ana)
    return plain


@pytest.fixture
def action_lines(db, small_map):
    """C5 (cybersecurity), C7 with one sub-line, and C9; the Anti-Abuse Forum facilitates C5
    and the spam issue is filed under C5 and C7's sub-line."""
    c5 = ActionLine.objects.create(code="C5", title="Building confidence and security in the use of ICTs",
                                   lead_facilitator="ITU", order=5)
    c7 = ActionLine.objects.create(code="C7", title="ICT applications", order=7)
    ebusiness = ActionLine.objects.create(code="C7.e-business", title="E-business", parent=c7,
                                          lead_facilitator="ITC", co_facilitators="UNCTAD, UPU",
                                          order=8)
    c9 = ActionLine.objects.create(code="C9", title="Media", lead_facilitator="UNESCO", order=9)
    small_map["venues"]["anti-abuse-forum"].action_lines.add(c5)
    small_map["issues"]["spam"].action_lines.add(c5, ebusiness)
    return {"C5": c5, "C7": c7, "C7.e-business": ebusiness, "C9": c9}
