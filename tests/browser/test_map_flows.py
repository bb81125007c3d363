"""What a visitor and an editor do on the map, in a real browser."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from polycentric.issuemap.models import Issue
from tests.conftest import PASSWORD

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_visitor_finds_an_issue_with_no_home_from_the_home_page(page, small_map):
    page.goto("/")
    expect(page.get_by_role("heading", level=1)).to_have_text("The internet governance map")
    page.get_by_role("link", name="Jurisdiction: No home").click()
    expect(page).to_have_url(re.compile(r"/issues/jurisdiction/$"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Jurisdiction")
    expect(page.get_by_text("No venue on the map covers this aspect.")).to_be_visible()


def test_a_visitor_filters_the_issue_list_by_gap_status(page, small_map):
    page.goto("/issues/")
    page.get_by_label("Gap status").select_option("home_excludes_groups")
    page.get_by_role("button", name=re.compile("Filter|Apply|Show", re.I)).first.click()
    expect(page.get_by_role("link", name="Cyber norms")).to_be_visible()
    expect(page.get_by_role("link", name="Spam", exact=True)).to_have_count(0)


def test_an_editor_logs_in_and_adds_an_issue(page, small_map):
    page.goto("/accounts/login/")
    page.get_by_label("Username").fill("wanjiru")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name=re.compile("Log in", re.I)).click()
    page.goto("/issues/new/")
    page.get_by_label("Slug").fill("internet-shutdowns")
    page.get_by_label("Title").fill("Internet shutdowns")
    page.get_by_label("Basket").select_option(label="Legal")
    page.get_by_role("button", name=re.compile("Create|Save", re.I)).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Internet shutdowns")
    assert Issue.objects.filter(slug="internet-shutdowns", basket__slug="legal").exists()
