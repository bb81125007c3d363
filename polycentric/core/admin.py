from django.contrib import admin

from polycentric.core.models import Event


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
