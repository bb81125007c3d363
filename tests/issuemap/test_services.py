"""Every write to the map goes through a service that validates, records an event by the actor,
and on refusal names the field and changes nothing."""

from __future__ import annotations

import pytest
from django.db import transaction

from polycentric.accounts.models import Region, StakeholderGroup
from polycentric.core.errors import Conflict, ValidationFailed
from polycentric.core.models import Event
from polycentric.engines.gaps import GapStatus
from polycentric.issuemap import selectors, services
from polycentric.issuemap.models import ActionLine, Aspect, Basket, Issue, Mandate, Venue
from tests.issuemap import mapfiles
from tests.issuemap.mapfiles import database_counts

pytestmark = pytest.mark.django_db

people_once, reference = mapfiles.people_once, mapfiles.reference  # load the vocabularies once


def latest_event() -> Event:
    return Event.objects.order_by("-id").first()


@pytest.fixture
def legal(reference):
    return Basket.objects.create(slug="legal-affairs", name="Legal affairs")


@pytest.fixture
def c5(db):
    return ActionLine.objects.create(code="C5", title="Building confidence and security")


@pytest.fixture
def groups(reference):
    return {g.slug: g for g in StakeholderGroup.objects.all()}


# ---- issues -------------------------------------------------------------------------------------


def test_issue_create_records_who_created_it(wanjiru, legal, c5):
    issue = services.issue_create(slug="e-commerce", title="E-commerce", basket=legal,
                                  actor=wanjiru, action_lines=[c5], priority=2)

    assert Issue.objects.get(slug="e-commerce").basket == legal
    assert list(issue.action_lines.all()) == [c5]
    event = latest_event()
    assert (event.kind, event.actor, event.object_type, event.object_id) == (
        "map.issue.created", wanjiru, "issuemap.issue", str(issue.pk))
    assert event.payload == {"slug": "e-commerce", "basket": "legal-affairs"}


def test_an_anonymous_actor_is_recorded_as_the_system(reference, legal):
    services.issue_create(slug="e-commerce", title="E-commerce", basket=legal, actor=None)

    assert latest_event().actor is None


@pytest.mark.parametrize(
    ("values", "field"),
    [
        pytest.param({"slug": "Not A Slug"}, "slug", id="bad slug"),
        pytest.param({"slug": "spam"}, "slug", id="slug taken"),
        pytest.param({"title": ""}, "title", id="empty title"),
        pytest.param({"title": "x" * 201}, "title", id="title too long"),
        pytest.param({"status": "finished"}, "status", id="unknown status"),
        pytest.param({"priority": -1}, "priority", id="negative priority"),
    ],
)
def test_issue_create_refuses_bad_input_naming_the_field(small_map, wanjiru, legal, values, field):
    counts = database_counts()
    arguments = {"slug": "e-commerce", "title": "E-commerce", "basket": legal, **values}

    with pytest.raises(ValidationFailed) as caught:
        services.issue_create(actor=wanjiru, **arguments)

    assert field in caught.value.errors
    assert caught.value.status == 422
    assert database_counts() == counts


def test_issue_update_records_what_changed(small_map, ana, wanjiru):
    spam = small_map["issues"]["spam"]

    services.issue_update(issue=spam, actor=wanjiru, title="Spam and phishing", status="in_process")

    spam.refresh_from_db()
    assert (spam.title, spam.status) == ("Spam and phishing", "in_process")
    event = latest_event()
    assert (event.kind, event.actor) == ("map.issue.updated", wanjiru)
    assert sorted(event.payload["changed"]) == ["status", "title"]
    assert event.payload["title"] == "Spam and phishing"


def test_an_update_that_changes_nothing_records_nothing(small_map, wanjiru):
    spam = small_map["issues"]["spam"]
    before = Event.objects.count()

    services.issue_update(issue=spam, actor=wanjiru, title=spam.title, action_lines=[])

    assert Event.objects.count() == before


