"""Every write about prioritisation rounds: facilitators, rounds, ballots and results.

A round is announced when it is created; it must open at least the coordinating body's notice
period for consultations after that (its charter's `consultation_notice_days`, 30 days without a
charter), so participants far from the centre hear of it in time. Between the opening and the
close every participant may cast one ballot and change it; the database holds one ballot per
participant and round, whatever the number of concurrent requests. When the round has closed its
results are computed once by the ranking engine and stored (`round_close`).

Services check who may act: the site's editors and the coordinating body's facilitators manage
rounds; any participant who declared a stakeholder group casts ballots. ``actor=None`` is the
system (the reference loader, a scheduled close) and may record rounds announced in the past.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from polycentric.accounts.models import CountryRegion, Participant
from polycentric.bodies.models import Body
from polycentric.coordination.models import Facilitator, PrioritisationRound, RoundBallot
from polycentric.coordination.models.rounds import RESERVED_SLUGS
from polycentric.coordination.permissions import can_facilitate_body, is_editor
from polycentric.core.errors import Conflict, PermissionDenied, ValidationFailed
from polycentric.core.services import event_record
from polycentric.engines.ranking import Ballot, rank, ranking_document
from polycentric.issuemap.models import Issue

DEFAULT_NOTICE_DAYS = 30
"""Notice of a round when the coordinating body has no charter (DESIGN.md, P2: consultations)."""

MIN_CANDIDATES = 2
MAX_CANDIDATES = 200
ROUND_FIELDS = ("title", "slug", "description", "ballot_kind", "method", "balance", "max_score",
                "opens_at", "closes_at")
SETTLED_ONCE_OPEN = ("slug", "ballot_kind", "method", "balance", "max_score", "opens_at",
                     "candidates")
"""What cannot change once the round has opened: ballots were cast against it."""

ENGINE_METHOD = {"ranked_pairs": "ranked-pairs"}
ENGINE_BALANCE = {"group_region": "group-region"}
ROUND_KINDS = {
    PrioritisationRound.BallotKind.APPROVAL: {PrioritisationRound.Method.APPROVAL},
    PrioritisationRound.BallotKind.RANKING: {
        PrioritisationRound.Method.SCHULZE, PrioritisationRound.Method.RANKED_PAIRS,
        PrioritisationRound.Method.BORDA,
    },
    PrioritisationRound.BallotKind.SCORE: {
        PrioritisationRound.Method.SCHULZE, PrioritisationRound.Method.RANKED_PAIRS,
        PrioritisationRound.Method.BORDA,
    },
}
"""Which counting methods read which ballots. Score ballots are counted as rankings (a higher
score ranks higher, equal scores tie), so any ranked method reads them."""


def _refuse(what: str, errors: Mapping[str, Sequence[str]]) -> ValidationFailed:
    summary = "; ".join(f"{field}: {' '.join(messages)}" for field, messages in errors.items())
    return ValidationFailed(_("Invalid %(what)s: %(summary)s") % {"what": what, "summary": summary},
                            errors=errors)


def _when(moment: datetime.datetime) -> str:
    return f"{timezone.localtime(moment):%Y-%m-%d %H:%M %Z}"


def _is_system(actor: Any) -> bool:
    return actor is None


def _require_facilitator(actor: Any, body: Body) -> None:
    if _is_system(actor) or can_facilitate_body(actor, body):
        return
    raise PermissionDenied(
        _("Only the site's editors and the facilitators of %(body)s may manage its "
          "prioritisation rounds.") % {"body": body.label}
    )


# ---- facilitators -------------------------------------------------------------------------------


@transaction.atomic
def facilitator_add(
    *, body: Body, participant: Participant, actor: Any, start: datetime.date | None = None
) -> Facilitator:
    """Name ``participant`` a facilitator of ``body`` (editors only)."""
    if not (_is_system(actor) or is_editor(actor)):
        raise PermissionDenied(_("Only the site's editors may name facilitators."))
    start = start or timezone.localdate()
    existing = Facilitator.objects.filter(body=body, participant=participant).first()
    if existing is not None:
        if existing.end is None or existing.end >= timezone.localdate():
            message = _("%(participant)s already facilitates %(body)s.") % {
                "participant": participant, "body": body.label}
            raise Conflict(message, errors={"participant": [message]})
        existing.start, existing.end = start, None
        existing.save(update_fields=["start", "end"])
        facilitator = existing
    else:
        facilitator = Facilitator.objects.create(body=body, participant=participant, start=start)
    event_record(kind="coordination.facilitator.added", target=facilitator, actor=actor,
                 summary=str(facilitator),
                 payload={"body": body.slug, "participant": participant.pk,
                          "start": start.isoformat()})
    return facilitator


@transaction.atomic
def facilitator_end(*, facilitator: Facilitator, actor: Any, end: datetime.date | None = None
                    ) -> Facilitator:
    """End a facilitator's term (editors only); they lose the right the day after ``end``."""
    if not (_is_system(actor) or is_editor(actor)):
        raise PermissionDenied(_("Only the site's editors may end a facilitator's term."))
    end = end or timezone.localdate()
    if end < facilitator.start:
        message = _("The end cannot come before the start.")
        raise _refuse("facilitator", {"end": [message]})
    facilitator.end = end
    facilitator.save(update_fields=["end"])
    event_record(kind="coordination.facilitator.ended", target=facilitator, actor=actor,
                 summary=str(facilitator), payload={"end": end.isoformat()})
    return facilitator


