"""The route pages: the recommendation with its reasons, recomputing, and adopting."""

from __future__ import annotations

import pytest
from django.urls import reverse

from polycentric.coordination import services
from polycentric.coordination.models import Route
from tests.conftest import login
from tests.coordination.conftest import close

pytestmark = pytest.mark.django_db


def test_before_any_route_is_recorded_the_page_shows_a_preview(routing_map, client):
    response = client.get(reverse("coordination:route", args=["jurisdiction"]))
    page = response.content.decode()

    assert response.status_code == 200
    assert "What the map recommends now" in page
    assert "A new ad hoc multistakeholder working group" in page
    assert "Draft charter of the working group" in page
    assert page.count('class="principle-verdict pass"') == 4
    assert "governments-african" in page
    assert 'action="/issues/jurisdiction/route/compute/"' not in page  # not for visitors
    assert not Route.objects.exists()


def test_a_facilitator_records_then_adopts_the_route(routing_map, make_round, fatou):
    close(make_round("open"))
    client = login(fatou)
    url = reverse("coordination:route", args=["cyber-norms"])
    assert "Record this recommendation" in client.get(url).content.decode()

    response = client.post(reverse("coordination:route_compute", args=["cyber-norms"]), {})
    assert response.status_code == 302 and response["Location"] == url
    route = Route.objects.get()
    page = client.get(url).content.decode()
    assert "Several venues together" in page
    assert "Civic Network" in page and "brings in governments" in page
    assert f'action="/issues/cyber-norms/route/{route.pk}/adopt/"' in page

    response = client.post(reverse("coordination:route_adopt", args=["cyber-norms", route.pk]),
                           {"note": "Adopted at the 3rd meeting."})
    assert response.status_code == 302
    route.refresh_from_db()
    assert route.adopted and route.adoption_note == "Adopted at the 3rd meeting."
    page = client.get(url).content.decode()
    assert "Adopted route" in page and "Adopted at the 3rd meeting." in page
    listing = client.get(reverse("coordination:routes")).content.decode()
    assert "Cyber norms" in listing


def test_computing_and_adopting_need_the_right_people(routing_map, participant_client, client,
                                                     wanjiru):
    compute = reverse("coordination:route_compute", args=["spam"])
    assert participant_client.post(compute, {}).status_code == 403
    assert client.post(compute, {}).status_code == 302  # to the login page
    assert not Route.objects.exists()

    route = services.route_compute(issue=routing_map["issues"]["spam"], actor=wanjiru)
    adopt = reverse("coordination:route_adopt", args=["spam", route.pk])
    assert participant_client.post(adopt, {"note": "x"}).status_code == 403
    assert client.post(adopt, {}).status_code == 302
    route.refresh_from_db()
    assert not route.adopted


def test_adopting_a_stale_route_is_refused_on_the_page(routing_map, editor_client, wanjiru):
    old = services.route_compute(issue=routing_map["issues"]["spam"], actor=wanjiru)
    services.route_compute(issue=routing_map["issues"]["spam"], actor=wanjiru)

    response = editor_client.post(reverse("coordination:route_adopt", args=["spam", old.pk]), {})

    assert response.status_code == 409
    assert "newer recommendation" in response.content.decode()
    assert not Route.objects.filter(adopted=True).exists()


def test_a_bad_round_choice_is_refused_naming_the_field(routing_map, editor_client):
    response = editor_client.post(reverse("coordination:route_compute", args=["spam"]),
                                  {"round": "no-such-round"})
    assert response.status_code == 422
    assert 'href="#id_round"' in response.content.decode()
    assert not Route.objects.exists()


def test_unknown_issue_or_route_is_404(routing_map, editor_client):
    assert editor_client.get(reverse("coordination:route", args=["nope"])).status_code == 404
    assert editor_client.post(reverse("coordination:route_adopt", args=["spam", 999])
                              ).status_code == 404


def test_get_is_not_allowed_on_the_write_urls(routing_map, editor_client):
    assert editor_client.get(reverse("coordination:route_compute", args=["spam"])
                             ).status_code == 405
