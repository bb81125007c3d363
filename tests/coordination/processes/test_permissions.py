"""The process and meeting predicates: editors and the keeper's current facilitators manage;
nobody else does, a former facilitator included; a venue-led process without a coordinating body
is for editors only."""

from __future__ import annotations

import datetime

from django.contrib.auth.models import AnonymousUser

from polycentric.coordination import permissions, services
from polycentric.coordination.models import Facilitator


def test_the_keepers_facilitator_manages(roadmap_process, past_meeting, fatou, ana, wanjiru):
    assert permissions.can_manage_process(fatou, roadmap_process)
    assert permissions.can_manage_meeting(fatou, past_meeting)
    assert permissions.can_manage_process(wanjiru, roadmap_process)
    assert not permissions.can_manage_process(ana, roadmap_process)
    assert not permissions.can_manage_meeting(ana, past_meeting)
    assert not permissions.can_manage_process(AnonymousUser(), roadmap_process)


def test_a_former_facilitator_no_longer_manages(roadmap_process, fatou):
    facilitator = Facilitator.objects.get(participant=fatou.participant)
    Facilitator.objects.filter(pk=facilitator.pk).update(
        start=datetime.date(2020, 1, 1), end=datetime.date(2021, 1, 1))

    assert not permissions.can_manage_process(fatou, roadmap_process)
    assert not permissions.can_create_process(fatou)


def test_an_inactive_editor_manages_nothing(roadmap_process, wanjiru):
    wanjiru.is_active = False

    assert not permissions.can_manage_process(wanjiru, roadmap_process)


def test_the_coordinating_body_keeps_a_venue_led_process(small_map, coordination_council, fatou,
                                                         wanjiru):
    venue = small_map["venues"]["anti-abuse-forum"]
    kept = services.process_create(issue=small_map["issues"]["spam"], title="Spam",
                                   slug="spam-process", lead_venue=venue,
                                   coordinating_body=coordination_council, actor=fatou)
    loose = services.process_create(issue=small_map["issues"]["jurisdiction"], title="Law",
                                    slug="law-process", lead_venue=venue, actor=wanjiru)

    assert permissions.can_manage_process(fatou, kept)
    assert not permissions.can_manage_process(fatou, loose)
    assert permissions.can_manage_process(wanjiru, loose)


def test_the_permissions_are_registered(roadmap_process, past_meeting, fatou, ana):
    assert fatou.has_perm(permissions.ADD_PROCESS)
    assert fatou.has_perm(permissions.CHANGE_PROCESS, roadmap_process)
    assert fatou.has_perm(permissions.CHANGE_MEETING, past_meeting)
    assert not ana.has_perm(permissions.ADD_PROCESS)
    assert not ana.has_perm(permissions.CHANGE_PROCESS, roadmap_process)
