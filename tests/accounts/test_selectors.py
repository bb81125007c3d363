from django.db import connection
from django.test.utils import CaptureQueriesContext

from polycentric.accounts import selectors
from polycentric.accounts.models import ApiToken, Participant, StakeholderGroup
from polycentric.accounts.selectors import ParticipantFilters
from polycentric.accounts.tokens import api_token_create


def _names(qs):
    return [p.display_name for p in qs]


def test_participant_list_filters_by_group_and_country(ana, arjun, wanjiru):
    assert _names(selectors.participant_list()) == ["Ana", "Arjun", "Wanjiru"]
    assert _names(selectors.participant_list(ParticipantFilters(stakeholder_group="civil_society"))) == ["Ana"]
    assert _names(selectors.participant_list(ParticipantFilters(country="in"))) == ["Arjun"]
    assert _names(selectors.participant_list(
        ParticipantFilters(stakeholder_group="governments", country="IN"))) == []


def test_participant_list_leaves_out_deactivated_accounts(ana, arjun):
    arjun.is_active = False
    arjun.save()
    assert _names(selectors.participant_list()) == ["Ana"]
    assert not selectors.participant_detail().filter(pk=arjun.participant.pk).exists()


def test_participant_list_loads_group_and_country_in_one_query(ana, arjun, wanjiru):
    with CaptureQueriesContext(connection) as queries:
        rows = [(p.stakeholder_group.name, p.country.name) for p in selectors.participant_list()]
    assert len(rows) == 3
    assert len(queries) == 1


def test_participant_regions_gives_the_region_in_each_scheme_default_first(ana):
    participant = selectors.participant_detail().get(pk=ana.participant.pk)
    with CaptureQueriesContext(connection) as queries:
        regions = [(p.scheme.slug, p.region.slug) for p in selectors.participant_regions(participant)]
    assert regions == [("un", "grulac"), ("icann", "latin_america_caribbean")]
    assert len(queries) == 0  # prefetched


def test_participant_regions_is_empty_without_a_country(ana):
    Participant.objects.filter(pk=ana.participant.pk).update(country=None)
    assert selectors.participant_regions(selectors.participant_for_user(ana)) == []


def test_participant_for_user(ana, arjun):
    assert selectors.participant_for_user(ana) == ana.participant
    assert selectors.participant_for_user(ana) != arjun.participant


def test_stakeholder_group_list_counts_active_participants(ana, arjun, wanjiru):
    arjun.is_active = False
    arjun.save()
    counts = [(g.slug, g.participant_count) for g in selectors.stakeholder_group_list()]
    assert counts == [("governments", 1), ("private_sector", 0), ("civil_society", 1),
                      ("technical_community", 0), ("academia", 0), ("igos", 0)]


def test_region_scheme_list_counts_every_country_once_per_scheme(reference):
    schemes = list(selectors.region_scheme_list())
    assert [s.slug for s in schemes] == ["un", "icann"]
    for scheme in schemes:
        assert scheme.region_count == 5
        assert sum(r.country_count for r in scheme.regions.all()) == 249
    un_counts = {r.slug: r.country_count for r in schemes[0].regions.all()}
    assert un_counts["african"] >= 54


def test_region_scheme_detail_lists_countries_by_region(reference):
    with CaptureQueriesContext(connection) as queries:
        scheme = selectors.region_scheme_detail().get(slug="un")
        regions = {r.slug: [c.code for c in r.countries.all()] for r in scheme.regions.all()}
    assert len(queries) == 3  # the scheme, its regions, all their countries
    assert "KE" in regions["african"] and "BR" in regions["grulac"]
    assert sum(len(codes) for codes in regions.values()) == 249


def test_country_list_is_by_name(reference):
    names = list(selectors.country_list().values_list("name", flat=True))
    assert len(names) == 249
    assert names == sorted(names)


def test_api_token_list_is_only_the_users_own(ana, arjun):
    api_token_create(user=ana, name="ana's script", actor=ana)
    api_token_create(user=arjun, name="arjun's script", actor=arjun)
    assert [t.name for t in selectors.api_token_list(user=ana)] == ["ana's script"]
    assert ApiToken.objects.count() == 2


def test_stakeholder_group_list_includes_every_group(reference):
    assert selectors.stakeholder_group_list().count() == StakeholderGroup.objects.count() == 6
