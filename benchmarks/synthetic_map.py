"""A synthetic clearinghouse map of any size, the same for the same seed.

`synthetic_map(size, seed=...)` draws a map as plain records. From one drawn map,
`SyntheticMap.aspect_refs()`, `.venue_profiles()` and `.covers()` give the gap engine's inputs,
and `synthetic_map_load()` writes the very same map into the database with bulk inserts, so the
engine alone and the pages over the database measure the same map.

The mix aims at what the real map looks like, so that every gap status occurs:

- about 30% of venues are regional or national (they cover one or two UN regions);
- about 30% of venues leave out one or two stakeholder groups (observer, consulted or none);
- about 10% of venues can neither decide nor recommend;
- about 15% of aspects do not need global policy; about 8% are kept free of mandates (more
  end up with none by chance);
- about 15% of mandates cover a whole issue and about 20% cover only part of it;
- a few venues hold many mandates and most hold a few (a heavy-tailed popularity).

>>> from benchmarks.synthetic_map import MapSize, synthetic_map
>>> small = synthetic_map(MapSize.scaled(10), seed=1)
>>> len(small.issues), len(small.aspects), len(small.venues), len(small.mandates)
(10, 30, 8, 50)
>>> synthetic_map(MapSize.scaled(10), seed=1) == small
True
"""

from __future__ import annotations

import random
from collections.abc import Mapping
from dataclasses import dataclass

from polycentric.engines.gaps import (
    DEFAULT_REQUIRED_GROUPS,
    AspectRef,
    Cover,
    VenueProfile,
)

DEFAULT_SEED = 20_250_602

GROUPS = DEFAULT_REQUIRED_GROUPS
"""The stakeholder groups the synthetic venues describe: the six default groups."""

UN_REGIONS = ("african", "asia_pacific", "eastern_european", "grulac", "weog")
"""Slugs of the UN regional groups in the bundled people reference (scheme `un`)."""

BASKETS = (
    ("infrastructure", "Infrastructure and standardisation"),
    ("legal", "Legal"),
    ("economic", "Economic"),
    ("development", "Development"),
    ("sociocultural", "Sociocultural"),
    ("human-rights", "Human rights"),
    ("security", "Security"),
)

ACTION_LINES = tuple(f"C{n}" for n in range(1, 12))

GLOBAL_KINDS = (
    "un_agency",
    "intergovernmental",
    "multistakeholder",
    "standards",
    "private_nonprofit",
    "treaty",
    "network",
    "industry",
    "coalition",
)

TAKING_PART_MODES = ("member", "member", "appointed", "open")
LEFT_OUT_MODES = ("observer", "consulted", "none")

WORDS = (
    "access", "accountability", "addressing", "affordability", "algorithms", "archives",
    "authentication", "broadband", "censorship", "certificates", "children", "cloud",
    "competition", "connectivity", "consumers", "content", "copyright", "cybercrime",
    "data", "disinformation", "domains", "encryption", "e-commerce", "elections", "energy",
    "enforcement", "evidence", "identity", "interconnection", "jurisdiction", "labour",
    "languages", "liability", "localisation", "malware", "measurement", "names", "networks",
    "numbers", "platforms", "privacy", "resilience", "roaming", "routing", "satellites",
    "security", "spam", "spectrum", "standards", "surveillance", "taxation", "trade",
    "trust", "workforce",
)  # fmt: skip


