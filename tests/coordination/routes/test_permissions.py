"""Who may compute and adopt routes."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import AnonymousUser

from polycentric.coordination import permissions, services
from tests.coordination.conftest import close

pytestmark = pytest.mark.django_db


def test_editors_and_facilitators_compute_participants_do_not(fatou, wanjiru, ana,
                                                              coordination_council):
    assert fatou.has_perm(permissions.COMPUTE_ROUTE)
    assert wanjiru.has_perm(permissions.COMPUTE_ROUTE)
    assert not ana.has_perm(permissions.COMPUTE_ROUTE)
    assert not AnonymousUser().has_perm(permissions.COMPUTE_ROUTE)


def test_the_rounds_body_facilitators_adopt_its_routes(routing_map, make_round, fatou, ana,
                                                       wanjiru):
    close(make_round("open"))
    from_round = services.route_compute(issue=routing_map["issues"]["spam"], actor=wanjiru)
    no_round = services.route_compute(issue=routing_map["issues"]["connectivity"],
                                      actor=wanjiru)

    assert fatou.has_perm(permissions.ADOPT_ROUTE, from_round)
    assert not fatou.has_perm(permissions.ADOPT_ROUTE, no_round)
    assert wanjiru.has_perm(permissions.ADOPT_ROUTE, no_round)
    assert not ana.has_perm(permissions.ADOPT_ROUTE, from_round)
    assert not AnonymousUser().has_perm(permissions.ADOPT_ROUTE, from_round)