# ---- rounds -------------------------------------------------------------------------------------


def notice_days(body: Body) -> int:
    """Days of notice a round of ``body`` needs: its charter's notice of consultations."""
    try:
        return body.charter.consultation_notice_days
    except Body.charter.RelatedObjectDoesNotExist:
        return DEFAULT_NOTICE_DAYS


def _check_round(round_: PrioritisationRound, candidates: Sequence[Issue] | None) -> None:
    """Every problem with a round's values at once, keyed by field."""
    errors: dict[str, list[str]] = {}
    try:
        round_.full_clean(exclude=["body"], validate_unique=False, validate_constraints=False)
    except ValidationError as exc:
        for field, messages in exc.message_dict.items():
            errors.setdefault(field, []).extend(messages)
    if round_.slug in RESERVED_SLUGS:
        errors.setdefault("slug", []).append(
            _("“%(slug)s” is reserved for the site's own pages; choose another slug.")
            % {"slug": round_.slug})
    if "slug" not in errors and PrioritisationRound.objects.filter(slug=round_.slug).exclude(
        pk=round_.pk
    ).exists():
        errors["slug"] = [_("A round with the slug “%(slug)s” exists already.")
                          % {"slug": round_.slug}]
    allowed = ROUND_KINDS.get(round_.ballot_kind)  # type: ignore[call-overload]
    if allowed is not None and round_.method not in allowed and "method" not in errors:
        names = ", ".join(sorted(str(m) for m in allowed))
        errors["method"] = [
            _("%(method)s cannot count ballots of the kind “%(kind)s”; choose one of: %(names)s.")
            % {"method": round_.get_method_display(), "kind": round_.get_ballot_kind_display(),
               "names": names}
        ]
    if isinstance(round_.max_score, int) and round_.max_score < 1 and "max_score" not in errors:
        errors["max_score"] = [_("The highest score must be at least 1.")]
    if round_.opens_at and round_.closes_at and round_.closes_at <= round_.opens_at:
        errors.setdefault("closes_at", []).append(_("The round must close after it opens."))
    if round_.opens_at and round_.announced_at:
        days = notice_days(round_.body)
        earliest = round_.announced_at + datetime.timedelta(days=days)
        if round_.opens_at < earliest:
            errors.setdefault("opens_at", []).append(
                _("The round must open at least %(days)s days after it is announced (the notice "
                  "%(body)s's charter gives for consultations): on %(earliest)s at the earliest.")
                % {"days": days, "body": round_.body.label, "earliest": _when(earliest)}
            )
    if candidates is not None:
        unique = {issue.pk for issue in candidates}
        if len(unique) != len(candidates):
            errors.setdefault("candidates", []).append(_("An issue is listed twice."))
        if len(unique) < MIN_CANDIDATES:
            errors.setdefault("candidates", []).append(
                _("Choose at least %(n)s candidate issues.") % {"n": MIN_CANDIDATES})
        if len(unique) > MAX_CANDIDATES:
            errors.setdefault("candidates", []).append(
                _("Choose at most %(n)s candidate issues.") % {"n": MAX_CANDIDATES})
    if errors:
        raise _refuse("round", errors)


