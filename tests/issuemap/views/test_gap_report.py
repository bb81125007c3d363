"""The gap report page: counts per status, and each aspect against the four criteria."""

from __future__ import annotations

import re

import pytest

from polycentric.issuemap import services
from polycentric.issuemap.models import Issue
from tests.issuemap.views.support import rows_of, text_of

pytestmark = pytest.mark.django_db

HEAD = "Issue Aspect Has a home Global reach All groups take part Can act Status"


def test_each_aspect_meets_the_criteria_its_covering_venues_meet(anon, small_map):
    response = anon.get("/gaps/")

    assert response.status_code == 200
    assert rows_of(response, "matrix gaps") == [
        HEAD,
        "Connectivity Development Affordable international connectivity "
        "✓ Yes ✓ Yes ✓ Yes ✗ No Home cannot act",
        "Cross-border data flows Legal Transfers of personal data "
        "✓ Yes ✗ No ✓ Yes ✓ Yes Home not global",
        "Cyber norms Security Responsible state behaviour "
        "✓ Yes ✓ Yes ✗ No Left out: private sector, civil society, technical community, academia, "
        "intergovernmental organisations ✓ Yes Home excludes groups",
        "Jurisdiction Legal Applicable law ✗ No ✗ No ✗ No ✗ No No home",
        "Spam Security Cross-border enforcement ✓ Yes ✓ Yes ✓ Yes ✓ Yes Covered",
    ]


def test_rows_link_to_the_issue_and_aspect(anon, small_map):
    html = anon.get("/gaps/").content.decode()

    assert '<a href="/issues/jurisdiction/">Jurisdiction</a>' in html
    assert '<a href="/issues/jurisdiction/#aspect-applicable-law">Applicable law</a>' in html


def test_aspects_are_grouped_under_their_issue(anon, small_map, wanjiru):
    services.aspect_create(issue=small_map["issues"]["jurisdiction"], slug="enforcement",
                           title="Enforcing judgments", actor=wanjiru)

    html = anon.get("/gaps/").content.decode()

    group = re.search(r"<tbody>(?:(?!</tbody>).)*Jurisdiction(?:(?!</tbody>).)*</tbody>", html,
                      flags=re.S).group(0)
    assert 'scope="rowgroup" rowspan="2"' in group
    assert "Applicable law" in group and "Enforcing judgments" in group


def test_summary_counts_aspects_and_issues_per_status(anon, small_map, wanjiru):
    services.aspect_create(issue=small_map["issues"]["jurisdiction"], slug="enforcement",
                           title="Enforcing judgments", actor=wanjiru)
    services.issue_create(slug="emoji", title="Emoji", basket=small_map["baskets"][2],
                          actor=wanjiru)

    response = anon.get("/gaps/")

    assert rows_of(response, "summary") == [
        "Status Aspects Issues Meaning",
        "No home 2 1 No venue on the map covers it.",
        "Home not global 1 1 Only regional or national venues cover it.",
        "Home excludes groups 1 1 No global venue covering it lets every stakeholder group take part.",
        "Home cannot act 1 1 Covered globally and openly, but no covering venue can decide or recommend.",
        "Covered 1 1 A global venue open to every stakeholder group covers it and can act.",
    ]
    text = text_of(response)
    assert "6 aspects that need global policy, by gap status" in text
    assert "1 issue has no aspect that needs global policy and is not assessed." in text
    assert 'href="/gaps/?status=no_home"' in response.content.decode()


@pytest.mark.parametrize(
    ("query", "issues"),
    [
        ("status=no_home", ["Jurisdiction"]),
        ("status=covered", ["Spam"]),
        ("basket=security", ["Cyber norms", "Spam"]),
        ("basket=legal&status=home_not_global", ["Cross-border data flows"]),
        ("basket=security&status=no_home", []),
    ],
)
def test_filters_by_basket_and_status(anon, small_map, query, issues):
    response = anon.get(f"/gaps/?{query}")

    assert response.status_code == 200
    html = response.content.decode()
    for issue in Issue.objects.all():
        assert (f'<th scope="rowgroup" rowspan="1"><a href="/issues/{issue.slug}/">' in html) == (
            issue.title in issues), issue.slug
    if not issues:
        assert 'class="matrix gaps"' not in html
        assert "No aspect matches these filters." in text_of(response)


def test_the_status_filter_shows_only_matching_aspects_of_an_issue(anon, small_map):
    response = anon.get("/gaps/?status=home_cannot_act")

    rows = rows_of(response, "matrix gaps")[1:]
    assert rows == ["Connectivity Development Affordable international connectivity "
                    "✓ Yes ✓ Yes ✓ Yes ✗ No Home cannot act"]


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ("basket=outer-space", "Basket: Unknown basket “outer-space”"),
        ("status=not_assessed", "Aspect status: Unknown gap status “not_assessed”"),
        ("status=dire", "Aspect status: Unknown gap status “dire”"),
        ("page=-1", "Page: The page must be 1 or more"),
        ("page=9", "Page: There is no page 9; the last page is 1"),
    ],
)
def test_a_bad_filter_value_is_named_on_the_page(anon, small_map, query, message):
    response = anon.get(f"/gaps/?{query}")

    assert response.status_code == 400
    assert message in text_of(response)
    assert "matrix gaps" not in response.content.decode()


def test_the_matrix_is_also_drawn_as_an_accessible_svg(anon, small_map):
    html = anon.get("/gaps/").content.decode()

    svg = re.search(r"<svg .*?</svg>", html, flags=re.S).group(0)
    assert 'role="img"' in svg and 'aria-label="Gap matrix:' in svg
    assert '<title id="gap-matrix-title">' in svg and '<desc id="gap-matrix-desc">' in svg
    assert "The table below gives the same data." in svg
    assert "<title>Jurisdiction: Applicable law: No home</title>" in svg
    assert "<title>Spam: Cross-border enforcement: meets “Can act”</title>" in svg
    assert "<title>Connectivity: Affordable international connectivity: does not meet “Can act”</title>" in svg
    assert svg.count('<g class="row">') == 5


def test_issues_are_paginated_fifty_to_a_page(anon, small_map, wanjiru):
    legal = small_map["baskets"][1]
    for n in range(50):
        issue = Issue.objects.create(slug=f"law-{n:02d}", title=f"Law question {n:02d}",
                                     basket=legal)
        issue.aspects.create(slug="main", title="Main question")
    services.issue_update(issue=small_map["issues"]["spam"], summary="Unsolicited bulk mail.",
                          actor=wanjiru)  # a map event, so the gap report is computed afresh

    first, second = anon.get("/gaps/"), anon.get("/gaps/?page=2")

    assert len(rows_of(first, "matrix gaps")) - 1 == 50
    assert len(rows_of(second, "matrix gaps")) - 1 == 5
    assert "55 aspects that need global policy" in text_of(second)
    assert "Page 2 of 2" in text_of(second)
