"""Public pages about people: participant pages, the people list, groups and regions."""

import pytest
from django.contrib.auth.models import User
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from polycentric.accounts.models import Country, Participant, StakeholderGroup
from polycentric.accounts.views import PEOPLE_PER_PAGE

PEOPLE = reverse("accounts:people")


def _html(response):
    return response.content.decode()


def test_a_participant_page_shows_the_public_declaration_and_no_email(client, ana):
    Participant.objects.filter(user=ana).update(
        organisation="Coalizão Direitos na Rede", languages="Português, English",
        constituency="Brazilian digital rights organisations",
    )
    response = client.get(reverse("accounts:participant", args=[ana.participant.pk]))

    assert response.status_code == 200
    html = _html(response)
    for text in ("Ana", "Civil society", "Brazil", "Latin American and Caribbean Group (GRULAC)",
                 "Latin America/Caribbean islands", "Coalizão Direitos na Rede", "Português, English",
                 "Brazilian digital rights organisations"):
        assert text in html, text
    assert "ana@example.org" not in html
    assert "Edit your profile" not in html


def test_a_participant_sees_a_link_to_edit_on_their_own_page(participant_client, ana):
    html = _html(participant_client.get(ana.participant.get_absolute_url()))
    assert "Edit your profile" in html


def test_an_undeclared_participant_page_says_so(client, db, reference):
    user = User.objects.create_user("quiet")
    participant = Participant.objects.create(user=user, display_name="Quiet Person")
    html = _html(client.get(participant.get_absolute_url()))
    assert "Quiet Person" in html and "not declared" in html


@pytest.mark.parametrize("pk", [999999])
def test_an_unknown_participant_is_not_found(client, reference, pk):
    assert client.get(reverse("accounts:participant", args=[pk])).status_code == 404


def test_a_deactivated_participant_is_not_shown(client, ana):
    ana.is_active = False
    ana.save()
    assert client.get(ana.participant.get_absolute_url()).status_code == 404
    assert "Ana" not in _html(client.get(PEOPLE)).split("<main", 1)[1]


def test_the_people_list_shows_everyone_with_links(client, ana, arjun, wanjiru):
    response = client.get(PEOPLE)
    assert response.status_code == 200
    html = _html(response)
    assert "3 participants" in html
    for person in (ana, arjun, wanjiru):
        assert person.participant.get_absolute_url() in html
    assert "Technical community" in html and "India" in html


def test_the_people_list_filters_by_group_and_country(client, ana, arjun, wanjiru):
    by_group = client.get(PEOPLE, {"group": "governments"})
    assert [p.display_name for p in by_group.context["page_obj"]] == ["Wanjiru"]
    by_country = client.get(PEOPLE, {"country": "IN"})
    assert [p.display_name for p in by_country.context["page_obj"]] == ["Arjun"]
    both = client.get(PEOPLE, {"group": "governments", "country": "IN"})
    assert list(both.context["page_obj"]) == []
    assert "No participants match" in _html(both)


@pytest.mark.parametrize(("params", "field"), [({"group": "astronauts"}, "group"),
                                               ({"country": "ZZ"}, "country")])
def test_an_unknown_filter_value_is_a_field_error(client, ana, params, field):
    response = client.get(PEOPLE, params)
    assert response.status_code == 400
    assert field in response.context["form"].errors
    assert f'id="id_{field}_error"' in _html(response)


def _people(count: int) -> None:
    group = StakeholderGroup.objects.get(slug="academia")
    country = Country.objects.get(code="KE")
    start = User.objects.count()
    for n in range(start, start + count):
        user = User.objects.create_user(f"person{n:03d}")
        Participant.objects.create(user=user, display_name=f"Person {n:03d}",
                                   stakeholder_group=group, country=country)


def test_the_people_list_is_paginated_and_keeps_its_filters(client, reference):
    _people(PEOPLE_PER_PAGE + 5)
    first = client.get(PEOPLE, {"group": "academia"})
    assert len(first.context["page_obj"]) == PEOPLE_PER_PAGE
    html = _html(first)
    assert "Page 1 of 2" in html
    assert "?group=academia&amp;page=2" in html
    second = client.get(PEOPLE, {"group": "academia", "page": 2})
    assert len(second.context["page_obj"]) == 5
    assert client.get(PEOPLE, {"page": "999"}).status_code == 200  # out of range: last page


def test_the_people_list_makes_the_same_number_of_queries_for_3_and_30_people(client, reference):
    def queries_for_page() -> int:
        with CaptureQueriesContext(connection) as queries:
            assert client.get(PEOPLE).status_code == 200
        return len(queries)

    _people(3)
    few = queries_for_page()
    _people(27)
    assert queries_for_page() == few


def test_the_stakeholder_groups_page(client, ana):
    response = client.get(reverse("accounts:groups"))
    assert response.status_code == 200
    html = _html(response)
    for name in ("Governments", "Private sector", "Civil society", "Technical community",
                 "Academia", "Intergovernmental organisations"):
        assert name in html
    assert f"{PEOPLE}?group=civil_society" in html


def test_the_regions_page_lists_both_schemes_with_their_source(client, reference):
    response = client.get(reverse("accounts:regions"))
    assert response.status_code == 200
    html = _html(response)
    assert "United Nations regional groups" in html and "ICANN geographic regions" in html
    assert "regional-groups" in html  # the UN source address
    assert "Board resolution 00.64" in html  # the ICANN source
    assert reverse("accounts:region_scheme", args=["icann"]) in html


@pytest.mark.parametrize(("scheme", "region", "country", "elsewhere"), [
    ("un", "african", "Kenya", "Brazil"),
    ("icann", "north_america", "Puerto Rico", "Mexico"),
])
def test_a_region_scheme_page_lists_the_countries_of_each_region(
    client, reference, scheme, region, country, elsewhere
):
    response = client.get(reverse("accounts:region_scheme", args=[scheme]))
    assert response.status_code == 200
    html = _html(response)
    section = html.split(f'<h2 id="region-{region}">', 1)[1].split("</section>", 1)[0]
    assert f">{country}</a>" in section
    assert f">{elsewhere}</a>" not in section
    assert f">{elsewhere}</a>" in html


def test_an_unknown_region_scheme_is_not_found(client, reference):
    assert client.get(reverse("accounts:region_scheme", args=["galactic"])).status_code == 404
