"""The bodies list shows every body's scorecard at a glance."""

from __future__ import annotations

import re

import pytest

from tests.bodies.support import text_of

pytestmark = pytest.mark.django_db


def _row(response, name: str) -> str:
    html = response.content.decode()
    for row in re.findall(r"<tr>(.*?)</tr>", html, flags=re.S):
        if name in row:
            return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", row)).strip()
    raise AssertionError(f"no row for {name}")


def test_every_reference_body_is_listed_with_its_verdicts(anon, reference_bodies):
    response = anon.get("/bodies/")

    assert response.status_code == 200
    page = text_of(response)
    for body in reference_bodies.values():
        assert body.name in page
    cgi = _row(response, "Brazilian Internet Steering Committee")
    assert "21" in cgi and "a simple majority of all seats (11 of 21 votes)" in cgi
    assert re.findall(r"Passes|Fails", cgi) == ["Passes", "Fails", "Fails", "Passes"]
    wgec = _row(response, "CSTD Working Group on Enhanced Cooperation")
    assert re.findall(r"Passes|Fails", wgec) == ["Passes"] * 4


def test_the_list_links_to_each_body_and_names_the_principles(anon, council):
    response = anon.get("/bodies/")

    html = response.content.decode()
    assert 'href="/bodies/council/"' in html
    for title in ("P1 All stakeholder groups", "P3 Global", "P4 No group decides alone",
                  "P4 No region decides alone"):
        assert title in html


def test_editors_are_offered_the_forms_and_others_are_not(anon, editor_client, council):
    assert "/bodies/new/" in editor_client.get("/bodies/").content.decode()
    assert "/bodies/upload/" in editor_client.get("/bodies/").content.decode()
    assert "/bodies/new/" not in anon.get("/bodies/").content.decode()


def test_an_empty_list_says_so(anon, reference):
    assert "No body has been added yet." in text_of(anon.get("/bodies/"))


@pytest.mark.parametrize("page", ["two", "9"])
def test_a_bad_page_number_is_a_clear_400(anon, council, page):
    response = anon.get(f"/bodies/?page={page}")

    assert response.status_code == 400
    assert "page" in text_of(response)