@transaction.atomic
def round_create(
    *,
    body: Body,
    title: str,
    slug: str,
    candidates: Sequence[Issue],
    opens_at: datetime.datetime,
    closes_at: datetime.datetime,
    actor: Any,
    description: str = "",
    ballot_kind: str = PrioritisationRound.BallotKind.RANKING,
    method: str = PrioritisationRound.Method.SCHULZE,
    balance: str = PrioritisationRound.Balance.GROUP,
    max_score: int = 5,
    announced_at: datetime.datetime | None = None,
) -> PrioritisationRound:
    """Announce a round of ``body`` now; it opens at ``opens_at`` and closes at ``closes_at``.

    ``announced_at`` may be given only by the system (``actor=None``), to record past rounds.
    """
    _require_facilitator(actor, body)
    now = timezone.now()
    if announced_at is not None and not _is_system(actor):
        raise _refuse("round", {"announced_at": [
            _("A round is announced when it is created; the time cannot be chosen.")]})
    round_ = PrioritisationRound(
        body=body, title=title, slug=slug, description=description, ballot_kind=ballot_kind,
        method=method, balance=balance, max_score=max_score,
        announced_at=announced_at or now, opens_at=opens_at, closes_at=closes_at,
    )
    candidates = list(candidates)
    _check_round(round_, candidates)
    try:
        with transaction.atomic():
            round_.save()
    except IntegrityError as exc:
        if not PrioritisationRound.objects.filter(slug=slug).exists():
            raise
        message = _("A round with the slug “%(slug)s” exists already.") % {"slug": slug}
        raise Conflict(message, errors={"slug": [message]}) from exc
    round_.candidates.set(candidates)
    event_record(
        kind="coordination.round.announced", target=round_, actor=actor, summary=round_.title,
        payload={
            "body": body.slug, "slug": round_.slug, "candidates": sorted(i.slug for i in candidates),
            "ballot_kind": round_.ballot_kind, "method": round_.method,
            "balance": round_.balance, "announced_at": round_.announced_at.isoformat(),
            "opens_at": round_.opens_at.isoformat(), "closes_at": round_.closes_at.isoformat(),
        },
    )
    return round_


