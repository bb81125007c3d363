"""What a reader of a body's scorecard and a participant in a prioritisation round do, in a
real browser."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from polycentric.coordination.models import RoundBallot
from tests.conftest import PASSWORD

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_reader_sees_cgi_br_pass_p4_under_concurrent_majorities(page, reference_bodies):
    page.goto("/bodies/cgi-br/")
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Brazilian Internet Steering Committee (CGI.br)")
    expect(page.get_by_text("can pass a decision without government").first).to_be_visible()

    page.get_by_label(re.compile(r"^Decision rule:?$")).select_option("every_group")
    page.get_by_role("button", name="Analyse under this rule").click()

    expect(page).to_have_url(re.compile(r"rule=every_group"))
    comparison = page.get_by_role("table").filter(has_text="Under the other rule").first
    row = comparison.get_by_role("row").filter(has_text="P4 No group decides alone")
    expect(row.get_by_role("cell").nth(0)).to_contain_text("Fails")
    expect(row.get_by_role("cell").nth(1)).to_contain_text("Passes")


def test_a_participant_ranks_the_candidates_of_an_open_round(page, make_round, kofi):
    round_ = make_round("open")
    page.goto("/accounts/login/")
    page.get_by_label("Username").fill("kofi")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name=re.compile("Log in", re.I)).click()

    page.goto(f"/rounds/{round_.slug}/ballot/")
    page.get_by_label("Jurisdiction").fill("1")
    page.get_by_label("Spam").fill("2")
    page.get_by_label("Cyber norms").fill("2")
    page.get_by_role("button", name="Cast my ballot").click()

    ballot = RoundBallot.objects.get(round=round_, participant__user__username="kofi")
    assert ballot.ranking == [["jurisdiction"], ["cyber-norms", "spam"]]
    assert ballot.group.slug == "governments"