def test_issue_update_records_a_change_of_action_lines(small_map, wanjiru, c5):
    spam = small_map["issues"]["spam"]

    services.issue_update(issue=spam, actor=wanjiru, action_lines=[c5])

    assert list(spam.action_lines.all()) == [c5]
    assert latest_event().payload["changed"] == ["action_lines"]


@pytest.mark.parametrize(
    ("values", "field", "error"),
    [
        pytest.param({"slug": "jurisdiction"}, "slug", ValidationFailed, id="slug taken"),
        pytest.param({"slug": "Bad Slug"}, "slug", ValidationFailed, id="bad slug"),
        pytest.param({"title": ""}, "title", ValidationFailed, id="empty title"),
        pytest.param({"colour": "red"}, "colour", ValidationFailed, id="unknown field"),
        pytest.param({"created": None}, "created", ValidationFailed, id="not editable"),
    ],
)
def test_issue_update_refuses_bad_input_and_changes_nothing(small_map, wanjiru, values, field,
                                                            error):
    spam = small_map["issues"]["spam"]
    counts = database_counts()

    with pytest.raises(error) as caught:
        services.issue_update(issue=spam, actor=wanjiru, **{"title": "Changed", **values})

    assert field in caught.value.errors
    assert database_counts() == counts
    assert Issue.objects.get(pk=spam.pk).title == "Spam"
    assert (spam.slug, spam.title) == ("spam", "Spam"), "the caller's object is put back too"


# ---- aspects ------------------------------------------------------------------------------------


def test_aspect_create_records_the_event_and_orders_after_the_others(small_map, wanjiru):
    connectivity = small_map["issues"]["connectivity"]

    aspect = services.aspect_create(issue=connectivity, slug="submarine-cables",
                                    title="Submarine cables", actor=wanjiru)

    assert aspect.order == 2
    assert aspect.needs_global_policy is True
    event = latest_event()
    assert (event.kind, event.actor, event.object_id) == (
        "map.aspect.created", wanjiru, str(aspect.pk))
    assert event.payload == {"issue": "connectivity", "slug": "submarine-cables", "global": True}


def test_the_same_aspect_slug_may_serve_two_issues(small_map, wanjiru):
    aspect = services.aspect_create(issue=small_map["issues"]["spam"], slug="applicable-law",
                                    title="Applicable law", actor=wanjiru)

    assert Aspect.objects.filter(slug=aspect.slug).count() == 2


def test_aspect_create_refuses_a_slug_the_issue_already_has(small_map, wanjiru):
    counts = database_counts()

    with pytest.raises(ValidationFailed) as caught:
        services.aspect_create(issue=small_map["issues"]["spam"], slug="enforcement",
                               title="Again", actor=wanjiru)

    assert "slug" in caught.value.errors
    assert "enforcement" in caught.value.errors["slug"][0]
    assert database_counts() == counts


def test_aspect_update_records_the_event(small_map, wanjiru):
    aspect = Aspect.objects.get(slug="local-funds")

    services.aspect_update(aspect=aspect, actor=wanjiru, needs_global_policy=True)

    assert Aspect.objects.get(pk=aspect.pk).needs_global_policy is True
    event = latest_event()
    assert (event.kind, event.actor) == ("map.aspect.updated", wanjiru)
    assert event.payload == {"changed": ["needs_global_policy"], "issue": "connectivity"}


@pytest.mark.parametrize(
    ("values", "field"),
    [
        pytest.param({"slug": "affordability"}, "slug", id="slug taken in the issue"),
        pytest.param({"slug": "Local Funds"}, "slug", id="bad slug"),
        pytest.param({"title": ""}, "title", id="empty title"),
        pytest.param({"issue": None}, "issue", id="cannot move to another issue"),
    ],
)
def test_aspect_update_refuses_bad_input_and_changes_nothing(small_map, wanjiru, values, field):
    aspect = Aspect.objects.get(slug="local-funds")
    counts = database_counts()

    with pytest.raises(ValidationFailed) as caught:
        services.aspect_update(aspect=aspect, actor=wanjiru, **values)

    assert field in caught.value.errors
    assert database_counts() == counts
    assert Aspect.objects.get(pk=aspect.pk).slug == aspect.slug == "local-funds"


