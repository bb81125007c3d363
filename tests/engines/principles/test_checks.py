"""Scorecards of named bodies: P1, P3 and P4 for groups and regions, with the reasons in words."""

from __future__ import annotations

from fractions import Fraction
from pathlib import Path

import pytest

from polycentric.engines.power import (
    Consensus,
    Majority,
    RuleError,
    Seat,
    Threshold,
    Within,
    is_winning,
)
from polycentric.engines.principles import (
    AllGroupsDetails,
    BodySpec,
    DecidesAloneDetails,
    GlobalDetails,
    PrincipleKey,
    RegionShare,
    Scorecard,
    Shortfall,
    Thresholds,
    analyze,
    parse_body_document,
)

BODIES = Path(__file__).parent / "bodies"
GROUPS = "no_group_decides_alone"
REGIONS = "no_region_decides_alone"


def card(name: str, thresholds: Thresholds | None = None) -> Scorecard:
    spec = parse_body_document((BODIES / name).read_text(encoding="utf-8"), name=name)
    return analyze(spec, thresholds)


def verdicts(scorecard: Scorecard) -> dict[str, bool]:
    return {p.key.value: p.passed for p in scorecard.principles}


def body(*seats: Seat, rule=None, groups=(), regions=(), thresholds=None) -> BodySpec:
    return BodySpec(
        name="Test body",
        seats=tuple(seats),
        rule=rule or Threshold(Majority.SIMPLE),
        groups=tuple(groups),
        regions=tuple(regions),
        thresholds=thresholds,
    )


# ---- the example bodies -------------------------------------------------------------------------

EXPECTED = [
    # (file, all_groups, global, no group decides alone, no region decides alone)
    ("cgi_br.yaml", True, False, False, True),
    ("cgi_br_concurrent.yaml", True, False, True, True),
    ("wgec.yaml", True, True, True, True),
    ("wgec_majority_vote.yaml", True, True, False, False),
]


@pytest.mark.parametrize(
    ("name", "p1", "p3", "p4_groups", "p4_regions"), EXPECTED, ids=[case[0] for case in EXPECTED]
)
def test_example_body_verdicts(name, p1, p3, p4_groups, p4_regions):
    scorecard = card(name)

    assert verdicts(scorecard) == {
        "all_groups": p1,
        "global": p3,
        GROUPS: p4_groups,
        REGIONS: p4_regions,
    }
    assert scorecard.passed is all((p1, p3, p4_groups, p4_regions))


def test_cgi_br_simple_majority_fails_p4_for_every_group_government_included():
    p4 = card("cgi_br.yaml").principle(GROUPS)

    assert [v.name for v in p4.violations] == [
        "government",
        "private_sector",
        "civil_society",
        "science_technology",
        "expert",
    ]
    government = p4.violations[0]
    assert (
        "the 12 seats outside government alone hold 12 votes, and 11 pass a decision"
        in government.reason
    )
    assert government.reason.startswith(
        "business, third sector and academia seats (11 of 21) can pass a decision without government"
    )
    assert government.coalition == (("business", 4), ("third_sector", 4), ("academia", 3))
    civil_society = p4.violations[2]
    assert civil_society.reason.startswith(
        "government and business seats (13 of 21) can pass a decision without civil society"
    )
    assert isinstance(p4.details, DecidesAloneDetails)
    assert p4.details.left_out == p4.details.checked


@pytest.mark.parametrize("name", ["cgi_br.yaml", "wgec_majority_vote.yaml"])
def test_every_coalition_shown_wins_and_leaves_its_group_or_region_out(name):
    scorecard = card(name)
    spec = scorecard.body
    for key, kind in ((GROUPS, "group"), (REGIONS, "region")):
        for violation in scorecard.principle(key).violations:
            coalition = dict(violation.coalition)
            assert is_winning(spec.rule, spec.seats, coalition)
            members = {s.name for s in spec.seats if getattr(s, kind) == violation.name}
            assert not members & set(coalition)
            assert violation.coalition_seats == sum(coalition.values())


