"""Reads of the map: filters, prefetching (a fixed number of queries) and the gap report."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from polycentric.accounts.models import StakeholderGroup
from polycentric.engines.gaps import DEFAULT_TAKING_PART, GapStatus
from polycentric.issuemap import selectors, services
from polycentric.issuemap.models import ActionLine, Basket, Issue, Venue
from polycentric.issuemap.selectors import IssueFilters
from tests.issuemap import mapfiles

pytestmark = pytest.mark.django_db

people_once, reference = mapfiles.people_once, mapfiles.reference  # load the vocabularies once


def slugs(queryset) -> list[str]:
    return [obj.slug for obj in queryset]


def count_queries(function) -> int:
    with CaptureQueriesContext(connection) as captured:
        function()
    return len(captured)


def more_issues(n: int, actor) -> None:
    """n more issues, each with two aspects, an action line and a mandate to a global venue."""
    basket = Basket.objects.get(slug="security")
    line, _ = ActionLine.objects.get_or_create(code="C5", defaults={"title": "Security"})
    venue = Venue.objects.get(slug="anti-abuse-forum")
    for i in range(n):
        issue = services.issue_create(slug=f"extra-{i}", title=f"Extra {i}", basket=basket,
                                      actor=actor, action_lines=[line])
        for j in range(2):
            services.aspect_create(issue=issue, slug=f"a{j}", title=f"A{j}", actor=actor)
        services.mandate_create(venue=venue, issue=issue, actor=actor)


# ---- issues -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("filters", "expected"),
    [
        pytest.param(IssueFilters(), ["connectivity", "data-flows", "cyber-norms", "jurisdiction",
                                      "spam"], id="everything, by title"),
        pytest.param(IssueFilters(basket="legal"), ["data-flows", "jurisdiction"], id="basket"),
        pytest.param(IssueFilters(status="no_home"), ["jurisdiction"], id="gap status"),
        pytest.param(IssueFilters(status="home_cannot_act"), ["connectivity"], id="rolled up"),
        pytest.param(IssueFilters(status="covered"), ["spam"], id="covered"),
        pytest.param(IssueFilters(venue="states-working-group"), ["cyber-norms"], id="venue"),
        pytest.param(IssueFilters(q="enforcement"), ["spam"], id="text in an aspect title"),
        pytest.param(IssueFilters(q="border flows"), ["data-flows"], id="every word must match"),
        pytest.param(IssueFilters(q="JURIS"), ["jurisdiction"], id="case-insensitive"),
        pytest.param(IssueFilters(q="nothing-like-this"), [], id="no match"),
        pytest.param(IssueFilters(basket="security", status="covered"), ["spam"], id="combined"),
    ],
)
def test_issue_list_filters(small_map, filters, expected):
    assert slugs(selectors.issue_list(filters)) == expected


def test_issue_list_filters_by_action_line_and_its_sub_lines(small_map, wanjiru):
    c7 = ActionLine.objects.create(code="C7", title="ICT applications")
    health = ActionLine.objects.create(code="C7.e-health", title="E-health", parent=c7)
    services.issue_update(issue=small_map["issues"]["spam"], actor=wanjiru, action_lines=[health])
    services.issue_update(issue=small_map["issues"]["connectivity"], actor=wanjiru,
                          action_lines=[c7])

    assert slugs(selectors.issue_list(IssueFilters(action_line="C7"))) == ["connectivity", "spam"]
    assert slugs(selectors.issue_list(IssueFilters(action_line="C7.e-health"))) == ["spam"]


def test_an_issue_matching_through_two_aspects_is_listed_once(small_map, wanjiru):
    services.aspect_create(issue=small_map["issues"]["spam"], slug="enforcement-tools",
                           title="Enforcement tools", actor=wanjiru)

    assert slugs(selectors.issue_list(IssueFilters(q="enforcement"))) == ["spam"]


def test_issue_list_reads_aspects_and_action_lines_in_a_fixed_number_of_queries(small_map,
                                                                                  wanjiru):
    def read():
        for issue in selectors.issue_list():
            _ = (issue.basket.name, [a.title for a in issue.aspects.all()],
                 [a.code for a in issue.action_lines.all()])

    few = count_queries(read)
    more_issues(6, wanjiru)

    assert count_queries(read) == few


def test_issue_get_prefetches_what_an_issue_page_shows(small_map):
    def read():
        issue = selectors.issue_get("connectivity")
        _ = (issue.basket.name, [a.slug for a in issue.aspects.all()],
             [(m.venue.name, m.aspect and m.aspect.slug) for m in issue.mandates.all()],
             list(issue.action_lines.all()))
        return issue

    assert count_queries(read) == 4
    assert [a.slug for a in read().aspects.all()] == ["affordability", "local-funds"]


def test_issue_get_raises_for_an_unknown_slug(small_map):
    with pytest.raises(Issue.DoesNotExist):
        selectors.issue_get("nowhere")


# ---- venues -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("arguments", "expected"),
    [
        pytest.param({}, ["anti-abuse-forum", "dialogue-forum", "regional-data-council",
                          "states-working-group"], id="everything, by name"),
        pytest.param({"reach": "regional"}, ["regional-data-council"], id="reach"),
        pytest.param({"kind": "multistakeholder"}, ["anti-abuse-forum", "dialogue-forum"],
                     id="kind"),
        pytest.param({"q": "aaf"}, ["anti-abuse-forum"], id="acronym"),
        pytest.param({"q": "states"}, ["states-working-group"], id="name"),
    ],
)
def test_venue_list_filters(small_map, arguments, expected):
    assert slugs(selectors.venue_list(**arguments)) == expected


def test_venue_list_counts_the_issues_each_venue_covers(small_map, wanjiru):
    forum = small_map["venues"]["anti-abuse-forum"]
    spam = small_map["issues"]["spam"]
    services.mandate_create(venue=forum, issue=spam, aspect=spam.aspects.get(), actor=wanjiru)
    services.mandate_create(venue=forum, issue=small_map["issues"]["jurisdiction"], actor=wanjiru)

    counts = {v.slug: v.issue_count for v in selectors.venue_list()}

    assert counts == {"anti-abuse-forum": 2, "dialogue-forum": 1, "regional-data-council": 1,
                      "states-working-group": 1}


def test_venue_list_reads_participation_in_a_fixed_number_of_queries(small_map, wanjiru):
    def read():
        for venue in selectors.venue_list():
            _ = ([(p.group.slug, p.mode) for p in venue.participation.all()],
                 list(venue.regions.all()), venue.parent)

    few = count_queries(read)
    everyone = {g: "member" for g in StakeholderGroup.objects.all()}
    for i in range(5):
        services.venue_create(slug=f"v{i}", name=f"V{i}", kind="network", reach="global",
                              participation=everyone, parent=small_map["venues"]["dialogue-forum"],
                              actor=wanjiru)

    assert count_queries(read) == few


def test_participation_matrix_lists_every_group_in_order(small_map):
    states = selectors.venue_get("states-working-group")
    groups = list(selectors.stakeholder_group_list())

    matrix = selectors.participation_matrix(states, groups)

    assert [(g.slug, mode, takes_part) for g, mode, takes_part in matrix] == [
        ("governments", "member", True),
        ("private_sector", "none", False),
        ("civil_society", "consulted", False),
        ("technical_community", "none", False),
        ("academia", "none", False),
        ("igos", "none", False),
    ]
    assert {"member", "open", "appointed"} == DEFAULT_TAKING_PART


def test_venue_get_raises_for_an_unknown_slug(small_map):
    with pytest.raises(Venue.DoesNotExist):
        selectors.venue_get("nowhere")


def test_basket_list_counts_issues(small_map):
    assert [(b.slug, b.issue_count) for b in selectors.basket_list()] == [
        ("security", 2), ("legal", 2), ("development", 1),
    ]


# ---- the gap report -----------------------------------------------------------------------------


def test_gap_report_gives_each_issue_its_status(small_map):
    report = selectors.gap_report()

    assert {slug: gap.status.value for slug, gap in report.issues.items()} == {
        "spam": "covered",
        "jurisdiction": "no_home",
        "data-flows": "home_not_global",
        "cyber-norms": "home_excludes_groups",
        "connectivity": "home_cannot_act",
    }
    assert [(g.issue, g.aspect) for g in report.issues["connectivity"].aspects] == [
        ("connectivity", "affordability")]


def test_an_issue_without_aspects_is_not_assessed(small_map, wanjiru):
    services.issue_create(slug="taxation", title="Taxation", basket=small_map["baskets"][0],
                          actor=wanjiru)

    report = selectors.gap_report()

    assert report.issues["taxation"].status is GapStatus.NOT_ASSESSED
    assert report.issues["taxation"].aspects == ()


def test_the_required_groups_are_the_default_groups(small_map, wanjiru):
    StakeholderGroup.objects.create(slug="youth", name="Youth", is_default=False, order=9)

    parameters = selectors.gap_parameters()

    assert parameters.required_groups == (
        "governments", "private_sector", "civil_society", "technical_community", "academia",
        "igos",
    )
    assert selectors.gap_report(use_cache=False).issues["spam"].status is GapStatus.COVERED


def test_a_group_made_required_changes_the_gaps(small_map):
    StakeholderGroup.objects.create(slug="youth", name="Youth", is_default=True, order=9)

    report = selectors.gap_report(use_cache=False)

    assert report.issues["spam"].status is GapStatus.HOME_EXCLUDES_GROUPS
    assert report.issues["spam"].aspects[0].groups_left_out == ("youth",)


def test_gap_report_takes_a_fixed_number_of_queries(small_map, wanjiru):
    few = count_queries(lambda: selectors.gap_report(use_cache=False))
    more_issues(5, wanjiru)

    assert count_queries(lambda: selectors.gap_report(use_cache=False)) == few


def test_gap_document_has_the_documented_shape(small_map):
    document = selectors.gap_document()

    assert (document["issues"], document["venues"], document["aspects"]) == (5, 4, 6)
    assert document["summary"] == {
        "covered": 1, "home_cannot_act": 1, "home_excludes_groups": 1, "home_not_global": 1,
        "no_home": 1,
    }
    assert {g["issue"]: g["status"] for g in document["gaps"]} == {
        "jurisdiction": "no_home", "data-flows": "home_not_global",
        "cyber-norms": "home_excludes_groups", "connectivity": "home_cannot_act",
    }
    for gap in document["gaps"]:
        assert set(gap) == {"issue", "aspect", "status", "reasons"}
        assert gap["reasons"] and all(isinstance(r, str) for r in gap["reasons"])
    assert document["parameters"]["taking_part"] == ["appointed", "member", "open"]
