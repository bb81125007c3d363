"""The round pages: list, a round while open (counts only) and once closed (results), the
facilitators' forms and the ballot form, which works without JavaScript."""

from __future__ import annotations

import re

import pytest
from django.test import Client
from django.urls import reverse

from polycentric.coordination import services
from polycentric.coordination.models import PrioritisationRound, RoundBallot
from tests.conftest import login
from tests.coordination.conftest import close, shift

pytestmark = pytest.mark.django_db

FORM_TIME = "%Y-%m-%dT%H:%M"


def round_form(small_map, **values):
    data = {
        "body": "", "title": "Priorities 2027", "slug": "priorities-2027",
        "description": "Which issues first?",
        "candidates": ["spam", "jurisdiction", "data-flows"], "ballot_kind": "ranking",
        "method": "schulze", "balance": "group", "max_score": "5",
        "opens_at": shift(31).strftime(FORM_TIME), "closes_at": shift(45).strftime(FORM_TIME),
    }
    data.update(values)
    return data


# ---- reading ----------------------------------------------------------------------------------


def test_the_list_shows_every_round_with_its_status(make_round, client):
    make_round("open", title="Open round")
    make_round("announced", title="Coming round")

    page = client.get(reverse("coordination:rounds")).content.decode()

    assert "Open round" in page and "Coming round" in page
    assert 'class="round-status open"' in page and 'class="round-status announced"' in page
    assert "Announce a new round" not in page


def test_an_open_round_shows_counts_by_group_and_region_never_the_ballots(make_round, ana,
                                                                          wanjiru, client):
    round_ = make_round("open")
    services.ballot_cast(round=round_, actor=ana, ranking=[["cyber-norms"]])
    services.ballot_cast(round=round_, actor=wanjiru, ranking=[["spam"]])

    response = client.get(round_.get_absolute_url())
    page = response.content.decode()

    assert response.status_code == 200
    assert "2 ballots so far." in page
    assert re.search(r"Civil society</th><td class=\"number\">1<", page)
    assert re.search(r"African Group</th><td class=\"number\">1<", page)
    assert "Ana" not in page and "Wanjiru" not in page
    assert 'id="results"' not in page
    assert "will be published here when the round closes" in page


def test_a_closed_round_is_counted_on_first_view_and_shows_results(make_round, ana, wanjiru,
                                                                   arjun, client):
    round_ = make_round("open")
    services.ballot_cast(round=round_, actor=ana, ranking=[["jurisdiction"], ["spam"]])
    services.ballot_cast(round=round_, actor=wanjiru, ranking=[["spam"], ["jurisdiction"]])
    services.ballot_cast(round=round_, actor=arjun, ranking=[["spam", "jurisdiction"]])
    close(round_)
    assert round_.results is None

    page = client.get(round_.get_absolute_url()).content.decode()

    round_.refresh_from_db()
    assert round_.results_computed_at is not None
    assert 'id="results"' in page
    assert "Each stakeholder group&#x27;s own order" in page or "own order" in page
    assert '<svg xmlns="http://www.w3.org/2000/svg"' in page
    assert 'role="img"' in page and "agreement-chart-title" in page
    assert "Agreement between the groups" in page  # the table alternative
    assert reverse("coordination:route", args=["spam"]) in page


def test_an_unknown_round_is_404(client):
    assert client.get(reverse("coordination:round", args=["nope"])).status_code == 404


def test_the_round_page_makes_a_fixed_number_of_queries(make_round, client, reference,
                                                        django_assert_max_num_queries, ana,
                                                        wanjiru):
    round_ = make_round("open")
    services.ballot_cast(round=round_, actor=ana, ranking=[["spam"]])
    services.ballot_cast(round=round_, actor=wanjiru, ranking=[["spam"]])
    close(round_)
    client.get(round_.get_absolute_url())  # counts the results once
    with django_assert_max_num_queries(12):
        client.get(round_.get_absolute_url())


# ---- facilitators' forms ----------------------------------------------------------------------


def test_a_facilitator_announces_a_round_through_the_form(coordination_council, small_map, fatou):
    client = login(fatou)
    form = client.get(reverse("coordination:round_create")).content.decode()
    assert "Coordination Council" in form

    response = client.post(reverse("coordination:round_create"),
                           round_form(small_map, body=coordination_council.pk))

    assert response.status_code == 302
    round_ = PrioritisationRound.objects.get()
    assert response["Location"] == round_.get_absolute_url()
    assert round_.candidates.count() == 3


def test_too_little_notice_reprints_the_form_with_the_problem_on_the_field(
        coordination_council, small_map, fatou):
    response = login(fatou).post(reverse("coordination:round_create"), round_form(
        small_map, body=coordination_council.pk, opens_at=shift(10).strftime(FORM_TIME)))

    assert response.status_code == 422
    page = response.content.decode()
    assert 'href="#id_opens_at"' in page
    assert "at least 30 days after it is announced" in page
    assert not PrioritisationRound.objects.exists()


