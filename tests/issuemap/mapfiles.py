"""A small, sound map document in the import format, and ways to write it to a file.

The tests of the importer, the exporter and the command line start from `good_map()` and
break one thing at a time.
"""

from __future__ import annotations

import copy
import json
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
import yaml
from django.db import transaction

from polycentric.accounts.models import (
    Country,
    CountryRegion,
    Region,
    RegionScheme,
    StakeholderGroup,
)
from polycentric.accounts.reference import people_reference_load
from polycentric.core.models import Event
from polycentric.issuemap.models import (
    ActionLine,
    Aspect,
    Basket,
    Issue,
    Mandate,
    Participation,
    Venue,
)

EVERYONE = {
    "governments": "member", "private_sector": "member", "civil_society": "member",
    "technical_community": "member", "academia": "open", "igos": "open",
}

GOOD_MAP: dict[str, Any] = {
    "baskets": [
        {"slug": "security", "name": "Security", "summary": "Keeping Internet use safe.",
         "source": "E/CN.16/2015/CRP.2 section 3"},
        {"slug": "legal", "name": "Legal"},
    ],
    "action_lines": [
        {"code": "C5", "title": "Building confidence and security in the use of ICTs",
         "lead_facilitator": "ITU"},
        {"code": "C7", "title": "ICT applications", "sub_lines": [
            {"code": "C7.e-health", "title": "E-health", "lead_facilitator": "WHO",
             "co_facilitators": ["ITU"]},
        ]},
    ],
    "issues": [
        {"slug": "spam", "title": "Spam", "basket": "security", "action_lines": ["C5"],
         "summary": "Unsolicited bulk messages.", "status": "open",
         "source": "Tunis Agenda para 41",
         "aspects": [
             {"slug": "enforcement", "title": "Cross-border enforcement", "global": True},
             {"slug": "filtering", "title": "Local filtering", "global": False},
         ]},
        {"slug": "jurisdiction", "title": "Jurisdiction", "basket": "legal", "priority": 1,
         "aspects": [{"slug": "applicable-law", "title": "Applicable law"}]},
    ],
    "venues": [
        {"slug": "anti-abuse-forum", "name": "Anti-Abuse Forum", "acronym": "AAF",
         "kind": "multistakeholder", "reach": "global", "can_recommend": True,
         "url": "https://example.org/aaf", "action_lines": ["C5"], "participation": EVERYONE},
        {"slug": "aaf-africa", "name": "AAF Africa Chapter", "kind": "regional",
         "reach": "regional", "regions": ["un:african"], "parent": "anti-abuse-forum",
         "participation": {"governments": "member", "civil_society": "observer"}},
        {"slug": "states-group", "name": "States Group", "kind": "intergovernmental",
         "reach": "global", "can_decide": True, "outputs": "partly_binding",
         "participation": {"governments": "member", "civil_society": "consulted"}},
    ],
    "mandates": [
        {"venue": "anti-abuse-forum", "issue": "spam", "aspect": "enforcement",
         "source": "https://example.org/aaf/charter"},
        {"venue": "aaf-africa", "issue": "spam", "extent": "partial"},
        {"venue": "states-group", "issue": "jurisdiction", "aspect": "applicable-law",
         "note": "Member states only."},
    ],
}

MAP_MODELS = (Basket, ActionLine, Issue, Aspect, Venue, Participation, Mandate, Event)
THROUGH_MODELS = (Issue.action_lines.through, Venue.regions.through, Venue.action_lines.through)
PEOPLE_MODELS = (StakeholderGroup, RegionScheme, Region, Country, CountryRegion)


def good_map() -> dict[str, Any]:
    return copy.deepcopy(GOOD_MAP)


def write_map(tmp_path: Path, document: Any, name: str = "map.yaml") -> Path:
    path = tmp_path / name
    if name.endswith(".json"):
        path.write_text(json.dumps(document, indent=2), encoding="utf-8")
    else:
        path.write_text(yaml.safe_dump(document, sort_keys=False, allow_unicode=True),
                        encoding="utf-8")
    return path


def database_counts() -> dict[str, int]:
    """Rows in every map model, their many-to-many tables, the people vocabularies and events."""
    return {
        model._meta.label: model.objects.count()
        for model in (*MAP_MODELS, *THROUGH_MODELS, *PEOPLE_MODELS)
    }


@contextmanager
def shared_database(django_db_blocker: Any) -> Iterator[None]:
    """Data written inside stays for every test of a class, then is rolled back.

    For a class-scoped fixture: each test's own transaction (the `db` fixture) becomes a savepoint
    inside this one, so tests still cannot see each other's writes, and costly setup (the people
    vocabularies, the reference map) runs once per class instead of once per test.
    """
    with django_db_blocker.unblock(), transaction.atomic():
        try:
            yield
        finally:
            transaction.set_rollback(True)


# Fixtures that a test module imports to load the people vocabularies once for the module
# instead of once per test (tests/conftest.py's `reference` costs a few hundred queries).


@pytest.fixture(scope="module")
def people_once(django_db_setup, django_db_blocker):
    with shared_database(django_db_blocker):
        people_reference_load()
        yield


@pytest.fixture
def reference(people_once, db):
    """Overrides tests/conftest.py's `reference` in the modules that import it."""
    return {g.slug: g for g in StakeholderGroup.objects.all()}
