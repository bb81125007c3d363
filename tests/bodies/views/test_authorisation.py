"""Every bodies page: anyone reads; only editors reach the forms (anonymous visitors are sent to
log in, participants are refused with 403)."""

from __future__ import annotations

import pytest

from polycentric.bodies import services
from tests.bodies.support import TERM_START

pytestmark = pytest.mark.django_db

READ_PAGES = ["/bodies/", "/bodies/council/", "/bodies/council/body.yaml",
              "/bodies/council/?whatif-rule=consensus"]
EDITOR_PAGES = ["/bodies/new/", "/bodies/upload/", "/bodies/council/edit/",
                "/bodies/council/members/new/", "/bodies/council/members/{member}/end/"]


@pytest.fixture
def member(council, wanjiru, ana):
    return services.member_add(body=council, seat_entry=council.seat_entries.get(name="ngos"),
                               participant=ana.participant, start=TERM_START, actor=wanjiru)


@pytest.mark.parametrize("url", READ_PAGES)
@pytest.mark.parametrize("client_name", ["anon", "participant_client", "editor_client"])
def test_everyone_reads(request, council, client_name, url):
    client = request.getfixturevalue(client_name)

    assert client.get(url).status_code == 200


@pytest.mark.parametrize("url", EDITOR_PAGES)
def test_anonymous_visitors_are_sent_to_log_in(anon, member, url):
    url = url.format(member=member.pk)

    for response in (anon.get(url), anon.post(url, {})):
        assert response.status_code == 302
        assert response["Location"].startswith("/accounts/login/")


@pytest.mark.parametrize("url", EDITOR_PAGES)
def test_participants_are_refused(participant_client, member, url):
    url = url.format(member=member.pk)

    for response in (participant_client.get(url), participant_client.post(url, {})):
        assert response.status_code == 403
        assert "Only editors can change bodies" in response.content.decode()


@pytest.mark.parametrize("url", EDITOR_PAGES)
def test_editors_reach_every_form(editor_client, member, url):
    assert editor_client.get(url.format(member=member.pk)).status_code == 200


def test_editors_see_the_edit_links_and_others_do_not(anon, participant_client, editor_client,
                                                      council):
    assert "/bodies/council/edit/" in editor_client.get("/bodies/council/").content.decode()
    for client in (anon, participant_client):
        assert "/bodies/council/edit/" not in client.get("/bodies/council/").content.decode()
