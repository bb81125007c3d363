"""Every refusal from the API is JSON of one shape: {"detail": sentence, "errors": {field: [...]}}."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.django_db


def test_a_body_that_is_not_json_names_the_body(editor_client, small_map):
    response = editor_client.post("/api/issues", data="{oops", content_type="application/json")

    assert response.status_code == 400
    body = response.json()
    assert set(body) == {"detail", "errors"}
    assert list(body["errors"]) == ["body"]


def test_validation_errors_name_the_field_without_the_transport_prefix(client, small_map):
    response = client.get("/api/issues?limit=0")

    assert response.status_code == 422
    assert response.json()["errors"] == {"limit": ["Input should be greater than or equal to 1"]}
    assert response.json()["detail"].startswith("Invalid input: limit:")


def test_nested_body_errors_are_named_by_their_path(editor_client, small_map):
    response = editor_client.post(
        "/api/venues",
        data={"slug": "v", "name": "V", "kind": "regional", "reach": "regional",
              "participation": {"governments": "emperor"}},
        content_type="application/json",
    )

    assert response.status_code == 422
    assert list(response.json()["errors"]) == ["participation.governments"]


def test_authentication_errors_have_the_same_shape(client, small_map):
    response = client.post("/api/mandates", data={}, content_type="application/json")

    assert response.status_code == 401
    assert set(response.json()) == {"detail", "errors"}


def test_domain_errors_have_the_same_shape(client, small_map):
    response = client.get("/api/venues/atlantis")

    assert response.status_code == 404
    assert set(response.json()) == {"detail", "errors"}
