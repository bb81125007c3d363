"""The gap engine on named, hand-built reference cases: one or more per status, the parameters,
partial and whole-issue covers, the issue roll-up and the order of the results."""

from __future__ import annotations

from dataclasses import dataclass, field

import pytest

from polycentric.engines.gaps import (
    DEFAULT_PARAMETERS,
    DEFAULT_REQUIRED_GROUPS,
    DEFAULT_TAKING_PART,
    AspectGap,
    GapParameters,
    GapStatus,
    compute_gaps,
    issue_status,
)
from polycentric.engines.gaps import AspectRef as Ref
from tests.engines.gaps.builders import EVERY_GROUP_MEMBER, aspects, cover, venue, venues

COVERED = GapStatus.COVERED
NO_HOME = GapStatus.NO_HOME
NOT_GLOBAL = GapStatus.HOME_NOT_GLOBAL
EXCLUDES = GapStatus.HOME_EXCLUDES_GROUPS
CANNOT_ACT = GapStatus.HOME_CANNOT_ACT
NOT_ASSESSED = GapStatus.NOT_ASSESSED

STATES_ONLY = {"governments": "member"}
MEMBER_STATES_WG = venue("oewg", name="Member States Working Group", participation=STATES_ONLY)
OPEN_FORUM = venue("open-forum", name="Open Forum")
REGIONAL_COUNCIL = venue("regional-council", name="Regional Council", is_global=False,
                         can_decide=True)
NATIONAL_BODY = venue("national-body", name="National Body", is_global=False)
TALK_SHOP = venue("talk-shop", name="Talk Shop", can_recommend=False, can_decide=False)
NO_CIVIL_SOCIETY = venue(
    "industry-club", name="Industry Club",
    participation={**EVERY_GROUP_MEMBER, "civil_society": "none"},
)


@dataclass(frozen=True)
class Case:
    """One aspect, `issue/aspect`, on a small map; the expected status and groups left out."""

    venues: tuple
    covers: tuple
    expected: GapStatus
    left_out: tuple[str, ...] = ()
    parameters: GapParameters = DEFAULT_PARAMETERS
    reason_words: tuple[str, ...] = field(default=())


