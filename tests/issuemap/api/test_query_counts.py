"""The list endpoints make the same number of queries with 10 issues as with 1,000."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from polycentric.accounts.models import Region, StakeholderGroup
from polycentric.core.services import event_record
from polycentric.issuemap.models import (
    ActionLine,
    Aspect,
    Issue,
    Mandate,
    Participation,
    Venue,
)

pytestmark = pytest.mark.django_db

QUERIES = [
    "/api/issues",
    "/api/issues?limit=100",
    "/api/issues?status=no_home&limit=100",
    "/api/issues?basket=legal&q=extra&limit=100",
    "/api/issues?venue=anti-abuse-forum&action_line=C5&limit=100",
    "/api/venues?limit=100",
    "/api/venues?reach=global&q=forum",
]


def grow_map(small_map, total_issues: int) -> None:
    """Bulk-create issues (with aspects, action lines and mandates) and venues up to the total."""
    baskets = small_map["baskets"]
    line = ActionLine.objects.get_or_create(code="C5", defaults={"title": "Security"})[0]
    forum = small_map["venues"]["anti-abuse-forum"]
    start = Issue.objects.count()
    issues = Issue.objects.bulk_create(
        Issue(slug=f"extra-{n:04}", title=f"Extra issue {n:04}", basket=baskets[n % 3],
              summary="A generated issue.")
        for n in range(start, total_issues)
    )
    Aspect.objects.bulk_create(
        Aspect(issue=issue, slug=f"part-{k}", title=f"Part {k}", needs_global_policy=k == 0, order=k)
        for issue in issues
        for k in range(2)
    )
    Issue.action_lines.through.objects.bulk_create(
        Issue.action_lines.through(issue_id=issue.pk, actionline_id=line.pk) for issue in issues
    )
    Mandate.objects.bulk_create(Mandate(venue=forum, issue=issue) for issue in issues[::2])
    groups = list(StakeholderGroup.objects.all())
    region = Region.objects.get(scheme__slug="un", slug="african")
    venue_start = Venue.objects.filter(slug__startswith="extra-forum-").count()
    venues = Venue.objects.bulk_create(
        Venue(slug=f"extra-forum-{n:04}", name=f"Extra Forum {n:04}", kind=Venue.Kind.REGIONAL,
              reach=Venue.Reach.REGIONAL)
        for n in range(venue_start, total_issues // 10)
    )
    Participation.objects.bulk_create(
        Participation(venue=venue, group=group, mode=Participation.Mode.MEMBER)
        for venue in venues
        for group in groups
    )
    Venue.regions.through.objects.bulk_create(
        Venue.regions.through(venue_id=venue.pk, region_id=region.pk) for venue in venues
    )
    Mandate.objects.bulk_create(Mandate(venue=venue, issue=issues[-1]) for venue in venues)
    # bulk_create records no event: record one, so the cached gap report is recomputed.
    event_record(kind="map.bulk", actor=None, object_type="test", object_id="x")


def count_queries(client, url: str) -> tuple[int, int]:
    """Queries made on a cold gap-report cache, then on a warm one."""
    counts = []
    for _ in range(2):
        with CaptureQueriesContext(connection) as captured:
            response = client.get(url)
        assert response.status_code == 200, response.content
        counts.append(len(captured.captured_queries))
    return counts[0], counts[1]


@pytest.mark.parametrize("url", QUERIES)
def test_same_number_of_queries_with_10_and_1000_issues(anon, small_map, url):
    grow_map(small_map, 10)
    with_10 = count_queries(anon, url)
    page_10 = len(anon.get(url).json()["items"])

    grow_map(small_map, 1000)
    with_1000 = count_queries(anon, url)
    page_1000 = len(anon.get(url).json()["items"])

    assert Issue.objects.count() == 1000
    assert with_10 == with_1000
    if "limit=100" in url and "status" not in url:
        assert page_1000 > page_10  # the bigger map really fills a bigger page


def test_issue_detail_queries_do_not_grow_with_the_map(anon, small_map):
    grow_map(small_map, 10)
    with_10 = count_queries(anon, "/api/issues/extra-0009")

    grow_map(small_map, 1000)
    with_1000 = count_queries(anon, "/api/issues/extra-0009")

    assert with_10 == with_1000
