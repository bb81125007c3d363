"""The body page: scorecard with reasons, seats with their power, charts, charter and members."""

from __future__ import annotations

import pytest
import yaml

from polycentric.bodies import services
from polycentric.bodies.models import Body
from polycentric.issuemap import services as map_services
from polycentric.issuemap.models import Venue
from tests.bodies.support import TERM_START, section_of, text_of

pytestmark = pytest.mark.django_db


def test_the_scorecard_says_which_principles_fail_and_why(anon, reference_bodies):
    response = anon.get("/bodies/cgi-br/")

    assert response.status_code == 200
    scorecard = section_of(response, "scorecard")
    assert "P4 No group decides alone ✗ Fails" in scorecard
    assert "P1 All stakeholder groups ✓ Passes" in scorecard
    assert ("business, third sector and academia seats (11 of 21) can pass a decision without "
            "government") in scorecard
    assert "A winning coalition without Government, 11 seats: business (4), third_sector (4), " \
           "academia (3)" in scorecard
    assert "GRULAC holds 100% of the seats that have a region" in scorecard


def test_the_seat_table_gives_power_per_seat_and_per_entry(anon, reference_bodies):
    seats = section_of(anon.get("/bodies/cgi-br/"), "seats")

    # every one of the 21 seats is alike under a simple majority: 1/21 each
    assert "government Nine appointed seats" in seats
    assert "Government GRULAC 9 1 0.0476 0.4286 0.0476 0.4286" in seats
    assert "Expert GRULAC 1 1 0.0476 0.0476 0.0476 0.0476" in seats
    assert "The indices are exact." in seats


def test_veto_seats_are_marked(anon, reference_bodies):
    seats = section_of(anon.get("/bodies/wgec/"), "seats")

    assert seats.count("Veto") == 9  # under consensus every seat can block


def test_charts_show_seats_against_power_with_the_same_numbers_in_a_table(anon,
                                                                          reference_bodies):
    response = anon.get("/bodies/cgi-br-concurrent/")
    html = response.content.decode()

    assert html.count('<svg class="power-chart"') == 2
    assert 'role="img"' in html and "<title id=\"chart-groups-title\">" in html
    groups = section_of(response, "power-by-group")
    # under concurrent majorities government holds 42.9% of the seats but far less power
    assert "Government 9 42.9% 25.2% 7.7%" in groups
    assert "Expert 1 4.8% 10.2% 24.0%" in groups


def test_seats_without_a_region_are_shown_as_such(anon, reference_bodies):
    regions = section_of(anon.get("/bodies/wgec/"), "power-by-region")

    assert "African 5 11.9%" in regions
    assert "No region 20 47.6%" in regions


def test_a_body_whose_seats_have_no_region_says_so(anon, reference_bodies):
    regions = section_of(anon.get("/bodies/icann-board/"), "power-by-region")

    assert "No seat of this body represents a region." in regions


def test_the_charter_and_sources_are_shown(anon, reference_bodies):
    response = anon.get("/bodies/model-working-group/")
    charter = section_of(response, "charter")

    assert "consensus (every seat must agree)" in charter
    assert ("a simple majority inside every stakeholder group and a simple majority inside "
            "every region") in charter
    assert "When the chair finds" in charter
    assert "Consultations 30 days, decision meetings 30 days, other meetings 14 days" in charter
    assert "Instructive" in section_of(response, "source")


def test_members_are_listed(anon, council, wanjiru, ana):
    services.member_add(body=council, seat_entry=council.seat_entries.get(name="ngos"),
                        participant=ana.participant, start=TERM_START, actor=wanjiru)

    members = section_of(anon.get("/bodies/council/"), "members")

    assert "Ana ngos" in members and "Serving" in members


def test_the_venue_on_the_map_is_linked(anon, council, wanjiru):
    venue = map_services.venue_create(slug="council-venue", name="The Council", actor=wanjiru,
                                      kind=Venue.Kind.MULTISTAKEHOLDER, reach=Venue.Reach.GLOBAL)
    services.body_update(body=council, venue=venue, actor=wanjiru)

    assert 'href="/venues/council-venue/"' in anon.get("/bodies/council/").content.decode()


def test_an_unknown_body_is_404(anon, reference):
    assert anon.get("/bodies/no-such-body/").status_code == 404


def test_a_body_not_yet_analysed_says_so(anon, council):
    Body.objects.filter(pk=council.pk).update(analysis={})

    response = anon.get("/bodies/council/")

    assert response.status_code == 200
    assert "This body has not been analysed yet." in text_of(response)


def test_the_body_file_can_be_downloaded_and_read_back(anon, cgi_br):
    response = anon.get("/bodies/cgi-br/body.yaml")

    assert response.status_code == 200
    assert response["Content-Disposition"] == 'attachment; filename="cgi-br.yaml"'
    assert yaml.safe_load(response.content) == services.body_document(cgi_br)