CASES = {
    # no_home
    "nothing on the map": Case((), (), NO_HOME, reason_words=("No venue",)),
    "a venue covers only another aspect": Case(
        (OPEN_FORUM,), (cover("open-forum", "issue", "other-aspect"),), NO_HOME),
    "a venue covers only another issue": Case(
        (OPEN_FORUM,), (cover("open-forum", "other-issue"),), NO_HOME),
    # covered
    "a global open venue that recommends": Case(
        (OPEN_FORUM,), (cover("open-forum", "issue", "aspect"),), COVERED,
        reason_words=("Open Forum",)),
    "a global open venue that decides but does not recommend": Case(
        (venue("court", can_decide=True, can_recommend=False),),
        (cover("court", "issue", "aspect"),), COVERED),
    "one home among venues that fail": Case(
        (MEMBER_STATES_WG, REGIONAL_COUNCIL, TALK_SHOP, OPEN_FORUM),
        tuple(cover(k, "issue", "aspect")
              for k in ("oewg", "regional-council", "talk-shop", "open-forum")),
        COVERED, reason_words=("Open Forum",)),
    "open participation counts as taking part": Case(
        (venue("igf-like", participation={g: "open" for g in DEFAULT_REQUIRED_GROUPS}),),
        (cover("igf-like", "issue", "aspect"),), COVERED),
    "appointed participation counts as taking part": Case(
        (venue("panel", participation={g: "appointed" for g in DEFAULT_REQUIRED_GROUPS}),),
        (cover("panel", "issue", "aspect"),), COVERED),
    "a group outside the required set may be left out": Case(
        (venue("forum", participation={**EVERY_GROUP_MEMBER, "youth": "none"}),),
        (cover("forum", "issue", "aspect"),), COVERED),
    # home_not_global
    "only a regional venue": Case(
        (REGIONAL_COUNCIL,), (cover("regional-council", "issue", "aspect"),), NOT_GLOBAL,
        reason_words=("Regional Council",)),
    "a regional and a national venue": Case(
        (REGIONAL_COUNCIL, NATIONAL_BODY),
        (cover("regional-council", "issue"), cover("national-body", "issue", "aspect")),
        NOT_GLOBAL, reason_words=("National Body", "Regional Council")),
    # home_excludes_groups
    "a member-states-only working group": Case(
        (MEMBER_STATES_WG,), (cover("oewg", "issue", "aspect"),), EXCLUDES,
        left_out=("private_sector", "civil_society", "technical_community", "academia", "igos"),
        reason_words=("Member States Working Group", "civil society")),
    "a global venue without civil society beats an open regional one": Case(
        (NO_CIVIL_SOCIETY, venue("regional-open", is_global=False)),
        (cover("industry-club", "issue", "aspect"), cover("regional-open", "issue", "aspect")),
        EXCLUDES, left_out=("civil_society",), reason_words=("Industry Club", "civil society")),
    "a group not listed in participation is left out": Case(
        (venue("forum", participation={g: "member" for g in DEFAULT_REQUIRED_GROUPS[:-1]}),),
        (cover("forum", "issue", "aspect"),), EXCLUDES, left_out=("igos",)),
    "observers do not take part by default": Case(
        (venue("forum", participation={**EVERY_GROUP_MEMBER, "igos": "observer"}),),
        (cover("forum", "issue", "aspect"),), EXCLUDES, left_out=("igos",)),
    "the consulted do not take part by default": Case(
        (venue("forum", participation={**EVERY_GROUP_MEMBER, "academia": "consulted"}),),
        (cover("forum", "issue", "aspect"),), EXCLUDES, left_out=("academia",)),
    "groups left out are those no global venue lets in": Case(
        (MEMBER_STATES_WG, NO_CIVIL_SOCIETY),
        (cover("oewg", "issue", "aspect"), cover("industry-club", "issue", "aspect")),
        EXCLUDES, left_out=("civil_society",),
        reason_words=("Industry Club leaves out civil society.",
                      "Member States Working Group leaves out private sector")),
    # home_cannot_act
    "a global open venue that can neither decide nor recommend": Case(
        (TALK_SHOP,), (cover("talk-shop", "issue", "aspect"),), CANNOT_ACT,
        reason_words=("Talk Shop", "neither decide nor recommend")),
    "an open talk shop and an acting venue that excludes groups": Case(
        (TALK_SHOP, MEMBER_STATES_WG),
        (cover("talk-shop", "issue", "aspect"), cover("oewg", "issue", "aspect")),
        CANNOT_ACT, reason_words=("Talk Shop",)),
    # the parameters
    "observers take part when the parameters say so": Case(
        (venue("forum", participation={**EVERY_GROUP_MEMBER, "igos": "observer"}),),
        (cover("forum", "issue", "aspect"),), COVERED,
        parameters=GapParameters(taking_part=DEFAULT_TAKING_PART | {"observer"})),
    "only members take part when the parameters say so": Case(
        (venue("igf-like", participation={g: "open" for g in DEFAULT_REQUIRED_GROUPS}),),
        (cover("igf-like", "issue", "aspect"),), EXCLUDES, left_out=DEFAULT_REQUIRED_GROUPS,
        parameters=GapParameters(taking_part=frozenset({"member"}))),
    "a states-only venue is a home when only governments are required": Case(
        (MEMBER_STATES_WG,), (cover("oewg", "issue", "aspect"),), COVERED,
        parameters=GapParameters(required_groups=("governments",))),
    "a deployment's own group set is required": Case(
        (OPEN_FORUM,), (cover("open-forum", "issue", "aspect"),), EXCLUDES, left_out=("expert",),
        parameters=GapParameters(required_groups=(*DEFAULT_REQUIRED_GROUPS, "expert"))),
    "no required groups: any global acting venue is a home": Case(
        (venue("club", participation={}),), (cover("club", "issue", "aspect"),), COVERED,
        parameters=GapParameters(required_groups=())),
    "the parameters do not make a regional venue global": Case(
        (REGIONAL_COUNCIL,), (cover("regional-council", "issue", "aspect"),), NOT_GLOBAL,
        parameters=GapParameters(required_groups=())),
}


