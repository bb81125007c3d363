"""Routing over hand-built maps: one named case per route, and the order the routes are tried in.

The map: six stakeholder groups and three regions (african, asia_pacific, weog).
"""

from __future__ import annotations

import itertools

import pytest

from polycentric.engines.principles import analyze, parse_body_data
from polycentric.engines.routing import (
    WORKING_GROUP_RULE,
    AspectInput,
    CoveringVenue,
    IssueInput,
    RouteKind,
    RoutingError,
    RoutingParameters,
    VenueInput,
    charter_checks,
    draft_charter,
    recommend_route,
)

GROUPS = ("governments", "private_sector", "civil_society", "technical_community", "academia",
          "igos")
REGIONS = ("african", "asia_pacific", "weog")
PARAMETERS = RoutingParameters(
    groups=GROUPS,
    regions=REGIONS,
    group_names={"igos": "intergovernmental organisations", "civil_society": "civil society"},
    region_names={"african": "the African Group", "weog": "WEOG"},
    action_line_titles={"C5": "Building confidence and security in the use of ICTs"},
)
EVERYONE = {g: "member" for g in GROUPS}


def venue(key, *, is_global=True, groups=GROUPS, regions=(), can_recommend=True, lines=()):
    return VenueInput(key=key, name=key.upper(), is_global=is_global,
                      participation={g: "member" for g in groups}, regions=tuple(regions),
                      can_recommend=can_recommend, action_lines=tuple(lines))


def issue(*aspects, lines=()):
    return IssueInput("issue", "The issue", tuple(
        AspectInput(key, key.title(), tuple(CoveringVenue(v, partial=v.endswith("~"))
                                            for v in covers))
        for key, covers in aspects
    ), tuple(lines))


def test_a_an_open_global_venue_covering_every_aspect_is_recommended():
    venues = {"forum": venue("forum"), "states": venue("states", groups=("governments",))}
    result = recommend_route(issue(("law", ["forum", "states"]), ("data", ["forum"])), venues,
                             PARAMETERS)

    assert result.kind is RouteKind.EXISTING_VENUE
    assert result.venue_keys == ("forum",)
    assert result.draft_charter is None
    assert any("FORUM" in r and "home" in r for r in result.reasons)


def test_a_a_regional_venue_reaching_every_region_passes_the_reach_check():
    venues = {"net": venue("net", is_global=False, regions=REGIONS)}

    result = recommend_route(issue(("law", ["net"])), venues, PARAMETERS)

    assert result.kind is RouteKind.EXISTING_VENUE


def test_a_full_mandates_come_before_partial_ones():
    venues = {"aaa~": venue("aaa~"), "zzz": venue("zzz")}
    result = recommend_route(issue(("law", ["aaa~", "zzz"])), venues, PARAMETERS)

    assert result.venue_keys == ("zzz", "aaa~")
    assert any("only in part" in r for r in result.venues[1].reasons)


def test_b_venues_that_together_include_everyone_say_which_gap_each_fills():
    venues = {
        "states": venue("states", groups=("governments", "igos")),
        "civic": venue("civic", is_global=False, regions=("african", "weog"),
                       groups=("private_sector", "civil_society", "technical_community",
                               "academia")),
        "asia": venue("asia", is_global=False, regions=("asia_pacific",), groups=()),
    }
    result = recommend_route(issue(("law", ["states", "civic", "asia"])), venues, PARAMETERS)

    assert result.kind is RouteKind.VENUE_COMBINATION
    roles = {role.venue: role for role in result.venues}
    # CIVIC fills the most (the aspect, four groups, two regions) and is chosen first; STATES
    # then adds the two missing groups and the missing region; ASIA would add nothing.
    assert result.venue_keys == ("civic", "states")
    assert roles["civic"].aspects == ("law",)
    assert roles["civic"].groups == ("private_sector", "civil_society", "technical_community",
                                     "academia")
    assert roles["civic"].regions == ("african", "weog")
    assert roles["states"].aspects == ()
    assert roles["states"].groups == ("governments", "igos")
    assert roles["states"].regions == ("asia_pacific",)
    assert roles["states"].reasons == (
        "STATES brings in governments and intergovernmental organisations and reaches "
        "asia pacific.",)
    assert any("together" in r for r in result.reasons)


def test_b_covering_aspects_separately_is_a_combination():
    venues = {"one": venue("one"), "two": venue("two")}
    result = recommend_route(issue(("law", ["one"]), ("data", ["two"])), venues, PARAMETERS)

    assert result.kind is RouteKind.VENUE_COMBINATION
    assert {role.venue: role.aspects for role in result.venues} == {
        "one": ("law",), "two": ("data",)}
    assert any("ONE does not cover “Data”" in r for r in result.reasons)


