"""Editors create a body by uploading its body file; a bad file is refused with its line and
field, and nothing is saved."""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from polycentric.bodies.models import Body
from tests.bodies.support import BAD_COUNT, CGI_BR, body_snapshot, text_of

pytestmark = pytest.mark.django_db


def _upload(client, content: bytes, name: str = "body.yaml", **fields):
    data = {"file": SimpleUploadedFile(name, content, content_type="application/yaml"),
            "slug": "", "acronym": "", "venue": "", "source": ""}
    data.update(fields)
    return client.post("/bodies/upload/", data)


def test_the_upload_form_opens_with_an_example(editor_client):
    response = editor_client.get("/bodies/upload/")

    assert response.status_code == 200
    assert 'enctype="multipart/form-data"' in response.content.decode()
    assert "rule: {majority: simple}" in text_of(response)


def test_a_body_file_creates_a_body(editor_client):
    response = _upload(editor_client, CGI_BR.encode(), "cgi_br.yaml", acronym="CGI.br",
                       source="Decree 4,829")

    body = Body.objects.get()
    assert response.status_code == 302 and response["Location"] == "/bodies/cgi-br/"
    assert (body.acronym, body.source, body.seat_entries.count()) == ("CGI.br", "Decree 4,829", 5)
    assert body.analysis["seats"] == 21


def test_a_bad_file_shows_its_line_and_field_and_saves_nothing(editor_client, reference):
    before = body_snapshot()

    response = _upload(editor_client, BAD_COUNT.encode(), "broken.yaml")

    assert response.status_code == 422
    assert "Body file : Line 5: seats[1].count: must be at least 1, got 0" in text_of(response)
    assert body_snapshot() == before


def test_every_problem_of_a_file_is_listed(editor_client, reference):
    text = BAD_COUNT.replace("name: states, group: governments",
                             "name: states, group: governments, weight: -2")

    page = text_of(_upload(editor_client, text.encode()))

    assert "Line 4: seats[0].weight: must be at least 0, got -2" in page
    assert "Line 5: seats[1].count: must be at least 1, got 0" in page


def test_a_file_over_the_limit_is_refused(editor_client, reference):
    response = _upload(editor_client, CGI_BR.encode() + b"#" * (256 * 1024))

    assert response.status_code == 422
    assert "at most 256 KB are accepted" in text_of(response)
    assert not Body.objects.exists()


def test_a_file_that_is_not_utf8_is_refused(editor_client, reference):
    response = _upload(editor_client, "name: Comitê".encode("latin-1"))

    assert response.status_code == 422
    assert "not UTF-8" in text_of(response)


def test_a_taken_slug_is_shown_on_the_slug_field(editor_client, cgi_br):
    response = _upload(editor_client, CGI_BR.encode(), slug="cgi-br")

    assert response.status_code == 422
    assert "Slug : Another body already has the slug 'cgi-br'." in text_of(response)
