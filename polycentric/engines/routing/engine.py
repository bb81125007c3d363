"""`recommend_route`: the most appropriate way forward for one issue, from the map.

The engine tries four routes in order and returns the first that fits, with its reasons:

1. **An existing venue** (``existing_venue``): venues that cover every aspect of the issue that
   needs global policy, reach every region (global, or covering each region), let every
   stakeholder group take part, and can decide or recommend.
2. **Several venues together** (``venue_combination``): covering venues that can act and that
   together cover every aspect, include every group and reach every region. They are chosen by
   greedy set cover: repeatedly the venue that fills the most needs still open (ties: the global
   one, then by key), after which any venue whose contribution the others already give is
   dropped. Greedy set cover is not always the smallest combination (it is within a factor of
   ln(needs) of it), but it is deterministic and says plainly which gap each venue fills.
3. **The facilitators of its WSIS action lines** (``action_line_facilitators``).
4. **A new ad hoc multistakeholder working group** (``new_working_group``), with a draft charter
   whose seats cover every group and region and whose rule passes P4 (see `draft_charter`).

>>> from polycentric.engines.routing.model import (AspectInput, CoveringVenue, IssueInput,
...     RoutingParameters, VenueInput)
>>> parameters = RoutingParameters(groups=("governments", "civil_society"), regions=("african", "weog"))
>>> forum = VenueInput("forum", "Forum", is_global=True, can_recommend=True,
...     participation={"governments": "member", "civil_society": "open"})
>>> issue = IssueInput("spam", "Spam", (AspectInput("enforcement", "Enforcement",
...     (CoveringVenue("forum"),)),))
>>> result = recommend_route(issue, {"forum": forum}, parameters)
>>> result.kind.value, result.venue_keys
('existing_venue', ('forum',))
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from polycentric.engines.routing.charter import charter_checks, draft_charter
from polycentric.engines.routing.model import (
    IssueInput,
    Need,
    Recommendation,
    RouteKind,
    RoutingParameters,
    VenueInput,
    VenueRole,
)

NeedKey = tuple[Need, str]


class RoutingError(ValueError):
    """The input cannot be routed: an issue without aspects, or a cover naming an unknown venue."""


def _join(items: Sequence[str]) -> str:
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " and " + items[-1]


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]


class _Router:
    def __init__(
        self, issue: IssueInput, venues: Mapping[str, VenueInput], parameters: RoutingParameters
    ) -> None:
        if not issue.aspects:
            raise RoutingError(f"issue {issue.key!r} has no aspect to route")
        self.issue = issue
        self.venues = venues
        self.parameters = parameters
        self.aspect_titles = {aspect.key: aspect.title for aspect in issue.aspects}
        # venue -> aspects it covers (in the issue's order), and which of them only partly.
        self.covered: dict[str, list[str]] = {}
        self.partly: dict[str, set[str]] = {}
        for aspect in issue.aspects:
            for cover in aspect.covers:
                if cover.venue not in venues:
                    raise RoutingError(f"aspect {aspect.key!r} names unknown venue {cover.venue!r}")
                found = self.covered.setdefault(cover.venue, [])
                if aspect.key not in found:
                    found.append(aspect.key)
                    if cover.partial:
                        self.partly.setdefault(cover.venue, set()).add(aspect.key)
                elif not cover.partial:
                    self.partly.get(cover.venue, set()).discard(aspect.key)

    # ---- what a venue offers -------------------------------------------------------------------

    def groups_in(self, venue: VenueInput) -> tuple[str, ...]:
        return tuple(
            g for g in self.parameters.groups
            if venue.participation.get(g, "none") in self.parameters.taking_part
        )

    def regions_in(self, venue: VenueInput) -> tuple[str, ...]:
        if venue.is_global:
            return self.parameters.regions
        held = set(venue.regions)
        return tuple(r for r in self.parameters.regions if r in held)

    def offers(self, venue: VenueInput) -> set[NeedKey]:
        return (
            {(Need.ASPECT, a) for a in self.covered.get(venue.key, ())}
            | {(Need.GROUP, g) for g in self.groups_in(venue)}
            | {(Need.REGION, r) for r in self.regions_in(venue)}
        )

    def needs(self) -> set[NeedKey]:
        return (
            {(Need.ASPECT, a.key) for a in self.issue.aspects}
            | {(Need.GROUP, g) for g in self.parameters.groups}
            | {(Need.REGION, r) for r in self.parameters.regions}
        )

    def ordered_covering(self) -> list[VenueInput]:
        return sorted((self.venues[key] for key in self.covered), key=lambda v: (v.name, v.key))

    # ---- words ---------------------------------------------------------------------------------

    def aspect_words(self, keys: Sequence[str]) -> str:
        return _join([f"“{self.aspect_titles[k]}”" for k in keys])

    def group_words(self, keys: Sequence[str]) -> str:
        return _join([self.parameters.group_name(k) for k in keys])

    def region_words(self, keys: Sequence[str]) -> str:
        return _join([self.parameters.region_name(k) for k in keys])

    def shortfalls(self, venue: VenueInput) -> list[str]:
        """What keeps a covering venue from being a home on its own, as phrases."""
        found: list[str] = []
        missing_aspects = [a.key for a in self.issue.aspects if a.key not in self.covered.get(venue.key, ())]
        if missing_aspects:
            found.append(f"does not cover {self.aspect_words(missing_aspects)}")
        offered = set(self.groups_in(venue))
        left_out = [g for g in self.parameters.groups if g not in offered]
        if left_out:
            found.append(f"leaves out {self.group_words(left_out)}")
        reached = set(self.regions_in(venue))
        unreached = [r for r in self.parameters.regions if r not in reached]
        if unreached:
            found.append(f"does not reach {self.region_words(unreached)}")
        if not venue.can_act:
            found.append("can neither decide nor recommend")
        return found

    # ---- the four routes -----------------------------------------------------------------------

    def existing(self) -> tuple[list[VenueRole], list[str]]:
        homes: list[VenueRole] = []
        why_not: list[str] = []
        all_aspects = [a.key for a in self.issue.aspects]
        for venue in self.ordered_covering():
            problems = self.shortfalls(venue)
            if problems:
                why_not.append(f"{venue.name} {_join(problems)}.")
                continue
            partly = [a for a in all_aspects if a in self.partly.get(venue.key, set())]
            acts = "decide" if venue.can_decide else "recommend"
            reasons = [
                f"{venue.name} covers every aspect of the issue that needs global policy, "
                f"reaches every region, lets every stakeholder group take part and can {acts}."
            ]
            if partly:
                reasons.append(f"Its mandate covers {self.aspect_words(partly)} only in part.")
            homes.append(VenueRole(
                venue=venue.key, name=venue.name, aspects=tuple(all_aspects),
                groups=self.parameters.groups, regions=self.parameters.regions,
                reasons=tuple(reasons),
            ))
        # Full mandates first: a venue covering everything fully is the better home.
        homes.sort(key=lambda role: (bool(self.partly.get(role.venue)), role.name, role.venue))
        if not self.covered:
            why_not.append("No venue on the map covers any aspect of this issue.")
        return homes, why_not

    def combination(self) -> tuple[list[VenueRole], list[str]]:
        candidates = [v for v in self.ordered_covering() if v.can_act]
        needs = self.needs()
        offers = {v.key: self.offers(v) & needs for v in candidates}
        available: set[NeedKey] = set().union(*offers.values()) if offers else set()
        missing = needs - available
        if missing:
            return [], [self.unmet_words(missing)]
        chosen: list[VenueInput] = []
        open_needs = set(needs)
        while open_needs:
            best = max(
                (v for v in candidates if v not in chosen),
                key=lambda v: (len(offers[v.key] & open_needs), v.is_global, _reverse(v.key)),
            )
            chosen.append(best)
            open_needs -= offers[best.key]
        # Drop any venue whose contribution the others already make, latest pick first.
        for venue in reversed(list(chosen)):
            others = [v for v in chosen if v is not venue]
            if others and set().union(*(offers[v.key] for v in others)) >= needs:
                chosen.remove(venue)
        roles: list[VenueRole] = []
        given: set[NeedKey] = set()
        for venue in chosen:
            adds = offers[venue.key] - given
            given |= adds
            roles.append(self.role(venue, adds))
        names = _join([role.name for role in roles])
        reason = (
            f"No single venue is a home for the whole issue, but {names} together cover every "
            "aspect that needs global policy, include every stakeholder group and reach every "
            "region; together they can constitute a multistakeholder process on it."
        )
        return roles, [reason]

    def role(self, venue: VenueInput, adds: set[NeedKey]) -> VenueRole:
        aspects = tuple(a.key for a in self.issue.aspects if (Need.ASPECT, a.key) in adds)
        groups = tuple(g for g in self.parameters.groups if (Need.GROUP, g) in adds)
        regions = tuple(r for r in self.parameters.regions if (Need.REGION, r) in adds)
        parts: list[str] = []
        if aspects:
            parts.append(f"covers {self.aspect_words(aspects)}")
        if groups:
            parts.append(f"brings in {self.group_words(groups)}")
        if regions:
            parts.append(f"reaches {self.region_words(regions)}")
        fills = f"{venue.name} {_join(parts)}." if parts else f"{venue.name} adds nothing new."
        return VenueRole(venue=venue.key, name=venue.name, aspects=aspects, groups=groups,
                         regions=regions, reasons=(fills,))

    def unmet_words(self, missing: set[NeedKey]) -> str:
        aspects = [a.key for a in self.issue.aspects if (Need.ASPECT, a.key) in missing]
        groups = [g for g in self.parameters.groups if (Need.GROUP, g) in missing]
        regions = [r for r in self.parameters.regions if (Need.REGION, r) in missing]
        parts: list[str] = []
        if aspects:
            parts.append(f"no venue that can act covers {self.aspect_words(aspects)}")
        if groups:
            parts.append(f"none of them lets {self.group_words(groups)} take part")
        if regions:
            parts.append(f"none of them reaches {self.region_words(regions)}")
        return f"No combination of the covering venues will do: {_join(parts)}."

    def facilitators(self) -> tuple[list[VenueRole], list[str]]:
        lines = list(self.issue.action_lines)
        if not lines:
            return [], ["The issue is linked to no WSIS action line."]
        wanted = set(lines)
        facilitating = sorted(
            (v for v in self.venues.values() if wanted & set(v.action_lines)),
            key=lambda v: (v.name, v.key),
        )
        if not facilitating:
            return [], [
                f"No venue on the map facilitates its WSIS action lines ({_join(lines)})."
            ]
        roles: list[VenueRole] = []
        for venue in facilitating:
            own = [code for code in lines if code in set(venue.action_lines)]
            titled = _join([self.line_words(code) for code in own])
            reasons = [f"{venue.name} facilitates {titled}."]
            problems = self.shortfalls(venue)
            if problems:
                reasons.append(f"On its own it {_join(problems)}.")
            roles.append(VenueRole(
                venue=venue.key, name=venue.name,
                aspects=tuple(self.covered.get(venue.key, ())),
                groups=self.groups_in(venue), regions=self.regions_in(venue),
                reasons=tuple(reasons),
            ))
        names = _join([role.name for role in roles])
        reason = (
            f"No venue or combination of venues on the map is a home for the issue, so it goes "
            f"to the facilitators of its WSIS action lines: {names}, who can convene the "
            "stakeholders the issue needs."
        )
        return roles, [reason]

    def line_words(self, code: str) -> str:
        title = self.parameters.action_line_titles.get(code)
        return f"{code} ({title})" if title else code

    def recommend(self) -> Recommendation:
        homes, why_not_home = self.existing()
        if homes:
            names = _join([role.name for role in homes])
            verb = "is" if len(homes) == 1 else "are each"
            return Recommendation(
                issue=self.issue.key, kind=RouteKind.EXISTING_VENUE, venues=tuple(homes),
                reasons=(f"{names} {verb} a home for the whole issue.",
                         *(r for role in homes for r in role.reasons)),
            )
        explanation = [_capital(r) for r in why_not_home]
        roles, why = self.combination()
        if roles:
            return Recommendation(
                issue=self.issue.key, kind=RouteKind.VENUE_COMBINATION, venues=tuple(roles),
                reasons=(*why, *(r for role in roles for r in role.reasons), *explanation),
            )
        explanation.extend(why)
        roles, why = self.facilitators()
        if roles:
            return Recommendation(
                issue=self.issue.key, kind=RouteKind.ACTION_LINE_FACILITATORS,
                venues=tuple(roles),
                reasons=(*why, *(r for role in roles for r in role.reasons), *explanation),
            )
        explanation.extend(why)
        document = draft_charter(issue_title=self.issue.title, parameters=self.parameters)
        checks = charter_checks(document)
        failed = [check.key for check in checks if not check.passed]
        verdict = (
            "The draft charter passes P1, P3 and P4: every group and region holds seats, and no "
            "group or region can decide without the others."
            if not failed
            else f"The draft charter does not pass {', '.join(failed)}; adjust it before adoption."
        )
        return Recommendation(
            issue=self.issue.key, kind=RouteKind.NEW_WORKING_GROUP, venues=(),
            reasons=(
                "Constitute an ad hoc multistakeholder working group: nothing on the map can take "
                "the issue forward with every stakeholder group and region.",
                *explanation,
                verdict,
            ),
            draft_charter=document,
            charter_checks=checks,
        )


def _reverse(key: str) -> tuple[int, ...]:
    """Sorts keys backwards, so `max` picks the first key in alphabetical order on a tie."""
    return (*(-ord(ch) for ch in key), 0)


def recommend_route(
    issue: IssueInput, venues: Mapping[str, VenueInput], parameters: RoutingParameters
) -> Recommendation:
    """The recommended route for ``issue`` on the map ``venues`` (see the module docstring).

    Raises `RoutingError` for an issue without aspects or a cover naming an unknown venue.
    """
    return _Router(issue, venues, parameters).recommend()
