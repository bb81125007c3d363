"""Django admin for the map, for site administrators.

The admin writes rows directly rather than through the services, so every save and delete made
here records an event ("map.admin.<model>.changed" / ".deleted"). That keeps the event record
complete and moves the map revision on, so cached gap reports are not served stale.
"""

from __future__ import annotations

from django.contrib import admin
from django.db import models

from polycentric.core.admin import RecordedAdmin as CoreRecordedAdmin
from polycentric.issuemap import permissions  # noqa: F401 - registers the map's permissions
from polycentric.issuemap.models import (
    ActionLine,
    Aspect,
    Basket,
    Issue,
    Mandate,
    Participation,
    Venue,
)

URL_FIELDS = {models.URLField: {"assume_scheme": "https"}}
"""Web addresses typed without a scheme get https:// (Django 6's default)."""


class RecordedAdmin(CoreRecordedAdmin):
    """Records a "map.admin.<model>.<change>" event for every change made here."""

    event_prefix = "map"

    formfield_overrides = URL_FIELDS


class AspectInline(admin.TabularInline):
    model = Aspect
    extra = 0
    fields = ["order", "slug", "title", "needs_global_policy"]


class MandateInline(admin.TabularInline):
    model = Mandate
    formfield_overrides = URL_FIELDS
    extra = 0
    fields = ["venue", "aspect", "extent", "source"]
    autocomplete_fields = ["venue"]


class ParticipationInline(admin.TabularInline):
    model = Participation
    extra = 0
    fields = ["group", "mode"]


@admin.register(Basket)
class BasketAdmin(RecordedAdmin):
    list_display = ["name", "slug", "order"]
    search_fields = ["name", "slug"]
    prepopulated_fields = {"slug": ["name"]}


@admin.register(ActionLine)
class ActionLineAdmin(RecordedAdmin):
    list_display = ["code", "title", "parent", "lead_facilitator"]
    list_select_related = ["parent"]
    search_fields = ["code", "title", "lead_facilitator"]


@admin.register(Issue)
class IssueAdmin(RecordedAdmin):
    list_display = ["title", "slug", "basket", "status", "priority", "updated"]
    list_filter = ["basket", "status"]
    list_select_related = ["basket"]
    search_fields = ["title", "slug", "summary"]
    prepopulated_fields = {"slug": ["title"]}
    filter_horizontal = ["action_lines"]
    inlines = [AspectInline, MandateInline]


@admin.register(Aspect)
class AspectAdmin(RecordedAdmin):
    list_display = ["title", "issue", "slug", "needs_global_policy", "order"]
    list_filter = ["needs_global_policy"]
    list_select_related = ["issue"]
    search_fields = ["title", "slug", "issue__title"]
    autocomplete_fields = ["issue"]


@admin.register(Venue)
class VenueAdmin(RecordedAdmin):
    list_display = ["name", "acronym", "kind", "reach", "can_decide", "can_recommend"]
    list_filter = ["kind", "reach", "outputs", "can_decide", "can_recommend"]
    search_fields = ["name", "acronym", "slug"]
    prepopulated_fields = {"slug": ["name"]}
    filter_horizontal = ["regions", "action_lines"]
    autocomplete_fields = ["parent"]
    inlines = [ParticipationInline]


@admin.register(Participation)
class ParticipationAdmin(RecordedAdmin):
    list_display = ["venue", "group", "mode"]
    list_filter = ["mode", "group"]
    list_select_related = ["venue", "group"]
    search_fields = ["venue__name", "venue__acronym"]
    autocomplete_fields = ["venue"]


@admin.register(Mandate)
class MandateAdmin(RecordedAdmin):
    list_display = ["__str__", "venue", "issue", "aspect", "extent"]
    list_filter = ["extent"]
    list_select_related = ["venue", "issue", "aspect"]
    search_fields = ["venue__name", "venue__acronym", "issue__title"]
    autocomplete_fields = ["venue", "issue", "aspect"]
