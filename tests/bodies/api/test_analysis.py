"""POST /api/analysis: the scorecard of a posted body file, without saving; bad input is a 4xx
naming the field path and line, never a 500."""

from __future__ import annotations

import json

import pytest

from polycentric.engines.principles import (
    analyze,
    parse_body_data,
    parse_body_document,
    scorecard_document,
)
from tests.bodies.support import BAD_COUNT, CGI_BR, body_snapshot, send

pytestmark = pytest.mark.django_db


def _expected(text: str) -> dict:
    return scorecard_document(analyze(parse_body_document(text, name="document")))


def test_a_body_file_in_document_is_analysed(anon, reference):
    before = body_snapshot()

    response = send(anon, "POST", "/api/analysis", {"document": CGI_BR})

    assert response.status_code == 200
    assert response.json() == _expected(CGI_BR)
    assert response.json()["principles"]["no_group_decides_alone"]["passed"] is False
    assert body_snapshot() == before


def test_a_body_file_as_a_json_object_is_analysed(anon, reference):
    document = {
        "name": "Pair", "groups": ["a", "b"],
        "seats": [{"name": "a", "group": "a", "count": 2}, {"name": "b", "group": "b"}],
        "rule": {"majority": "simple"},
    }

    for body in (document, {"document": document}):
        response = send(anon, "POST", "/api/analysis", body)

        assert response.status_code == 200
        assert response.json() == scorecard_document(analyze(parse_body_data(document)))


def test_yaml_can_be_posted_as_it_is(anon, reference):
    response = anon.post("/api/analysis", data=CGI_BR, content_type="application/yaml")

    assert response.status_code == 200
    assert response.json() == _expected(CGI_BR)


def test_a_bad_body_file_is_a_422_naming_the_field_and_line(anon, reference):
    response = send(anon, "POST", "/api/analysis", {"document": BAD_COUNT})

    assert response.status_code == 422
    body = response.json()
    assert body["errors"] == {"seats[1].count": ["line 5: must be at least 1, got 0"]}
    assert "document: line 5: seats[1].count: must be at least 1, got 0" in body["detail"]


@pytest.mark.parametrize(("body", "field"), [
    ("{not json", "body"),
    ("[1, 2]", "body"),
    ({"document": 42}, "document"),
    ({"document": CGI_BR, "colour": "red"}, "colour"),
    ({"name": "Only a name"}, "groups"),
    ({"document": "name: [unclosed"}, "document"),
    ({"document": CGI_BR.replace("{majority: simple}", "{majority: most}")}, "rule.majority"),
])
def test_bad_input_is_a_422_with_field_errors(anon, reference, body, field):
    response = send(anon, "POST", "/api/analysis", body)

    assert response.status_code == 422, response.content
    assert field in response.json()["errors"]


def test_bytes_that_are_not_utf8_are_refused(anon, reference):
    response = anon.post("/api/analysis", data="name: Comitê".encode("latin-1"),
                         content_type="application/yaml")

    assert response.status_code == 422
    assert "UTF-8" in response.json()["errors"]["body"][0]


def test_a_document_over_the_size_limit_is_a_413(anon, reference):
    text = CGI_BR + "#" + "x" * (256 * 1024) + "\n"

    response = send(anon, "POST", "/api/analysis", {"document": text})

    assert response.status_code == 413
    assert "at most 262,144 bytes" in response.json()["errors"]["document"][0]


def test_a_request_over_the_size_limit_is_a_413_before_it_is_read(anon, reference):
    response = send(anon, "POST", "/api/analysis",
                    json.dumps({"document": "x" * (600 * 1024)}))

    assert response.status_code == 413
    assert "body" in response.json()["errors"]


def test_too_many_seats_is_a_422(anon, reference):
    response = send(anon, "POST", "/api/analysis",
                    {"document": CGI_BR.replace("count: 9", "count: 99999")})

    assert response.status_code == 422
    assert response.json()["errors"]["seats"] == [
        "100,011 seats in all; at most 100,000 are accepted."]
