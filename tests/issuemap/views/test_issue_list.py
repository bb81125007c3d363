"""The issue list: every issue with its basket, gap status and aspects; filters; bad filters."""

from __future__ import annotations

import pytest

from polycentric.issuemap import services
from polycentric.issuemap.models import Issue
from tests.issuemap.views.support import rows_of, text_of

pytestmark = pytest.mark.django_db


def test_lists_every_issue_with_basket_status_and_aspect_count(anon, small_map):
    response = anon.get("/issues/")

    assert response.status_code == 200
    rows = rows_of(response, "issues")[1:]
    assert rows == [
        "Connectivity Development Home cannot act 2 (1 needs global policy)",
        "Cross-border data flows Legal Home not global 1 (1 needs global policy)",
        "Cyber norms Security Home excludes groups 1 (1 needs global policy)",
        "Jurisdiction Legal No home 1 (1 needs global policy)",
        "Spam Security Covered 1 (1 needs global policy)",
    ]
    assert '<a href="/issues/jurisdiction/">Jurisdiction</a>' in response.content.decode()
    assert "5 issues found." in text_of(response)


@pytest.mark.parametrize(
    ("query", "titles"),
    [
        ("basket=legal", ["Cross-border data flows", "Jurisdiction"]),
        ("status=no_home", ["Jurisdiction"]),
        ("status=covered", ["Spam"]),
        ("venue=states-working-group", ["Cyber norms"]),
        ("venue=dialogue-forum", ["Connectivity"]),
        ("q=border", ["Cross-border data flows", "Spam"]),  # Spam's aspect: cross-border enforcement
        ("q=universal+service", ["Connectivity"]),
        ("basket=legal&status=home_not_global", ["Cross-border data flows"]),
        ("basket=development&status=no_home", []),
    ],
)
def test_filters_narrow_the_list(anon, small_map, query, titles):
    response = anon.get(f"/issues/?{query}")

    assert response.status_code == 200
    html = response.content.decode()
    for issue in small_map["issues"].values():
        link = f'<a href="/issues/{issue.slug}/">'
        assert (link in html) == (issue.title in titles), issue.slug
    if not titles:
        assert "No issue matches these filters." in text_of(response)


def test_filter_by_action_line_includes_its_sub_lines(anon, wsis_lines):
    by_c5 = anon.get("/issues/?action_line=C5").content.decode()
    by_c7 = anon.get("/issues/?action_line=C7").content.decode()
    by_c9 = anon.get("/issues/?action_line=C9")

    assert '<a href="/issues/spam/">' in by_c5 and '<a href="/issues/cyber-norms/">' in by_c5
    assert '<a href="/issues/spam/">' in by_c7 and "/issues/cyber-norms/" not in by_c7
    assert "No issue matches these filters." in text_of(by_c9)


def test_the_filter_form_keeps_the_chosen_values_and_works_without_javascript(anon, small_map):
    html = anon.get("/issues/?basket=legal&q=law").content.decode()

    assert '<form class="filters" method="get" action="/issues/"' in html
    assert '<option value="legal" selected>Legal</option>' in html
    assert 'name="q" value="law"' in html
    assert '<label for="id_basket">' in html and '<label for="id_action_line">' in html


def test_htmx_requests_get_only_the_results(anon, small_map):
    response = anon.get("/issues/?basket=legal", HTTP_HX_REQUEST="true")

    html = response.content.decode()
    assert response.status_code == 200
    assert html.startswith('<div id="issue-results"')
    assert "<html" not in html and "Jurisdiction" in html
    assert "HX-Request" in response["Vary"]


@pytest.mark.parametrize(
    ("query", "label", "problem"),
    [
        ("basket=astrology", "Basket", "Unknown basket “astrology”"),
        ("status=fine", "Gap status", "Unknown gap status “fine”"),
        ("venue=nowhere", "Venue", "Unknown venue “nowhere”"),
        ("action_line=C99", "WSIS action line", "Unknown action line “C99”"),
        ("page=two", "Page", "The page must be a whole number"),
        ("page=0", "Page", "The page must be 1 or more"),
        ("page=7", "Page", "There is no page 7; the last page is 1"),
        (f"q={'x' * 201}", "Search", "Ensure this value has at most 200 characters"),
    ],
)
def test_a_bad_filter_value_is_named_on_the_page(anon, small_map, query, label, problem):
    response = anon.get(f"/issues/?{query}")

    assert response.status_code == 400
    text = text_of(response)
    assert "There is a problem" in text
    assert f"{label}: {problem}" in text
    assert "/issues/spam/" not in response.content.decode()  # no list under a bad filter


def test_a_bad_filter_is_marked_on_its_field(anon, small_map):
    html = anon.get("/issues/?venue=nowhere").content.decode()

    assert 'id="id_venue_error"' in html
    assert 'aria-invalid="true" aria-describedby="id_venue_error"' in html


def test_fifty_issues_per_page_with_links_that_keep_the_filters(anon, small_map):
    legal = small_map["baskets"][1]
    Issue.objects.bulk_create(
        Issue(slug=f"law-{n:02d}", title=f"Law question {n:02d}", basket=legal) for n in range(60)
    )

    first = anon.get("/issues/?basket=legal")
    second = anon.get("/issues/?basket=legal&page=2")

    assert len(rows_of(first, "issues")) - 1 == 50
    assert len(rows_of(second, "issues")) - 1 == 12
    assert "62 issues found." in text_of(first)
    assert 'href="?basket=legal&amp;page=2"' in first.content.decode()
    assert "Page 2 of 2" in text_of(second)
    assert 'href="?basket=legal&amp;page=1"' in second.content.decode()


def test_a_map_change_shows_at_once(anon, small_map, wanjiru):
    anon.get("/issues/")  # the gap report is now cached
    services.aspect_create(issue=small_map["issues"]["connectivity"], slug="backbones",
                           title="Regional backbones", actor=wanjiru)

    response = anon.get("/issues/?basket=development")

    assert rows_of(response, "issues")[1:] == [
        "Connectivity Development No home 3 (2 need global policy)"
    ]
