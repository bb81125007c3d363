"""The map pages make the same number of queries with 10 issues as with 1,000: the lists are
paginated, related rows are prefetched, and the gap report is computed in a fixed number of
queries and cached."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from polycentric.core.services import event_record
from polycentric.issuemap.models import ActionLine, Aspect, Basket, Issue, Mandate, Venue

pytestmark = pytest.mark.django_db

PAGES = [
    "/issues/",
    "/issues/?status=no_home",
    "/issues/?basket=legal&q=bulk",
    "/issues/?venue=anti-abuse-forum",
    "/venues/",
    "/venues/anti-abuse-forum/",
    "/gaps/",
    "/gaps/?status=covered&basket=legal",
    "/action-lines/",
]


def add_issues(count: int, *, start: int, small_map) -> None:
    """`count` issues in bulk, each with two aspects; every other one covered by the Anti-Abuse
    Forum and filed under C5; then one map event, so the cached gap report is replaced."""
    legal: Basket = small_map["baskets"][1]
    forum: Venue = small_map["venues"]["anti-abuse-forum"]
    c5, _ = ActionLine.objects.get_or_create(code="C5", defaults={"title": "Security"})
    slugs = [f"bulk-{n:04d}" for n in range(start, start + count)]
    Issue.objects.bulk_create(
        Issue(slug=slug, title=f"Bulk issue {slug}", basket=legal, summary="Generated.")
        for slug in slugs
    )
    issues = list(Issue.objects.filter(slug__in=slugs).order_by("slug"))
    Aspect.objects.bulk_create(
        Aspect(issue=issue, slug=slug, title=f"{slug.title()} aspect", order=n)
        for issue in issues
        for n, slug in enumerate(("first", "second"))
    )
    Mandate.objects.bulk_create(Mandate(venue=forum, issue=issue) for issue in issues[::2])
    Issue.action_lines.through.objects.bulk_create(
        Issue.action_lines.through(issue=issue, actionline=c5) for issue in issues[::2]
    )
    event_record(kind="map.bulk", actor=None, summary=f"{count} generated issues")


def queries_per_page(client) -> dict[str, int]:
    counts = {}
    client.get("/gaps/")  # computes and caches the gap report, which every page reads
    for path in PAGES:
        with CaptureQueriesContext(connection) as context:
            response = client.get(path)
        assert response.status_code == 200, path
        counts[path] = len(context)
    return counts


@pytest.mark.parametrize("persona", ["anonymous", "editor"])
def test_pages_make_as_many_queries_with_1000_issues_as_with_10(
    anon, editor_client, small_map, persona
):
    client = anon if persona == "anonymous" else editor_client
    add_issues(5, start=0, small_map=small_map)  # with the small map's 5: 10 issues
    small = queries_per_page(client)

    add_issues(990, start=5, small_map=small_map)
    assert Issue.objects.count() == 1000
    large = queries_per_page(client)

    assert large == small


def test_the_gap_report_is_computed_in_a_fixed_number_of_queries(anon, small_map):
    def cold_gap_page() -> int:
        from django.core.cache import cache

        cache.clear()
        with CaptureQueriesContext(connection) as context:
            assert anon.get("/gaps/").status_code == 200
        return len(context)

    add_issues(5, start=0, small_map=small_map)
    small = cold_gap_page()
    add_issues(990, start=5, small_map=small_map)

    assert cold_gap_page() == small


def test_a_page_of_a_large_map_is_no_heavier_than_a_page_of_a_small_one(anon, small_map):
    add_issues(45, start=0, small_map=small_map)
    small = len(anon.get("/issues/?basket=legal").content)
    add_issues(950, start=45, small_map=small_map)
    large = anon.get("/issues/?basket=legal")

    assert large.content.decode().count('<th scope="row"><a href="/issues/') == 50
    assert len(large.content) < small * 1.1