# ---- venues -------------------------------------------------------------------------------------


def test_venue_create_records_participation_and_regions(reference, wanjiru, groups, c5):
    african = Region.objects.get(scheme__slug="un", slug="african")

    venue = services.venue_create(
        slug="au", name="African Union", kind=Venue.Kind.REGIONAL, reach=Venue.Reach.REGIONAL,
        participation={groups["governments"]: "member", groups["civil_society"]: "observer"},
        regions=[african], action_lines=[c5], can_decide=True, actor=wanjiru,
    )

    venue = Venue.objects.get(pk=venue.pk)
    assert venue.can_decide is True
    assert list(venue.regions.all()) == [african]
    assert dict(venue.participation.values_list("group__slug", "mode")) == {
        "governments": "member", "civil_society": "observer"}
    event = latest_event()
    assert (event.kind, event.actor) == ("map.venue.created", wanjiru)
    assert event.payload["participation"] == {"governments": "member", "civil_society": "observer"}


@pytest.mark.parametrize(
    ("values", "field", "error"),
    [
        pytest.param({"kind": "club"}, "kind", ValidationFailed, id="unknown kind"),
        pytest.param({"reach": "galactic"}, "reach", ValidationFailed, id="unknown reach"),
        pytest.param({"slug": "anti-abuse-forum"}, "slug", ValidationFailed, id="slug taken"),
        pytest.param({"url": "not a link"}, "url", ValidationFailed, id="bad url"),
        pytest.param({"outputs": "sometimes"}, "outputs", ValidationFailed, id="unknown outputs"),
        pytest.param({"participation": "boss"}, "participation.civil_society", ValidationFailed,
                     id="unknown participation mode"),
        pytest.param({"colour": "red"}, "colour", ValidationFailed, id="unknown field"),
    ],
)
def test_venue_create_refuses_bad_input_and_changes_nothing(small_map, wanjiru, groups, values,
                                                            field, error):
    arguments = {"slug": "new-forum", "name": "New Forum", "kind": "multistakeholder",
                 "reach": "global", **values}
    if "participation" in values:
        arguments["participation"] = {groups["governments"]: "member",
                                      groups["civil_society"]: values["participation"]}
    counts = database_counts()

    with pytest.raises(error) as caught:
        services.venue_create(actor=wanjiru, **arguments)

    assert field in caught.value.errors
    assert database_counts() == counts


def test_venue_update_records_what_changed(small_map, wanjiru, groups):
    states = small_map["venues"]["states-working-group"]

    services.venue_update(venue=states, actor=wanjiru, name="States Group",
                          participation={groups["civil_society"]: "member"})

    states = Venue.objects.get(pk=states.pk)
    assert states.name == "States Group"
    assert states.participation.get(group__slug="civil_society").mode == "member"
    assert states.participation.get(group__slug="governments").mode == "member"
    event = latest_event()
    assert (event.kind, event.actor) == ("map.venue.updated", wanjiru)
    assert event.payload["changed"] == ["name", "participation"]


def test_venue_update_with_the_same_participation_records_nothing(small_map, wanjiru, groups):
    states = small_map["venues"]["states-working-group"]
    before = Event.objects.count()

    services.venue_update(venue=states, actor=wanjiru, regions=[],
                          participation={groups["governments"]: "member"})

    assert Event.objects.count() == before


def test_a_venue_cannot_be_its_own_parent_or_below_its_child(small_map, wanjiru):
    forum = small_map["venues"]["anti-abuse-forum"]
    chapter = services.venue_create(slug="aaf-africa", name="AAF Africa", kind="regional",
                                    reach="regional", parent=forum, actor=wanjiru)
    counts = database_counts()

    for parent in (forum, chapter):
        with pytest.raises(ValidationFailed) as caught:
            services.venue_update(venue=forum, actor=wanjiru, parent=parent)
        assert "parent" in caught.value.errors
    assert database_counts() == counts
    assert Venue.objects.get(pk=forum.pk).parent is None
    assert forum.parent is None