def test_participants_may_not_create_rounds_anonymous_visitors_log_in_first(
        coordination_council, small_map, participant_client, client):
    url = reverse("coordination:round_create")
    assert participant_client.get(url).status_code == 403
    assert participant_client.post(url, round_form(
        small_map, body=coordination_council.pk)).status_code == 403
    response = client.get(url)
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]
    assert not PrioritisationRound.objects.exists()


def test_editing_an_open_round_changes_only_what_may_change(make_round, fatou, small_map):
    round_ = make_round("open")
    client = login(fatou)
    url = reverse("coordination:round_edit", args=[round_.slug])
    page = client.get(url).content.decode()
    assert re.search(r'name="method"[^>]*disabled', page)

    response = client.post(url, round_form(small_map, title="Renamed", slug=round_.slug,
                                           closes_at=shift(20).strftime(FORM_TIME)))

    assert response.status_code == 302
    round_.refresh_from_db()
    assert round_.title == "Renamed"
    assert round_.method == "schulze"


def test_editing_is_for_the_bodys_facilitators(make_round, participant_client):
    round_ = make_round("announced")
    url = reverse("coordination:round_edit", args=[round_.slug])
    assert participant_client.get(url).status_code == 403
    assert participant_client.post(url, {"title": "Hijacked"}).status_code == 403
    round_.refresh_from_db()
    assert round_.title != "Hijacked"


# ---- the ballot form ----------------------------------------------------------------------------


def test_a_ranking_ballot_by_place_numbers_with_a_tie(make_round, participant_client):
    round_ = make_round("open")
    url = reverse("coordination:ballot", args=[round_.slug])
    form = participant_client.get(url).content.decode()
    assert 'name="rank_spam"' in form and 'type="number"' in form
    assert '<label for="id_rank_spam">Spam</label>' in form

    response = participant_client.post(url, {"rank_spam": "1", "rank_jurisdiction": "2",
                                              "rank_data-flows": "1", "rank_cyber-norms": ""})

    assert response.status_code == 302
    assert RoundBallot.objects.get().ranking == [["data-flows", "spam"], ["jurisdiction"]]
    again = participant_client.get(url).content.decode()
    assert re.search(r'name="rank_jurisdiction" value="2"', again)
    assert "Change my ballot" in again


def test_an_empty_ranking_is_refused_and_changes_nothing(make_round, participant_client):
    round_ = make_round("open")
    response = participant_client.post(reverse("coordination:ballot", args=[round_.slug]),
                                       {"rank_spam": ""})
    assert response.status_code == 422
    assert "Give at least one issue a place" in response.content.decode()
    assert not RoundBallot.objects.exists()


def test_a_place_out_of_range_names_the_issue(make_round, participant_client):
    round_ = make_round("open")
    response = participant_client.post(reverse("coordination:ballot", args=[round_.slug]),
                                       {"rank_spam": "9"})
    assert response.status_code == 422
    assert 'href="#id_rank_spam"' in response.content.decode()


def test_approval_and_score_ballots(make_round, participant_client):
    approval = make_round("open", ballot_kind="approval", method="approval")
    url = reverse("coordination:ballot", args=[approval.slug])
    assert 'type="checkbox"' in participant_client.get(url).content.decode()
    assert participant_client.post(url, {"approvals": ["spam", "jurisdiction"]}
                                   ).status_code == 302
    assert RoundBallot.objects.get(round=approval).approvals == ["jurisdiction", "spam"]

    score = make_round("open", ballot_kind="score", method="borda")
    url = reverse("coordination:ballot", args=[score.slug])
    assert participant_client.post(url, {"score_spam": "4", "score_jurisdiction": "0"}
                                   ).status_code == 302
    assert RoundBallot.objects.get(round=score).scores == {"jurisdiction": 0, "spam": 4}
    assert participant_client.post(url, {"score_spam": "6"}).status_code == 422


def test_no_ballot_after_the_close(make_round, participant_client):
    round_ = close(make_round("open"))
    url = reverse("coordination:ballot", args=[round_.slug])
    assert "has closed" in participant_client.get(url).content.decode()
    response = participant_client.post(url, {"rank_spam": "1"})
    assert response.status_code == 409
    assert not RoundBallot.objects.exists()


def test_the_ballot_form_needs_a_participant(make_round, client):
    round_ = make_round("open")
    url = reverse("coordination:ballot", args=[round_.slug])
    response = client.get(url)
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]
    assert Client().post(url, {"rank_spam": "1"}).status_code == 302
    assert not RoundBallot.objects.exists()
