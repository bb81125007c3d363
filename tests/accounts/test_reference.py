"""The bundled people vocabularies: six default groups, two region schemes, 249 countries."""

from collections import Counter

import yaml
from django.db.models import Count

from polycentric.accounts.models import (
    Country,
    CountryRegion,
    Region,
    RegionScheme,
    StakeholderGroup,
)
from polycentric.accounts.reference import PEOPLE_FILE, people_reference_load


def test_six_default_stakeholder_groups(reference):
    groups = StakeholderGroup.objects.all()
    assert [g.slug for g in groups] == [
        "governments", "private_sector", "civil_society", "technical_community", "academia", "igos",
    ]
    assert all(g.is_default and g.description for g in groups)


def test_249_countries_each_mapped_once_in_each_scheme(reference):
    assert Country.objects.count() == 249
    schemes = RegionScheme.objects.all()
    assert sorted(s.slug for s in schemes) == ["icann", "un"]
    for scheme in schemes:
        placements = CountryRegion.objects.filter(scheme=scheme)
        assert placements.count() == 249
        assert placements.values("country").distinct().count() == 249
        # the region of a placement belongs to the placement's scheme
        assert not placements.exclude(region__scheme=scheme).exists()
    per_country = Country.objects.annotate(n=Count("placements")).values_list("n", flat=True)
    assert set(per_country) == {2}


def test_each_scheme_has_five_regions_and_names_its_source(reference):
    for scheme in RegionScheme.objects.all():
        assert Region.objects.filter(scheme=scheme).count() == 5
        assert len(scheme.source) > 100
    assert RegionScheme.objects.get(is_default=True).slug == "un"


def test_the_data_file_is_consistent(reference):
    document = yaml.safe_load(PEOPLE_FILE.read_text(encoding="utf-8"))
    codes = Counter(c["code"] for c in document["countries"])
    assert len(codes) == 249 and max(codes.values()) == 1
    assert "NO" in codes  # Norway, not YAML's false
    region_slugs = {s["slug"]: {r["slug"] for r in s["regions"]} for s in document["region_schemes"]}
    for country in document["countries"]:
        for scheme, slugs in region_slugs.items():
            assert country[scheme] in slugs, (country["code"], scheme)


def test_loading_again_changes_nothing(reference):
    assert people_reference_load() == {"stakeholder_groups": 0, "regions": 0, "countries": 0}
    assert Country.objects.count() == 249
    assert CountryRegion.objects.count() == 2 * 249
