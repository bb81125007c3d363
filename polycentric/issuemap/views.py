"""The map's pages: issues, venues, gaps and action lines, and the editors' forms.

Views are thin: they parse the request with a form, read through `selectors`, write through
`services`, and render. Every page makes a fixed number of queries whatever the size of the map
(the list pages are paginated and the gap report is computed once and cached).
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable
from functools import wraps
from typing import Any

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.paginator import EmptyPage, Page, Paginator
from django.db.models import Count
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.cache import patch_vary_headers
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from polycentric.core.errors import ApplicationError
from polycentric.core.selectors import events_for
from polycentric.core.views import editor_form
from polycentric.engines.gaps import AspectGap, GapReport, GapStatus
from polycentric.issuemap import permissions, selectors, services
from polycentric.issuemap.forms import (
    AspectForm,
    FilterForm,
    GapFilterForm,
    IssueFilterForm,
    IssueForm,
    MandateForm,
    VenueFilterForm,
    VenueForm,
)
from polycentric.issuemap.labels import STATUS_LABELS
from polycentric.issuemap.models import Aspect, Issue, Mandate, Participation, Venue
from polycentric.issuemap.svg import MatrixRow, gap_matrix_svg

ISSUES_PER_PAGE = 50
VENUES_PER_PAGE = 50
GAP_ISSUES_PER_PAGE = 50
RECENT_EVENTS = 10

STATUS_ORDER = [
    GapStatus.NO_HOME,
    GapStatus.HOME_NOT_GLOBAL,
    GapStatus.HOME_EXCLUDES_GROUPS,
    GapStatus.HOME_CANNOT_ACT,
    GapStatus.COVERED,
    GapStatus.NOT_ASSESSED,
]

CRITERIA = (
    (gettext_lazy("Has a home"), gettext_lazy("At least one venue covers the aspect.")),
    (gettext_lazy("Global reach"), gettext_lazy("A covering venue reaches the whole world.")),
    (
        gettext_lazy("All groups take part"),
        gettext_lazy("A covering venue lets every stakeholder group take part "
                     "(as member, appointed or open)."),
    ),
    (gettext_lazy("Can act"), gettext_lazy("A covering venue can decide or recommend.")),
)

EVENT_LABELS = {
    "map.issue.created": gettext_lazy("Issue created"),
    "map.issue.updated": gettext_lazy("Issue changed"),
    "map.aspect.created": gettext_lazy("Aspect added"),
    "map.aspect.updated": gettext_lazy("Aspect changed"),
    "map.mandate.created": gettext_lazy("Mandate added"),
    "map.mandate.updated": gettext_lazy("Mandate changed"),
    "map.mandate.deleted": gettext_lazy("Mandate removed"),
    "map.import": gettext_lazy("Imported"),
}

ASSESSED_ORDER = [s for s in STATUS_ORDER if s is not GapStatus.NOT_ASSESSED]


# ---- helpers ----------------------------------------------------------------------------------


def editor_required(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """Anonymous visitors go to the login page; signed-in users who may not edit the map get
    403 with an explanation."""

    @wraps(view)
    def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        if not request.user.has_perm(permissions.CHANGE_MAP):
            return render(request, "issuemap/forbidden.html", status=403)
        return view(request, *args, **kwargs)

    return wrapped


def _paginate(form: FilterForm, items: Any, per_page: int) -> Page | None:
    """The requested page, or None with an error on the form's `page` field."""
    paginator = Paginator(items, per_page)
    number = form.cleaned_data.get("page") or 1
    try:
        return paginator.page(number)
    except EmptyPage:
        form.add_error("page", _("There is no page %(number)s; the last page is %(last)s.")
                       % {"number": number, "last": paginator.num_pages})
        return None


