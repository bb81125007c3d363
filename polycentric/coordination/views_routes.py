"""The route pages: an issue's recommended way forward with its reasons, recomputing it, and
adopting a route by a recorded act of the coordinating body; and the list of adopted routes.

When no route has been computed for an issue, its page shows what the routing engine recommends
from the map now, without storing it; a facilitator records it by computing the route.
"""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from polycentric.accounts.models import StakeholderGroup
from polycentric.coordination import permissions, selectors, services
from polycentric.coordination.forms_routes import RouteAdoptForm, RouteComputeForm
from polycentric.coordination.models import Route
from polycentric.core.errors import ApplicationError
from polycentric.core.errors import PermissionDenied as ServicePermissionDenied
from polycentric.issuemap.models import Issue


def _issue_or_404(slug: str) -> Issue:
    try:
        return selectors.issue_get(slug)
    except Issue.DoesNotExist as exc:
        raise Http404(_("No issue with the slug “%(slug)s”.") % {"slug": slug}) from exc


def _forbidden(request: HttpRequest, message: str) -> HttpResponse:
    return render(request, "coordination/forbidden.html", {"message": message}, status=403)


def _names() -> dict[str, dict[str, str]]:
    parameters = selectors.routing_parameters()
    return {
        "groups": dict(StakeholderGroup.objects.values_list("slug", "name")),
        "regions": dict(parameters.region_names),
    }


def _shown(recommendation: dict[str, Any]) -> dict[str, Any]:
    """The recommendation with the names a reader needs: the route's label, each venue's groups
    and regions by name, and the draft charter's seats."""
    names = _names()
    venues = [
        {
            **role,
            "group_names": [names["groups"].get(g, g) for g in role.get("groups", [])],
            "region_names": [names["regions"].get(r, r) for r in role.get("regions", [])],
        }
        for role in recommendation.get("venues", [])
    ]
    return {**recommendation, "venues": venues,
            "kind_label": Route.Kind(recommendation["kind"]).label}


def _page(request: HttpRequest, issue: Issue, *, compute_form: RouteComputeForm | None = None,
          adopt_form: RouteAdoptForm | None = None, status: int = 200) -> HttpResponse:
    routes = list(selectors.route_list(issue))
    latest = routes[0] if routes else None
    adopted = next((r for r in routes if r.adopted), None)
    rounds = selectors.route_rounds(issue)
    can_compute = request.user.has_perm(permissions.COMPUTE_ROUTE)
    can_adopt = latest is not None and not latest.adopted and request.user.has_perm(
        permissions.ADOPT_ROUTE, latest)
    return render(request, "coordination/routes/route_detail.html", {
        "issue": issue,
        "latest": latest,
        "adopted": adopted,
        "history": routes[1:],
        "recommendation": _shown(latest.recommendation if latest else selectors.route_preview(issue)),
        "is_preview": latest is None,
        "can_compute": can_compute,
        "can_adopt": can_adopt,
        "compute_form": compute_form or (RouteComputeForm(rounds=rounds) if can_compute else None),
        "adopt_form": adopt_form or (RouteAdoptForm() if can_adopt else None),
    }, status=status)


@require_GET
def route_list(request: HttpRequest) -> HttpResponse:
    return render(request, "coordination/routes/route_list.html", {
        "routes": list(selectors.adopted_routes()),
    })


@require_GET
def route_detail(request: HttpRequest, slug: str) -> HttpResponse:
    return _page(request, _issue_or_404(slug))


@require_POST
def route_compute(request: HttpRequest, slug: str) -> HttpResponse:
    issue = _issue_or_404(slug)
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    if not request.user.has_perm(permissions.COMPUTE_ROUTE):
        return _forbidden(request, _("Only the site's editors and the facilitators of a "
                                     "coordinating body may compute routes."))
    form = RouteComputeForm(request.POST, rounds=selectors.route_rounds(issue))
    if not form.is_valid():
        return _page(request, issue, compute_form=form, status=422)
    try:
        services.route_compute(issue=issue, round=form.cleaned_data["round"], actor=request.user)
    except ApplicationError as exc:
        form.show_service_errors(exc)
        return _page(request, issue, compute_form=form,
                     status=403 if isinstance(exc, ServicePermissionDenied) else exc.status)
    messages.success(request, _("The route is computed from the map as it is now."))
    return redirect("coordination:route", slug=issue.slug)


@require_http_methods(["POST"])
def route_adopt(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    issue = _issue_or_404(slug)
    route = Route.objects.select_related("round__body", "issue").filter(
        pk=pk, issue=issue).first()
    if route is None:
        raise Http404(_("No such route for this issue."))
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    if not request.user.has_perm(permissions.ADOPT_ROUTE, route):
        return _forbidden(request, _("Only the facilitators of the coordinating body may adopt "
                                     "this route."))
    form = RouteAdoptForm(request.POST)
    if not form.is_valid():
        return _page(request, issue, adopt_form=form, status=422)
    try:
        services.route_adopt(route=route, actor=request.user, note=form.cleaned_data["note"])
    except ApplicationError as exc:
        form.show_service_errors(exc)
        return _page(request, issue, adopt_form=form,
                     status=403 if isinstance(exc, ServicePermissionDenied) else exc.status)
    messages.success(request, _("The route is adopted and recorded."))
    return redirect("coordination:route", slug=issue.slug)