@pytest.mark.parametrize("case", [pytest.param(c, id=name) for name, c in CASES.items()])
def test_reference_case(case: Case):
    report = compute_gaps(
        [Ref(issue="issue", aspect="aspect")], venues(*case.venues), case.covers, case.parameters
    )

    (gap,) = report.aspects
    assert (gap.issue, gap.aspect, gap.status) == ("issue", "aspect", case.expected)
    assert gap.groups_left_out == case.left_out
    assert gap.reasons, "every status says why"
    text = " ".join(gap.reasons)
    for words in case.reason_words:
        assert words in text
    assert report.issues["issue"].status is case.expected


def test_every_status_has_a_reference_case():
    assert {c.expected for c in CASES.values()} == set(GapStatus) - {NOT_ASSESSED}


def test_aspects_that_need_no_global_policy_are_not_assessed():
    refs = aspects({"connectivity": [("local-funds", False), ("last-mile", False)]})

    report = compute_gaps(refs, venues(OPEN_FORUM), [cover("open-forum", "connectivity")])

    assert report.aspects == ()
    assert report.issues["connectivity"].status is NOT_ASSESSED
    assert report.issues["connectivity"].aspects == ()
    assert sum(report.summary().values()) == 0


def test_excluded_groups_reason_names_each_venue_and_its_groups():
    report = compute_gaps(
        [Ref("norms", "state-behaviour")], venues(MEMBER_STATES_WG),
        [cover("oewg", "norms", "state-behaviour")],
    )

    assert report.aspects[0].reasons == (
        "Member States Working Group leaves out private sector, civil society, "
        "technical community, academia and igos.",
    )


def test_reasons_use_the_group_names_the_parameters_give():
    parameters = GapParameters(group_names={"civil_society": "civil society organisations"})

    report = compute_gaps([Ref("norms", "state-behaviour")], venues(NO_CIVIL_SOCIETY),
                          [cover("industry-club", "norms")], parameters)

    assert report.aspects[0].reasons == ("Industry Club leaves out civil society organisations.",)
    assert report.aspects[0].groups_left_out == ("civil_society",)


# ---- partial coverage -----------------------------------------------------------------------


def test_a_partial_home_covers_and_says_the_coverage_is_partial():
    report = compute_gaps([Ref("spam", "enforcement")], venues(OPEN_FORUM),
                          [cover("open-forum", "spam", "enforcement", partial=True)])

    gap = report.aspects[0]
    assert gap.status is COVERED
    assert "The coverage is only partial." in gap.reasons
    assert [a.partial for a in gap.venues] == [True]


def test_a_full_cover_by_the_same_venue_beats_its_partial_cover():
    report = compute_gaps(
        [Ref("spam", "enforcement")], venues(OPEN_FORUM),
        [cover("open-forum", "spam", "enforcement", partial=True), cover("open-forum", "spam")],
    )

    gap = report.aspects[0]
    assert gap.status is COVERED
    assert "The coverage is only partial." not in gap.reasons
    assert [a.partial for a in gap.venues] == [False]


def test_a_full_home_elsewhere_is_named_instead_of_a_partial_one():
    other = venue("second-forum", name="Second Forum")
    report = compute_gaps(
        [Ref("spam", "enforcement")], venues(OPEN_FORUM, other),
        [cover("open-forum", "spam", "enforcement", partial=True),
         cover("second-forum", "spam", "enforcement")],
    )

    gap = report.aspects[0]
    assert gap.reasons == (
        "Second Forum covers it globally, open to every stakeholder group, and can act.",
    )


def test_partial_cover_by_a_venue_that_fails_does_not_cover():
    report = compute_gaps([Ref("spam", "enforcement")], venues(MEMBER_STATES_WG),
                          [cover("oewg", "spam", "enforcement", partial=True)])

    assert report.aspects[0].status is EXCLUDES


