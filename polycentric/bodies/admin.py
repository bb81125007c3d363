"""Django admin for bodies, for site administrators.

The admin writes rows directly rather than through the services, so every save and delete made
here records an event ("bodies.admin.<model>.changed" / ".deleted"), and a body whose seats or
charter changed is re-analysed. If the engine refuses the body as it now stands (say, a rule
naming a removed seat entry), its stored scorecard is cleared and the administrator is told why:
pages then show it as not analysed until it is fixed.
"""

from __future__ import annotations

import json
from typing import Any

from django.contrib import admin, messages
from django.db import transaction
from django.db.models import Model
from django.http import HttpRequest
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from polycentric.bodies import (
    permissions,  # noqa: F401 - registers the bodies' permissions
    services,
)
from polycentric.bodies.models import Body, Charter, Member, SeatEntry
from polycentric.core.admin import RecordedAdmin as CoreRecordedAdmin
from polycentric.core.errors import ApplicationError


def _reanalyse(request: HttpRequest, body: Body) -> None:
    try:
        with transaction.atomic():
            services.body_reanalyse(body=body, actor=request.user)
    except ApplicationError as exc:
        Body.objects.filter(pk=body.pk).update(analysis={}, analysed_at=None)
        messages.warning(request, _("%(body)s could not be analysed, so it shows no scorecard "
                                    "until this is fixed: %(problem)s")
                         % {"body": body, "problem": exc.message})


class RecordedAdmin(CoreRecordedAdmin):
    """Records a "bodies.admin.<model>.<change>" event for every change made here."""

    event_prefix = "bodies"


class CharterInline(admin.StackedInline):
    model = Charter
    can_delete = False
    fields = ["purpose", "required_groups", "required_regions", "decision_rule",
              "fallback_rule", "fallback_when", "thresholds", "consultation_notice_days",
              "decision_meeting_notice_days", "meeting_notice_days", "minutes_days"]


class SeatEntryInline(admin.TabularInline):
    model = SeatEntry
    extra = 0
    fields = ["order", "name", "group", "region", "count", "weight", "description"]


class MemberInline(admin.TabularInline):
    model = Member
    extra = 0
    fields = ["seat_entry", "participant", "start", "end"]
    autocomplete_fields = ["participant"]

    def formfield_for_foreignkey(self, db_field: Any, request: HttpRequest, **kwargs: Any) -> Any:
        if db_field.name == "seat_entry":
            body_id = request.resolver_match.kwargs.get("object_id") if request.resolver_match else None
            kwargs["queryset"] = SeatEntry.objects.filter(body_id=body_id)
        return super().formfield_for_foreignkey(db_field, request, **kwargs)


@admin.register(Body)
class BodyAdmin(RecordedAdmin):
    list_display = ["name", "acronym", "slug", "venue", "passed", "analysed_at"]
    list_select_related = ["venue"]
    search_fields = ["name", "acronym", "slug"]
    prepopulated_fields = {"slug": ["name"]}
    autocomplete_fields = ["venue"]
    readonly_fields = ["analysed_at", "scorecard"]
    fields = ["name", "acronym", "slug", "purpose", "venue", "source", "analysed_at", "scorecard"]
    inlines = [CharterInline, SeatEntryInline, MemberInline]

    @admin.display(boolean=True, description=_("passes every principle"))
    def passed(self, obj: Body) -> bool | None:
        return (obj.analysis or {}).get("passed")

    @admin.display(description=_("scorecard"))
    def scorecard(self, obj: Body) -> str:
        return format_html("<pre>{}</pre>", json.dumps(obj.analysis, indent=2)[:20_000])

    def save_related(self, request: HttpRequest, form: Any, formsets: Any, change: bool) -> None:
        super().save_related(request, form, formsets, change)
        body = form.instance
        if Charter.objects.filter(body=body).exists() and body.seat_entries.exists():
            _reanalyse(request, body)


@admin.register(SeatEntry)
class SeatEntryAdmin(RecordedAdmin):
    list_display = ["name", "body", "group", "region", "count", "weight"]
    list_select_related = ["body"]
    search_fields = ["name", "group", "body__name"]
    autocomplete_fields = ["body"]

    def save_model(self, request: HttpRequest, obj: Model, form: Any, change: bool) -> None:
        super().save_model(request, obj, form, change)
        assert isinstance(obj, SeatEntry)
        _reanalyse(request, obj.body)


@admin.register(Member)
class MemberAdmin(RecordedAdmin):
    list_display = ["participant", "body", "seat_entry", "start", "end"]
    list_select_related = ["participant", "body", "seat_entry"]
    list_filter = ["body"]
    search_fields = ["participant__display_name", "body__name"]
    autocomplete_fields = ["body", "participant"]
