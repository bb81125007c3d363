"""Who may change the map: editors and administrators, nobody else."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import AnonymousUser, Group, User

from polycentric.issuemap.permissions import MAP_PERMISSIONS, can_edit_map

pytestmark = pytest.mark.django_db


def test_an_editor_may_edit_the_map(wanjiru):
    assert can_edit_map(wanjiru)
    assert all(wanjiru.has_perm(name) for name in MAP_PERMISSIONS)


def test_an_administrator_may_edit_the_map(admin_user):
    assert can_edit_map(admin_user)


@pytest.mark.parametrize("persona", ["ana", "arjun"])
def test_a_participant_may_not(request, persona):
    user = request.getfixturevalue(persona)

    assert not can_edit_map(user)
    assert not any(user.has_perm(name) for name in MAP_PERMISSIONS)


def test_an_anonymous_visitor_may_not():
    assert not can_edit_map(AnonymousUser())
    assert not AnonymousUser().has_perm("issuemap.change_map")


def test_being_made_an_editor_grants_it_and_leaving_takes_it_away(ana):
    editors = Group.objects.get_or_create(name="editors")[0]
    ana.groups.add(editors)
    assert can_edit_map(User.objects.get(pk=ana.pk))  # as the next request loads her

    ana.groups.remove(editors)
    assert not can_edit_map(User.objects.get(pk=ana.pk))


def test_a_deactivated_editor_may_not(wanjiru):
    wanjiru.is_active = False
    wanjiru.save()

    assert not can_edit_map(wanjiru)
    assert not wanjiru.has_perm("issuemap.change_map")
