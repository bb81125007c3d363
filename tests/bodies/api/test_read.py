"""Reading bodies through the API: the list, one body, and its stored scorecard."""

from __future__ import annotations

import pytest

from polycentric.bodies import services
from polycentric.bodies.models import Body
from polycentric.engines.principles import analyze, parse_body_document, scorecard_document
from tests.bodies.support import TERM_START

pytestmark = pytest.mark.django_db


def test_the_list_gives_every_body_with_its_scorecard_summary(anon, reference_bodies):
    response = anon.get("/api/bodies")

    assert response.status_code == 200
    page = response.json()
    assert (page["count"], page["limit"], page["offset"]) == (8, 50, 0)
    items = {item["slug"]: item for item in page["items"]}
    assert items["cgi-br"]["principles"] == {
        "all_groups": True, "global": False, "no_group_decides_alone": False,
        "no_region_decides_alone": True,
    }
    assert items["cgi-br"]["seats"] == 21
    assert items["cgi-br"]["rule"] == {"majority": "simple"}
    assert items["wgec"]["passed"] is True
    assert items["wgec"]["url"] == "/bodies/wgec/"
    assert [item["name"] for item in page["items"]] == sorted(item["name"] for item in page["items"])


def test_the_list_is_paginated(anon, reference_bodies):
    page = anon.get("/api/bodies?limit=2&offset=7").json()

    assert (page["count"], len(page["items"])) == (8, 1)


@pytest.mark.parametrize("query", ["limit=0", "limit=101", "offset=-1", "limit=many"])
def test_bad_paging_is_a_422_naming_the_parameter(anon, reference, query):
    response = anon.get(f"/api/bodies?{query}")

    assert response.status_code == 422
    assert query.split("=")[0] in response.json()["errors"]


def test_one_body_gives_its_seats_power_charter_members_and_file(anon, cgi_br, wanjiru, ana):
    services.member_add(body=cgi_br, seat_entry=cgi_br.seat_entries.get(name="third_sector"),
                        participant=ana.participant, start=TERM_START, actor=wanjiru)

    body = anon.get("/api/bodies/cgi-br").json()

    government = body["entries"][0]
    assert (government["name"], government["count"], government["region"]) == (
        "government", 9, "GRULAC")
    assert government["banzhaf"] == pytest.approx(1 / 21)
    assert government["veto"] is False
    assert body["charter"]["rule"] == {"majority": "simple"}
    assert body["charter"]["consultation_notice_days"] == 30
    assert body["members"] == [{"participant": "Ana", "participant_id": ana.participant.pk,
                                "seat_entry": "third_sector", "start": "2024-01-01",
                                "end": None}]
    assert body["document"] == services.body_document(cgi_br)
    assert body["analysis_url"] == "/api/bodies/cgi-br/analysis"


def test_the_analysis_is_what_analyze_prints_for_the_body_file(anon, reference_bodies):
    for body in Body.objects.all():
        text = anon.get(f"/bodies/{body.slug}/body.yaml").content.decode()
        expected = scorecard_document(analyze(parse_body_document(text, name="body.yaml")))

        assert anon.get(f"/api/bodies/{body.slug}/analysis").json() == expected, body.slug


@pytest.mark.parametrize("url", ["/api/bodies/nothing", "/api/bodies/nothing/analysis"])
def test_an_unknown_body_is_a_404_in_json(anon, reference, url):
    response = anon.get(url)

    assert response.status_code == 404
    assert response.json()["errors"] == {"slug": ["No body 'nothing'."]}


def test_the_openapi_document_describes_the_bodies_routes(anon):
    paths = anon.get("/api/openapi.json").json()["paths"]

    for path in ("/api/bodies", "/api/bodies/{slug}", "/api/bodies/{slug}/analysis",
                 "/api/analysis"):
        assert path in paths
    assert "requestBody" in paths["/api/analysis"]["post"]
