"""Properties of the gap engine on random small maps, checked against a slow brute-force oracle
that recomputes each status straight from the definitions in the engine's module docstring."""

from __future__ import annotations

from dataclasses import dataclass, replace

from hypothesis import assume, given, settings
from hypothesis import strategies as st

from polycentric.engines.gaps import (
    DEFAULT_PARAMETERS,
    DEFAULT_REQUIRED_GROUPS,
    AspectRef,
    Cover,
    GapParameters,
    GapReport,
    VenueProfile,
    compute_gaps,
)

MODES = ("member", "appointed", "observer", "consulted", "open", "none")
GROUP_POOL = (*DEFAULT_REQUIRED_GROUPS, "expert")
ASPECT_SLUGS = ("a0", "a1", "a2")
# Least to most severe, as the docstring lists the tests a home must pass.
SEVERITY = ("covered", "home_cannot_act", "home_excludes_groups", "home_not_global", "no_home")

fast = settings(max_examples=120, deadline=None)


@dataclass(frozen=True)
class GapMap:
    aspects: tuple[AspectRef, ...]
    venues: dict[str, VenueProfile]
    covers: tuple[Cover, ...]
    parameters: GapParameters

    def report(self) -> GapReport:
        return compute_gaps(self.aspects, self.venues, self.covers, self.parameters)


@st.composite
def participation(draw) -> dict[str, str]:
    """Mostly venues open to every group, with a few changes; sometimes states only or nobody."""
    template = draw(st.sampled_from(["everyone member", "everyone open", "states only", "none"]))
    base = {
        "everyone member": {g: "member" for g in GROUP_POOL},
        "everyone open": {g: "open" for g in GROUP_POOL},
        "states only": {"governments": "member"},
        "none": {},
    }[template]
    changes = draw(st.dictionaries(st.sampled_from(GROUP_POOL), st.sampled_from(MODES), max_size=2))
    return {**base, **changes}


@st.composite
def parameters(draw) -> GapParameters:
    if draw(st.booleans()):
        return DEFAULT_PARAMETERS
    taking_part = draw(st.sampled_from([
        DEFAULT_PARAMETERS.taking_part, frozenset({"member"}), frozenset(MODES), frozenset(),
        DEFAULT_PARAMETERS.taking_part | {"observer", "consulted"},
    ]) | st.frozensets(st.sampled_from(MODES)))
    required = draw(st.sampled_from([
        DEFAULT_REQUIRED_GROUPS, ("governments",), (), GROUP_POOL,
    ]) | st.lists(st.sampled_from(GROUP_POOL), unique=True).map(tuple))
    return GapParameters(taking_part=taking_part, required_groups=required)


@st.composite
def gap_maps(draw) -> GapMap:
    issues = [f"i{n}" for n in range(draw(st.integers(1, 3)))]
    refs = tuple(
        AspectRef(issue, slug, draw(st.booleans() | st.just(True)))
        for issue in issues
        for slug in ASPECT_SLUGS[: draw(st.integers(0, 3))]
    )
    venues = {}
    for n in range(draw(st.integers(0, 4))):
        key = f"v{n}"
        venues[key] = VenueProfile(
            key=key, name=f"Venue {n}", is_global=draw(st.booleans()),
            participation=draw(participation()),
            can_decide=draw(st.booleans()), can_recommend=draw(st.booleans()),
        )
    # Mostly the aspects and issues on the map; sometimes an aspect or issue ("i9") not on it,
    # whose covers change nothing.
    on_map = [(r.issue, r.aspect) for r in refs] + [(issue, None) for issue in issues]
    off_map = [("i9", None), ("i9", "a0"), (issues[0], "a9")]
    target = st.sampled_from(on_map) | st.sampled_from(off_map) if on_map else st.sampled_from(off_map)
    covers = tuple(
        Cover(key, issue, aspect, partial=draw(st.booleans()))
        for key in venues
        for issue, aspect in draw(st.lists(target, min_size=1, max_size=4))
    )
    return GapMap(refs, venues, covers, draw(parameters()))


# ---- the oracle ---------------------------------------------------------------------------------


def covering_venues(m: GapMap, ref: AspectRef) -> list[VenueProfile]:
    keys = {c.venue for c in m.covers if c.issue == ref.issue and c.aspect in (None, ref.aspect)}
    return [m.venues[k] for k in keys]


def takes_part(v: VenueProfile, group: str, p: GapParameters) -> bool:
    return v.participation.get(group, "none") in p.taking_part


def lets_every_group_take_part(v: VenueProfile, p: GapParameters) -> bool:
    return all(takes_part(v, g, p) for g in p.required_groups)


def is_home(v: VenueProfile, p: GapParameters) -> bool:
    return v.is_global and lets_every_group_take_part(v, p) and (v.can_decide or v.can_recommend)


def oracle_status(m: GapMap, ref: AspectRef) -> str:
    p = m.parameters
    found = covering_venues(m, ref)
    if not found:
        return "no_home"
    if any(is_home(v, p) for v in found):
        return "covered"
    if all(not v.is_global for v in found):
        return "home_not_global"
    if not any(v.is_global and lets_every_group_take_part(v, p) for v in found):
        return "home_excludes_groups"
    return "home_cannot_act"


def oracle_left_out(m: GapMap, ref: AspectRef) -> tuple[str, ...]:
    """For home_excludes_groups: the required groups that no global covering venue lets in."""
    global_ones = [v for v in covering_venues(m, ref) if v.is_global]
    return tuple(
        g for g in m.parameters.required_groups
        if not any(takes_part(v, g, m.parameters) for v in global_ones)
    )


