"""The OpenAPI document at /api/openapi.json describes every map endpoint with its schemas."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.django_db

EXPECTED_OPERATIONS = {
    "/api/issues": {"get", "post"},
    "/api/issues/{slug}": {"get", "patch"},
    "/api/issues/{slug}/aspects": {"post"},
    "/api/issues/{slug}/aspects/{aspect}": {"patch"},
    "/api/venues": {"get", "post"},
    "/api/venues/{slug}": {"get", "patch"},
    "/api/gaps": {"get"},
    "/api/action-lines": {"get"},
    "/api/mandates": {"post"},
    "/api/mandates/{mandate_id}": {"patch", "delete"},
    "/api/bodies": {"get", "post"},
    "/api/bodies/{slug}": {"get", "patch"},
    "/api/bodies/{slug}/analysis": {"get"},
}
OPEN_POSTS = {"/api/analysis": {"post"}}
"""Operations that write nothing and need no login (analysing a posted body)."""
WRITES = [(path, method) for path, methods in EXPECTED_OPERATIONS.items()
          for method in sorted(methods) if method != "get"]
READS = [(path, "get") for path, methods in EXPECTED_OPERATIONS.items() if "get" in methods]


@pytest.fixture
def document(client):
    response = client.get("/api/openapi.json")
    assert response.status_code == 200
    return response.json()


def schema_of(document, ref: str) -> dict:
    return document["components"]["schemas"][ref.rsplit("/", 1)[-1]]


def test_document_lists_every_path_and_method(document):
    operations = {
        path: {m for m in item if m in {"get", "post", "patch", "put", "delete"}}
        for path, item in document["paths"].items()
    }
    for path, methods in {**EXPECTED_OPERATIONS, **OPEN_POSTS}.items():
        assert operations.get(path) == methods, path
    assert document["info"]["title"] == "Polycentric API"


@pytest.mark.parametrize(("path", "method"), READS + WRITES)
def test_every_operation_describes_its_success_response(document, path, method):
    responses = document["paths"][path][method]["responses"]
    success = {"get": "200", "patch": "200", "post": "201", "delete": "204"}[method]

    assert success in responses
    if method != "delete":
        assert responses[success]["content"]["application/json"]["schema"]


@pytest.mark.parametrize(("path", "method"), WRITES)
def test_writes_declare_authentication_and_error_shapes(document, path, method):
    operation = document["paths"][path][method]

    assert {name for entry in operation["security"] for name in entry} == {
        "BearerTokenAuth", "SessionAuth"}
    for status in ("401", "403", "404", "422"):
        ref = operation["responses"][status]["content"]["application/json"]["schema"]["$ref"]
        assert ref.endswith("/ErrorOut")
    if method in ("post", "patch"):
        assert operation["requestBody"]["content"]["application/json"]["schema"]


@pytest.mark.parametrize(("path", "method"), READS)
def test_reads_need_no_authentication(document, path, method):
    assert "security" not in document["paths"][path][method]


def test_security_schemes_are_bearer_token_and_session_cookie(document):
    schemes = document["components"]["securitySchemes"]

    assert schemes["BearerTokenAuth"] == {"type": "http", "scheme": "bearer"}
    assert schemes["SessionAuth"]["in"] == "cookie"


def test_issue_list_parameters_are_described(document):
    parameters = {p["name"]: p for p in document["paths"]["/api/issues"]["get"]["parameters"]}

    assert set(parameters) == {"basket", "status", "venue", "action_line", "q", "limit", "offset"}
    assert parameters["limit"]["schema"]["maximum"] == 100


def test_issue_schemas_describe_the_fields(document):
    page = schema_of(document, document["paths"]["/api/issues"]["get"]["responses"]["200"]
                     ["content"]["application/json"]["schema"]["$ref"])
    assert set(page["properties"]) == {"count", "limit", "offset", "items"}
    summary = schema_of(document, page["properties"]["items"]["items"]["$ref"])
    assert {"slug", "title", "basket", "summary", "status", "gap_status", "aspects",
            "action_lines"} <= set(summary["properties"])
    gap_status = schema_of(document, summary["properties"]["gap_status"]["$ref"])
    assert "no_home" in gap_status["enum"]
    detail = document["components"]["schemas"]["IssueDetail"]
    assert {"aspects", "mandates", "gap_status"} <= set(detail["properties"])
    created = document["components"]["schemas"]["IssueIn"]
    assert set(created["required"]) == {"slug", "title", "basket"}


def test_venue_and_gap_schemas_describe_the_fields(document):
    venue_in = document["components"]["schemas"]["VenueIn"]
    assert {"participation", "regions", "action_lines", "kind", "reach"} <= set(
        venue_in["properties"])
    modes = schema_of(document, venue_in["properties"]["participation"]["additionalProperties"]
                      ["$ref"])
    assert set(modes["enum"]) == {"member", "appointed", "observer", "consulted", "open", "none"}
    gaps = document["components"]["schemas"]["GapDocument"]
    assert set(gaps["properties"]) == {"issues", "venues", "aspects", "gaps", "summary",
                                       "parameters"}


def test_interactive_docs_are_served(client):
    assert client.get("/api/docs").status_code == 200