@transaction.atomic
def round_update(
    *,
    round: PrioritisationRound,
    actor: Any,
    candidates: Sequence[Issue] | None = None,
    **values: Any,
) -> PrioritisationRound:
    """Change a round. Before it opens anything may change (its opening still needs the full
    notice from the announcement); once open, only the title, the description and a later close;
    once closed, nothing."""
    _require_facilitator(actor, round.body)
    unknown = sorted(set(values) - set(ROUND_FIELDS))
    if unknown:
        raise _refuse("round", {field: [_("This field cannot be changed.")] for field in unknown})
    locked = PrioritisationRound.objects.select_for_update().get(pk=round.pk)
    now = timezone.now()
    status = locked.status_at(now)
    if status == PrioritisationRound.Status.CLOSED:
        message = _("The round has closed; it can no longer change.")
        raise Conflict(message, errors={"__all__": [message]})
    changed = [f for f, v in values.items() if getattr(locked, f) != v]
    current = {i.pk for i in locked.candidates.all()}
    new_candidates = list(candidates) if candidates is not None else None
    if new_candidates is not None and {i.pk for i in new_candidates} != current:
        changed.append("candidates")
    if status == PrioritisationRound.Status.OPEN:
        frozen = [f for f in changed if f in SETTLED_ONCE_OPEN]
        if frozen:
            raise _refuse("round", {f: [
                _("The round is open and ballots are being cast; this can no longer change.")]
                for f in frozen})
    if "closes_at" in changed and values["closes_at"] <= now:
        raise _refuse("round", {"closes_at": [_("The new close must be in the future.")]})
    for field, value in values.items():
        setattr(locked, field, value)
    _check_round(locked, new_candidates)
    locked.save()
    if new_candidates is not None:
        locked.candidates.set(new_candidates)
    if changed:
        event_record(
            kind="coordination.round.updated", target=locked, actor=actor, summary=locked.title,
            payload={"changed": sorted(changed), **{
                f: (v.isoformat() if isinstance(v, datetime.datetime) else v)
                for f, v in values.items() if f in changed
            }},
        )
    return locked


@transaction.atomic
def round_delete(*, round: PrioritisationRound, actor: Any) -> None:
    """Withdraw a round before it opens (no ballot can exist yet)."""
    _require_facilitator(actor, round.body)
    if round.status != PrioritisationRound.Status.ANNOUNCED:
        message = _("Only a round that has not opened yet can be withdrawn.")
        raise Conflict(message, errors={"__all__": [message]})
    event_record(kind="coordination.round.withdrawn", target=round, actor=actor,
                 summary=round.title, payload={"slug": round.slug})
    round.delete()


# ---- ballots ------------------------------------------------------------------------------------


def participant_region(participant: Participant) -> Any:
    """The participant's region in the default region scheme (None without a country)."""
    if participant.country_id is None:
        return None
    placement = (
        CountryRegion.objects.filter(country_id=participant.country_id, scheme__is_default=True)
        .select_related("region").first()
    )
    return placement.region if placement else None


def ranking_from_places(places: Mapping[str, int | None]) -> list[list[str]]:
    """Tiers from a place per candidate (1 is best; equal places tie; None: not ranked).

    >>> ranking_from_places({"spam": 1, "jurisdiction": 2, "data-flows": 1, "norms": None})
    [['data-flows', 'spam'], ['jurisdiction']]
    """
    tiers: dict[int, list[str]] = {}
    for slug, place in places.items():
        if place is not None:
            tiers.setdefault(place, []).append(slug)
    return [sorted(tiers[place]) for place in sorted(tiers)]


def _check_names(names: Iterable[str], candidates: set[str], field: str,
                 errors: dict[str, list[str]]) -> None:
    seen: set[str] = set()
    for name in names:
        if not isinstance(name, str):
            errors.setdefault(field, []).append(_("%(name)r is not an issue slug.") % {"name": name})
            continue
        if name not in candidates:
            errors.setdefault(field, []).append(
                _("“%(name)s” is not a candidate of this round.") % {"name": name})
        elif name in seen:
            errors.setdefault(field, []).append(_("“%(name)s” is listed twice.") % {"name": name})
        seen.add(name)