def _render_list(
    request: HttpRequest, template: str, partial: str, context: dict[str, Any], *, ok: bool
) -> HttpResponse:
    """The full page, or just the results when htmx asks for them."""
    name = partial if request.headers.get("HX-Request") == "true" else template
    response = render(request, name, context, status=200 if ok else 400)
    patch_vary_headers(response, ["HX-Request"])
    return response


def _participation(venue: Venue, groups: list[Any]) -> list[dict[str, Any]]:
    """One cell per stakeholder group: the mode, its label and whether it counts as taking part."""
    return [
        {"group": group, "mode": mode, "label": Participation.Mode(mode).label,
         "takes_part": takes_part}
        for group, mode, takes_part in selectors.participation_matrix(venue, groups)
    ]


def _issue_status(report: GapReport, slug: str) -> GapStatus:
    entry = report.issues.get(slug)
    return entry.status if entry else GapStatus.NOT_ASSESSED


# ---- issues -----------------------------------------------------------------------------------


@require_GET
def issue_list(request: HttpRequest) -> HttpResponse:
    form = IssueFilterForm(request.GET)
    report = selectors.gap_report()
    page = None
    rows: list[dict[str, Any]] = []
    if form.is_valid():
        filters = selectors.IssueFilters(**form.filter_values())
        page = _paginate(form, selectors.issue_list(filters, report=report), ISSUES_PER_PAGE)
    if page is not None:
        for issue in page.object_list:
            aspects = issue.aspects.all()
            rows.append({
                "issue": issue,
                "status": _issue_status(report, issue.slug),
                "aspect_count": len(aspects),
                "global_count": sum(1 for a in aspects if a.needs_global_policy),
            })
    context = {"form": form, "page": page, "rows": rows, "query": form.active_query()}
    return _render_list(request, "issuemap/issue_list.html", "issuemap/_issue_results.html",
                        context, ok=page is not None)


def _issue_or_404(slug: str) -> Issue:
    try:
        return selectors.issue_get(slug)
    except Issue.DoesNotExist as exc:
        raise Http404(_("No issue with the slug “%(slug)s”.") % {"slug": slug}) from exc


@require_GET
def issue_detail(request: HttpRequest, slug: str) -> HttpResponse:
    issue = _issue_or_404(slug)
    report = selectors.gap_report()
    issue_gap = report.issues.get(issue.slug)
    gaps: dict[str, AspectGap] = {g.aspect: g for g in issue_gap.aspects} if issue_gap else {}
    mandates = list(issue.mandates.all())
    whole_issue = [m for m in mandates if m.aspect_id is None]
    by_aspect: dict[int, list[Mandate]] = defaultdict(list)
    for mandate in mandates:
        if mandate.aspect_id is not None:
            by_aspect[mandate.aspect_id].append(mandate)
    aspects = [
        {
            "aspect": aspect,
            "mandates": whole_issue + by_aspect[aspect.pk],
            "gap": gaps.get(aspect.slug),
        }
        for aspect in issue.aspects.all()
    ]
    events = list(events_for(issue).select_related("actor__participant")[:RECENT_EVENTS])
    for event in events:
        event.label = EVENT_LABELS.get(event.kind, event.kind)
    return render(request, "issuemap/issue_detail.html", {
        "issue": issue,
        "status": issue_gap.status if issue_gap else GapStatus.NOT_ASSESSED,
        "aspects": aspects,
        "whole_issue": whole_issue,
        "events": events,
    })


@editor_required
@require_http_methods(["GET", "POST"])
def issue_create(request: HttpRequest) -> HttpResponse:
    form = IssueForm(request.POST or None)

    def write() -> Issue:
        return services.issue_create(
            actor=request.user,
            action_lines=list(form.cleaned_data["action_lines"]),
            **form.service_values(("slug", "title", "basket", "summary", "expertise", "status",
                                   "priority", "source")),
        )

    return editor_form(request, form, write, "issuemap/issue_form.html", {},
                        done=lambda issue: _("Issue “%(title)s” created.") % {"title": issue.title})