@dataclass(frozen=True, slots=True)
class MapSize:
    issues: int
    aspects: int
    venues: int
    mandates: int

    @classmethod
    def scaled(cls, issues: int) -> MapSize:
        """A map in the proportions of the full benchmark map: per issue, 3 aspects,
        a quarter of a venue and 5 mandates."""
        return cls(issues=issues, aspects=3 * issues, venues=max(8, issues // 4),
                   mandates=5 * issues)


FULL_SIZE = MapSize(issues=2_000, aspects=6_000, venues=500, mandates=10_000)


@dataclass(frozen=True, slots=True)
class SyntheticIssue:
    slug: str
    title: str
    summary: str
    basket: str
    action_lines: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class SyntheticAspect:
    issue: str
    slug: str
    title: str
    needs_global_policy: bool
    order: int


@dataclass(frozen=True, slots=True)
class SyntheticVenue:
    slug: str
    name: str
    acronym: str
    kind: str
    reach: str
    regions: tuple[str, ...]
    participation: Mapping[str, str]
    """Mode per group; a group missing here takes part as `none` (as on the real map)."""
    can_decide: bool
    can_recommend: bool
    outputs: str


@dataclass(frozen=True, slots=True)
class SyntheticMandate:
    venue: str
    issue: str
    aspect: str | None
    partial: bool


@dataclass(frozen=True, slots=True)
class SyntheticMap:
    size: MapSize
    seed: int
    issues: tuple[SyntheticIssue, ...]
    aspects: tuple[SyntheticAspect, ...]
    venues: tuple[SyntheticVenue, ...]
    mandates: tuple[SyntheticMandate, ...]

    def aspect_refs(self) -> list[AspectRef]:
        return [AspectRef(a.issue, a.slug, a.needs_global_policy) for a in self.aspects]

    def venue_profiles(self) -> dict[str, VenueProfile]:
        return {
            v.slug: VenueProfile(
                key=v.slug,
                name=v.acronym or v.name,
                is_global=v.reach == "global",
                participation=dict(v.participation),
                can_decide=v.can_decide,
                can_recommend=v.can_recommend,
            )
            for v in self.venues
        }

    def covers(self) -> list[Cover]:
        return [Cover(m.venue, m.issue, m.aspect, m.partial) for m in self.mandates]


def _aspect_counts(rng: random.Random, issues: int, aspects: int) -> list[int]:
    """Between 1 and 5 aspects per issue, `aspects` in all."""
    if not issues <= aspects <= 5 * issues:
        raise ValueError(f"cannot give {issues} issues {aspects} aspects (1 to 5 each)")
    counts = [aspects // issues] * issues
    for i in range(aspects - sum(counts)):
        counts[i] += 1
    for i in range(issues):  # move aspects between random pairs of issues, keeping the total
        j = rng.randrange(issues)
        if counts[i] > 1 and counts[j] < 5:
            counts[i] -= 1
            counts[j] += 1
    return counts


def _venue(rng: random.Random, number: int) -> SyntheticVenue:
    if rng.random() < 0.30:
        reach = "national" if rng.random() < 0.2 else "regional"
        count = 1 if reach == "national" else rng.randint(1, 2)
        regions = tuple(sorted(rng.sample(UN_REGIONS, count)))
        kind = reach
    else:
        reach, regions, kind = "global", (), rng.choice(GLOBAL_KINDS)
    left_out = set(rng.sample(GROUPS, rng.choice((1, 1, 2)))) if rng.random() < 0.30 else set()
    participation = {}
    for group in GROUPS:
        mode = rng.choice(LEFT_OUT_MODES if group in left_out else TAKING_PART_MODES)
        if mode == "none" and rng.random() < 0.5:
            continue  # no row at all also means `none`
        participation[group] = mode
    if rng.random() < 0.10:
        can_decide = can_recommend = False
    else:
        can_decide = rng.random() < 0.25
        can_recommend = not can_decide or rng.random() < 0.5
    outputs = rng.choice(("binding", "partly_binding")) if can_decide else "not_binding"
    first, second = rng.sample(WORDS, 2)
    return SyntheticVenue(
        slug=f"venue-{number:04d}",
        name=f"{first.capitalize()} and {second} council {number}",
        acronym=f"V{number:04d}" if rng.random() < 0.7 else "",
        kind=kind,
        reach=reach,
        regions=regions,
        participation=participation,
        can_decide=can_decide,
        can_recommend=can_recommend,
        outputs=outputs,
    )


def synthetic_map(size: MapSize = FULL_SIZE, *, seed: int = DEFAULT_SEED) -> SyntheticMap:
    """Draw a map of `size`; the same size and seed always give the same map."""
    rng = random.Random(seed)
    issues: list[SyntheticIssue] = []
    aspects: list[SyntheticAspect] = []
    for number, count in enumerate(_aspect_counts(rng, size.issues, size.aspects), start=1):
        first, second = rng.sample(WORDS, 2)
        slug = f"issue-{number:05d}"
        issues.append(SyntheticIssue(
            slug=slug,
            title=f"{first.capitalize()} and {second} {number}",
            summary=f"How {first} meets {second} across borders (synthetic issue {number}).",
            basket=rng.choice(BASKETS)[0],
            action_lines=tuple(sorted(rng.sample(ACTION_LINES, rng.randint(0, 2)))),
        ))
        for order in range(count):
            word = rng.choice(WORDS)
            aspects.append(SyntheticAspect(
                issue=slug,
                slug=f"aspect-{order + 1}",
                title=f"{word.capitalize()} in {first} and {second}",
                needs_global_policy=rng.random() >= 0.15,
                order=order,
            ))
    venues = [_venue(rng, number) for number in range(1, size.venues + 1)]

    # Some aspects get no mandate at all; their issues get no whole-issue mandate either.
    homeless = {(a.issue, a.slug) for a in aspects if rng.random() < 0.08}
    homeless_issues = {issue for issue, _ in homeless}
    coverable = [(a.issue, a.slug) for a in aspects if (a.issue, a.slug) not in homeless]
    whole_issue_targets = [i.slug for i in issues if i.slug not in homeless_issues]

    venue_slugs = [v.slug for v in venues]
    popularity = [rng.paretovariate(1.5) for _ in venues]
    cumulative, total = [], 0.0
    for weight in popularity:
        total += weight
        cumulative.append(total)

    mandates: list[SyntheticMandate] = []
    seen: set[tuple[str, str, str | None]] = set()
    whole_wanted = round(size.mandates * 0.15) if whole_issue_targets else 0
    attempts = 0
    while len(mandates) < size.mandates:
        attempts += 1
        if attempts > 50 * size.mandates:
            raise ValueError(f"cannot place {size.mandates} distinct mandates on this map")
        (venue,) = rng.choices(venue_slugs, cum_weights=cumulative)
        if len(mandates) < whole_wanted:
            issue, aspect = rng.choice(whole_issue_targets), None
        else:
            issue, aspect = rng.choice(coverable)
        if (venue, issue, aspect) in seen:
            continue
        seen.add((venue, issue, aspect))
        mandates.append(SyntheticMandate(venue, issue, aspect, partial=rng.random() < 0.20))
    return SyntheticMap(size, seed, tuple(issues), tuple(aspects), tuple(venues), tuple(mandates))


# ---- the database --------------------------------------------------------------------------


def synthetic_map_load(synthetic: SyntheticMap, *, batch_size: int = 1_000) -> dict[str, int]:
    """Write `synthetic` into an empty map with bulk inserts; return the row counts.

    Loads the people reference (stakeholder groups, regions) first. Bulk inserts skip the map
    services on purpose (they would take minutes at this size), so one `map.bulk` event is
    recorded at the end: the map revision changes and no cached gap report survives.
    """
    from django.db import transaction

    from polycentric.accounts.models import Region, StakeholderGroup
    from polycentric.accounts.reference import people_reference_load
    from polycentric.core.services import event_record
    from polycentric.issuemap.models import (
        ActionLine,
        Aspect,
        Basket,
        Issue,
        Mandate,
        Participation,
        Venue,
    )

    with transaction.atomic():
        people_reference_load()
        group_ids = dict(StakeholderGroup.objects.values_list("slug", "pk"))
        region_ids = dict(Region.objects.filter(scheme__slug="un").values_list("slug", "pk"))

        Basket.objects.bulk_create(
            Basket(slug=slug, name=name, order=order)
            for order, (slug, name) in enumerate(BASKETS)
        )
        basket_ids = dict(Basket.objects.values_list("slug", "pk"))
        ActionLine.objects.bulk_create(
            ActionLine(code=code, title=f"Action line {code}", order=order)
            for order, code in enumerate(ACTION_LINES)
        )
        line_ids = dict(ActionLine.objects.values_list("code", "pk"))

        Issue.objects.bulk_create(
            (
                Issue(slug=i.slug, title=i.title, summary=i.summary, basket_id=basket_ids[i.basket])
                for i in synthetic.issues
            ),
            batch_size=batch_size,
        )
        issue_ids = dict(Issue.objects.values_list("slug", "pk"))
        Issue.action_lines.through.objects.bulk_create(
            (
                Issue.action_lines.through(issue_id=issue_ids[i.slug], actionline_id=line_ids[code])
                for i in synthetic.issues
                for code in i.action_lines
            ),
            batch_size=batch_size,
        )
        Aspect.objects.bulk_create(
            (
                Aspect(issue_id=issue_ids[a.issue], slug=a.slug, title=a.title,
                       needs_global_policy=a.needs_global_policy, order=a.order)
                for a in synthetic.aspects
            ),
            batch_size=batch_size,
        )
        aspect_ids = {
            (issue, slug): pk
            for issue, slug, pk in Aspect.objects.values_list("issue__slug", "slug", "pk")
        }

        Venue.objects.bulk_create(
            (
                Venue(slug=v.slug, name=v.name, acronym=v.acronym, kind=v.kind, reach=v.reach,
                      outputs=v.outputs, can_decide=v.can_decide, can_recommend=v.can_recommend)
                for v in synthetic.venues
            ),
            batch_size=batch_size,
        )
        venue_ids = dict(Venue.objects.values_list("slug", "pk"))
        Venue.regions.through.objects.bulk_create(
            (
                Venue.regions.through(venue_id=venue_ids[v.slug], region_id=region_ids[region])
                for v in synthetic.venues
                for region in v.regions
            ),
            batch_size=batch_size,
        )
        Participation.objects.bulk_create(
            (
                Participation(venue_id=venue_ids[v.slug], group_id=group_ids[group], mode=mode)
                for v in synthetic.venues
                for group, mode in v.participation.items()
            ),
            batch_size=batch_size,
        )
        Mandate.objects.bulk_create(
            (
                Mandate(
                    venue_id=venue_ids[m.venue],
                    issue_id=issue_ids[m.issue],
                    aspect_id=aspect_ids[(m.issue, m.aspect)] if m.aspect else None,
                    extent=Mandate.Extent.PARTIAL if m.partial else Mandate.Extent.FULL,
                    source=f"https://example.org/mandates/{m.venue}/{m.issue}",
                )
                for m in synthetic.mandates
            ),
            batch_size=batch_size,
        )
        counts = {
            "issues": Issue.objects.count(),
            "aspects": Aspect.objects.count(),
            "venues": Venue.objects.count(),
            "mandates": Mandate.objects.count(),
            "participation": Participation.objects.count(),
        }
        event_record(
            kind="map.bulk", actor=None, object_type="benchmark", object_id="synthetic",
            summary=f"Loaded a synthetic map (seed {synthetic.seed})", payload=counts,
        )
    return counts


def synthetic_map_clear() -> None:
    """Delete every map row (not the people reference, not the event record).

    Only for the benchmark's own throw-away database: it empties the whole map.
    """
    from django.db import transaction

    from polycentric.issuemap.models import (
        ActionLine,
        Aspect,
        Basket,
        Issue,
        Mandate,
        Participation,
        Venue,
    )

    with transaction.atomic():
        Mandate.objects.all().delete()
        Participation.objects.all().delete()
        Issue.action_lines.through.objects.all().delete()
        Venue.regions.through.objects.all().delete()
        Venue.action_lines.through.objects.all().delete()
        Aspect.objects.all().delete()
        Issue.objects.all().delete()
        Venue.objects.all().delete()
        ActionLine.objects.all().delete()
        Basket.objects.all().delete()
