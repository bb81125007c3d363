"""Reads about prioritisation rounds: lists, one round with what its page shows, participation
counts and ballots. Each returns what its callers need fetched up front."""

from __future__ import annotations

from dataclasses import dataclass, field

from django.db.models import Count, Prefetch, QuerySet

from polycentric.accounts.models import Participant, Region, StakeholderGroup
from polycentric.coordination.models import PrioritisationRound, RoundBallot
from polycentric.issuemap.models import Issue


def round_list() -> QuerySet[PrioritisationRound]:
    """Every round with its body and the number of candidates and ballots."""
    return (
        PrioritisationRound.objects.select_related("body")
        .annotate(candidate_count=Count("candidates", distinct=True),
                  ballot_count=Count("ballots", distinct=True))
        .order_by("-opens_at", "slug")
    )


def round_get(slug: str) -> PrioritisationRound:
    """One round with its body, charter and candidate issues (raises DoesNotExist)."""
    return (
        PrioritisationRound.objects.select_related("body__charter")
        .prefetch_related(
            Prefetch("candidates", queryset=Issue.objects.select_related("basket").order_by(
                "title", "slug"))
        )
        .get(slug=slug)
    )


def ballot_for(round_: PrioritisationRound, participant: Participant | None) -> RoundBallot | None:
    """The participant's ballot in the round, if they cast one."""
    if participant is None:
        return None
    return RoundBallot.objects.filter(round=round_, participant=participant).first()


@dataclass
class RoundParticipation:
    """How many ballots came from each stakeholder group and region (never who, never how)."""

    total: int = 0
    groups: list[tuple[str, str, int]] = field(default_factory=list)
    regions: list[tuple[str, str, int]] = field(default_factory=list)
    cells: dict[tuple[str, str], int] = field(default_factory=dict)


def round_participation(round_: PrioritisationRound) -> RoundParticipation:
    """Ballot counts per group, per region and per group-and-region cell (two queries plus the
    names): every group and region of the default scheme is listed, with zero where none came."""
    counts = list(
        RoundBallot.objects.filter(round=round_)
        .values_list("group__slug", "region__slug")
        .annotate(n=Count("pk"))
        .order_by()
    )
    groups = list(StakeholderGroup.objects.order_by("order", "slug").values_list("slug", "name"))
    regions = list(
        Region.objects.filter(scheme__is_default=True).order_by("order", "slug")
        .values_list("slug", "name")
    )
    result = RoundParticipation()
    by_group: dict[str, int] = {}
    by_region: dict[str, int] = {}
    for group, region, n in counts:
        result.total += n
        by_group[group or ""] = by_group.get(group or "", 0) + n
        by_region[region or ""] = by_region.get(region or "", 0) + n
        result.cells[(group or "", region or "")] = n
    result.groups = [(slug, name, by_group.get(slug, 0)) for slug, name in groups]
    result.regions = [(slug, name, by_region.get(slug, 0)) for slug, name in regions]
    if by_region.get(""):
        result.regions.append(("", "", by_region[""]))
    return result
