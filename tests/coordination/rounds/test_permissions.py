"""Who may manage rounds and cast ballots: denied unless a predicate allows it."""

from __future__ import annotations

import datetime

import pytest
from django.contrib.auth.models import AnonymousUser, User
from django.utils import timezone

from polycentric.coordination import permissions, services

pytestmark = pytest.mark.django_db


def test_facilitators_and_editors_manage_the_bodys_rounds(make_round, fatou, wanjiru, ana):
    round_ = make_round("announced")

    assert fatou.has_perm(permissions.ADD_ROUND)
    assert fatou.has_perm(permissions.CHANGE_ROUND, round_)
    assert wanjiru.has_perm(permissions.CHANGE_ROUND, round_)
    assert not ana.has_perm(permissions.ADD_ROUND)
    assert not ana.has_perm(permissions.CHANGE_ROUND, round_)
    assert not AnonymousUser().has_perm(permissions.ADD_ROUND)


def test_a_facilitator_of_another_body_does_not_manage_this_one(make_round, fatou, cgi_br_like):
    round_ = make_round("announced")
    coordination = round_.body
    facilitator = coordination.facilitators.get()
    facilitator.delete()
    services.facilitator_add(body=cgi_br_like, participant=fatou.participant, actor=None)

    assert fatou.has_perm(permissions.ADD_ROUND)  # facilitates some body
    assert not fatou.has_perm(permissions.CHANGE_ROUND, round_)
    assert list(permissions.facilitated_bodies(fatou)) == [cgi_br_like]


def test_a_term_that_ended_or_has_not_begun_gives_no_right(make_round, fatou):
    round_ = make_round("announced")
    facilitator = round_.body.facilitators.get()
    facilitator.start = timezone.localdate() + datetime.timedelta(days=3)
    facilitator.save()
    assert not fatou.has_perm(permissions.CHANGE_ROUND, round_)


def test_a_deactivated_account_loses_every_right(make_round, fatou):
    round_ = make_round("announced")
    fatou.is_active = False
    fatou.save()
    user = User.objects.get(pk=fatou.pk)
    assert not permissions.can_manage_round(user, round_)
    assert not permissions.can_cast_ballot(user, round_)


def test_participants_cast_ballots_users_without_a_profile_do_not(make_round, ana):
    round_ = make_round("open")
    bare = User.objects.create_user("bare", password="x-long-password-1")

    assert ana.has_perm(permissions.CAST_BALLOT, round_)
    assert not bare.has_perm(permissions.CAST_BALLOT, round_)
    assert not AnonymousUser().has_perm(permissions.CAST_BALLOT, round_)


@pytest.fixture
def cgi_br_like(reference, wanjiru):
    from polycentric.bodies import services as body_services

    return body_services.body_create_from_data(
        document={"name": "Other body", "groups": ["governments"],
                  "seats": [{"name": "gov", "group": "governments"}], "rule": {"majority": "simple"}},
        actor=wanjiru, slug="other-body")
