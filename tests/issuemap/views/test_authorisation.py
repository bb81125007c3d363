"""Every map route: anyone reads; anonymous visitors who try to write are sent to log in;
participants who are not editors get 403; editors may write. A refused request changes nothing."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import pytest

from polycentric.accounts.models import Region
from polycentric.core.models import Event
from polycentric.issuemap.models import Mandate

pytestmark = pytest.mark.django_db

READ_ROUTES = [
    "/issues/", "/issues/spam/", "/venues/", "/venues/anti-abuse-forum/", "/gaps/",
    "/action-lines/",
]


@dataclass(frozen=True)
class Write:
    name: str
    method: str
    path: str
    data: Any = None  # a dict, or a function of the small map giving one


def _mandate(small_map) -> Mandate:
    return Mandate.objects.get(issue__slug="connectivity")


def _venue_data(small_map) -> dict[str, object]:
    data = {"name": "Open Forum", "slug": "open-forum", "kind": "multistakeholder",
            "reach": "regional", "outputs": "not_binding", "can_recommend": "on",
            "regions": [str(Region.objects.get(scheme__slug="un", slug="grulac").pk)]}
    data.update({f"participation_{g}": "open" for g in
                 ("governments", "private_sector", "civil_society", "technical_community",
                  "academia", "igos")})
    return data


ISSUE = {"title": "Digital taxes", "slug": "spam", "basket": "security", "status": "open"}
ASPECT = {"title": "Cross-border enforcement", "slug": "enforcement", "order": "0"}
MANDATE = {"venue": "dialogue-forum", "aspect": "affordability", "extent": "partial"}

WRITES = [
    Write("new issue form", "get", "/issues/new/"),
    Write("create issue", "post", "/issues/new/",
          {"title": "Digital taxes", "slug": "digital-taxes", "basket": "legal", "status": "open"}),
    Write("edit issue form", "get", "/issues/spam/edit/"),
    Write("edit issue", "post", "/issues/spam/edit/", {**ISSUE, "summary": "Bulk mail."}),
    Write("new aspect form", "get", "/issues/spam/aspects/new/"),
    Write("add aspect", "post", "/issues/spam/aspects/new/",
          {"title": "Botnets", "slug": "botnets", "needs_global_policy": "on"}),
    Write("edit aspect form", "get", "/issues/spam/aspects/enforcement/edit/"),
    Write("edit aspect", "post", "/issues/spam/aspects/enforcement/edit/",
          {**ASPECT, "description": "Chasing senders abroad."}),
    Write("new venue form", "get", "/venues/new/"),
    Write("create venue", "post", "/venues/new/", _venue_data),
    Write("edit venue form", "get", "/venues/regional-data-council/edit/"),
    Write("edit venue", "post", "/venues/regional-data-council/edit/",
          lambda m: {**_venue_data(m), "name": "Regional Data Council",
                     "slug": "regional-data-council", "can_decide": "on"}),
    Write("new mandate form", "get", "/mandates/new/?issue=jurisdiction"),
    Write("add mandate", "post", "/mandates/new/?issue=jurisdiction",
          {"venue": "dialogue-forum", "extent": "full"}),
    Write("edit mandate form", "get", "/mandates/{mandate}/edit/"),
    Write("edit mandate", "post", "/mandates/{mandate}/edit/", MANDATE),
    Write("delete mandate", "post", "/mandates/{mandate}/delete/"),
]


def _send(client, write: Write, small_map):
    path = write.path.format(mandate=_mandate(small_map).pk)
    data = write.data(small_map) if callable(write.data) else (write.data or {})
    return getattr(client, write.method)(path, data) if write.method == "post" else client.get(path)


@pytest.mark.parametrize("path", READ_ROUTES)
def test_anyone_reads_the_map(anon, participant_client, small_map, path):
    assert anon.get(path).status_code == 200
    assert participant_client.get(path).status_code == 200


@pytest.mark.parametrize("write", WRITES, ids=lambda w: w.name)
def test_anonymous_visitors_are_sent_to_log_in(anon, small_map, write):
    events = Event.objects.count()

    response = _send(anon, write, small_map)

    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/?next=")
    assert Event.objects.count() == events


@pytest.mark.parametrize("write", WRITES, ids=lambda w: w.name)
def test_participants_who_are_not_editors_are_refused(participant_client, small_map, write):
    events = Event.objects.count()

    response = _send(participant_client, write, small_map)

    assert response.status_code == 403
    assert "Only editors can change the map" in response.content.decode()
    assert Event.objects.count() == events


@pytest.mark.parametrize("write", WRITES, ids=lambda w: w.name)
def test_editors_may_write(editor_client, small_map, write):
    events = Event.objects.count()

    response = _send(editor_client, write, small_map)

    if write.method == "get":
        assert response.status_code == 200
    else:
        assert response.status_code == 302, getattr(response, "context", {}) and response.context[
            "form"].errors
        assert Event.objects.count() > events


def test_an_administrator_may_write(admin_user, small_map):
    from django.test import Client

    client = Client()
    client.force_login(admin_user)

    assert client.get("/issues/new/").status_code == 200