@editor_required
@require_http_methods(["GET", "POST"])
def issue_edit(request: HttpRequest, slug: str) -> HttpResponse:
    issue = _issue_or_404(slug)
    form = IssueForm(request.POST or None, instance=issue)

    def write() -> Issue:
        return services.issue_update(
            issue=issue,
            actor=request.user,
            action_lines=list(form.cleaned_data["action_lines"]),
            **form.service_values(services.ISSUE_FIELDS),
        )

    return editor_form(request, form, write, "issuemap/issue_form.html", {"issue": issue},
                        done=lambda saved: _("Issue “%(title)s” saved.") % {"title": saved.title})


# ---- aspects ----------------------------------------------------------------------------------


@editor_required
@require_http_methods(["GET", "POST"])
def aspect_create(request: HttpRequest, slug: str) -> HttpResponse:
    issue = get_object_or_404(Issue, slug=slug)
    form = AspectForm(request.POST or None, issue=issue)

    def write() -> Aspect:
        return services.aspect_create(issue=issue, actor=request.user,
                                      **form.service_values(services.ASPECT_FIELDS))

    return editor_form(request, form, write, "issuemap/aspect_form.html", {"issue": issue},
                        done=lambda aspect: _("Aspect “%(title)s” added.") % {"title": aspect.title},
                        then=lambda aspect: issue)


@editor_required
@require_http_methods(["GET", "POST"])
def aspect_edit(request: HttpRequest, slug: str, aspect: str) -> HttpResponse:
    found = get_object_or_404(Aspect.objects.select_related("issue"), issue__slug=slug, slug=aspect)
    form = AspectForm(request.POST or None, issue=found.issue, instance=found)

    def write() -> Aspect:
        values = form.service_values(services.ASPECT_FIELDS)
        if values.get("order") is None:
            values.pop("order", None)  # an empty order keeps the aspect where it is
        return services.aspect_update(aspect=found, actor=request.user, **values)

    return editor_form(request, form, write, "issuemap/aspect_form.html",
                        {"issue": found.issue, "aspect": found},
                        done=lambda saved: _("Aspect “%(title)s” saved.") % {"title": saved.title},
                        then=lambda saved: saved.issue)


# ---- venues -----------------------------------------------------------------------------------


@require_GET
def venue_list(request: HttpRequest) -> HttpResponse:
    form = VenueFilterForm(request.GET)
    page = None
    groups = list(selectors.stakeholder_group_list())
    rows: list[dict[str, Any]] = []
    if form.is_valid():
        values = form.filter_values()
        venues = selectors.venue_list(reach=values["reach"], kind=values["kind"], q=values["q"])
        page = _paginate(form, venues, VENUES_PER_PAGE)
    if page is not None:
        rows = [
            {"venue": venue, "participation": _participation(venue, groups)}
            for venue in page.object_list
        ]
    context = {"form": form, "page": page, "rows": rows, "groups": groups,
               "query": form.active_query()}
    return _render_list(request, "issuemap/venue_list.html", "issuemap/_venue_results.html",
                        context, ok=page is not None)


def _venue_or_404(slug: str) -> Venue:
    try:
        return selectors.venue_get(slug)
    except Venue.DoesNotExist as exc:
        raise Http404(_("No venue with the slug “%(slug)s”.") % {"slug": slug}) from exc


@require_GET
def venue_detail(request: HttpRequest, slug: str) -> HttpResponse:
    venue = _venue_or_404(slug)
    report = selectors.gap_report()
    groups = list(selectors.stakeholder_group_list())
    covered: dict[int, dict[str, Any]] = {}
    for mandate in venue.mandates.all():
        entry = covered.setdefault(mandate.issue_id, {
            "issue": mandate.issue,
            "status": _issue_status(report, mandate.issue.slug),
            "mandates": [],
        })
        entry["mandates"].append(mandate)
    return render(request, "issuemap/venue_detail.html", {
        "venue": venue,
        "participation": _participation(venue, groups),
        "covered": list(covered.values()),
        "taking_part": sorted(report.parameters.taking_part),
    })


