"""Admin for rounds and routes: facilitators are named here (or with `facilitator_add`); rounds,
ballots and routes are shown read-mostly, since their writes belong to the services."""

from __future__ import annotations

from django.contrib import admin

from polycentric.coordination.models import (
    Attendance,
    Facilitator,
    Meeting,
    PrioritisationRound,
    Process,
    RoundBallot,
    Route,
    Stage,
)


@admin.register(Facilitator)
class FacilitatorAdmin(admin.ModelAdmin):
    list_display = ("participant", "body", "start", "end")
    list_filter = ("body",)
    search_fields = ("participant__display_name", "body__name", "body__acronym")
    autocomplete_fields = ("participant",)


@admin.register(PrioritisationRound)
class PrioritisationRoundAdmin(admin.ModelAdmin):
    list_display = ("title", "body", "ballot_kind", "method", "balance", "opens_at", "closes_at")
    list_filter = ("body", "ballot_kind", "method")
    search_fields = ("title", "slug")
    readonly_fields = ("results", "results_computed_at", "announced_at")
    filter_horizontal = ("candidates",)


@admin.register(RoundBallot)
class RoundBallotAdmin(admin.ModelAdmin):
    """Ballots are secret until the close and cast only through the ballot service."""

    list_display = ("round", "participant", "group", "region", "cast_at", "updated_at")
    list_filter = ("round",)
    readonly_fields = ("round", "participant", "group", "region", "ranking", "approvals",
                       "scores", "cast_at", "updated_at")

    def has_add_permission(self, request, obj=None) -> bool:  # type: ignore[no-untyped-def]
        return False

    def has_change_permission(self, request, obj=None) -> bool:  # type: ignore[no-untyped-def]
        return False


@admin.register(Route)
class RouteAdmin(admin.ModelAdmin):
    list_display = ("issue", "kind", "computed_at", "adopted", "adopted_at")
    list_filter = ("kind", "adopted")
    search_fields = ("issue__title", "issue__slug")
    readonly_fields = ("recommendation", "reasons", "draft_charter", "computed_at", "adopted",
                       "adopted_by", "adopted_at", "adoption_note")


class _ReadOnly(admin.ModelAdmin):
    """Processes, stages, meetings and attendance change only through their services, which
    enforce notice and record events; the admin shows them."""

    def has_add_permission(self, request, obj=None) -> bool:  # type: ignore[no-untyped-def]
        return False

    def has_change_permission(self, request, obj=None) -> bool:  # type: ignore[no-untyped-def]
        return False

    def has_delete_permission(self, request, obj=None) -> bool:  # type: ignore[no-untyped-def]
        return False


@admin.register(Process)
class ProcessAdmin(_ReadOnly):
    list_display = ("title", "issue", "lead_body", "lead_venue", "status")
    list_filter = ("status",)
    search_fields = ("title", "slug", "issue__title")


@admin.register(Stage)
class StageAdmin(_ReadOnly):
    list_display = ("process", "order", "kind", "title", "starts_on", "announced_at", "opened_at")
    list_filter = ("kind",)


@admin.register(Meeting)
class MeetingAdmin(_ReadOnly):
    list_display = ("title", "process", "starts_at", "timezone", "announced_at",
                    "minutes_published_at")


@admin.register(Attendance)
class AttendanceAdmin(_ReadOnly):
    list_display = ("meeting", "participant", "group", "region")