def _ballot_values(
    round_: PrioritisationRound, candidates: set[str], *, ranking: Any, approvals: Any,
    scores: Any,
) -> dict[str, Any]:
    """The ballot's stored fields, checked and normalised; only the round's kind may be given."""
    kind = round_.ballot_kind
    Kind = PrioritisationRound.BallotKind
    errors: dict[str, list[str]] = {}
    given = {"ranking": ranking, "approvals": approvals, "scores": scores}
    wanted = {Kind.RANKING: "ranking", Kind.APPROVAL: "approvals", Kind.SCORE: "scores"}[kind]
    for field, value in given.items():
        if field != wanted and value not in (None, [], {}):
            errors[field] = [
                _("This round takes ballots of the kind “%(kind)s”; send “%(wanted)s” only.")
                % {"kind": round_.get_ballot_kind_display(), "wanted": wanted}]
    value = given[wanted]
    values: dict[str, Any] = {"ranking": [], "approvals": [], "scores": {}}
    if value is None:
        errors.setdefault(wanted, []).append(_("This field is required."))
    elif kind == Kind.RANKING:
        if not isinstance(value, list) or not all(isinstance(t, list) for t in value):
            errors.setdefault("ranking", []).append(
                _("Give a list of tiers, best first, each a list of issue slugs "
                  "(e.g. [[\"spam\"], [\"jurisdiction\", \"data-flows\"]])."))
        else:
            if any(not tier for tier in value):
                errors.setdefault("ranking", []).append(_("A tier is empty."))
            _check_names([n for tier in value for n in tier], candidates, "ranking", errors)
            if not any(value):
                errors.setdefault("ranking", []).append(_("Rank at least one issue."))
            values["ranking"] = [sorted(tier) for tier in value if tier]
    elif kind == Kind.APPROVAL:
        if not isinstance(value, list):
            errors.setdefault("approvals", []).append(_("Give a list of issue slugs."))
        else:
            _check_names(value, candidates, "approvals", errors)
            if not value:
                errors.setdefault("approvals", []).append(_("Approve at least one issue."))
            values["approvals"] = sorted(value)
    else:
        if not isinstance(value, dict):
            errors.setdefault("scores", []).append(_("Give a score per issue slug."))
        else:
            _check_names(list(value), candidates, "scores", errors)
            for name, score in value.items():
                if isinstance(score, bool) or not isinstance(score, int):
                    errors.setdefault("scores", []).append(
                        _("The score of “%(name)s” must be a whole number.") % {"name": name})
                elif not 0 <= score <= round_.max_score:
                    errors.setdefault("scores", []).append(
                        _("The score of “%(name)s” must be between 0 and %(max)s.")
                        % {"name": name, "max": round_.max_score})
            if not value:
                errors.setdefault("scores", []).append(_("Score at least one issue."))
            values["scores"] = dict(sorted(value.items()))
    if errors:
        raise _refuse("ballot", errors)
    return values


@transaction.atomic
def ballot_cast(
    *,
    round: PrioritisationRound,
    actor: Any,
    ranking: Any = None,
    approvals: Any = None,
    scores: Any = None,
) -> RoundBallot:
    """Cast or change the acting participant's ballot while the round is open.

    One ballot per participant and round: a second call changes the first ballot. Concurrent
    calls for the same participant end with one ballot (the database's unique constraint; the
    loser of the race updates the winner's row).
    """
    participant = Participant.objects.filter(user_id=getattr(actor, "pk", None)).select_related(
        "stakeholder_group", "country").first()
    if participant is None or not getattr(actor, "is_active", False):
        raise PermissionDenied(_("Only participants may cast ballots; sign in and complete "
                                 "your profile first."))
    if participant.stakeholder_group_id is None:
        message = _("Declare your stakeholder group on your profile before casting a ballot: "
                    "the results are balanced and reported by group.")
        raise PermissionDenied(message, errors={"participant": [message]})
    now = timezone.now()
    status = round.status_at(now)
    if status == PrioritisationRound.Status.ANNOUNCED:
        message = _("The round opens on %(when)s; ballots can be cast from then.") % {
            "when": _when(round.opens_at)}
        raise Conflict(message, errors={"__all__": [message]})
    if status == PrioritisationRound.Status.CLOSED:
        message = _("The round has closed; ballots can no longer be cast or changed.")
        raise Conflict(message, errors={"__all__": [message]})
    candidates = set(round.candidates.values_list("slug", flat=True))
    values = _ballot_values(round, candidates, ranking=ranking, approvals=approvals,
                            scores=scores)
    values["group"] = participant.stakeholder_group
    values["region"] = participant_region(participant)
    ballot, created = RoundBallot.objects.update_or_create(
        round=round, participant=participant, defaults=values,
    )
    event_record(
        kind="coordination.ballot.cast" if created else "coordination.ballot.changed",
        target=ballot, actor=actor, summary=f"{round.title}",
        # The record says who took part and as whom, not how they voted (ballots are secret
        # until the close; the stored ballot itself is the vote).
        payload={"round": round.slug, "group": participant.stakeholder_group.slug,
                 "region": values["region"].slug if values["region"] else None},
    )
    return ballot


