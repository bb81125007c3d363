"""The bodies list makes the same number of queries with 3 bodies as with 30."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from polycentric.bodies.models import Body, Charter, SeatEntry
from polycentric.issuemap import services as map_services
from polycentric.issuemap.models import Venue

pytestmark = pytest.mark.django_db


def grow(template: Body, total: int) -> None:
    """Copies of a body (with its scorecard, charter and seats) up to `total` bodies."""
    venue = Venue.objects.first()
    start = Body.objects.count()
    bodies = Body.objects.bulk_create(
        Body(slug=f"copy-{n}", name=f"Copy {n:03}", analysis=template.analysis, venue=venue)
        for n in range(start, total)
    )
    Charter.objects.bulk_create(
        Charter(body=body, required_groups=template.charter.required_groups,
                decision_rule=template.charter.decision_rule) for body in bodies
    )
    SeatEntry.objects.bulk_create(
        SeatEntry(body=body, name=entry.name, group=entry.group, count=entry.count)
        for body in bodies for entry in template.seat_entries.all()
    )


def count(client, url: str) -> int:
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200, response.content
    return len(captured)


@pytest.mark.parametrize("url", ["/bodies/", "/api/bodies", "/api/bodies?limit=100"])
def test_the_list_makes_as_many_queries_for_30_bodies_as_for_3(editor_client, council, wanjiru,
                                                               url):
    map_services.venue_create(slug="forum", name="Forum", kind=Venue.Kind.MULTISTAKEHOLDER,
                              reach=Venue.Reach.GLOBAL, actor=wanjiru)
    grow(council, 3)
    few = count(editor_client, url)

    grow(council, 30)
    many = count(editor_client, url)

    assert Body.objects.count() == 30
    assert many == few


def test_the_body_page_makes_as_many_queries_for_a_large_body(anon, council, cgi_br):
    small = count(anon, "/bodies/council/")

    assert count(anon, "/bodies/cgi-br/") == small
