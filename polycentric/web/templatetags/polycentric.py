"""Template helpers shared by every page: gap status labels and badges."""

from __future__ import annotations

from django import template
from django.utils.html import format_html

from polycentric.issuemap.labels import STATUS_HELP, STATUS_LABELS

register = template.Library()

@register.filter
def status_label(status: object) -> str:
    return str(STATUS_LABELS.get(str(getattr(status, "value", status)), status))


@register.filter
def status_help(status: object) -> str:
    return str(STATUS_HELP.get(str(getattr(status, "value", status)), ""))


@register.simple_tag
def status_badge(status: object) -> str:
    value = str(getattr(status, "value", status))
    return format_html(
        '<span class="status {}" title="{}">{}</span>',
        value,
        STATUS_HELP.get(value, ""),
        STATUS_LABELS.get(value, value),
    )
