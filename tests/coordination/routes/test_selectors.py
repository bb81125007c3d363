"""The routing engine's input, read from the map."""

from __future__ import annotations

import pytest

from polycentric.coordination import selectors
from polycentric.engines.routing import CoveringVenue
from polycentric.issuemap import services as map_services

pytestmark = pytest.mark.django_db


def test_an_issues_aspects_that_need_global_policy_with_their_covers(routing_map, wanjiru):
    connectivity = routing_map["issues"]["connectivity"]
    issue = selectors.routing_issue(connectivity)

    assert [a.key for a in issue.aspects] == ["affordability"]  # local-funds is not global
    assert issue.aspects[0].covers == (CoveringVenue("dialogue-forum"),)

    norms = selectors.routing_issue(routing_map["issues"]["cyber-norms"])
    assert [c.venue for c in norms.aspects[0].covers] == ["civic-network",
                                                          "states-working-group"]
    assert selectors.routing_issue(routing_map["issues"]["data-flows"]).action_lines == ("C5",)


def test_an_issue_without_aspects_is_routed_as_a_whole(routing_map, wanjiru, small_map):
    bare = map_services.issue_create(slug="bare", title="Bare", basket=small_map["baskets"][0],
                                     actor=wanjiru)
    map_services.mandate_create(venue=small_map["venues"]["anti-abuse-forum"], issue=bare,
                                actor=wanjiru)

    issue = selectors.routing_issue(bare)

    assert [(a.key, a.title) for a in issue.aspects] == [("whole-issue", "Bare")]
    assert issue.aspects[0].covers == (CoveringVenue("anti-abuse-forum"),)


def test_parameters_and_venues(routing_map):
    parameters = selectors.routing_parameters()
    venues = selectors.routing_venues()

    assert parameters.groups == ("governments", "private_sector", "civil_society",
                                 "technical_community", "academia", "igos")
    assert parameters.regions == ("african", "asia_pacific", "eastern_european", "grulac", "weog")
    assert parameters.group_name("civil_society") == "civil society"
    assert parameters.action_line_titles["C5"].startswith("Building confidence")
    assert venues["itu-hub"].action_lines == ("C5",)
    assert venues["states-working-group"].participation == {
        "governments": "member", "civil_society": "consulted"}
    assert venues["regional-data-council"].is_global is False