def test_venue_update_with_a_bad_participation_mode_changes_nothing(small_map, wanjiru, groups):
    states = small_map["venues"]["states-working-group"]
    counts = database_counts()

    with pytest.raises(ValidationFailed) as caught:
        services.venue_update(venue=states, actor=wanjiru, name="Renamed",
                              participation={groups["academia"]: "spectator"})

    assert list(caught.value.errors) == ["participation.academia"]
    assert database_counts() == counts
    assert Venue.objects.get(pk=states.pk).name == "States Working Group"


# ---- mandates -----------------------------------------------------------------------------------


def test_mandate_create_records_the_event(small_map, wanjiru):
    forum = small_map["venues"]["anti-abuse-forum"]
    jurisdiction = small_map["issues"]["jurisdiction"]
    law = jurisdiction.aspects.get(slug="applicable-law")

    mandate = services.mandate_create(venue=forum, issue=jurisdiction, aspect=law,
                                      extent="partial", source="https://example.org/m",
                                      actor=wanjiru)

    assert (mandate.aspect, mandate.extent) == (law, "partial")
    event = latest_event()
    assert (event.kind, event.actor, event.object_id) == (
        "map.mandate.created", wanjiru, str(mandate.pk))
    assert event.payload == {"venue": "anti-abuse-forum", "issue": "jurisdiction",
                             "aspect": "applicable-law", "extent": "partial"}


def test_mandate_create_refuses_an_aspect_of_another_issue(small_map, wanjiru):
    counts = database_counts()

    with pytest.raises(ValidationFailed) as caught:
        services.mandate_create(
            venue=small_map["venues"]["anti-abuse-forum"], issue=small_map["issues"]["spam"],
            aspect=Aspect.objects.get(slug="applicable-law"), actor=wanjiru)

    assert "aspect" in caught.value.errors
    assert database_counts() == counts


@pytest.mark.parametrize("aspect_slug", [None, "enforcement"], ids=["whole issue", "aspect"])
def test_mandate_create_refuses_a_duplicate(small_map, wanjiru, aspect_slug):
    forum = small_map["venues"]["anti-abuse-forum"]
    spam = small_map["issues"]["spam"]
    aspect = spam.aspects.get(slug=aspect_slug) if aspect_slug else None
    if aspect is not None:
        services.mandate_create(venue=forum, issue=spam, aspect=aspect, actor=wanjiru)
    counts = database_counts()

    with pytest.raises(Conflict) as caught:
        services.mandate_create(venue=forum, issue=spam, aspect=aspect, actor=wanjiru)

    assert "venue" in caught.value.errors
    assert caught.value.status == 409
    assert database_counts() == counts


@pytest.mark.parametrize(
    ("values", "field"),
    [
        pytest.param({"source": "example.org"}, "source", id="bad source link"),
        pytest.param({"extent": "mostly"}, "extent", id="unknown extent"),
    ],
)
def test_mandate_create_refuses_bad_fields(small_map, wanjiru, values, field):
    counts = database_counts()

    with pytest.raises(ValidationFailed) as caught:
        services.mandate_create(venue=small_map["venues"]["dialogue-forum"],
                                issue=small_map["issues"]["jurisdiction"], actor=wanjiru, **values)

    assert field in caught.value.errors
    assert database_counts() == counts


def test_mandate_update_records_the_event(small_map, wanjiru):
    mandate = Mandate.objects.get(venue__slug="states-working-group")

    services.mandate_update(mandate=mandate, actor=wanjiru, extent="partial", note="Only norms.")

    assert Mandate.objects.get(pk=mandate.pk).extent == "partial"
    event = latest_event()
    assert (event.kind, event.actor) == ("map.mandate.updated", wanjiru)
    assert sorted(event.payload["changed"]) == ["extent", "note"]


