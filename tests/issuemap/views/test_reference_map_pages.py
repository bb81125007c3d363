"""The pages over the bundled reference map, as `polycentric setup` loads it: real data, with
real gaps, renders on every list page and on the busiest detail pages."""

from __future__ import annotations

import pytest
from django.db.models import Count

from polycentric.issuemap.importer import map_import
from polycentric.issuemap.models import Issue, Venue
from polycentric.issuemap.reference import MAP_FILE
from tests.issuemap.views.support import text_of

pytestmark = pytest.mark.django_db


def test_every_map_page_renders_the_reference_map(anon, reference):
    map_import(path=MAP_FILE, actor=None)
    busiest_issues = Issue.objects.annotate(n=Count("mandates")).order_by("-n")[:3]
    busiest_venues = Venue.objects.annotate(n=Count("mandates")).order_by("-n")[:3]
    paths = ["/issues/", "/issues/?status=no_home", "/venues/", "/gaps/", "/gaps/?page=2",
             "/action-lines/"]
    paths += [i.get_absolute_url() for i in busiest_issues]
    paths += [v.get_absolute_url() for v in busiest_venues]

    for path in paths:
        assert anon.get(path).status_code == 200, path

    gaps = text_of(anon.get("/gaps/?status=no_home"))
    assert "No home" in gaps and "Jurisdiction" in gaps
    assert "C7.e-health" in text_of(anon.get("/action-lines/"))