# ---- whole-issue covers ------------------------------------------------------------------------


def test_a_whole_issue_cover_applies_to_every_aspect_of_that_issue_only():
    refs = aspects({
        "privacy": ["transfers", "surveillance", "breach-notification"],
        "spam": ["enforcement"],
    })

    report = compute_gaps(refs, venues(OPEN_FORUM), [cover("open-forum", "privacy")])

    assert {(g.aspect, g.status) for g in report.aspects if g.issue == "privacy"} == {
        ("breach-notification", COVERED), ("surveillance", COVERED), ("transfers", COVERED),
    }
    assert report.issues["spam"].aspects[0].status is NO_HOME


def test_whole_issue_and_aspect_covers_combine():
    refs = aspects({"privacy": ["transfers", "surveillance"]})

    report = compute_gaps(
        refs, venues(REGIONAL_COUNCIL, OPEN_FORUM),
        [cover("regional-council", "privacy"), cover("open-forum", "privacy", "transfers")],
    )

    statuses = {g.aspect: g.status for g in report.aspects}
    assert statuses == {"surveillance": NOT_GLOBAL, "transfers": COVERED}
    assert report.issues["privacy"].status is NOT_GLOBAL


# ---- the issue roll-up --------------------------------------------------------------------------

SEVERITY_ORDER = [NOT_ASSESSED, COVERED, CANNOT_ACT, EXCLUDES, NOT_GLOBAL, NO_HOME]


def _gap(status: GapStatus, aspect: str = "a") -> AspectGap:
    return AspectGap("issue", aspect, status, ("why",))


@pytest.mark.parametrize(
    ("statuses", "expected"),
    [
        pytest.param([], NOT_ASSESSED, id="no assessed aspects"),
        pytest.param([COVERED], COVERED, id="one covered"),
        pytest.param([COVERED, CANNOT_ACT], CANNOT_ACT, id="covered and cannot act"),
        pytest.param([CANNOT_ACT, EXCLUDES], EXCLUDES, id="cannot act and excludes"),
        pytest.param([EXCLUDES, NOT_GLOBAL, COVERED], NOT_GLOBAL, id="not global wins"),
        pytest.param([COVERED, NO_HOME, NOT_GLOBAL], NO_HOME, id="no home wins"),
        pytest.param([NO_HOME, COVERED], NO_HOME, id="order does not matter"),
    ],
)
def test_issue_status_is_the_most_severe_aspect_status(statuses, expected):
    assert issue_status(_gap(s, f"a{i}") for i, s in enumerate(statuses)) is expected


def test_severity_orders_the_statuses():
    assert sorted(GapStatus, key=lambda s: s.severity) == SEVERITY_ORDER
    assert [s.is_gap for s in SEVERITY_ORDER] == [False, False, True, True, True, True]


def test_issue_roll_up_ignores_aspects_that_need_no_global_policy():
    refs = aspects({"connectivity": ["affordability", ("local-funds", False)]})

    report = compute_gaps(refs, venues(OPEN_FORUM, REGIONAL_COUNCIL), [
        cover("open-forum", "connectivity", "affordability"),
        cover("regional-council", "connectivity", "local-funds"),
    ])

    issue = report.issues["connectivity"]
    assert issue.status is COVERED
    assert [g.aspect for g in issue.aspects] == ["affordability"]


def test_issue_roll_up_in_compute_gaps():
    refs = aspects({"cyber": ["norms", "capacity", "incident-response"]})

    report = compute_gaps(refs, venues(OPEN_FORUM, TALK_SHOP, MEMBER_STATES_WG), [
        cover("open-forum", "cyber", "capacity"),
        cover("talk-shop", "cyber", "incident-response"),
        cover("oewg", "cyber", "norms"),
    ])

    assert report.issues["cyber"].status is EXCLUDES


# ---- the report ---------------------------------------------------------------------------------


