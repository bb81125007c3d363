"""Load the bundled people vocabularies: stakeholder groups, region schemes and countries.

The data lives in reference/people.yaml, which names the source of each country mapping.
Loading is an upsert and idempotent.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml
from django.db import transaction

from polycentric.accounts.models import (
    Country,
    CountryRegion,
    Region,
    RegionScheme,
    StakeholderGroup,
)
from polycentric.core.services import event_record

PEOPLE_FILE = Path(__file__).resolve().parent / "reference" / "people.yaml"


@transaction.atomic
def people_reference_load(*, actor: Any = None, path: Path = PEOPLE_FILE) -> dict[str, int]:
    """Create or update the groups, schemes, regions and countries; return how many were new."""
    document = yaml.safe_load(path.read_text(encoding="utf-8"))
    created = {"stakeholder_groups": 0, "regions": 0, "countries": 0}
    for order, entry in enumerate(document["stakeholder_groups"]):
        _, new = StakeholderGroup.objects.update_or_create(
            slug=entry["slug"],
            defaults={"name": entry["name"], "description": entry.get("description", ""),
                      "order": order, "is_default": entry.get("default", True)},
        )
        created["stakeholder_groups"] += new
    schemes: dict[str, RegionScheme] = {}
    regions: dict[tuple[str, str], Region] = {}
    for entry in document["region_schemes"]:
        scheme, _ = RegionScheme.objects.update_or_create(
            slug=entry["slug"],
            defaults={"name": entry["name"], "source": entry.get("source", ""),
                      "is_default": entry.get("default", False)},
        )
        schemes[scheme.slug] = scheme
        for order, region_entry in enumerate(entry["regions"]):
            region, new = Region.objects.update_or_create(
                scheme=scheme, slug=region_entry["slug"],
                defaults={"name": region_entry["name"], "order": order},
            )
            regions[(scheme.slug, region.slug)] = region
            created["regions"] += new
    existing = {c.code: c for c in Country.objects.all()}
    new_countries = [
        Country(code=e["code"], alpha3=e["alpha3"], name=e["name"])
        for e in document["countries"]
        if e["code"] not in existing
    ]
    Country.objects.bulk_create(new_countries)
    created["countries"] = len(new_countries)
    if new_countries:
        existing = {c.code: c for c in Country.objects.all()}
    placements = {(p.country_id, p.scheme_id): p for p in CountryRegion.objects.all()}
    to_create: list[CountryRegion] = []
    for entry in document["countries"]:
        country = existing[entry["code"]]
        if (country.alpha3, country.name) != (entry["alpha3"], entry["name"]):
            country.alpha3, country.name = entry["alpha3"], entry["name"]
            country.save()
        for scheme_slug, scheme in schemes.items():
            region = regions[(scheme_slug, entry[scheme_slug])]
            placement = placements.get((country.pk, scheme.pk))
            if placement is None:
                to_create.append(CountryRegion(country=country, scheme=scheme, region=region))
            elif placement.region_id != region.pk:
                placement.region = region
                placement.save(update_fields=["region"])
    CountryRegion.objects.bulk_create(to_create)
    if any(created.values()):
        event_record(
            kind="people.reference_loaded", actor=actor, object_type="accounts.reference",
            object_id=path.name, summary="Loaded stakeholder groups, regions and countries",
            payload=created,
        )
    return created