def test_cgi_br_concurrent_majorities_cannot_leave_any_group_out():
    p4 = card("cgi_br_concurrent.yaml").principle(GROUPS)

    assert p4.passed
    assert p4.violations == ()
    assert "No stakeholder group can be left out" in p4.summary


def test_cgi_br_passes_p1_and_fails_p3_because_it_is_national():
    scorecard = card("cgi_br.yaml")
    p1, p3 = scorecard.principle("all_groups"), scorecard.principle("global")

    assert p1.passed and p1.violations == ()
    assert not p3.passed
    assert isinstance(p3.details, GlobalDetails)
    share = RegionShare("GRULAC", 21, 21, Fraction(1), Fraction(1, 2))
    assert p3.details.max_share == share
    assert p3.details.over_share == (share,)
    assert p3.details.missing == ()
    assert [v.reason for v in p3.violations] == [
        "GRULAC holds 21 of the 21 seats that have a region (100%), more than the maximum share of 50%"
    ]


def test_wgec_by_consensus_lets_no_group_or_region_be_left_out():
    scorecard = card("wgec.yaml")

    for key in (GROUPS, REGIONS):
        assert scorecard.principle(key).passed
    assert len(scorecard.power.veto) == 9  # under consensus every seat is a veto seat


def test_wgec_two_thirds_fails_for_every_non_government_group_but_not_for_government():
    p4 = card("wgec_majority_vote.yaml").principle(GROUPS)

    assert [v.name for v in p4.violations] == [
        "private_sector",
        "civil_society",
        "technical_academic",
        "intergovernmental",
    ]
    assert "government" not in {v.name for v in p4.violations}
    assert p4.violations[0].reason.startswith(
        "government, civil society and technical academic seats (32 of 42) can pass a decision "
        "without private sector"
    )


def test_wgec_shares_leave_out_the_seats_without_a_region():
    p3 = card("wgec.yaml").principle("global")

    assert isinstance(p3.details, GlobalDetails)
    assert p3.details.seats_with_region == 22
    assert p3.details.max_share == RegionShare("African", 5, 22, Fraction(5, 22), Fraction(1, 2))
    assert "20 seats have no region and count for none." in p3.summary


# ---- P1 -----------------------------------------------------------------------------------------


def test_p1_names_a_required_group_without_seats():
    spec = body(
        Seat("states", "government", count=3),
        Seat("ngos", "civil_society", count=2),
        groups=("government", "civil_society", "technical"),
    )

    p1 = analyze(spec).principle("all_groups")

    assert not p1.passed
    assert isinstance(p1.details, AllGroupsDetails)
    assert p1.details.missing == (Shortfall("group", "technical", 0, 1),)
    assert [v.reason for v in p1.violations] == [
        "technical holds no seat; at least 1 seat is needed"
    ]
    assert p1.summary.startswith("Technical holds no seat")


def test_p1_counts_seats_not_entries_against_the_minimum():
    spec = body(
        Seat("states", "government", count=3),
        Seat("ngos_a", "civil_society"),
        Seat("ngos_b", "civil_society"),
        Seat("engineers", "technical"),
        groups=("government", "civil_society", "technical"),
    )

    p1 = analyze(spec, Thresholds(min_group_seats=2)).principle("all_groups")

    assert p1.details == AllGroupsDetails(
        required=("government", "civil_society", "technical"),
        seats=(("government", 3), ("civil_society", 2), ("technical", 1)),
        missing=(Shortfall("group", "technical", 1, 2),),
    )
    assert p1.violations[0].reason == "technical holds only 1 seat; at least 2 seats are needed"


def test_p1_with_no_required_groups_has_nothing_to_check():
    p1 = analyze(body(Seat("states", "government"))).principle("all_groups")
    assert p1.passed
    assert "nothing to check" in p1.summary


# ---- P3 -----------------------------------------------------------------------------------------