def _mixed_map():
    refs = aspects({
        "spam": ["enforcement"],
        "jurisdiction": ["applicable-law", "enforcement"],
        "data-flows": ["transfers", ("localisation", False)],
        "cyber-norms": ["state-behaviour"],
        "connectivity": ["affordability"],
    })
    profiles = venues(OPEN_FORUM, REGIONAL_COUNCIL, MEMBER_STATES_WG, TALK_SHOP)
    covers = [
        cover("open-forum", "spam"),
        cover("regional-council", "data-flows"),
        cover("oewg", "cyber-norms", "state-behaviour"),
        cover("talk-shop", "connectivity", "affordability"),
    ]
    return refs, profiles, covers


def test_results_come_in_issue_then_aspect_order_whatever_the_input_order():
    refs, profiles, covers = _mixed_map()

    forward = compute_gaps(refs, profiles, covers)
    backward = compute_gaps(list(reversed(refs)), dict(reversed(list(profiles.items()))),
                            list(reversed(covers)))

    assert [(g.issue, g.aspect) for g in forward.aspects] == [
        ("connectivity", "affordability"),
        ("cyber-norms", "state-behaviour"),
        ("data-flows", "transfers"),
        ("jurisdiction", "applicable-law"),
        ("jurisdiction", "enforcement"),
        ("spam", "enforcement"),
    ]
    assert forward == backward
    assert list(forward.issues) == list(backward.issues) == sorted(forward.issues)


def test_venues_in_reasons_are_named_in_a_fixed_order():
    profiles = venues(REGIONAL_COUNCIL, NATIONAL_BODY)
    one = compute_gaps([Ref("i", "a")], profiles, [cover("regional-council", "i"),
                                                   cover("national-body", "i")])
    two = compute_gaps([Ref("i", "a")], profiles, [cover("national-body", "i"),
                                                   cover("regional-council", "i")])

    assert one.aspects[0].reasons == two.aspects[0].reasons == (
        "Only regional or national venues cover this aspect: National Body and Regional Council.",
    )


def test_summary_counts_every_status_and_gaps_lists_only_gaps():
    refs, profiles, covers = _mixed_map()

    report = compute_gaps(refs, profiles, covers)

    assert report.summary() == {
        "covered": 1, "home_cannot_act": 1, "home_excludes_groups": 1,
        "home_not_global": 1, "no_home": 2,
    }
    assert [(g.issue, g.aspect) for g in report.gaps] == [
        ("connectivity", "affordability"), ("cyber-norms", "state-behaviour"),
        ("data-flows", "transfers"), ("jurisdiction", "applicable-law"),
        ("jurisdiction", "enforcement"),
    ]
    assert report.issues["data-flows"].status is NOT_GLOBAL


def test_as_dict_is_the_documented_json_shape():
    report = compute_gaps([Ref("jurisdiction", "applicable-law")], {}, [])

    assert report.aspects[0].as_dict() == {
        "issue": "jurisdiction", "aspect": "applicable-law", "status": "no_home",
        "reasons": ["No venue on the map covers this aspect."],
    }


def test_the_report_keeps_its_parameters():
    parameters = GapParameters(required_groups=("governments",))

    assert compute_gaps([], {}, [], parameters).parameters == parameters
    assert compute_gaps([], {}, []).parameters == DEFAULT_PARAMETERS


def test_a_cover_naming_an_unknown_venue_is_refused():
    with pytest.raises(KeyError, match="ghost"):
        compute_gaps([Ref("spam", "enforcement")], {}, [cover("ghost", "spam")])


def test_documented_defaults():
    assert frozenset({"member", "appointed", "open"}) == DEFAULT_TAKING_PART
    assert DEFAULT_REQUIRED_GROUPS == (
        "governments", "private_sector", "civil_society", "technical_community", "academia",
        "igos",
    )
    assert GapParameters(DEFAULT_TAKING_PART, DEFAULT_REQUIRED_GROUPS) == DEFAULT_PARAMETERS


def test_parameters_are_hashable_values():
    named = GapParameters(group_names={"igos": "intergovernmental organisations"})

    assert hash(named) == hash(GapParameters())
    assert named != GapParameters()
    assert len({GapParameters(), GapParameters(), named}) == 2
