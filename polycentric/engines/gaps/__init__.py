"""The gap engine: where on the map an aspect that needs global policy has no proper home.

>>> from polycentric.engines.gaps import AspectRef, VenueProfile, Cover, compute_gaps
>>> aspects = [AspectRef(issue="jurisdiction", aspect="applicable-law")]
>>> report = compute_gaps(aspects, venues={}, covers=[])
>>> report.aspects[0].status
<GapStatus.NO_HOME: 'no_home'>
"""

from polycentric.engines.gaps.engine import (
    DEFAULT_PARAMETERS,
    DEFAULT_REQUIRED_GROUPS,
    DEFAULT_TAKING_PART,
    AspectGap,
    AspectRef,
    Cover,
    GapParameters,
    GapReport,
    GapStatus,
    IssueGap,
    VenueAssessment,
    VenueProfile,
    compute_gaps,
    issue_status,
    venue_assessment,
)

__all__ = [
    "DEFAULT_PARAMETERS",
    "DEFAULT_REQUIRED_GROUPS",
    "DEFAULT_TAKING_PART",
    "AspectGap",
    "AspectRef",
    "Cover",
    "GapParameters",
    "GapReport",
    "GapStatus",
    "IssueGap",
    "VenueAssessment",
    "VenueProfile",
    "compute_gaps",
    "issue_status",
    "venue_assessment",
]
