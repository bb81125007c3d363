"""The venue list (filters, participation matrix) and the venue page."""

from __future__ import annotations

import pytest

from polycentric.accounts.models import Region
from polycentric.issuemap import services
from polycentric.issuemap.models import Venue
from tests.issuemap.views.support import rows_of, text_of

pytestmark = pytest.mark.django_db


def test_the_list_shows_reach_powers_issues_and_who_takes_part(anon, small_map):
    response = anon.get("/venues/")

    assert response.status_code == 200
    rows = rows_of(response, "matrix venues")
    assert rows[0] == ("Venue Kind Reach Can act Issues Governments Private sector Civil society "
                       "Technical community Academia Intergovernmental organisations")
    assert rows[4] == (
        "States Working Group Intergovernmental body Global Recommends 1 "
        "✓ Member (takes part) ✗ None (does not take part) ✗ Consulted (does not take part) "
        "✗ None (does not take part) ✗ None (does not take part) ✗ None (does not take part)"
    )
    assert rows[1].startswith("Anti-Abuse Forum (AAF) Multistakeholder forum Global Recommends 1")
    assert "Regional Data Council Regional organisation Regional Decides 1" in rows[3]
    html = response.content.decode()
    assert '<td class="mode takes-part">' in html and '<td class="mode no-part">' in html
    assert "<caption>" in html


@pytest.mark.parametrize(
    ("query", "slugs"),
    [
        ("reach=regional", ["regional-data-council"]),
        ("kind=multistakeholder", ["anti-abuse-forum", "dialogue-forum"]),
        ("q=aaf", ["anti-abuse-forum"]),
        ("q=forum&reach=global", ["anti-abuse-forum", "dialogue-forum"]),
        ("reach=national", []),
    ],
)
def test_filters_narrow_the_list(anon, small_map, query, slugs):
    response = anon.get(f"/venues/?{query}")

    assert response.status_code == 200
    html = response.content.decode()
    for slug in small_map["venues"]:
        assert (f'href="/venues/{slug}/"' in html) == (slug in slugs), slug


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ("reach=planetary", "Geographic reach: Unknown reach “planetary”"),
        ("kind=club", "Kind: Unknown kind of venue “club”"),
        ("page=last", "Page: The page must be a whole number"),
        ("page=3", "Page: There is no page 3; the last page is 1"),
    ],
)
def test_a_bad_filter_value_is_named_on_the_page(anon, small_map, query, message):
    response = anon.get(f"/venues/?{query}")

    assert response.status_code == 400
    assert message in text_of(response)
    assert 'href="/venues/dialogue-forum/"' not in response.content.decode()


def test_the_venue_page_shows_participation_as_a_matrix(anon, small_map):
    response = anon.get("/venues/states-working-group/")

    assert response.status_code == 200
    html = response.content.decode()
    assert "<caption>How each stakeholder group takes part in States Working Group</caption>" in html
    rows = rows_of(response, "matrix participation")
    assert rows == [
        "Stakeholder group Mode Takes part",
        "Governments Member ✓ Yes",
        "Private sector None ✗ No",
        "Civil society Consulted ✗ No",
        "Technical community None ✗ No",
        "Academia None ✗ No",
        "Intergovernmental organisations None ✗ No",
    ]


def test_the_venue_page_shows_facts_and_issues_covered(anon, small_map, wanjiru, wsis_lines):
    forum = small_map["venues"]["anti-abuse-forum"]
    services.venue_update(venue=small_map["venues"]["dialogue-forum"], parent=forum, actor=wanjiru)

    response = anon.get("/venues/anti-abuse-forum/")

    text = text_of(response)
    assert ("Kind Multistakeholder forum Geographic reach Global Regions covered The whole world "
            "Outputs Not binding Can decide No Can recommend Yes") in text
    assert "Its parts Dialogue Forum" in text
    assert "WSIS action lines facilitated C5" in text
    assert "Spam The whole issue Fully Source of the mandate for Spam Covered" in rows_of(response)
    child = text_of(anon.get("/venues/dialogue-forum/"))
    assert "Part of Anti-Abuse Forum (AAF)" in child
    assert ("Connectivity Affordable international connectivity Fully None given "
            "Home cannot act") in child


def test_a_regional_venue_lists_its_regions(anon, small_map, wanjiru):
    african = Region.objects.get(scheme__slug="un", slug="african")
    services.venue_update(venue=small_map["venues"]["regional-data-council"], regions=[african],
                          actor=wanjiru)

    text = text_of(anon.get("/venues/regional-data-council/"))

    assert "Geographic reach Regional Regions covered African Group (" in text


def test_the_list_is_paginated(anon, small_map):
    Venue.objects.bulk_create(
        Venue(slug=f"club-{n:02d}", name=f"Club {n:02d}", kind=Venue.Kind.NETWORK,
              reach=Venue.Reach.NATIONAL)
        for n in range(50)
    )

    first, second = anon.get("/venues/"), anon.get("/venues/?page=2")

    assert len(rows_of(first, "matrix venues")) - 1 == 50
    assert len(rows_of(second, "matrix venues")) - 1 == 4
    assert "54 venues found." in text_of(first)


def test_an_unknown_venue_is_404(anon, small_map):
    assert anon.get("/venues/atlantis/").status_code == 404


def test_htmx_requests_get_only_the_results(anon, small_map):
    response = anon.get("/venues/?reach=regional", HTTP_HX_REQUEST="true")

    html = response.content.decode()
    assert html.startswith('<div id="venue-results"') and "<html" not in html
    assert 'href="/venues/regional-data-council/"' in html
    assert "HX-Request" in response["Vary"]
