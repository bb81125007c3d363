"""The WSIS action lines page: lines and sub-lines, facilitators, venues, links to issues."""

from __future__ import annotations

import pytest

from tests.issuemap.views.support import text_of

pytestmark = pytest.mark.django_db


def test_lists_lines_with_facilitators_venues_and_issue_links(anon, wsis_lines):
    response = anon.get("/action-lines/")

    assert response.status_code == 200
    text = text_of(response)
    assert ("C5 Building confidence and security in the use of ICTs Lead facilitator ITU "
            "Venues facilitating it AAF Issues Issues linked to C5 (2 tagged with this line)") in text
    assert ("C9 Media Lead facilitator UNESCO Venues facilitating it None on the map "
            "Issues Issues linked to C9 (0 tagged with this line)") in text
    html = response.content.decode()
    assert '<a href="/issues/?action_line=C5">' in html
    assert '<a href="/venues/anti-abuse-forum/">AAF</a>' in html


def test_sub_lines_sit_under_their_line(anon, wsis_lines):
    text = text_of(anon.get("/action-lines/"))

    c7 = text.split("C7 ICT applications", 1)[1].split("C9 Media", 1)[0]
    assert ("C7.e-business E-business Lead facilitator ITC Co-facilitators UNCTAD, UPU") in c7
    assert "Issues linked to C7.e-business (1 tagged with this line)" in c7


def test_the_issue_list_link_filters_by_the_line(anon, wsis_lines):
    html = anon.get("/issues/?action_line=C7.e-business").content.decode()

    assert '<a href="/issues/spam/">Spam</a>' in html
    assert "/issues/cyber-norms/" not in html


def test_a_map_without_action_lines_says_so(anon, small_map):
    assert "No action lines are loaded yet." in text_of(anon.get("/action-lines/"))