def only_partly_covered(m: GapMap, ref: AspectRef) -> bool:
    """Covered, but every cover by a home is partial."""
    homes = {k for k, v in m.venues.items() if is_home(v, m.parameters)}
    home_covers = [c for c in m.covers if c.venue in homes and c.issue == ref.issue
                   and c.aspect in (None, ref.aspect)]
    return bool(home_covers) and all(c.partial for c in home_covers)


def oracle_issue_status(m: GapMap, issue: str) -> str:
    statuses = [oracle_status(m, r) for r in m.aspects if r.issue == issue and r.needs_global_policy]
    if not statuses:
        return "not_assessed"
    return max(statuses, key=SEVERITY.index)


def statuses(report: GapReport) -> dict[tuple[str, str], str]:
    return {(g.issue, g.aspect): g.status.value for g in report.aspects}


# ---- properties ---------------------------------------------------------------------------------


@fast
@given(gap_maps())
def test_engine_agrees_with_the_oracle(m: GapMap):
    report = m.report()

    needing = [r for r in m.aspects if r.needs_global_policy]
    assert statuses(report) == {(r.issue, r.aspect): oracle_status(m, r) for r in needing}
    for gap in report.aspects:
        ref = AspectRef(gap.issue, gap.aspect)
        if gap.status.value == "home_excludes_groups":
            assert gap.groups_left_out == oracle_left_out(m, ref)
        else:
            assert gap.groups_left_out == ()
        if gap.status.value == "covered":
            assert ("The coverage is only partial." in gap.reasons) == only_partly_covered(m, ref)
        assert gap.reasons
    assert set(report.issues) == {r.issue for r in m.aspects}
    for slug, issue in report.issues.items():
        assert issue.status.value == oracle_issue_status(m, slug)
        assert [g.aspect for g in issue.aspects] == sorted(
            r.aspect for r in needing if r.issue == slug
        )


@fast
@given(gap_maps())
def test_summary_counts_add_up_to_the_aspects_needing_global_policy(m: GapMap):
    report = m.report()

    summary = report.summary()
    assert set(summary) == set(SEVERITY)
    assert sum(summary.values()) == sum(r.needs_global_policy for r in m.aspects)
    assert len(report.gaps) == sum(summary.values()) - summary["covered"]
    assert all(g.status.is_gap for g in report.gaps)


def _with_home(m: GapMap, data: st.DataObject, target: AspectRef, *, whole_issue: bool) -> GapMap:
    p = m.parameters
    assume(p.taking_part or not p.required_groups)
    modes = sorted(p.taking_part)
    home = VenueProfile(
        key="zz-new-home", name="New Home", is_global=True,
        participation={g: data.draw(st.sampled_from(modes)) for g in p.required_groups},
        can_decide=data.draw(st.booleans()), can_recommend=True,
    )
    new_cover = Cover(home.key, target.issue, None if whole_issue else target.aspect,
                      partial=data.draw(st.booleans()))
    return replace(m, venues={**m.venues, home.key: home}, covers=(*m.covers, new_cover))


@fast
@given(gap_maps(), st.data())
def test_adding_a_global_open_acting_home_for_an_aspect_never_adds_a_gap(m, data):
    needing = [r for r in m.aspects if r.needs_global_policy]
    assume(needing)
    target = data.draw(st.sampled_from(needing))
    before = m.report()

    after = _with_home(m, data, target, whole_issue=False).report()

    changed = {k: (v, statuses(after)[k]) for k, v in statuses(before).items()
               if v != statuses(after)[k]}
    assert set(changed) <= {(target.issue, target.aspect)}
    assert statuses(after)[(target.issue, target.aspect)] == "covered"
    assert len(after.gaps) <= len(before.gaps)
    others_before = [g for g in before.aspects if (g.issue, g.aspect) != (target.issue, target.aspect)]
    others_after = [g for g in after.aspects if (g.issue, g.aspect) != (target.issue, target.aspect)]
    assert others_before == others_after


@fast
@given(gap_maps(), st.data())
def test_adding_a_home_for_a_whole_issue_covers_every_aspect_and_nothing_else(m, data):
    needing = [r for r in m.aspects if r.needs_global_policy]
    assume(needing)
    target = data.draw(st.sampled_from(needing))
    before = m.report()

    after = _with_home(m, data, target, whole_issue=True).report()

    for key, status in statuses(after).items():
        if key[0] == target.issue:
            assert status == "covered"
        else:
            assert status == statuses(before)[key]
    assert after.issues[target.issue].status.value == "covered"
    assert len(after.gaps) <= len(before.gaps)


@fast
@given(gap_maps(), st.data())
def test_removing_a_cover_never_makes_an_aspect_better_off(m, data):
    assume(m.covers)
    index = data.draw(st.integers(0, len(m.covers) - 1))
    before = statuses(m.report())

    after = statuses(replace(m, covers=m.covers[:index] + m.covers[index + 1:]).report())

    for key, status in before.items():
        assert SEVERITY.index(after[key]) >= SEVERITY.index(status)
        if status != "covered":
            assert after[key] != "covered"


@fast
@given(gap_maps(), st.data())
def test_the_report_does_not_depend_on_input_order(m, data):
    shuffled = GapMap(
        tuple(data.draw(st.permutations(m.aspects))),
        dict(data.draw(st.permutations(list(m.venues.items())))),
        tuple(data.draw(st.permutations(m.covers))),
        m.parameters,
    )

    one, two = m.report(), shuffled.report()

    assert one == two
    assert list(one.issues) == list(two.issues)
    assert [(g.issue, g.aspect) for g in one.aspects] == sorted(
        (r.issue, r.aspect) for r in m.aspects if r.needs_global_policy
    )
