"""Hypothesis strategies: random bodies and valid rules over them."""

from __future__ import annotations

from hypothesis import strategies as st

from polycentric.engines.power import (
    ALL_SEATS,
    AllOf,
    AnyOf,
    Consensus,
    Each,
    Majority,
    Rule,
    Seat,
    Threshold,
    Within,
)

GROUPS = ("government", "business", "civil_society")
REGIONS = (None, "African", "GRULAC")


@st.composite
def bodies(draw, max_seats: int = 8, max_entries: int = 4, max_weight: int = 5) -> list[Seat]:
    """Seat entries with at most ``max_seats`` seats in all and a positive total weight."""
    entries = draw(st.integers(1, max_entries))
    seats: list[Seat] = []
    room = max_seats
    for e in range(entries):
        if room == 0:
            break
        count = draw(st.integers(1, min(3, room)))
        room -= count
        seats.append(
            Seat(
                name=f"e{e}",
                group=draw(st.sampled_from(GROUPS)),
                region=draw(st.sampled_from(REGIONS)),
                count=count,
                weight=draw(st.integers(0, max_weight)),
            )
        )
    if not any(s.weight for s in seats):
        seats[0] = Seat(seats[0].name, seats[0].group, seats[0].region, seats[0].count, 1)
    return seats


def _totals(scope, seats: list[Seat]) -> list[int]:
    if isinstance(scope, Within):
        key = {"group": "group", "region": "region", "seat": "name"}[scope.kind]
        return [sum(s.count * s.weight for s in seats if getattr(s, key) == scope.name)]
    if isinstance(scope, Each):
        totals: dict[str, int] = {}
        for s in seats:
            part = getattr(s, scope.kind)
            if part is not None:
                totals[part] = totals.get(part, 0) + s.count * s.weight
        return [t for t in totals.values() if t > 0]
    return [sum(s.count * s.weight for s in seats)]


@st.composite
def thresholds(draw, seats: list[Seat], scoped: bool = True) -> Threshold:
    scopes: list[object] = [ALL_SEATS]
    if scoped:
        scopes += [Within("group", s.group) for s in seats]
        scopes += [Within("region", s.region) for s in seats if s.region]
        scopes += [Within("seat", s.name) for s in seats]
        scopes.append(Each("group"))
        if any(s.region for s in seats):
            scopes.append(Each("region"))
    scope = draw(st.sampled_from(scopes))
    totals = _totals(scope, seats)
    if not totals or min(totals) == 0:
        scope, totals = ALL_SEATS, _totals(ALL_SEATS, seats)
    quota = draw(st.one_of(st.sampled_from(list(Majority)), st.integers(1, min(totals))))
    return Threshold(quota, scope)


@st.composite
def rules(draw, seats: list[Seat], depth: int = 2) -> Rule:
    if depth > 0 and draw(st.integers(0, 2)) == 0:
        parts = tuple(draw(st.lists(rules(seats, depth - 1), min_size=1, max_size=3)))
        return draw(st.sampled_from([AllOf, AnyOf]))(parts)
    if draw(st.integers(0, 9)) == 0:
        return Consensus()
    return draw(thresholds(seats))


@st.composite
def weighted_games(draw, max_seats: int = 8, max_weight: int = 5) -> tuple[Rule, list[Seat]]:
    seats = draw(bodies(max_seats=max_seats, max_weight=max_weight))
    return draw(thresholds(seats, scoped=False)), seats


@st.composite
def compound_games(draw, max_seats: int = 8, max_entries: int = 4) -> tuple[Rule, list[Seat]]:
    seats = draw(bodies(max_seats=max_seats, max_entries=max_entries))
    return draw(rules(seats)), seats
