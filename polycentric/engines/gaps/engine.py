"""Compute gap statuses from plain data.

An aspect that needs global policy has a *home* when some venue that covers it
(1) reaches the whole world, (2) lets every required stakeholder group take part and
(3) can decide or recommend. The status names the first test that no covering venue passes,
in that order, so a reader sees the most basic missing piece:

- ``no_home``: no venue covers the aspect;
- ``home_not_global``: every covering venue is regional or national;
- ``home_excludes_groups``: no global covering venue lets every required group take part
  (the reasons name, per venue, the groups it leaves out);
- ``home_cannot_act``: no global, open covering venue can decide or recommend;
- ``covered``: at least one covering venue passes all three.

An issue's status is the most severe status among its aspects that need global policy,
or ``not_assessed`` when none does.
"""

from __future__ import annotations

import enum
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

DEFAULT_TAKING_PART: frozenset[str] = frozenset({"member", "appointed", "open"})
"""Participation modes that count as taking part. Observers and the consulted have a voice
at most, not a part in the outcome."""

DEFAULT_REQUIRED_GROUPS: tuple[str, ...] = (
    "governments",
    "private_sector",
    "civil_society",
    "technical_community",
    "academia",
    "igos",
)
"""The six default stakeholder groups; a deployment passes its own set."""


class GapStatus(enum.StrEnum):
    COVERED = "covered"
    HOME_CANNOT_ACT = "home_cannot_act"
    HOME_EXCLUDES_GROUPS = "home_excludes_groups"
    HOME_NOT_GLOBAL = "home_not_global"
    NO_HOME = "no_home"
    NOT_ASSESSED = "not_assessed"

    @property
    def severity(self) -> int:
        return _SEVERITY[self]

    @property
    def is_gap(self) -> bool:
        return self not in (GapStatus.COVERED, GapStatus.NOT_ASSESSED)


_SEVERITY = {
    GapStatus.NOT_ASSESSED: -1,
    GapStatus.COVERED: 0,
    GapStatus.HOME_CANNOT_ACT: 1,
    GapStatus.HOME_EXCLUDES_GROUPS: 2,
    GapStatus.HOME_NOT_GLOBAL: 3,
    GapStatus.NO_HOME: 4,
}


@dataclass(frozen=True, slots=True)
class AspectRef:
    """An aspect of an issue, by slugs. Only aspects that need global policy are assessed."""

    issue: str
    aspect: str
    needs_global_policy: bool = True


@dataclass(frozen=True, slots=True)
class VenueProfile:
    """What the gap engine needs to know about a venue."""

    key: str
    name: str
    is_global: bool
    participation: Mapping[str, str]
    can_decide: bool = False
    can_recommend: bool = False

    @property
    def can_act(self) -> bool:
        return self.can_decide or self.can_recommend


@dataclass(frozen=True, slots=True)
class Cover:
    """A mandate: `venue` covers `aspect` of `issue`, or the whole issue when aspect is None."""

    venue: str
    issue: str
    aspect: str | None = None
    partial: bool = False


@dataclass(frozen=True, slots=True)
class GapParameters:
    """What counts as taking part, which groups are required, and how to name groups in reasons."""

    taking_part: frozenset[str] = DEFAULT_TAKING_PART
    required_groups: tuple[str, ...] = DEFAULT_REQUIRED_GROUPS
    group_names: Mapping[str, str] = field(default_factory=dict, hash=False)

    def group_name(self, key: str) -> str:
        return self.group_names.get(key) or key.replace("_", " ")


DEFAULT_PARAMETERS = GapParameters()


@dataclass(frozen=True, slots=True)
class VenueAssessment:
    venue: str
    name: str
    is_global: bool
    groups_left_out: tuple[str, ...]
    can_act: bool
    partial: bool

    @property
    def is_home(self) -> bool:
        return self.is_global and not self.groups_left_out and self.can_act


@dataclass(frozen=True, slots=True)
class AspectGap:
    issue: str
    aspect: str
    status: GapStatus
    reasons: tuple[str, ...]
    venues: tuple[VenueAssessment, ...] = ()
    groups_left_out: tuple[str, ...] = ()

    def as_dict(self) -> dict[str, object]:
        return {
            "issue": self.issue,
            "aspect": self.aspect,
            "status": self.status.value,
            "reasons": list(self.reasons),
        }


@dataclass(frozen=True, slots=True)
class IssueGap:
    issue: str
    status: GapStatus
    aspects: tuple[AspectGap, ...]


@dataclass(frozen=True, slots=True)
class GapReport:
    aspects: tuple[AspectGap, ...]
    issues: Mapping[str, IssueGap]
    parameters: GapParameters = field(default=DEFAULT_PARAMETERS)

    @property
    def gaps(self) -> tuple[AspectGap, ...]:
        return tuple(a for a in self.aspects if a.status.is_gap)

    def summary(self) -> dict[str, int]:
        """Count of assessed aspects per status, every status listed (zero included)."""
        counts = {s.value: 0 for s in GapStatus if s is not GapStatus.NOT_ASSESSED}
        for gap in self.aspects:
            counts[gap.status.value] += 1
        return counts


