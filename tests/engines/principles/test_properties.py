"""P1, P3 and P4 on generated bodies, against a brute-force reading of the rule written here."""

from __future__ import annotations

from fractions import Fraction

from hypothesis import assume, given, settings
from hypothesis import strategies as st

from polycentric.engines.power import (
    ALL_SEATS,
    AllOf,
    AnyOf,
    Consensus,
    Each,
    Majority,
    Rule,
    RuleError,
    Seat,
    Threshold,
    Within,
    check_rule,
)
from polycentric.engines.principles import BodySpec, GlobalDetails, analyze

GROUPS = ["government", "civil_society", "technical"]
REGIONS = [None, "African", "WEOG"]


def wins(rule: Rule, seats: list[Seat], held: dict[str, int]) -> bool:
    """Whether the coalition holding ``held[entry]`` seats of each entry passes ``rule``."""
    if isinstance(rule, Consensus):
        return all(held.get(s.name, 0) == s.count for s in seats)
    if isinstance(rule, AllOf):
        return all(wins(part, seats, held) for part in rule.parts)
    if isinstance(rule, AnyOf):
        return any(wins(part, seats, held) for part in rule.parts)
    assert isinstance(rule, Threshold)
    scope = rule.scope
    if isinstance(scope, Each):
        names = {getattr(s, scope.kind) for s in seats} - {None}
        scopes = [[s for s in seats if getattr(s, scope.kind) == name] for name in names]
        scopes = [members for members in scopes if sum(s.count * s.weight for s in members)]
    elif isinstance(scope, Within):
        attribute = "name" if scope.kind == "seat" else scope.kind
        scopes = [[s for s in seats if getattr(s, attribute) == scope.name]]
    else:
        scopes = [seats]
    for members in scopes:
        total = sum(s.count * s.weight for s in members)
        if sum(held.get(s.name, 0) * s.weight for s in members) < rule.required(total):
            return False
    return True


@st.composite
def bodies(draw: st.DrawFn) -> BodySpec:
    n = draw(st.integers(1, 5))
    seats = [
        Seat(
            f"e{i}",
            draw(st.sampled_from(GROUPS)),
            draw(st.sampled_from(REGIONS)),
            count=draw(st.integers(1, 4)),
            weight=draw(st.integers(0, 3)),
        )
        for i in range(n)
    ]
    scopes = st.sampled_from(
        [ALL_SEATS, Each("group"), Each("region")]
        + [Within("group", g) for g in GROUPS]
        + [Within("region", r) for r in REGIONS if r]
    )
    quotas = st.one_of(st.sampled_from(list(Majority)), st.integers(1, 12))
    leaves = st.one_of(st.just(Consensus()), st.builds(Threshold, quotas, scopes))
    rules = st.recursive(
        leaves,
        lambda parts: st.one_of(
            st.builds(AllOf, st.lists(parts, min_size=1, max_size=3).map(tuple)),
            st.builds(AnyOf, st.lists(parts, min_size=1, max_size=3).map(tuple)),
        ),
        max_leaves=4,
    )
    rule = draw(rules)
    try:
        check_rule(rule, seats)
    except RuleError:
        assume(False)
    required_groups = tuple(draw(st.lists(st.sampled_from(GROUPS), unique=True)))
    required_regions = tuple(draw(st.lists(st.sampled_from(REGIONS[1:]), unique=True)))
    return BodySpec("generated", tuple(seats), rule, required_groups, required_regions)


@settings(max_examples=100, deadline=None)
@given(bodies())
def test_p4_fails_exactly_for_what_can_be_left_out_and_shows_a_winning_coalition(spec):
    scorecard = analyze(spec)
    seats = list(spec.seats)
    for key, kind, names in (
        ("no_group_decides_alone", "group", spec.group_names()),
        ("no_region_decides_alone", "region", spec.region_names()),
    ):
        principle = scorecard.principle(key)
        violations = {v.name: v for v in principle.violations}
        for name in names:
            outside = {s.name: s.count for s in seats if getattr(s, kind) != name}
            assert (name in violations) == wins(spec.rule, seats, outside)
            if name in violations:
                shown = dict(violations[name].coalition)
                assert wins(spec.rule, seats, shown)
                assert all(0 < n <= outside.get(entry, 0) for entry, n in shown.items())
        assert principle.passed == (not violations)
        assert set(violations) <= set(names)


@settings(max_examples=60, deadline=None)
@given(bodies())
def test_p1_and_p3_follow_their_definitions(spec):
    scorecard = analyze(spec)
    seats_of = {g: sum(s.count for s in spec.seats if s.group == g) for g in GROUPS}
    p1 = scorecard.principle("all_groups")
    assert p1.passed == all(seats_of[g] >= 1 for g in spec.groups)

    p3 = scorecard.principle("global")
    in_region = {r: sum(s.count for s in spec.seats if s.region == r) for r in REGIONS[1:]}
    with_region = sum(in_region.values())
    required = spec.regions or tuple(r for r in REGIONS[1:] if in_region[r])
    over = [
        r
        for r in REGIONS[1:]
        if with_region and Fraction(in_region[r], with_region) > Fraction(1, 2)
    ]
    expected = (
        bool(with_region or spec.regions) and all(in_region[r] >= 1 for r in required) and not over
    )
    assert p3.passed == expected
    assert isinstance(p3.details, GlobalDetails)
    assert [s.region for s in p3.details.over_share] == over