def test_p3_reports_the_largest_share_against_the_limit():
    spec = body(
        Seat("africa", "government", "African", count=2),
        Seat("asia", "government", "Asia-Pacific", count=2),
        Seat("europe", "government", "WEOG", count=6),
        regions=("African", "Asia-Pacific", "WEOG"),
    )

    p3 = analyze(spec).principle("global")

    assert not p3.passed
    assert isinstance(p3.details, GlobalDetails)
    assert p3.details.max_share == RegionShare("WEOG", 6, 10, Fraction(3, 5), Fraction(1, 2))
    assert p3.violations[0].reason == (
        "WEOG holds 6 of the 10 seats that have a region (60%), more than the maximum share of 50%"
    )
    assert analyze(spec, Thresholds(max_region_share=Fraction(3, 5))).principle("global").passed


def test_p3_a_region_at_exactly_the_maximum_share_passes():
    spec = body(
        Seat("north", "government", "WEOG", count=2),
        Seat("south", "government", "African", count=2),
        regions=("WEOG", "African"),
    )
    p3 = analyze(spec).principle("global")
    assert p3.passed
    assert p3.summary.startswith("Every region holds at least 1 seat and none holds more than 50%")


def test_p3_names_missing_regions_and_leaves_seats_without_a_region_out_of_the_shares():
    spec = body(
        Seat("africa", "government", "African", count=2),
        Seat("asia", "government", "Asia-Pacific", count=2),
        Seat("ngos", "civil_society", None, count=10),
        regions=("African", "Asia-Pacific", "GRULAC"),
    )

    p3 = analyze(spec).principle("global")

    assert not p3.passed
    assert isinstance(p3.details, GlobalDetails)
    assert p3.details.missing == (Shortfall("region", "GRULAC", 0, 1),)
    assert p3.details.seats_with_region == 4
    assert p3.details.max_share == RegionShare("African", 2, 4, Fraction(1, 2), Fraction(1, 2))
    assert p3.details.over_share == ()
    assert [v.name for v in p3.violations] == ["GRULAC"]


def test_p3_without_listed_regions_checks_the_regions_on_the_seats():
    spec = body(
        Seat("africa", "government", "African", count=1),
        Seat("europe", "government", "WEOG", count=3),
    )

    p3 = analyze(spec).principle("global")

    assert isinstance(p3.details, GlobalDetails)
    assert p3.details.required == ("African", "WEOG")
    assert [v.name for v in p3.violations] == ["WEOG"]


def test_p3_fails_when_no_seat_has_a_region():
    p3 = analyze(body(Seat("states", "government", count=3))).principle("global")

    assert not p3.passed
    assert [(v.name, v.reason) for v in p3.violations] == [
        ("", "no seat has a region, so no region is represented")
    ]


def test_p3_minimum_seats_per_region():
    spec = body(
        Seat("africa", "government", "African", count=1),
        Seat("europe", "government", "WEOG", count=1),
        regions=("African", "WEOG"),
    )
    p3 = analyze(spec, Thresholds(min_region_seats=2)).principle("global")
    assert [v.reason for v in p3.violations] == [
        "African holds only 1 seat; at least 2 seats are needed",
        "WEOG holds only 1 seat; at least 2 seats are needed",
    ]


# ---- P4 -----------------------------------------------------------------------------------------


def test_p4_a_required_group_without_seats_is_left_out_of_every_decision():
    spec = body(
        Seat("states", "government", count=3),
        Seat("ngos", "civil_society", count=3),
        rule=Consensus(),
        groups=("government", "civil_society", "technical"),
    )

    p4 = analyze(spec).principle(GROUPS)

    assert [v.name for v in p4.violations] == ["technical"]
    assert p4.violations[0].reason == (
        "states and ngos seats (6 of 6) can pass a decision without technical, which holds no seat"
    )
    assert p4.summary == "A decision can pass without technical."