def venue_assessment(
    venue: VenueProfile, *, partial: bool = False, parameters: GapParameters = DEFAULT_PARAMETERS
) -> VenueAssessment:
    """Check one venue against the three tests of a home."""
    left_out = tuple(
        group
        for group in parameters.required_groups
        if venue.participation.get(group, "none") not in parameters.taking_part
    )
    return VenueAssessment(
        venue=venue.key,
        name=venue.name,
        is_global=venue.is_global,
        groups_left_out=left_out,
        can_act=venue.can_act,
        partial=partial,
    )


def _join(names: Sequence[str]) -> str:
    if len(names) <= 1:
        return "".join(names)
    return ", ".join(names[:-1]) + " and " + names[-1]


def _assess_aspect(
    ref: AspectRef, assessments: Sequence[VenueAssessment], parameters: GapParameters
) -> AspectGap:
    if not assessments:
        return AspectGap(
            ref.issue,
            ref.aspect,
            GapStatus.NO_HOME,
            ("No venue on the map covers this aspect.",),
        )
    homes = [a for a in assessments if a.is_home]
    if homes:
        full = [a for a in homes if not a.partial]
        names = _join([a.name for a in (full or homes)])
        reason = f"{names} covers it globally, open to every stakeholder group, and can act."
        covered_reasons = (reason,) if full else (reason, "The coverage is only partial.")
        return AspectGap(ref.issue, ref.aspect, GapStatus.COVERED, covered_reasons, tuple(homes))
    global_ones = [a for a in assessments if a.is_global]
    if not global_ones:
        names = _join([a.name for a in assessments])
        return AspectGap(
            ref.issue,
            ref.aspect,
            GapStatus.HOME_NOT_GLOBAL,
            (f"Only regional or national venues cover this aspect: {names}.",),
            tuple(assessments),
        )
    open_ones = [a for a in global_ones if not a.groups_left_out]
    if not open_ones:
        reasons = tuple(
            f"{a.name} leaves out {_join([parameters.group_name(g) for g in a.groups_left_out])}."
            for a in global_ones
        )
        # Groups that no global covering venue lets take part.
        everywhere_out = tuple(
            g for g in parameters.required_groups if all(g in a.groups_left_out for a in global_ones)
        )
        return AspectGap(
            ref.issue,
            ref.aspect,
            GapStatus.HOME_EXCLUDES_GROUPS,
            reasons,
            tuple(global_ones),
            everywhere_out,
        )
    names = _join([a.name for a in open_ones])
    return AspectGap(
        ref.issue,
        ref.aspect,
        GapStatus.HOME_CANNOT_ACT,
        (f"{names} can neither decide nor recommend on it.",),
        tuple(open_ones),
    )


def issue_status(aspect_gaps: Iterable[AspectGap]) -> GapStatus:
    """The most severe status among an issue's assessed aspects (``not_assessed`` if none)."""
    return max(
        (g.status for g in aspect_gaps), key=lambda s: s.severity, default=GapStatus.NOT_ASSESSED
    )


def compute_gaps(
    aspects: Iterable[AspectRef],
    venues: Mapping[str, VenueProfile],
    covers: Iterable[Cover],
    parameters: GapParameters = DEFAULT_PARAMETERS,
) -> GapReport:
    """Assess every aspect that needs global policy; results in issue then aspect order.

    Runs in time linear in aspects + covers: covers are indexed once by issue and aspect, and
    each venue is assessed once.
    """
    whole_issue: dict[str, list[Cover]] = defaultdict(list)
    by_aspect: dict[tuple[str, str], list[Cover]] = defaultdict(list)
    for cover in covers:
        if cover.venue not in venues:
            raise KeyError(f"cover names unknown venue {cover.venue!r}")
        if cover.aspect is None:
            whole_issue[cover.issue].append(cover)
        else:
            by_aspect[(cover.issue, cover.aspect)].append(cover)

    base = {key: venue_assessment(v, parameters=parameters) for key, v in venues.items()}
    partial_cache: dict[str, VenueAssessment] = {}

    def assessment(cover: Cover) -> VenueAssessment:
        if not cover.partial:
            return base[cover.venue]
        if cover.venue not in partial_cache:
            partial_cache[cover.venue] = venue_assessment(
                venues[cover.venue], partial=True, parameters=parameters
            )
        return partial_cache[cover.venue]

    results: list[AspectGap] = []
    per_issue: dict[str, list[AspectGap]] = defaultdict(list)
    all_refs = sorted(aspects, key=lambda r: (r.issue, r.aspect))
    for ref in all_refs:
        per_issue.setdefault(ref.issue, [])
        if not ref.needs_global_policy:
            continue
        chosen: dict[str, VenueAssessment] = {}
        for cover in (*whole_issue.get(ref.issue, ()), *by_aspect.get((ref.issue, ref.aspect), ())):
            found = assessment(cover)
            previous = chosen.get(cover.venue)
            # A full cover by the same venue beats a partial one.
            if previous is None or (previous.partial and not found.partial):
                chosen[cover.venue] = found
        ordered = sorted(chosen.values(), key=lambda a: a.venue)
        gap = _assess_aspect(ref, ordered, parameters)
        results.append(gap)
        per_issue[ref.issue].append(gap)

    issues = {
        slug: IssueGap(slug, issue_status(gaps), tuple(gaps)) for slug, gaps in per_issue.items()
    }
    return GapReport(tuple(results), issues, parameters)
