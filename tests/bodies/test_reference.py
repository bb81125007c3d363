"""The reference bodies: real bodies and instructive variants with real scorecards."""

from __future__ import annotations

import pytest

from polycentric.bodies.models import Body
from polycentric.bodies.reference import bodies_reference_load
from polycentric.core.models import Event
from polycentric.issuemap import services as map_services
from polycentric.issuemap.models import Venue

pytestmark = pytest.mark.django_db

EXPECTED = {
    "cgi-br", "cgi-br-concurrent", "wgec", "wgec-two-thirds", "igf-mag", "icann-board",
    "model-working-group", "coordination-group",
}


def _principle(body: Body, key: str) -> dict:
    return body.analysis["principles"][key]


def test_every_reference_body_is_loaded_with_a_scorecard(reference_bodies):
    assert set(reference_bodies) == EXPECTED
    for body in reference_bodies.values():
        assert body.analysis["body"] == body.name
        assert body.source, body.slug
        assert body.charter.required_groups, body.slug


def test_cgi_br_under_a_simple_majority_fails_p4_for_every_group(reference_bodies):
    p4 = _principle(reference_bodies["cgi-br"], "no_group_decides_alone")

    assert p4["passed"] is False
    assert [v["group"] for v in p4["violations"]] == [
        "government", "private_sector", "civil_society", "science_technology", "expert"]
    government = p4["violations"][0]
    assert government["coalition_seats"] == 11  # business, third sector and academia: 4 + 4 + 3
    assert "government" not in government["coalition"]


def test_cgi_br_under_concurrent_majorities_passes_p4_for_groups(reference_bodies):
    assert _principle(reference_bodies["cgi-br-concurrent"], "no_group_decides_alone")["passed"]


def test_the_wgec_by_consensus_passes_p4_and_under_two_thirds_fails_it(reference_bodies):
    wgec, vote = reference_bodies["wgec"], reference_bodies["wgec-two-thirds"]

    assert _principle(wgec, "no_group_decides_alone")["passed"] is True
    assert _principle(wgec, "no_region_decides_alone")["passed"] is True
    left_out = [v["group"] for v in _principle(vote, "no_group_decides_alone")["violations"]]
    assert left_out == ["private_sector", "civil_society", "technical_academic",
                        "intergovernmental"]


def test_the_icann_board_can_act_without_any_selecting_body_but_the_nomcom(reference_bodies):
    board = reference_bodies["icann-board"]
    left_out = [v["group"] for v in _principle(board, "no_group_decides_alone")["violations"]]

    assert board.analysis["seats"] == 16
    assert "NomCom" not in left_out  # the 8 others hold 8 of the 9 votes needed
    assert len(left_out) == 6


def test_the_igf_mag_2012_has_55_seats_by_consensus(reference_bodies):
    mag = reference_bodies["igf-mag"]

    assert mag.analysis["seats"] == 55
    assert mag.analysis["by_group"]["seats"]["governments"] == 25
    assert mag.charter.decision_rule == {"consensus": True}


def test_loading_again_changes_nothing(reference_bodies):
    events = Event.objects.count()
    stored = {b.slug: (b.analysis, b.analysed_at) for b in Body.objects.all()}

    counts = bodies_reference_load()

    assert counts == {"created": 0, "updated": 0, "unchanged": len(EXPECTED)}
    assert Event.objects.count() == events
    assert {b.slug: (b.analysis, b.analysed_at) for b in Body.objects.all()} == stored


def test_loading_again_repairs_a_changed_body(reference_bodies):
    cgi = reference_bodies["cgi-br"]
    Body.objects.filter(pk=cgi.pk).update(acronym="changed")
    cgi.seat_entries.filter(name="government").update(count=2)

    counts = bodies_reference_load()

    assert counts["updated"] == 1
    cgi.refresh_from_db()
    assert cgi.acronym == "CGI.br"
    assert cgi.seat_entries.get(name="government").count == 9


def test_bodies_link_to_their_venues_when_the_map_has_them(reference, wanjiru):
    venue = map_services.venue_create(slug="cgi-br", name="Brazilian Internet Steering Committee",
                                      kind=Venue.Kind.NATIONAL, reach=Venue.Reach.NATIONAL,
                                      actor=wanjiru)

    bodies_reference_load()

    assert Body.objects.get(slug="cgi-br").venue == venue
    assert Body.objects.get(slug="cgi-br-concurrent").venue is None
    assert Body.objects.get(slug="wgec").venue is None  # no such venue on this map
