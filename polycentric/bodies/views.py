"""The bodies pages: the list with every scorecard at a glance, the body page (scorecard, seats
and their power, charts, charter, members, "what if"), and the editors' forms.

Views are thin: they parse the request with a form, read through `selectors`, write through
`services`, and render. Scorecards are read from the body row, never recomputed for a page; only
"what if" analyses the seats under another rule, without saving.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any

from django.contrib.auth.views import redirect_to_login
from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from polycentric.bodies import permissions, selectors, services
from polycentric.bodies.forms import (
    BodyForm,
    BodyUploadForm,
    MemberEndForm,
    MemberForm,
    WhatIfForm,
    yaml_text,
)
from polycentric.bodies.models import Body, Member
from polycentric.bodies.scorecards import (
    name_label,
    principle_rows,
    seat_rows,
    share_rows,
)
from polycentric.bodies.svg import power_chart_svg
from polycentric.core.errors import ApplicationError
from polycentric.core.views import editor_form
from polycentric.engines.principles import BodyFileError, parse_body_data, rule_words

BODIES_PER_PAGE = 50


# ---- helpers ------------------------------------------------------------------------------------


def editor_required(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """Anonymous visitors go to the login page; signed-in users who may not edit bodies get 403
    with an explanation."""

    @wraps(view)
    def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        if not request.user.has_perm(permissions.CHANGE_BODIES):
            return render(request, "bodies/forbidden.html", status=403)
        return view(request, *args, **kwargs)

    return wrapped


def _body_or_404(slug: str) -> Body:
    try:
        return selectors.body_get(slug)
    except Body.DoesNotExist as exc:
        raise Http404(_("No body with the slug “%(slug)s”.") % {"slug": slug}) from exc


def _fallback_words(body: Body) -> str:
    """The fallback rule in words, if the body has one (it is recorded, not analysed)."""
    if not body.charter.fallback_rule:
        return ""
    try:
        spec = parse_body_data(services.body_document(body), name=body.slug)
    except BodyFileError:
        return ""
    return rule_words(spec.fallback_rule, spec.seats) if spec.fallback_rule else ""


# ---- reading ------------------------------------------------------------------------------------


@require_GET
def body_list(request: HttpRequest) -> HttpResponse:
    paginator = Paginator(selectors.body_list(), BODIES_PER_PAGE)
    problem = ""
    try:
        page = paginator.page(request.GET.get("page") or 1)
    except PageNotAnInteger:
        page, problem = None, _("The page must be a whole number, such as 2.")
    except EmptyPage:
        page, problem = None, _("There is no such page; the last page is %(last)s.") % {
            "last": paginator.num_pages}
    rows = []
    for body in page.object_list if page else []:
        glance = selectors.body_glance(body)
        verdicts = {key: {"passed": passed} for key, passed in glance["principles"].items()}
        rows.append({"body": body, "principles": principle_rows({"principles": verdicts}),
                     "seats": glance["seats"], "rule": glance["rule_summary"]})
    return render(request, "bodies/body_list.html", {"page": page, "rows": rows,
                                                     "problem": problem},
                  status=400 if problem else 200)


def _power_charts(scorecard: dict[str, Any], names: dict[str, str], body: Body) -> dict[str, Any]:
    groups = share_rows(scorecard, "group", names)
    regions = share_rows(scorecard, "region", rest_label=_("No region"))
    charts: dict[str, Any] = {"groups": groups, "regions": regions}
    if groups:
        charts["groups_svg"] = power_chart_svg(
            [row.chart_row() for row in groups], chart_id="chart-groups",
            title=_("%(body)s: seats and voting power by stakeholder group") % {"body": body.label},
            description=_("For each stakeholder group, three bars: its share of the seats, of the "
                          "Banzhaf power and of the Shapley-Shubik power. The table below gives "
                          "the same numbers."),
        )
    if regions:
        charts["regions_svg"] = power_chart_svg(
            [row.chart_row() for row in regions], chart_id="chart-regions",
            title=_("%(body)s: seats and voting power by region") % {"body": body.label},
            description=_("For each region, three bars: its share of the seats, of the Banzhaf "
                          "power and of the Shapley-Shubik power. The table below gives the same "
                          "numbers."),
        )
    return charts


def _what_if(request: HttpRequest, body: Body, names: dict[str, str]) -> dict[str, Any]:
    """The "what if" form and, when it was sent and is valid, the scorecard under its rule."""
    sent = any(key.startswith("whatif-") for key in request.GET)
    form = WhatIfForm(request.GET if sent else None)
    result: dict[str, Any] = {"form": form, "sent": sent}
    if sent and form.is_valid() and form.rule_value is not None:
        try:
            scorecard = services.body_analyse_under(body=body, rule=form.rule_value)
        except ApplicationError as exc:
            form.show_rule_errors(exc)
        else:
            current = principle_rows(body.analysis, names)
            other = principle_rows(scorecard, names)
            groups_now = {r.label: r for r in share_rows(body.analysis, "group", names)}
            result.update({
                "scorecard": scorecard,
                "principles": list(zip(current, other, strict=True)),
                "groups": [
                    {"row": row, "now": groups_now.get(row.label)}
                    for row in share_rows(scorecard, "group", names)
                ],
                "veto": scorecard.get("veto", []),
            })
    return result


@require_GET
def body_detail(request: HttpRequest, slug: str) -> HttpResponse:
    body = _body_or_404(slug)
    names = selectors.group_names()
    scorecard = body.analysis or {}
    entries = list(body.seat_entries.all())
    members = list(body.members.all())
    what_if = _what_if(request, body, names)
    charter = body.charter
    context = {
        "body": body,
        "charter": charter,
        "scorecard": scorecard,
        "principles": principle_rows(scorecard, names),
        "seats": seat_rows(scorecard, entries, names),
        "charts": _power_charts(scorecard, names, body),
        "required_groups": [name_label(g, names) for g in charter.required_groups],
        "required_regions": [name_label(r) for r in charter.required_regions],
        "fallback_words": _fallback_words(body),
        "rule_text": yaml_text(charter.decision_rule),
        "fallback_text": yaml_text(charter.fallback_rule) if charter.fallback_rule else "",
        "current_members": [m for m in members if m.end is None],
        "past_members": [m for m in members if m.end is not None],
        "what_if": what_if,
        "can_edit": request.user.has_perm(permissions.CHANGE_BODIES),
    }
    status = 422 if what_if["sent"] and what_if["form"].errors else 200
    return render(request, "bodies/body_detail.html", context, status=status)


@require_GET
def body_file(request: HttpRequest, slug: str) -> HttpResponse:
    """The body file of a body (YAML): `polycentric analyze` on it prints the page's scorecard."""
    body = _body_or_404(slug)
    response = HttpResponse(services.body_document_text(body),
                            content_type="application/yaml; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{body.slug}.yaml"'
    return response


# ---- editing ------------------------------------------------------------------------------------


@editor_required
@require_http_methods(["GET", "POST"])
def body_create(request: HttpRequest) -> HttpResponse:
    form = BodyForm(request.POST or None)

    def write() -> Body:
        values = form.body_values()
        values.pop("purpose", None)
        return services.body_create_from_data(
            document=form.document(), actor=request.user, charter=form.charter_values(),
            **values,
        )

    return editor_form(request, form, write, "bodies/body_form.html", {},
                        done=lambda body: _("Body “%(name)s” created.") % {"name": body.name})


@editor_required
@require_http_methods(["GET", "POST"])
def body_upload(request: HttpRequest) -> HttpResponse:
    form = BodyUploadForm(request.POST or None, request.FILES or None)

    def write() -> Body:
        data = form.cleaned_data
        return services.body_create_from_document(
            text=data["file"], name=form.file_name, actor=request.user, venue=data["venue"],
            slug=data["slug"] or None, acronym=data["acronym"], source=data["source"],
        )

    return editor_form(request, form, write, "bodies/body_upload.html", {},
                        done=lambda body: _("Body “%(name)s” created from the file.")
                        % {"name": body.name})


@editor_required
@require_http_methods(["GET", "POST"])
def body_edit(request: HttpRequest, slug: str) -> HttpResponse:
    body = _body_or_404(slug)
    form = BodyForm(request.POST or None, body=body)

    def write() -> Body:
        return services.body_update(
            body=body, actor=request.user, document=form.document(), file_name="form",
            charter=form.charter_values(), **form.body_values(),
        )

    return editor_form(request, form, write, "bodies/body_form.html", {"body": body},
                        done=lambda saved: _("Body “%(name)s” saved.") % {"name": saved.name})


@editor_required
@require_http_methods(["GET", "POST"])
def member_add(request: HttpRequest, slug: str) -> HttpResponse:
    body = _body_or_404(slug)
    form = MemberForm(request.POST or None, body=body)

    def write() -> Member:
        data = form.cleaned_data
        return services.member_add(body=body, seat_entry=data["seat_entry"],
                                   participant=data["participant"], start=data["start"],
                                   end=data["end"], actor=request.user)

    return editor_form(request, form, write, "bodies/member_form.html", {"body": body},
                        done=lambda member: _("%(person)s now holds a %(entry)s seat.")
                        % {"person": member.participant, "entry": member.seat_entry.name},
                        then=lambda member: body)


@editor_required
@require_http_methods(["GET", "POST"])
def member_end(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    member = get_object_or_404(Member.objects.select_related("body", "participant", "seat_entry"),
                               body__slug=slug, pk=pk)
    form = MemberEndForm(request.POST or None, member=member)

    def write() -> Member:
        return services.member_end(member=member, end=form.cleaned_data["end"],
                                   actor=request.user)

    return editor_form(request, form, write, "bodies/member_end.html",
                        {"body": member.body, "member": member},
                        done=lambda saved: _("The term of %(person)s ends on %(date)s.") % {
                            "person": saved.participant, "date": saved.end.isoformat()},
                        then=lambda saved: saved.body)