# ---- results ------------------------------------------------------------------------------------


def _engine_ballot(ballot: RoundBallot, round_: PrioritisationRound,
                   candidates: Sequence[str]) -> Ballot:
    group = ballot.group.slug if ballot.group else "undeclared"
    region = ballot.region.slug if ballot.region else None
    voter = str(ballot.participant_id)
    if round_.ballot_kind == PrioritisationRound.BallotKind.APPROVAL:
        return Ballot(voter, group, region, approvals=frozenset(ballot.approvals))
    if round_.ballot_kind == PrioritisationRound.BallotKind.SCORE:
        scores = {slug: ballot.scores.get(slug, 0) for slug in candidates}
        by_score: dict[int, set[str]] = {}
        for slug, score in scores.items():
            by_score.setdefault(score, set()).add(slug)
        tiers = tuple(frozenset(by_score[s]) for s in sorted(by_score, reverse=True))
        return Ballot(voter, group, region, ranking=tiers)
    return Ballot(voter, group, region, ranking=tuple(frozenset(t) for t in ballot.ranking))


def round_results_compute(round_: PrioritisationRound) -> dict[str, Any]:
    """The results document of a round from its ballots (computed, not stored).

    The ranking engine's document (method, balance, ranking, tiers, scores, pairwise counts,
    weights, each group's own ranking, the agreement matrix) with the participation by group and
    region added.
    """
    candidates = sorted(round_.candidates.values_list("slug", flat=True))
    ballots = list(
        RoundBallot.objects.filter(round=round_).select_related("group", "region")
        .order_by("pk")
    )
    result = rank(
        [_engine_ballot(b, round_, candidates) for b in ballots],
        method=ENGINE_METHOD.get(round_.method, round_.method),
        balance=ENGINE_BALANCE.get(round_.balance, round_.balance),
        candidates=candidates,
    )
    document = ranking_document(result)
    by_group: dict[str, int] = {}
    by_region: dict[str, int] = {}
    for ballot in ballots:
        group = ballot.group.slug if ballot.group else "undeclared"
        by_group[group] = by_group.get(group, 0) + 1
        region = ballot.region.slug if ballot.region else ""
        by_region[region] = by_region.get(region, 0) + 1
    document["participation"] = {"groups": by_group, "regions": by_region}
    return document


@transaction.atomic
def round_close(*, round: PrioritisationRound, actor: Any = None) -> PrioritisationRound:
    """Compute and store the results of a round that has closed; once only (later calls return
    the round as it is). Anyone may trigger it (the first view after the close does): the results
    depend only on the ballots."""
    locked = PrioritisationRound.objects.select_for_update().get(pk=round.pk)
    if locked.results_computed_at is not None:
        return locked
    now = timezone.now()
    if locked.status_at(now) != PrioritisationRound.Status.CLOSED:
        message = _("The round closes on %(when)s; its results are counted then.") % {
            "when": _when(locked.closes_at)}
        raise Conflict(message, errors={"__all__": [message]})
    locked.results = round_results_compute(locked)
    locked.results_computed_at = now
    locked.save(update_fields=["results", "results_computed_at"])
    event_record(
        kind="coordination.round.closed", target=locked, actor=actor, summary=locked.title,
        payload={"ballots": locked.results["ballots"], "ranking": locked.results["ranking"],
                 "tiers": locked.results["tiers"]},
    )
    return locked
