"""Who may do what in coordination (django-rules). Reading is public; everything else is denied
unless a predicate here allows it.

Facilitators: a coordinating body's rounds and routes are managed by the site's editors and by
the participants named as the body's facilitators (`Facilitator` rows, serving from `start`
until `end`). A facilitator need not hold a seat: secretariats facilitate bodies they are not
members of. Participants who declared a stakeholder group cast ballots.

Registered permissions (``user.has_perm(name, obj)``):

- ``coordination.add_round``: editors and anyone facilitating some body (the form then offers
  only the bodies they facilitate);
- ``coordination.change_round`` (a round): editors and the facilitators of its body;
- ``coordination.cast_ballot`` (a round): active participants (the service checks the window);
- ``coordination.compute_route``: editors and anyone facilitating some body;
- ``coordination.adopt_route`` (a route): editors and the facilitators of the body of the round
  the route came from (editors only for a route from no round).
"""

from __future__ import annotations

from typing import Any

import rules
from django.db.models import Q, QuerySet
from django.utils import timezone

from polycentric.core.permissions import is_editor

__all__ = [
    "ADD_ROUND",
    "ADOPT_ROUTE",
    "CAST_BALLOT",
    "CHANGE_ROUND",
    "COMPUTE_ROUTE",
    "can_adopt_route",
    "can_cast_ballot",
    "can_compute_route",
    "can_create_round",
    "can_facilitate_body",
    "can_manage_round",
    "facilitated_bodies",
    "is_editor",
    "is_facilitator",
]


def _current(user: Any) -> QuerySet:
    from polycentric.coordination.models import Facilitator

    today = timezone.localdate()
    return Facilitator.objects.filter(
        participant__user_id=getattr(user, "pk", None), start__lte=today
    ).filter(Q(end__isnull=True) | Q(end__gte=today))


def facilitated_bodies(user: Any) -> QuerySet:
    """The bodies ``user`` facilitates today (every body for an editor)."""
    from polycentric.bodies.models import Body

    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return Body.objects.none()
    if is_editor(user):
        return Body.objects.all()
    return Body.objects.filter(pk__in=_current(user).values("body_id"))


@rules.predicate
def is_facilitator(user: Any) -> bool:
    """Facilitates at least one body today."""
    return bool(getattr(user, "is_authenticated", False)) and _current(user).exists()


@rules.predicate
def facilitates_body(user: Any, body: Any) -> bool:
    return (
        body is not None and bool(getattr(user, "is_authenticated", False))
        and _current(user).filter(body=body).exists()
    )


@rules.predicate
def facilitates_round_body(user: Any, round_: Any) -> bool:
    return round_ is not None and facilitates_body(user, round_.body)


@rules.predicate
def facilitates_route_body(user: Any, route: Any) -> bool:
    return route is not None and route.round_id is not None and facilitates_body(
        user, route.round.body)


@rules.predicate
def is_participant(user: Any) -> bool:
    from polycentric.accounts.models import Participant

    return bool(getattr(user, "is_authenticated", False)) and Participant.objects.filter(
        user_id=user.pk).exists()


can_facilitate_body = rules.is_active & (is_editor | facilitates_body)
"""Manage the rounds of a body (call with the user and the body)."""
can_create_round = rules.is_active & (is_editor | is_facilitator)
can_manage_round = rules.is_active & (is_editor | facilitates_round_body)
can_cast_ballot = rules.is_active & is_participant
can_compute_route = rules.is_active & (is_editor | is_facilitator)
can_adopt_route = rules.is_active & (is_editor | facilitates_route_body)

ADD_ROUND = "coordination.add_round"
CHANGE_ROUND = "coordination.change_round"
CAST_BALLOT = "coordination.cast_ballot"
COMPUTE_ROUTE = "coordination.compute_route"
ADOPT_ROUTE = "coordination.adopt_route"

rules.set_perm(ADD_ROUND, can_create_round)  # set, not add: importing twice must not fail
rules.set_perm(CHANGE_ROUND, can_manage_round)
rules.set_perm(CAST_BALLOT, can_cast_ballot)
rules.set_perm(COMPUTE_ROUTE, can_compute_route)
rules.set_perm(ADOPT_ROUTE, can_adopt_route)


# ---- processes and meetings (appended by the processes work) -----------------------------------
#
# A process is kept by its coordinating body, else its lead body (`Process.keeper`): the site's
# editors and that body's facilitators create and change its roadmap, announce and open its
# stages, and manage its meetings, minutes and attendance. A process led by a venue with no
# coordinating body is managed by editors only. Everyone reads.
#
# - ``coordination.add_process``: editors and anyone facilitating some body;
# - ``coordination.change_process`` (a process): editors and the facilitators of its keeper;
# - ``coordination.change_meeting`` (a meeting): as for the meeting's process.


@rules.predicate
def facilitates_process_body(user: Any, process: Any) -> bool:
    return (
        process is not None and process.keeper is not None
        and facilitates_body(user, process.keeper)
    )


@rules.predicate
def facilitates_meeting_body(user: Any, meeting: Any) -> bool:
    return meeting is not None and facilitates_process_body(user, meeting.process)


can_create_process = rules.is_active & (is_editor | is_facilitator)
can_manage_process = rules.is_active & (is_editor | facilitates_process_body)
can_manage_meeting = rules.is_active & (is_editor | facilitates_meeting_body)

ADD_PROCESS = "coordination.add_process"
CHANGE_PROCESS = "coordination.change_process"
CHANGE_MEETING = "coordination.change_meeting"

rules.set_perm(ADD_PROCESS, can_create_process)
rules.set_perm(CHANGE_PROCESS, can_manage_process)
rules.set_perm(CHANGE_MEETING, can_manage_meeting)

__all__ += [
    "ADD_PROCESS",
    "CHANGE_MEETING",
    "CHANGE_PROCESS",
    "can_create_process",
    "can_manage_meeting",
    "can_manage_process",
]