def test_p4_for_regions_counts_seats_without_a_region_outside_every_region():
    spec = body(
        Seat("africa", "government", "African", count=3),
        Seat("europe", "government", "WEOG", count=3),
        Seat("ngos", "civil_society", None, count=5),
        rule=Threshold(Majority.SIMPLE),
    )

    p4 = analyze(spec).principle(REGIONS)

    assert [v.name for v in p4.violations] == ["African", "WEOG"]
    assert dict(p4.violations[0].coalition) == {"europe": 3, "ngos": 5}


def test_p4_a_rule_that_needs_one_group_fails_for_the_others_only():
    spec = body(
        Seat("states", "government", count=3),
        Seat("ngos", "civil_society", count=3),
        Seat("engineers", "technical", count=3),
        rule=Threshold(2, Within("group", "government")),
    )

    p4 = analyze(spec).principle(GROUPS)

    assert [v.name for v in p4.violations] == ["civil_society", "technical"]
    assert (
        p4.violations[0].reason == "states seats (3 of 9) can pass a decision without civil society"
    )


def test_p4_with_no_regions_has_nothing_to_check():
    p4 = analyze(body(Seat("states", "government"))).principle(REGIONS)
    assert p4.passed
    assert p4.summary == "No seat has a region, so no region can be left out."


def test_a_group_whose_entries_are_all_held_is_named_once():
    spec = body(
        Seat("gov_a", "government", "African", count=3),
        Seat("gov_b", "government", "WEOG", count=3),
        Seat("ngos", "civil_society", "African", count=2),
        rule=Threshold(Majority.SIMPLE),
    )
    p4 = analyze(spec).principle(GROUPS)
    assert [v.name for v in p4.violations] == ["civil_society"]
    assert p4.violations[0].reason.startswith("government seats (6 of 8) can pass a decision")


# ---- the scorecard as a whole -------------------------------------------------------------------


def test_principles_come_in_a_fixed_order_with_their_titles():
    scorecard = card("cgi_br.yaml")
    assert [(p.key, p.title) for p in scorecard.principles] == [
        (PrincipleKey.ALL_GROUPS, "P1 All stakeholder groups"),
        (PrincipleKey.GLOBAL, "P3 Global"),
        (PrincipleKey.NO_GROUP_DECIDES_ALONE, "P4 No group decides alone"),
        (PrincipleKey.NO_REGION_DECIDES_ALONE, "P4 No region decides alone"),
    ]
    with pytest.raises(KeyError):
        scorecard.principle("transparency")


def test_thresholds_come_from_the_argument_then_the_body_then_the_defaults():
    text = (BODIES / "cgi_br.yaml").read_text(
        encoding="utf-8"
    ) + "thresholds: {max_region_share: 1}\n"
    spec = parse_body_document(text, name="cgi_br.yaml")

    assert analyze(spec).thresholds == Thresholds(max_region_share=Fraction(1))
    assert analyze(spec).principle("global").passed
    assert not analyze(spec, Thresholds()).principle("global").passed
    assert card("cgi_br.yaml").thresholds == Thresholds()


def test_power_is_the_power_engines():
    power = card("cgi_br_concurrent.yaml").power
    assert power.veto == ("expert",)  # the lone expert is a group of one: every group must agree
    assert sum(e.count * e.shapley_shubik for e in power.entries) == pytest.approx(1)


def test_an_unchecked_rule_is_refused():
    spec = body(Seat("states", "government", count=3), rule=Threshold(9))
    with pytest.raises(RuleError):
        analyze(spec)


@pytest.mark.parametrize(
    "kwargs",
    [
        {"min_group_seats": 0},
        {"min_region_seats": True},
        {"max_region_share": Fraction(0)},
        {"max_region_share": Fraction(3, 2)},
        {"max_region_share": 0.5},
    ],
)
def test_thresholds_refuse_nonsense(kwargs):
    with pytest.raises(ValueError, match=next(iter(kwargs))):
        Thresholds(**kwargs)
