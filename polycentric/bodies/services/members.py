"""Writes about members: seating a participant for a term, and ending the term. An entry never
has more members serving at once than it has seats."""

from __future__ import annotations

import datetime
from typing import Any

from django.db import transaction
from django.db.models import Q

from polycentric.accounts.models import Participant
from polycentric.bodies.models import Body, Member, SeatEntry
from polycentric.bodies.services.common import most_held, refuse, save, unchanged_on_failure
from polycentric.core.services import event_record


def _term_check(start: datetime.date, end: datetime.date | None) -> None:
    if end is not None and end < start:
        raise refuse("term", {
            "end": [f"The end ({end.isoformat()}) is before the start ({start.isoformat()})."]})


@transaction.atomic
def member_add(
    *,
    body: Body,
    seat_entry: SeatEntry,
    participant: Participant,
    start: datetime.date,
    actor: Any,
    end: datetime.date | None = None,
) -> Member:
    """Seat a participant in one seat of an entry from ``start`` (to ``end``, if known). An entry
    never holds more members at once than it has seats."""
    if seat_entry.body_id != body.pk:
        raise refuse("member", {
            "seat_entry": [f"The seat entry {seat_entry.name!r} belongs to another body."]})
    _term_check(start, end)
    SeatEntry.objects.select_for_update().filter(pk=seat_entry.pk).first()  # one add at a time
    if most_held(seat_entry, start=start, end=end) + 1 > seat_entry.count:
        raise refuse("member", {"seat_entry": [
            f"Every one of the {seat_entry.count} seats of {seat_entry.name!r} is held during "
            "this term; end a member's term first."]})
    if Member.objects.filter(
        seat_entry__body=body, participant=participant, start__lte=end or datetime.date.max,
    ).filter(Q(end__isnull=True) | Q(end__gte=start)).exists():
        raise refuse("member", {"participant": [
            f"{participant} already holds a seat of this body during this term."]})
    member = Member(body=body, seat_entry=seat_entry, participant=participant, start=start,
                    end=end)
    save(member, what="member")
    event_record(kind="bodies.member.added", target=member, actor=actor,
                 summary=f"{body.name}: {participant} ({seat_entry.name})",
                 payload={"body": body.slug, "seat_entry": seat_entry.name,
                          "participant": participant.pk, "start": start.isoformat(),
                          "end": end.isoformat() if end else None})
    return member


@transaction.atomic
def member_end(*, member: Member, end: datetime.date, actor: Any) -> Member:
    """End a member's term on ``end`` (not before its start)."""
    _term_check(member.start, end)
    with unchanged_on_failure(member):
        member.end = end
        save(member, what="member")
    event_record(kind="bodies.member.ended", target=member, actor=actor,
                 summary=f"{member.body.name}: {member.participant}",
                 payload={"body": member.body.slug, "seat_entry": member.seat_entry.name,
                          "end": end.isoformat()})
    return member
