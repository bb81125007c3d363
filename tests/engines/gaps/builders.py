"""Small constructors that make hand-built gap cases read like a map."""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from polycentric.engines.gaps import DEFAULT_REQUIRED_GROUPS, AspectRef, Cover, VenueProfile

EVERY_GROUP_MEMBER: dict[str, str] = {group: "member" for group in DEFAULT_REQUIRED_GROUPS}


def venue(
    key: str,
    *,
    is_global: bool = True,
    participation: Mapping[str, str] | None = None,
    can_decide: bool = False,
    can_recommend: bool = True,
    name: str | None = None,
) -> VenueProfile:
    """A venue; by default global, every default group a member, and able to recommend."""
    return VenueProfile(
        key=key,
        name=name or key.replace("-", " ").title(),
        is_global=is_global,
        participation=dict(EVERY_GROUP_MEMBER if participation is None else participation),
        can_decide=can_decide,
        can_recommend=can_recommend,
    )


def venues(*profiles: VenueProfile) -> dict[str, VenueProfile]:
    return {v.key: v for v in profiles}


def aspects(spec: Mapping[str, Iterable[str | tuple[str, bool]]]) -> list[AspectRef]:
    """{"spam": ["enforcement", ("local-funds", False)]} -> AspectRefs (True = needs global policy)."""
    refs = []
    for issue, items in spec.items():
        for item in items:
            slug, needs_global = (item, True) if isinstance(item, str) else item
            refs.append(AspectRef(issue=issue, aspect=slug, needs_global_policy=needs_global))
    return refs


def cover(venue_key: str, issue: str, aspect: str | None = None, *, partial: bool = False) -> Cover:
    return Cover(venue=venue_key, issue=issue, aspect=aspect, partial=partial)
