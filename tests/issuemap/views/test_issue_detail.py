"""The issue page: facts, each aspect with the venues covering it and its gap, and the record."""

from __future__ import annotations

import pytest

from polycentric.issuemap import services
from tests.issuemap.views.support import rows_of, text_of

pytestmark = pytest.mark.django_db


def test_an_aspect_with_no_home_says_so_with_the_reason(anon, small_map):
    response = anon.get("/issues/jurisdiction/")

    assert response.status_code == 200
    text = text_of(response)
    assert "Jurisdiction" in text and "About jurisdiction." in text
    assert "Basket Legal" in text
    assert ("Applicable law Needs global policy-making Yes Gap status No home "
            "Why No venue on the map covers this aspect. Recent changes") in text


def test_whole_issue_mandates_count_for_every_aspect(anon, small_map, wanjiru):
    spam = small_map["issues"]["spam"]
    services.aspect_create(issue=spam, slug="botnets", title="Botnet take-downs", actor=wanjiru)

    response = anon.get("/issues/spam/")

    text = text_of(response)
    for title in ("Cross-border enforcement", "Botnet take-downs"):
        assert f"Venues covering “{title}” Venue Covers Extent Source" in text
    rows = rows_of(response)
    assert rows.count("Anti-Abuse Forum (AAF) The whole issue Fully Source of the mandate of AAF") == 2
    assert '<a href="https://example.org/aaf" rel="nofollow noopener">' in response.content.decode()
    assert "AAF covers it globally, open to every stakeholder group, and can act." in text


def test_each_gap_status_shows_with_its_reasons(anon, small_map):
    expectations = {
        "data-flows": ("Home not global",
                       "Only regional or national venues cover this aspect: Regional Data Council."),
        "cyber-norms": ("Home excludes groups",
                        "States Working Group leaves out private sector, civil society, "
                        "technical community, academia and intergovernmental organisations."),
        "connectivity": ("Home cannot act",
                         "Dialogue Forum can neither decide nor recommend on it."),
    }
    for slug, (label, reason) in expectations.items():
        text = text_of(anon.get(f"/issues/{slug}/"))
        assert f"Gap status: {label}" in text, slug
        assert reason in text, slug


def test_an_aspect_that_needs_no_global_policy_is_not_assessed(anon, small_map):
    text = text_of(anon.get("/issues/connectivity/"))

    assert ("Universal service funds Needs global policy-making No Gap status Not assessed "
            "Only aspects that need global policy-making are checked for gaps.") in text


def test_an_aspect_mandate_covers_only_that_aspect(anon, small_map):
    response = anon.get("/issues/connectivity/")

    assert "Dialogue Forum This aspect Fully None given" in rows_of(response)
    text = text_of(response)
    funds = text.split("Universal service funds", 1)[1]
    assert "No venue on the map covers this aspect." in funds
    assert "Dialogue Forum" not in funds.split("Recent changes")[0]


def test_shows_action_lines_and_recent_events(anon, wsis_lines, small_map):
    text = text_of(anon.get("/issues/spam/"))

    assert "WSIS action lines C5, C7.e-business" in text
    changes = text.split("Recent changes", 1)[1]
    assert changes.index("Issue changed (Spam) · by Wanjiru") < changes.index(
        "Issue created (Spam) · by Wanjiru")


def test_editors_see_editor_links_and_others_do_not(anon, participant_client, editor_client,
                                                    small_map):
    links = ['href="/issues/connectivity/edit/"', 'href="/issues/connectivity/aspects/new/"',
             'href="/mandates/new/?issue=connectivity"',
             'href="/issues/connectivity/aspects/affordability/edit/"',
             'href="/mandates/new/?issue=connectivity&amp;aspect=affordability"']
    mandate = small_map["issues"]["connectivity"].mandates.get()
    links.append(f'href="/mandates/{mandate.pk}/edit/"')

    as_editor = editor_client.get("/issues/connectivity/").content.decode()
    for client in (anon, participant_client):
        html = client.get("/issues/connectivity/").content.decode()
        assert not [link for link in links if link in html]
    assert [link for link in links if link not in as_editor] == []


def test_an_unknown_issue_is_404(anon, small_map):
    assert anon.get("/issues/no-such-issue/").status_code == 404
