"""Editors create and edit venues, with participation per stakeholder group, regions and
action lines."""

from __future__ import annotations

import pytest

from polycentric.accounts.models import Region
from polycentric.core.models import Event
from polycentric.issuemap.models import Participation, Venue
from tests.issuemap.views.support import rows_of, text_of

pytestmark = pytest.mark.django_db

GROUPS = ("governments", "private_sector", "civil_society", "technical_community", "academia",
          "igos")


def venue_data(**overrides: object) -> dict[str, object]:
    data = {
        "name": "African Internet Policy Forum", "acronym": "AIPF", "slug": "aipf",
        "kind": "multistakeholder", "description": "A regional forum.", "reach": "regional",
        "regions": [str(Region.objects.get(scheme__slug="un", slug="african").pk)],
        "outputs": "not_binding", "can_recommend": "on", "parent": "", "action_lines": [],
        "url": "https://aipf.example.org", "source": "",
        **{f"participation_{g}": "open" for g in GROUPS},
    }
    data.update(overrides)
    return data


def test_an_editor_creates_a_venue_with_participation(editor_client, small_map, wanjiru,
                                                      wsis_lines):
    response = editor_client.post("/venues/new/", venue_data(
        participation_governments="member", participation_igos="observer",
        action_lines=["C9"], parent="anti-abuse-forum",
    ), follow=True)

    assert response.redirect_chain == [("/venues/aipf/", 302)]
    venue = Venue.objects.get(slug="aipf")
    modes = dict(venue.participation.values_list("group__slug", "mode"))
    assert modes == {"governments": "member", "private_sector": "open", "civil_society": "open",
                     "technical_community": "open", "academia": "open", "igos": "observer"}
    assert [r.slug for r in venue.regions.all()] == ["african"]
    assert venue.parent.slug == "anti-abuse-forum" and venue.can_recommend and not venue.can_decide
    assert list(venue.action_lines.values_list("code", flat=True)) == ["C9"]
    assert Event.objects.get(kind="map.venue.created", object_id=str(venue.pk)).actor == wanjiru
    assert "Venue “African Internet Policy Forum” created." in response.content.decode()
    assert "Intergovernmental organisations Observer ✗ No" in rows_of(response, "matrix participation")


def test_the_form_has_one_labelled_select_per_stakeholder_group(editor_client, small_map):
    html = editor_client.get("/venues/new/").content.decode()

    for group in GROUPS:
        assert f'<label for="id_participation_{group}">' in html
        assert f'<select name="participation_{group}"' in html
    assert "<legend>Participation by stakeholder group</legend>" in html


def test_bad_input_is_shown_next_to_the_fields_and_nothing_is_saved(editor_client, small_map):
    events = Event.objects.count()

    response = editor_client.post("/venues/new/", venue_data(
        name="", kind="club", reach="regional", regions=[], url="not a web address",
        participation_civil_society="sometimes", parent="atlantis",
    ))

    assert response.status_code == 422
    errors = response.context["form"].errors
    assert set(errors) == {"name", "kind", "regions", "url", "participation_civil_society",
                           "parent"}
    assert errors["participation_civil_society"] == [
        "Unknown participation mode “sometimes”: choose one from the list."]
    assert errors["regions"] == ["Choose the regions a regional or national venue covers."]
    html = response.content.decode()
    assert 'id="id_participation_civil_society_error"' in html
    assert 'aria-describedby="id_participation_civil_society_error"' in html
    assert not Venue.objects.filter(slug="aipf").exists() and Event.objects.count() == events


def test_a_taken_slug_is_refused(editor_client, small_map):
    response = editor_client.post("/venues/new/", venue_data(slug="dialogue-forum"))

    assert response.status_code == 422
    assert response.context["form"].errors["slug"] == ["Venue with this Slug already exists."]


def test_the_edit_form_shows_the_stored_participation(editor_client, small_map):
    html = editor_client.get("/venues/states-working-group/edit/").content.decode()

    governments = html.split('name="participation_governments"', 1)[1].split("</select>", 1)[0]
    civil = html.split('name="participation_civil_society"', 1)[1].split("</select>", 1)[0]
    assert '<option value="member" selected>' in governments
    assert '<option value="consulted" selected>' in civil
    assert '<option value="states-working-group"' not in html  # not its own parent


def test_opening_a_venue_to_every_group_closes_the_gap(editor_client, small_map, wanjiru):
    response = editor_client.post("/venues/states-working-group/edit/", venue_data(
        name="States Working Group", acronym="", slug="states-working-group",
        kind="intergovernmental", reach="global", regions=[], url="",
        **{f"participation_{g}": "member" for g in GROUPS},
    ), follow=True)

    assert response.redirect_chain == [("/venues/states-working-group/", 302)]
    venue = Venue.objects.get(slug="states-working-group")
    assert set(venue.participation.values_list("mode", flat=True)) == {"member"}
    assert Participation.objects.filter(venue=venue).count() == 6
    event = Event.objects.get(kind="map.venue.updated", object_id=str(venue.pk))
    assert "participation" in event.payload["changed"] and event.actor == wanjiru
    assert "Gap status: Covered" in text_of(editor_client.get("/issues/cyber-norms/"))


def test_a_venue_cannot_sit_below_its_own_part(editor_client, small_map, wanjiru):
    from polycentric.issuemap import services

    forum = small_map["venues"]["anti-abuse-forum"]
    services.venue_update(venue=small_map["venues"]["dialogue-forum"], parent=forum, actor=wanjiru)

    response = editor_client.post("/venues/anti-abuse-forum/edit/", venue_data(
        name="Anti-Abuse Forum", slug="anti-abuse-forum", reach="global", regions=[],
        parent="dialogue-forum",
    ))

    assert response.status_code == 422
    assert "cannot be its own ancestor" in response.context["form"].errors["parent"][0]
    assert Venue.objects.get(pk=forum.pk).parent is None
