"""The prioritisation round pages: the list, a round (participation while open, results once
closed), the facilitators' forms and the participants' ballot.

Views are thin: they parse the request with a form, read through `selectors`, write through
`services`, and render. A round's results are computed once, by the first request after the
close (`services.round_close`), and read from the round from then on.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from polycentric.accounts.models import Participant, StakeholderGroup
from polycentric.coordination import permissions, selectors, services
from polycentric.coordination.forms_rounds import BallotForm, RoundForm
from polycentric.coordination.models import PrioritisationRound
from polycentric.coordination.results_rounds import (
    agreement_rows,
    agreement_svg,
    group_rankings,
    place_rows,
)
from polycentric.core.errors import ApplicationError
from polycentric.core.errors import PermissionDenied as ServicePermissionDenied


def _round_or_404(slug: str) -> PrioritisationRound:
    try:
        return selectors.round_get(slug)
    except PrioritisationRound.DoesNotExist as exc:
        raise Http404(_("No prioritisation round with the slug “%(slug)s”.") % {"slug": slug}
                      ) from exc


def _forbidden(request: HttpRequest, message: str) -> HttpResponse:
    return render(request, "coordination/forbidden.html", {"message": message}, status=403)


def _participant(request: HttpRequest) -> Participant | None:
    if not request.user.is_authenticated:
        return None
    return Participant.objects.filter(user=request.user).select_related(
        "stakeholder_group").first()


def _write(request: HttpRequest, form: Any, write: Callable[[], Any], *,
           done: Callable[[Any], str], then: Callable[[Any], str]) -> tuple[HttpResponse | None, int]:
    """Validate ``form`` and call ``write`` (one service call). Success redirects with a message;
    invalid input or a refusal puts the problems on the form (422; 403 or 409 for refusals)."""
    if not form.is_valid():
        return None, 422
    try:
        saved = write()
    except ApplicationError as exc:
        form.show_service_errors(exc)
        return None, 403 if isinstance(exc, ServicePermissionDenied) else exc.status
    messages.success(request, done(saved))
    return redirect(then(saved)), 200


# ---- reading ------------------------------------------------------------------------------------


@require_GET
def round_list(request: HttpRequest) -> HttpResponse:
    rounds = list(selectors.round_list())
    return render(request, "coordination/rounds/round_list.html", {
        "rounds": rounds,
        "can_create": request.user.has_perm(permissions.ADD_ROUND),
    })


@require_GET
def round_detail(request: HttpRequest, slug: str) -> HttpResponse:
    round_ = _round_or_404(slug)
    if round_.is_closed and round_.results_computed_at is None:
        round_ = services.round_close(round=round_, actor=None)
        round_ = _round_or_404(slug)
    candidates = list(round_.candidates.all())
    titles = {issue.slug: issue.title for issue in candidates}
    participant = _participant(request)
    context: dict[str, Any] = {
        "round": round_,
        "status": round_.status,
        "candidates": candidates,
        "participation": selectors.round_participation(round_),
        "notice_days": services.notice_days(round_.body),
        "ballot": selectors.ballot_for(round_, participant),
        "participant": participant,
        "can_manage": request.user.has_perm(permissions.CHANGE_ROUND, round_),
    }
    results = round_.results if round_.is_closed else None
    if results:
        group_names = dict(StakeholderGroup.objects.values_list("slug", "name"))
        names, rows = agreement_rows(results, group_names)
        context.update({
            "results": results,
            "ranking_rows": place_rows(results.get("tiers", []), titles, results.get("scores")),
            "group_rankings": group_rankings(results, titles, group_names),
            "agreement_names": names,
            "agreement_rows": rows,
            "agreement_chart": agreement_svg(results, group_names, chart_id="agreement-chart"),
            "weights": [(group_names.get(g, g), w) for g, w in results.get("weights", {}).items()],
        })
    return render(request, "coordination/rounds/round_detail.html", context)


# ---- facilitators -------------------------------------------------------------------------------


@require_http_methods(["GET", "POST"])
def round_create(request: HttpRequest) -> HttpResponse:
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    if not request.user.has_perm(permissions.ADD_ROUND):
        return _forbidden(request, _("Only the site's editors and the facilitators of a "
                                     "coordinating body may create prioritisation rounds."))
    bodies = permissions.facilitated_bodies(request.user).order_by("name")
    form = RoundForm(request.POST or None, bodies=bodies)
    status = 200
    if request.method == "POST":
        response, status = _write(
            request, form,
            lambda: services.round_create(
                body=form.cleaned_data["body"], candidates=list(form.cleaned_data["candidates"]),
                actor=request.user, **form.values()),
            done=lambda r: _("The round “%(title)s” is announced.") % {"title": r.title},
            then=lambda r: r.get_absolute_url(),
        )
        if response is not None:
            return response
    return render(request, "coordination/rounds/round_form.html", {"form": form},
                  status=status)


@require_http_methods(["GET", "POST"])
def round_edit(request: HttpRequest, slug: str) -> HttpResponse:
    round_ = _round_or_404(slug)
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    if not request.user.has_perm(permissions.CHANGE_ROUND, round_):
        return _forbidden(request, _("Only the site's editors and the facilitators of "
                                     "%(body)s may change this round.") % {
                                         "body": round_.body.label})
    if round_.is_closed:
        return _forbidden(request, _("The round has closed; it can no longer change."))
    form = RoundForm(request.POST or None, bodies=None, round=round_,
                     initial=RoundForm.initial_for(round_))
    status = 200
    if request.method == "POST":
        response, status = _write(
            request, form,
            lambda: services.round_update(
                round=round_, actor=request.user, candidates=form.candidates_value(),
                **form.values()),
            done=lambda r: _("The round “%(title)s” is saved.") % {"title": r.title},
            then=lambda r: r.get_absolute_url(),
        )
        if response is not None:
            return response
    return render(request, "coordination/rounds/round_form.html",
                  {"form": form, "round": round_}, status=status)


# ---- ballots ------------------------------------------------------------------------------------


@require_http_methods(["GET", "POST"])
def ballot(request: HttpRequest, slug: str) -> HttpResponse:
    round_ = _round_or_404(slug)
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    participant = _participant(request)
    if not request.user.has_perm(permissions.CAST_BALLOT, round_) or participant is None:
        return _forbidden(request, _("Only participants may cast ballots; complete your "
                                     "profile first."))
    candidates = list(round_.candidates.all())
    existing = selectors.ballot_for(round_, participant)
    form = BallotForm(request.POST or None, round=round_, candidates=candidates, ballot=existing)
    status = 200
    if request.method == "POST":
        response, status = _write(
            request, form,
            lambda: services.ballot_cast(round=round_, actor=request.user, **form.ballot()),
            done=lambda b: (_("Your ballot is changed.") if existing else
                            _("Your ballot is cast. You can change it until the round closes.")),
            then=lambda b: round_.get_absolute_url(),
        )
        if response is not None:
            return response
    return render(request, "coordination/rounds/ballot_form.html", {
        "round": round_, "form": form, "ballot": existing, "participant": participant,
        "status": round_.status,
    }, status=status)