def _venue_related(form: VenueForm) -> dict[str, Any]:
    return {
        "participation": form.participation(),
        "regions": list(form.cleaned_data["regions"]),
        "action_lines": list(form.cleaned_data["action_lines"]),
    }


@editor_required
@require_http_methods(["GET", "POST"])
def venue_create(request: HttpRequest) -> HttpResponse:
    form = VenueForm(request.POST or None)

    def write() -> Venue:
        return services.venue_create(actor=request.user, **_venue_related(form),
                                     **form.service_values(services.VENUE_FIELDS))

    return editor_form(request, form, write, "issuemap/venue_form.html", {},
                        done=lambda venue: _("Venue “%(name)s” created.") % {"name": venue.name})


@editor_required
@require_http_methods(["GET", "POST"])
def venue_edit(request: HttpRequest, slug: str) -> HttpResponse:
    venue = _venue_or_404(slug)
    form = VenueForm(request.POST or None, instance=venue)

    def write() -> Venue:
        return services.venue_update(venue=venue, actor=request.user, **_venue_related(form),
                                     **form.service_values(services.VENUE_FIELDS))

    return editor_form(request, form, write, "issuemap/venue_form.html", {"venue": venue},
                        done=lambda saved: _("Venue “%(name)s” saved.") % {"name": saved.name})


# ---- mandates ---------------------------------------------------------------------------------


MANDATE_FIELDS = ("venue", "aspect", "extent", "source", "note")


@editor_required
@require_http_methods(["GET", "POST"])
def mandate_create(request: HttpRequest) -> HttpResponse:
    slug = request.GET.get("issue", "")
    issue = Issue.objects.filter(slug=slug).first() if slug else None
    if issue is None:
        problem = (_("Unknown issue “%(slug)s”.") % {"slug": slug} if slug
                   else _("Say which issue the mandate is for."))
        return render(request, "issuemap/mandate_no_issue.html", {"problem": problem},
                      status=400)
    form = MandateForm(request.POST or None, issue=issue,
                       initial={"aspect": request.GET.get("aspect") or None})

    def write() -> Mandate:
        return services.mandate_create(issue=issue, actor=request.user,
                                       **form.service_values(MANDATE_FIELDS))

    return editor_form(request, form, write, "issuemap/mandate_form.html", {"issue": issue},
                        done=lambda mandate: _("Mandate added."), then=lambda mandate: issue)


def _mandate_or_404(pk: int) -> Mandate:
    return get_object_or_404(selectors.mandate_list(), pk=pk)


@editor_required
@require_http_methods(["GET", "POST"])
def mandate_edit(request: HttpRequest, pk: int) -> HttpResponse:
    mandate = _mandate_or_404(pk)
    form = MandateForm(request.POST or None, issue=mandate.issue, instance=mandate)

    def write() -> Mandate:
        return services.mandate_update(mandate=mandate, actor=request.user,
                                       **form.service_values(MANDATE_FIELDS))

    return editor_form(request, form, write, "issuemap/mandate_form.html",
                        {"issue": mandate.issue, "mandate": mandate},
                        done=lambda saved: _("Mandate saved."), then=lambda saved: saved.issue)


@editor_required
@require_POST
def mandate_delete(request: HttpRequest, pk: int) -> HttpResponse:
    mandate = _mandate_or_404(pk)
    issue = mandate.issue
    try:
        services.mandate_delete(mandate=mandate, actor=request.user)
    except ApplicationError as exc:
        messages.error(request, exc.message)
    else:
        messages.success(request, _("Mandate removed."))
    return redirect(issue)


# ---- gaps -------------------------------------------------------------------------------------


