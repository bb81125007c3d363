"""Template helpers shared by every page: gap status labels and badges."""

from __future__ import annotations

from django import template
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

register = template.Library()

STATUS_LABELS = {
    "covered": _("Covered"),
    "home_cannot_act": _("Home cannot act"),
    "home_excludes_groups": _("Home excludes groups"),
    "home_not_global": _("Home not global"),
    "no_home": _("No home"),
    "not_assessed": _("Not assessed"),
}

STATUS_HELP = {
    "covered": _("A global venue open to every stakeholder group covers it and can act."),
    "home_cannot_act": _("Covered globally and openly, but no covering venue can decide or recommend."),
    "home_excludes_groups": _("No global venue covering it lets every stakeholder group take part."),
    "home_not_global": _("Only regional or national venues cover it."),
    "no_home": _("No venue on the map covers it."),
    "not_assessed": _("No aspect of it needs global policy-making."),
}


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
