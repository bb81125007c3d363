"""Django admin for people and their vocabularies.

Changes to a participant's declaration and token revocations go through the services, so they
are recorded in the event record like the same changes made on the site."""

from __future__ import annotations

from django.contrib import admin, messages
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from polycentric.accounts import services, tokens
from polycentric.accounts.models import (
    ApiToken,
    Country,
    CountryRegion,
    Participant,
    Region,
    RegionScheme,
    StakeholderGroup,
)
from polycentric.core.errors import ApplicationError


@admin.register(StakeholderGroup)
class StakeholderGroupAdmin(admin.ModelAdmin):
    list_display = ["name", "slug", "order", "is_default"]
    list_editable = ["order", "is_default"]
    search_fields = ["name", "slug"]
    prepopulated_fields = {"slug": ["name"]}


class RegionInline(admin.TabularInline):
    model = Region
    extra = 0
    fields = ["slug", "name", "order"]


@admin.register(RegionScheme)
class RegionSchemeAdmin(admin.ModelAdmin):
    list_display = ["name", "slug", "is_default"]
    search_fields = ["name", "slug"]
    prepopulated_fields = {"slug": ["name"]}
    inlines = [RegionInline]


@admin.register(Region)
class RegionAdmin(admin.ModelAdmin):
    list_display = ["name", "slug", "scheme", "order"]
    list_filter = ["scheme"]
    list_select_related = ["scheme"]
    search_fields = ["name", "slug"]


class CountryRegionInline(admin.TabularInline):
    model = CountryRegion
    extra = 0
    fields = ["scheme", "region"]
    autocomplete_fields = ["region"]


@admin.register(Country)
class CountryAdmin(admin.ModelAdmin):
    list_display = ["name", "code", "alpha3"]
    search_fields = ["name", "code", "alpha3"]
    inlines = [CountryRegionInline]


@admin.register(CountryRegion)
class CountryRegionAdmin(admin.ModelAdmin):
    list_display = ["country", "scheme", "region"]
    list_filter = ["scheme", "region"]
    list_select_related = ["country", "scheme", "region"]
    search_fields = ["country__name", "country__code"]
    autocomplete_fields = ["country", "region"]


@admin.register(Participant)
class ParticipantAdmin(admin.ModelAdmin):
    list_display = ["display_name", "user", "stakeholder_group", "country", "organisation", "created"]
    list_filter = ["stakeholder_group", "country"]
    list_select_related = ["user", "stakeholder_group", "country"]
    search_fields = ["display_name", "user__username", "organisation", "constituency"]
    autocomplete_fields = ["user", "country"]
    readonly_fields = ["created"]

    def get_readonly_fields(self, request, obj=None):
        if obj is not None:  # the account behind a profile never changes
            return [*self.readonly_fields, "user"]
        return self.readonly_fields

    def save_model(self, request, obj, form, change):
        if not change:
            super().save_model(request, obj, form, change)
            return
        changed = {name: form.cleaned_data[name] for name in form.changed_data
                   if name in services.PARTICIPANT_FIELDS}
        current = Participant.objects.get(pk=obj.pk)
        try:
            services.participant_update(participant=current, actor=request.user, **changed)
        except ApplicationError as exc:
            self.message_user(request, exc.message, level=messages.ERROR)


@admin.register(ApiToken)
class ApiTokenAdmin(admin.ModelAdmin):
    """Tokens are issued on the profile page (the plain token is shown once there); admins can
    see and revoke them."""

    list_display = ["name", "user", "prefix", "created", "last_used", "revoked"]
    list_filter = [("revoked", admin.EmptyFieldListFilter)]
    list_select_related = ["user"]
    search_fields = ["name", "user__username", "prefix"]
    readonly_fields = ["user", "name", "prefix", "created", "last_used", "revoked"]
    exclude = ["digest"]
    actions = ["revoke"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False  # revoke instead: a revoked token stays on record

    def has_revoke_permission(self, request):
        return request.user.has_perm("accounts.delete_apitoken")

    @admin.action(description=_("Revoke the selected tokens"), permissions=["revoke"])
    def revoke(self, request, queryset):
        count = 0
        for token in queryset.filter(revoked__isnull=True):
            tokens.api_token_revoke(token=token, actor=request.user)
            count += 1
        self.message_user(
            request,
            ngettext("%(count)d token revoked.", "%(count)d tokens revoked.", count) % {"count": count},
            messages.SUCCESS,
        )