def test_b_greedy_drops_a_venue_the_others_make_redundant():
    # BIG fills the most at first; SMALL1 and SMALL2 then cover everything BIG gave.
    half = GROUPS[:3]
    rest = GROUPS[3:]
    venues = {
        "big": venue("big", groups=GROUPS[1:5]),
        "small1": venue("small1", groups=half),
        "small2": venue("small2", groups=rest),
    }
    result = recommend_route(issue(("law", ["big", "small1", "small2"])), venues, PARAMETERS)

    assert result.kind is RouteKind.VENUE_COMBINATION
    assert set(result.venue_keys) == {"small1", "small2"}


def test_b_venues_that_cannot_act_are_not_combined():
    venues = {"states": venue("states", groups=("governments",)),
              "talk": venue("talk", groups=GROUPS[1:], can_recommend=False)}
    result = recommend_route(issue(("law", ["states", "talk"])), venues, PARAMETERS)

    assert result.kind is RouteKind.NEW_WORKING_GROUP
    assert any("none of them lets private sector" in r for r in result.reasons)


def test_c_the_facilitators_of_its_action_lines_when_no_combination_includes_everyone():
    venues = {
        "itu": venue("itu", groups=("governments", "private_sector"), lines=("C5", "C2")),
        "unesco": venue("unesco", groups=("governments",), lines=("C3",)),
        "states": venue("states", groups=("governments",)),
    }
    result = recommend_route(issue(("law", ["states"]), lines=("C5",)), venues, PARAMETERS)

    assert result.kind is RouteKind.ACTION_LINE_FACILITATORS
    assert result.venue_keys == ("itu",)
    assert "ITU facilitates C5 (Building confidence" in result.venues[0].reasons[0]
    assert "leaves out civil society" in result.venues[0].reasons[1]
    assert any("No combination" in r and "civil society" in r for r in result.reasons)


def test_d_a_working_group_when_nothing_fits():
    venues = {"unesco": venue("unesco", lines=("C3",))}
    result = recommend_route(issue(("law", []), lines=("C5",)), venues, PARAMETERS)

    assert result.kind is RouteKind.NEW_WORKING_GROUP
    assert result.venues == ()
    assert result.reasons[0].startswith("Constitute an ad hoc multistakeholder working group")
    assert "No venue on the map covers any aspect of this issue." in result.reasons
    assert "No venue on the map facilitates its WSIS action lines (C5)." in result.reasons
    charter = result.draft_charter
    assert charter is not None
    assert charter["rule"] == WORKING_GROUP_RULE
    assert {(s["group"], s["region"]) for s in charter["seats"]} == set(
        itertools.product(GROUPS, REGIONS))
    assert [(c.key, c.passed) for c in result.charter_checks] == [
        ("all_groups", True), ("global", True), ("no_group_decides_alone", True),
        ("no_region_decides_alone", True)]
    assert result.as_document()["draft_charter"] == charter


def test_d_the_draft_charter_passes_the_full_principles_analysis():
    """The same verdict from the principles engine's `analyze` (power analysis included), on
    a small map so the power analysis stays quick."""
    parameters = RoutingParameters(groups=("governments", "civil_society", "academia"),
                                   regions=("african", "weog"))
    document = draft_charter(issue_title="Spam", parameters=parameters)

    card = analyze(parse_body_data(document))

    assert card.passed
    assert [(c.key, c.passed) for c in charter_checks(document)] == [
        (p.key.value, p.passed) for p in card.principles]


def test_the_charter_checks_can_fail():
    document = draft_charter(issue_title="Spam", parameters=PARAMETERS)
    document["rule"] = {"majority": "simple"}

    checks = {c.key: c.passed for c in charter_checks(document)}

    assert checks["no_group_decides_alone"] is False
    assert checks["no_region_decides_alone"] is False


def test_d_without_regions_the_draft_has_one_seat_per_group():
    parameters = RoutingParameters(groups=("governments", "civil_society"), regions=())
    result = recommend_route(issue(("law", [])), {}, parameters)

    assert [s["name"] for s in result.draft_charter["seats"]] == ["governments", "civil_society"]
    assert {c.key: c.passed for c in result.charter_checks}["no_group_decides_alone"]


def test_an_issue_without_aspects_or_with_an_unknown_venue_is_refused():
    with pytest.raises(RoutingError, match="no aspect"):
        recommend_route(IssueInput("x", "X", ()), {}, PARAMETERS)
    with pytest.raises(RoutingError, match="unknown venue 'ghost'"):
        recommend_route(issue(("law", ["ghost"])), {}, PARAMETERS)


@pytest.mark.parametrize("order", list(itertools.permutations(["states", "civic", "asia"])))
def test_the_recommendation_does_not_depend_on_the_order_of_the_input(order):
    all_venues = {
        "states": venue("states", groups=("governments", "igos")),
        "civic": venue("civic", is_global=False, regions=("african", "weog"),
                       groups=GROUPS[1:5]),
        "asia": venue("asia", is_global=False, regions=("asia_pacific",), groups=GROUPS[1:5]),
    }
    venues = {key: all_venues[key] for key in order}
    expected = recommend_route(issue(("law", ["asia", "civic", "states"])), all_venues,
                               PARAMETERS)

    assert recommend_route(issue(("law", list(order))), venues, PARAMETERS) == expected
