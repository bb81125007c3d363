"""A body's file round-trips: `polycentric analyze` on it prints exactly the stored scorecard."""

from __future__ import annotations

import pytest

from polycentric.bodies import services
from polycentric.bodies.models import Body
from polycentric.core.models import Event
from polycentric.engines.principles import analyze, parse_body_document, scorecard_document

pytestmark = pytest.mark.django_db


def test_the_body_file_is_the_body(cgi_br):
    assert services.body_document(cgi_br) == {
        "name": "Brazilian Internet Steering Committee (CGI.br)",
        "groups": ["government", "private_sector", "civil_society", "science_technology",
                   "expert"],
        "regions": ["GRULAC"],
        "seats": [
            {"name": "government", "group": "government", "region": "GRULAC", "count": 9},
            {"name": "business", "group": "private_sector", "region": "GRULAC", "count": 4},
            {"name": "third_sector", "group": "civil_society", "region": "GRULAC", "count": 4},
            {"name": "academia", "group": "science_technology", "region": "GRULAC", "count": 3},
            {"name": "expert", "group": "expert", "region": "GRULAC", "count": 1},
        ],
        "rule": {"majority": "simple"},
    }


def test_every_reference_body_stores_what_analyze_prints_for_its_file(reference_bodies):
    for body in Body.objects.all():
        text = services.body_document_text(body)
        expected = scorecard_document(analyze(parse_body_document(text, name=f"{body.slug}.yaml")))
        assert body.analysis == expected, body.slug


def test_reanalysing_an_unchanged_body_changes_and_records_nothing(council, wanjiru):
    before = (Event.objects.count(), Body.objects.get(pk=council.pk).analysed_at)

    services.body_reanalyse(body=council, actor=wanjiru)

    assert (Event.objects.count(), Body.objects.get(pk=council.pk).analysed_at) == before


def test_reanalysing_a_stale_scorecard_stores_the_new_one(council, wanjiru):
    Body.objects.filter(pk=council.pk).update(analysis={"stale": True})
    council.refresh_from_db()

    services.body_reanalyse(body=council, actor=wanjiru)

    assert Body.objects.get(pk=council.pk).analysis["body"] == "Two-group council"
    assert Event.objects.filter(kind="bodies.body.analysed").count() == 1


def test_what_if_analyses_another_rule_without_saving(cgi_br):
    before = Body.objects.get(pk=cgi_br.pk).analysis

    other = services.body_analyse_under(body=cgi_br, rule="{majority: two_thirds}")

    assert other["rule"] == {"majority": "two_thirds"}
    assert other["principles"]["no_group_decides_alone"]["passed"] is False
    assert Body.objects.get(pk=cgi_br.pk).analysis == before