def test_mandate_update_refuses_an_aspect_of_another_issue(small_map, wanjiru):
    mandate = Mandate.objects.get(venue__slug="states-working-group")
    counts = database_counts()

    with pytest.raises(ValidationFailed) as caught:
        services.mandate_update(mandate=mandate, actor=wanjiru,
                                aspect=Aspect.objects.get(slug="enforcement"))

    assert "aspect" in caught.value.errors
    assert database_counts() == counts
    assert Mandate.objects.get(pk=mandate.pk).aspect is None


def test_mandate_update_refuses_to_become_a_duplicate(small_map, wanjiru):
    forum = small_map["venues"]["anti-abuse-forum"]
    norms = small_map["issues"]["cyber-norms"]
    services.mandate_create(venue=forum, issue=norms, actor=wanjiru)
    mandate = Mandate.objects.get(venue__slug="states-working-group")
    counts = database_counts()

    with pytest.raises(Conflict) as caught:
        services.mandate_update(mandate=mandate, actor=wanjiru, venue=forum)

    assert "venue" in caught.value.errors
    assert database_counts() == counts
    assert Mandate.objects.get(pk=mandate.pk).venue.slug == "states-working-group"
    assert mandate.venue.slug == "states-working-group"


def test_mandate_delete_records_the_event_and_removes_the_mandate(small_map, wanjiru):
    mandate = Mandate.objects.get(venue__slug="dialogue-forum")
    pk = mandate.pk

    services.mandate_delete(mandate=mandate, actor=wanjiru)

    assert not Mandate.objects.filter(pk=pk).exists()
    event = latest_event()
    assert (event.kind, event.actor, event.object_id) == ("map.mandate.deleted", wanjiru, str(pk))
    assert event.payload == {"venue": "dialogue-forum", "issue": "connectivity",
                             "aspect": "affordability"}


# ---- the gap report follows every write ---------------------------------------------------------


def test_the_cached_gap_report_is_replaced_after_a_write(small_map, wanjiru, monkeypatch):
    jurisdiction = small_map["issues"]["jurisdiction"]
    assert selectors.gap_report().issues["jurisdiction"].status is GapStatus.NO_HOME
    revision = selectors.map_revision()
    computed = []
    real = selectors._compute_gap_report
    monkeypatch.setattr(selectors, "_compute_gap_report",
                        lambda: computed.append(1) or real())

    selectors.gap_report()
    assert computed == [], "no write, so the cached report is served"

    services.mandate_create(venue=small_map["venues"]["anti-abuse-forum"], issue=jurisdiction,
                            actor=wanjiru)

    assert selectors.map_revision() > revision
    assert selectors.gap_report().issues["jurisdiction"].status is GapStatus.COVERED
    assert computed == [1]


@pytest.mark.parametrize("write", ["venue_update", "aspect_update", "mandate_delete"])
def test_each_kind_of_write_refreshes_the_gap_report(small_map, wanjiru, write):
    before = selectors.gap_report().issues["connectivity"].status
    assert before is GapStatus.HOME_CANNOT_ACT
    if write == "venue_update":
        services.venue_update(venue=small_map["venues"]["dialogue-forum"], actor=wanjiru,
                              can_recommend=True)
        expected = GapStatus.COVERED
    elif write == "aspect_update":
        services.aspect_update(aspect=Aspect.objects.get(slug="affordability"), actor=wanjiru,
                               needs_global_policy=False)
        expected = GapStatus.NOT_ASSESSED
    else:
        services.mandate_delete(mandate=Mandate.objects.get(venue__slug="dialogue-forum"),
                                actor=wanjiru)
        expected = GapStatus.NO_HOME

    assert selectors.gap_report().issues["connectivity"].status is expected


def test_a_rolled_back_map_never_serves_its_cached_report(reference, legal, wanjiru):
    """On SQLite a rolled-back transaction hands out the same event ids again."""
    savepoint = transaction.savepoint()
    services.issue_create(slug="first", title="First", basket=legal, actor=wanjiru)
    assert list(selectors.gap_report().issues) == ["first"]
    transaction.savepoint_rollback(savepoint)

    services.issue_create(slug="second", title="Second", basket=legal, actor=wanjiru)

    assert list(selectors.gap_report().issues) == ["second"]
