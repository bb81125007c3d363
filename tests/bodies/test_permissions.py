"""Who may change bodies: editors and administrators, nobody else."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import AnonymousUser, Group, User

from polycentric.bodies.permissions import BODY_PERMISSIONS, CHANGE_BODIES, can_edit_bodies

pytestmark = pytest.mark.django_db


def test_an_editor_may_edit_bodies(wanjiru):
    assert can_edit_bodies(wanjiru)
    assert all(wanjiru.has_perm(name) for name in BODY_PERMISSIONS)


def test_an_administrator_may_edit_bodies(admin_user):
    assert can_edit_bodies(admin_user)


@pytest.mark.parametrize("persona", ["ana", "arjun"])
def test_a_participant_may_not(request, persona):
    user = request.getfixturevalue(persona)

    assert not can_edit_bodies(user)
    assert not any(user.has_perm(name) for name in BODY_PERMISSIONS)


def test_an_anonymous_visitor_may_not():
    assert not can_edit_bodies(AnonymousUser())
    assert not AnonymousUser().has_perm(CHANGE_BODIES)


def test_a_deactivated_editor_may_not(wanjiru):
    wanjiru.is_active = False
    wanjiru.save()

    assert not can_edit_bodies(User.objects.get(pk=wanjiru.pk))


def test_being_made_an_editor_grants_it(ana):
    ana.groups.add(Group.objects.get_or_create(name="editors")[0])

    assert can_edit_bodies(User.objects.get(pk=ana.pk))
