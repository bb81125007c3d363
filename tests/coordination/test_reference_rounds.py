"""The reference data gives the example coordinating body a closed round with results and
adopted routes for its top issues (issue 4's "done when")."""

from __future__ import annotations

import pytest

from polycentric.bodies.reference import bodies_reference_load
from polycentric.coordination.models import PrioritisationRound, Route
from polycentric.coordination.reference_rounds import ROUND_SLUG, rounds_reference_load
from polycentric.issuemap.importer import map_import
from polycentric.issuemap.reference import MAP_FILE

pytestmark = pytest.mark.django_db


@pytest.fixture
def loaded(reference):
    map_import(path=MAP_FILE, actor=None)
    bodies_reference_load()
    return rounds_reference_load()


def test_the_round_is_closed_with_results_by_group(loaded, client):
    round_ = PrioritisationRound.objects.get(slug=ROUND_SLUG)

    assert loaded == {"rounds": 1, "ballots": 18, "routes": 3}
    assert round_.body.slug == "coordination-group"
    assert round_.results_computed_at is not None
    assert round_.results["ranking"][0] == "jurisdiction"
    assert set(round_.results["by_group"]) == {
        "governments", "private_sector", "civil_society", "technical_community", "academia", "igos"}
    page = client.get(round_.get_absolute_url())
    assert page.status_code == 200
    assert "Jurisdiction and applicable law" in page.content.decode()


def test_the_top_issues_have_adopted_routes_with_reasons(loaded):
    routes = Route.objects.filter(adopted=True).select_related("issue")

    assert {r.issue.slug for r in routes} == {"jurisdiction", "data-governance", "access"}
    assert all(r.reasons and r.adopted_by is not None for r in routes)


def test_loading_again_changes_nothing(loaded):
    assert rounds_reference_load() == {"rounds": 0, "ballots": 0, "routes": 0}
    assert PrioritisationRound.objects.count() == 1
    assert Route.objects.count() == 3
