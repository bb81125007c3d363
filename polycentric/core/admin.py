from typing import Any

from django.contrib import admin
from django.db import transaction
from django.db.models import Model, QuerySet
from django.http import HttpRequest

from polycentric.core.models import Event
from polycentric.core.services import event_record


class RecordedAdmin(admin.ModelAdmin):
    """An admin that records an event for every change made in it, inlines included.

    The admin writes rows directly rather than through the services; subclasses name their app's
    event prefix ("map", "bodies"), and events read "<prefix>.admin.<model>.<changed|deleted>".
    """

    event_prefix = "admin"

    def record(self, kind: str, obj: Model, actor: Any) -> None:
        event_record(kind=f"{self.event_prefix}.admin.{obj._meta.model_name}.{kind}", target=obj,
                     actor=actor, summary=str(obj)[:300], payload={"via": "admin"})

    def save_model(self, request: HttpRequest, obj: Model, form: Any, change: bool) -> None:
        with transaction.atomic():
            super().save_model(request, obj, form, change)
            self.record("changed" if change else "created", obj, request.user)

    def save_formset(self, request: HttpRequest, form: Any, formset: Any, change: bool) -> None:
        with transaction.atomic():
            for deleted in formset.deleted_forms:
                if deleted.instance.pk is not None:
                    self.record("deleted", deleted.instance, request.user)
            super().save_formset(request, form, formset, change)
            changed = [obj for obj, _fields in formset.changed_objects]
            for obj in [*formset.new_objects, *changed]:
                self.record("changed", obj, request.user)

    def delete_model(self, request: HttpRequest, obj: Model) -> None:
        with transaction.atomic():
            self.record("deleted", obj, request.user)
            super().delete_model(request, obj)

    def delete_queryset(self, request: HttpRequest, queryset: QuerySet) -> None:
        with transaction.atomic():
            for obj in queryset:
                self.record("deleted", obj, request.user)
            super().delete_queryset(request, queryset)


@admin.register(Event)
class EventAdmin(admin.ModelAdmin):
    list_display = ["time", "kind", "object_type", "object_id", "actor"]
    list_filter = ["kind"]
    readonly_fields = [f.name for f in Event._meta.fields]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
