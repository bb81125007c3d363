""""What if": the same seats under another rule, side by side, without saving."""

from __future__ import annotations

import pytest

from polycentric.bodies.models import Body
from tests.bodies.support import body_snapshot, section_of

pytestmark = pytest.mark.django_db


def _compare(response) -> str:
    return section_of(response, "what-if")


def test_concurrent_majorities_would_stop_cgi_br_leaving_a_group_out(anon, reference_bodies):
    before = body_snapshot()

    response = anon.get("/bodies/cgi-br/", {"whatif-rule": "every_group"})

    assert response.status_code == 200
    compare = _compare(response)
    assert ("P4 No group decides alone ✗ Fails Government, private sector, civil society, "
            "science technology and expert can each be left out") in compare
    assert "✓ Passes No stakeholder group can be left out" in compare
    assert "Government 42.9% 42.9% 25.2% 42.9% 7.7%" in compare
    assert body_snapshot() == before


def test_a_custom_rule_in_yaml(anon, reference_bodies):
    response = anon.get("/bodies/wgec/", {
        "whatif-rule": "custom",
        "whatif-custom_rule": "all: [{majority: two_thirds}, {within: {group: government}, "
                              "majority: simple}]",
    })

    assert response.status_code == 200
    compare = _compare(response)
    assert "within" not in compare or "two-thirds" in compare
    assert "a two-thirds majority of all seats (28 of 42 votes) and a simple majority of the " \
           "seats of the stakeholder group government" in compare


def test_the_form_keeps_the_choice(anon, reference_bodies):
    html = anon.get("/bodies/cgi-br/", {"whatif-rule": "two_thirds"}).content.decode()

    assert '<option value="two_thirds" selected>' in html


@pytest.mark.parametrize(("query", "words"), [
    ({"whatif-rule": "custom", "whatif-custom_rule": "{quota: 99}"},
     "rule.quota: 99 is above the total weight 21 of all seats"),
    ({"whatif-rule": "custom", "whatif-custom_rule": "{majority: [}"}, "malformed YAML"),
    ({"whatif-rule": "custom", "whatif-custom_rule": ""}, "Write the rule here"),
    ({"whatif-rule": "custom", "whatif-custom_rule": "- a list"}, "A rule is a mapping"),
    ({"whatif-rule": "dictatorship"}, "Select a valid choice"),
])
def test_a_bad_rule_is_a_422_with_the_problem_next_to_the_field(anon, reference_bodies, query,
                                                                words):
    before = Body.objects.get(slug="cgi-br").analysis

    response = anon.get("/bodies/cgi-br/", query)

    assert response.status_code == 422
    assert words in section_of(response, "what-if")
    assert Body.objects.get(slug="cgi-br").analysis == before


def test_a_majority_in_every_region_needs_seats_with_regions(anon, reference_bodies):
    response = anon.get("/bodies/icann-board/", {"whatif-rule": "every_region"})

    assert response.status_code == 422
    assert "no seat has a region" in section_of(response, "what-if")
