"""The plain data the routing engine reads and returns.

Keys are slugs; names are what a reader sees. Every tuple comes back in a fixed order, so the
same map always gives the same recommendation, word for word.
"""

from __future__ import annotations

import enum
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

DEFAULT_TAKING_PART: frozenset[str] = frozenset({"member", "appointed", "open"})
"""Participation modes that count as taking part (the gap engine's default)."""


class RouteKind(enum.StrEnum):
    """The ways forward, in the order the engine prefers them."""

    EXISTING_VENUE = "existing_venue"
    VENUE_COMBINATION = "venue_combination"
    ACTION_LINE_FACILITATORS = "action_line_facilitators"
    NEW_WORKING_GROUP = "new_working_group"


class Need(enum.StrEnum):
    """What a venue can bring to a combination: an aspect covered, a group or a region included."""

    ASPECT = "aspect"
    GROUP = "group"
    REGION = "region"


@dataclass(frozen=True, slots=True)
class CoveringVenue:
    """A mandate: ``venue`` covers an aspect (``partial``: only partly)."""

    venue: str
    partial: bool = False


@dataclass(frozen=True, slots=True)
class AspectInput:
    """One aspect of the issue that needs global policy, with the venues that cover it."""

    key: str
    title: str
    covers: tuple[CoveringVenue, ...] = ()


@dataclass(frozen=True, slots=True)
class IssueInput:
    """The issue to route: its aspects (at least one) and its WSIS action lines (codes)."""

    key: str
    title: str
    aspects: tuple[AspectInput, ...]
    action_lines: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class VenueInput:
    """A venue as routing sees it: who takes part, where it reaches, whether it can act, and
    the action lines it facilitates. ``regions`` matter only when the venue is not global."""

    key: str
    name: str
    is_global: bool
    participation: Mapping[str, str] = field(default_factory=dict, hash=False)
    regions: tuple[str, ...] = ()
    can_decide: bool = False
    can_recommend: bool = False
    action_lines: tuple[str, ...] = ()

    @property
    def can_act(self) -> bool:
        return self.can_decide or self.can_recommend


@dataclass(frozen=True, slots=True)
class RoutingParameters:
    """The stakeholder groups and regions every route must include, their names in sentences,
    the participation modes that count as taking part, and the action lines' titles."""

    groups: tuple[str, ...]
    regions: tuple[str, ...]
    group_names: Mapping[str, str] = field(default_factory=dict, hash=False)
    region_names: Mapping[str, str] = field(default_factory=dict, hash=False)
    action_line_titles: Mapping[str, str] = field(default_factory=dict, hash=False)
    taking_part: frozenset[str] = DEFAULT_TAKING_PART

    def group_name(self, key: str) -> str:
        return self.group_names.get(key) or key.replace("_", " ")

    def region_name(self, key: str) -> str:
        return self.region_names.get(key) or key.replace("_", " ")


@dataclass(frozen=True, slots=True)
class VenueRole:
    """A recommended venue and what it brings: the aspects it covers, the groups it lets take
    part and the regions it reaches that the route needs (for a combination: what it added to
    the venues chosen before it), and why it was chosen, in words."""

    venue: str
    name: str
    aspects: tuple[str, ...] = ()
    groups: tuple[str, ...] = ()
    regions: tuple[str, ...] = ()
    reasons: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class PrincipleCheck:
    """One principle checked on a draft charter: its key, whether it passed, and why."""

    key: str
    passed: bool
    summary: str


@dataclass(frozen=True, slots=True)
class Recommendation:
    """The engine's answer for one issue.

    ``reasons`` explain the choice in words, including why each preferred route did not fit.
    ``draft_charter`` is a body file (DESIGN.md) for a new working group, else None, and
    ``charter_checks`` the principles it was checked against (P1, P3 and P4).
    """

    issue: str
    kind: RouteKind
    venues: tuple[VenueRole, ...]
    reasons: tuple[str, ...]
    draft_charter: dict[str, Any] | None = None
    charter_checks: tuple[PrincipleCheck, ...] = ()

    @property
    def venue_keys(self) -> tuple[str, ...]:
        return tuple(role.venue for role in self.venues)

    def as_document(self) -> dict[str, Any]:
        """The recommendation as plain JSON data, keys in a fixed order."""
        return {
            "issue": self.issue,
            "kind": self.kind.value,
            "venues": [
                {
                    "venue": role.venue,
                    "name": role.name,
                    "aspects": list(role.aspects),
                    "groups": list(role.groups),
                    "regions": list(role.regions),
                    "reasons": list(role.reasons),
                }
                for role in self.venues
            ],
            "reasons": list(self.reasons),
            "draft_charter": self.draft_charter,
            "charter_checks": [
                {"key": check.key, "passed": check.passed, "summary": check.summary}
                for check in self.charter_checks
            ],
        }