def _criteria_met(gap: AspectGap) -> tuple[bool, bool, bool, bool]:
    """Each criterion is met when any covering venue the report lists meets it."""
    venues = gap.venues
    return (
        bool(venues),
        any(v.is_global for v in venues),
        any(not v.groups_left_out for v in venues),
        any(v.can_act for v in venues),
    )


@require_GET
def gap_report(request: HttpRequest) -> HttpResponse:
    form = GapFilterForm(request.GET)
    report = selectors.gap_report()
    page = None
    groups: list[dict[str, Any]] = []
    aspect_counts: Counter[str] = Counter()
    issue_counts: Counter[str] = Counter()
    svg = ""
    if form.is_valid():
        values = form.filter_values()
        # Issues of the chosen basket in title order: one query, slugs and titles only.
        issues = (
            selectors.issue_list(selectors.IssueFilters(basket=values["basket"]))
            .prefetch_related(None)
            .values_list("slug", flat=True)
        )
        selected = []
        for slug in issues:
            entry = report.issues.get(slug)
            if entry is None:
                continue
            issue_counts[entry.status.value] += 1
            aspect_counts.update(g.status.value for g in entry.aspects)
            shown = [g for g in entry.aspects
                     if not values["status"] or g.status.value == values["status"]]
            if shown:
                selected.append((slug, entry, shown))
        page = _paginate(form, selected, GAP_ISSUES_PER_PAGE)
    if page is not None:
        slugs = [slug for slug, _entry, _shown in page.object_list]
        found = {i.slug: i for i in selectors.issue_list().filter(slug__in=slugs)}
        for slug, entry, shown in page.object_list:
            issue = found[slug]
            titles = {a.slug: a.title for a in issue.aspects.all()}
            groups.append({
                "issue": issue,
                "status": entry.status,
                "rows": [
                    {
                        "gap": gap,
                        "title": titles.get(gap.aspect, gap.aspect),
                        "met": _criteria_met(gap),
                        "left_out": [report.parameters.group_name(g) for g in gap.groups_left_out],
                    }
                    for gap in shown
                ],
            })
        svg = gap_matrix_svg(
            [
                MatrixRow(group["issue"].title, row["title"], row["gap"].status.value,
                          str(STATUS_LABELS[row["gap"].status.value]), row["met"])
                for group in groups
                for row in group["rows"]
            ],
            criteria=[str(name) for name, _help in CRITERIA],
            title=_("Gap matrix: aspects that need global policy against the four criteria"),
            description=_("Each row is an aspect; a tick means at least one venue covering it "
                          "meets the criterion, a cross that none does. The table below gives "
                          "the same data."),
        )
    context = {
        "form": form,
        "page": page,
        "groups": groups,
        "svg": svg,
        "criteria": CRITERIA,
        "summary": [
            {"status": s, "aspects": aspect_counts[s.value], "issues": issue_counts[s.value]}
            for s in ASSESSED_ORDER
        ],
        "not_assessed": issue_counts[GapStatus.NOT_ASSESSED.value],
        "aspect_total": sum(aspect_counts.values()),
        "query": form.active_query(),
    }
    return render(request, "issuemap/gap_report.html", context,
                  status=200 if page is not None else 400)


# ---- action lines -----------------------------------------------------------------------------


@require_GET
def action_line_list(request: HttpRequest) -> HttpResponse:
    lines = list(selectors.action_line_list().annotate(issue_count=Count("issues", distinct=True)))
    sub_lines: dict[int, list[Any]] = defaultdict(list)
    for line in lines:
        if line.parent_id is not None:
            sub_lines[line.parent_id].append(line)
    top = [
        {"line": line, "sub_lines": sub_lines.get(line.pk, [])}
        for line in lines
        if line.parent_id is None
    ]
    return render(request, "issuemap/action_lines.html", {
        "lines": top, "issues_url": reverse("issuemap:issues"),
    })
