"""Template helpers for scorecards: verdict badges, shares as percentages, power indices."""

from __future__ import annotations

from django import template
from django.utils.formats import number_format
from django.utils.html import format_html
from django.utils.translation import gettext as _

from polycentric.bodies.svg import percent as share_percent

register = template.Library()


@register.filter
def percent(share: float | None) -> str:
    """0.4286 -> "42.9%" (localised); empty for no value."""
    return "" if share is None else share_percent(share)


@register.filter
def power(value: float | None) -> str:
    """A power index with four decimals (localised); a dash for no value."""
    return "\u2013" if value is None else number_format(round(value, 4), 4)


@register.simple_tag
def verdict(passed: bool | None) -> str:
    """A badge that says pass or fail in words and with a mark, not by colour alone."""
    if passed is None:
        return format_html('<span class="principle-verdict unknown">{}</span>', _("Not analysed"))
    if passed:
        return format_html('<span class="principle-verdict pass"><span aria-hidden="true">✓</span> {}</span>',
                           _("Passes"))
    return format_html('<span class="principle-verdict fail"><span aria-hidden="true">✗</span> {}</span>',
                       _("Fails"))
