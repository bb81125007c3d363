"""Fixtures for the map pages: WSIS action lines on the small map, and page helpers."""

from __future__ import annotations

import pytest
from django.test import Client

from polycentric.issuemap import services
from polycentric.issuemap.models import ActionLine


@pytest.fixture
def anon() -> Client:
    return Client()


@pytest.fixture
def wsis_lines(small_map, wanjiru):
    """C5, C7 with its e-business sub-line, and C9. The Anti-Abuse Forum facilitates C5; spam is
    filed under C5 and C7's e-business; cyber norms under C5 too."""
    c5 = ActionLine.objects.create(
        code="C5", title="Building confidence and security in the use of ICTs",
        lead_facilitator="ITU", order=5)
    c7 = ActionLine.objects.create(code="C7", title="ICT applications", order=7)
    ebusiness = ActionLine.objects.create(
        code="C7.e-business", title="E-business", parent=c7, lead_facilitator="ITC",
        co_facilitators="UNCTAD, UPU", order=8)
    c9 = ActionLine.objects.create(code="C9", title="Media", lead_facilitator="UNESCO", order=9)
    services.venue_update(venue=small_map["venues"]["anti-abuse-forum"], action_lines=[c5],
                          actor=wanjiru)
    services.issue_update(issue=small_map["issues"]["spam"], action_lines=[c5, ebusiness],
                          actor=wanjiru)
    services.issue_update(issue=small_map["issues"]["cyber-norms"], action_lines=[c5],
                          actor=wanjiru)
    return {"C5": c5, "C7": c7, "C7.e-business": ebusiness, "C9": c9}

