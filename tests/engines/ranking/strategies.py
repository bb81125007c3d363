"""Hypothesis strategies: small profiles of ranked or approval ballots over candidates A to E."""

from __future__ import annotations

from hypothesis import strategies as st

from polycentric.engines.ranking import Ballot

CANDIDATES = ("A", "B", "C", "D", "E")
GROUPS = ("government", "civil_society", "private_sector")
REGIONS = (None, "African", "GRULAC")


@st.composite
def rankings(draw, names=CANDIDATES) -> tuple[frozenset[str], ...]:
    """A ranking of a non-empty subset of ``names``, in tiers (ties allowed)."""
    named = draw(st.lists(st.sampled_from(names), min_size=1, max_size=len(names), unique=True))
    tiers: list[list[str]] = []
    for name in named:
        if tiers and draw(st.integers(0, 3)) == 0:
            tiers[-1].append(name)
        else:
            tiers.append([name])
    return tuple(frozenset(tier) for tier in tiers)


@st.composite
def profiles(draw, min_size: int = 1, max_size: int = 10, approval: bool = False,
             weights: bool = True) -> list[Ballot]:
    """Ballots with distinct voters, random groups and regions, mostly of own weight 1."""
    size = draw(st.integers(min_size, max_size))
    ballots = []
    for v in range(size):
        weight = draw(st.sampled_from([1, 1, 1, 2, 3])) if weights else 1
        group = draw(st.sampled_from(GROUPS))
        region = draw(st.sampled_from(REGIONS))
        if approval:
            approved = draw(st.frozensets(st.sampled_from(CANDIDATES), max_size=len(CANDIDATES)))
            ballots.append(Ballot(f"v{v}", group, region, approvals=approved, weight=weight))
        else:
            ballots.append(Ballot(f"v{v}", group, region, draw(rankings()), weight=weight))
    return ballots


@st.composite
def condorcet_profiles(draw) -> tuple[list[Ballot], str]:
    """A profile plus more ballots ranking one candidate first than there are others, so that
    candidate beats every other one when every ballot counts the same."""
    base = draw(profiles(max_size=6, weights=False))
    favourite = draw(st.sampled_from(CANDIDATES))
    extra = []
    for k in range(len(base) + 1):
        rest = draw(st.permutations([c for c in CANDIDATES if c != favourite]))
        cut = draw(st.integers(0, len(rest)))
        ranking = (frozenset([favourite]), *(frozenset([c]) for c in rest[:cut]))
        extra.append(Ballot(f"w{k}", draw(st.sampled_from(GROUPS)),
                            draw(st.sampled_from(REGIONS)), ranking))
    return base + extra, favourite
