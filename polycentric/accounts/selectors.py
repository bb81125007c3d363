"""Reads about people and their vocabularies. Each returns what its page needs prefetched, so a
page makes the same number of queries however many participants or countries there are."""

from __future__ import annotations

from dataclasses import dataclass

from django.contrib.auth.models import User
from django.db.models import Count, Prefetch, Q, QuerySet

from polycentric.accounts.models import (
    ApiToken,
    Country,
    CountryRegion,
    Participant,
    Region,
    RegionScheme,
    StakeholderGroup,
)

_ACTIVE = Q(participants__user__is_active=True)


@dataclass(frozen=True)
class ParticipantFilters:
    stakeholder_group: str = ""  # a group slug
    country: str = ""  # an ISO 3166-1 alpha-2 code


def _placements() -> Prefetch:
    """A country's region in each scheme, default scheme first."""
    return Prefetch(
        "country__placements",
        queryset=CountryRegion.objects.select_related("scheme", "region").order_by(
            "-scheme__is_default", "scheme__slug"
        ),
    )


def participant_list(filters: ParticipantFilters | None = None) -> QuerySet[Participant]:
    """Participants with an active account, with their group and country, by display name."""
    filters = filters or ParticipantFilters()
    qs = Participant.objects.filter(user__is_active=True).select_related(
        "stakeholder_group", "country"
    )
    if filters.stakeholder_group:
        qs = qs.filter(stakeholder_group__slug=filters.stakeholder_group)
    if filters.country:
        qs = qs.filter(country__code=filters.country.upper())
    return qs.order_by("display_name", "pk")


def participant_detail() -> QuerySet[Participant]:
    """Participants with an active account, ready for a public page: group, country and the
    country's region in every scheme (see `participant_regions`)."""
    return (
        Participant.objects.filter(user__is_active=True)
        .select_related("stakeholder_group", "country")
        .prefetch_related(_placements())
    )


def participant_for_user(user: User) -> Participant | None:
    """The signed-in user's own participant row, with the same related data as a public page."""
    if not user.is_authenticated:
        return None
    return (
        Participant.objects.filter(user=user)
        .select_related("stakeholder_group", "country")
        .prefetch_related(_placements())
        .first()
    )


def participant_regions(participant: Participant) -> list[CountryRegion]:
    """The participant's country's placement in each region scheme (none without a country)."""
    if participant.country is None:
        return []
    return list(participant.country.placements.all())


def stakeholder_group_list() -> QuerySet[StakeholderGroup]:
    """Every stakeholder group with `participant_count` (active accounts only)."""
    # Meta.ordering does not apply to aggregating queries, hence the explicit order_by.
    return StakeholderGroup.objects.annotate(
        participant_count=Count("participants", filter=_ACTIVE)
    ).order_by("order", "slug")


def country_list() -> QuerySet[Country]:
    return Country.objects.order_by("name")


def region_scheme_list() -> QuerySet[RegionScheme]:
    """Every region scheme with its regions, each region carrying `country_count`."""
    regions = Region.objects.annotate(country_count=Count("placements")).order_by("order", "slug")
    return (
        RegionScheme.objects.annotate(region_count=Count("regions"))
        .order_by("-is_default", "slug")
        .prefetch_related(Prefetch("regions", queryset=regions))
    )


def region_scheme_detail() -> QuerySet[RegionScheme]:
    """Region schemes with their regions and, in each region, its countries by name."""
    countries = Country.objects.order_by("name")
    regions = Region.objects.order_by("order", "slug").prefetch_related(
        Prefetch("countries", queryset=countries)
    )
    return RegionScheme.objects.prefetch_related(Prefetch("regions", queryset=regions))


def api_token_list(*, user: User) -> QuerySet[ApiToken]:
    """The user's API tokens, newest first, revoked ones included (marked by `revoked`)."""
    return ApiToken.objects.filter(user=user).order_by("-created", "-pk")
