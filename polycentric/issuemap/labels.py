"""Words for gap statuses, shared by forms, charts and the site's template tags."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from polycentric.engines.gaps import GapStatus

STATUS_LABELS = {
    GapStatus.COVERED.value: _("Covered"),
    GapStatus.HOME_CANNOT_ACT.value: _("Home cannot act"),
    GapStatus.HOME_EXCLUDES_GROUPS.value: _("Home excludes groups"),
    GapStatus.HOME_NOT_GLOBAL.value: _("Home not global"),
    GapStatus.NO_HOME.value: _("No home"),
    GapStatus.NOT_ASSESSED.value: _("Not assessed"),
}

STATUS_HELP = {
    GapStatus.COVERED.value: _(
        "A global venue open to every stakeholder group covers it and can act."
    ),
    GapStatus.HOME_CANNOT_ACT.value: _(
        "Covered globally and openly, but no covering venue can decide or recommend."
    ),
    GapStatus.HOME_EXCLUDES_GROUPS.value: _(
        "No global venue covering it lets every stakeholder group take part."
    ),
    GapStatus.HOME_NOT_GLOBAL.value: _("Only regional or national venues cover it."),
    GapStatus.NO_HOME.value: _("No venue on the map covers it."),
    GapStatus.NOT_ASSESSED.value: _("No aspect of it needs global policy-making."),
}

RESERVED_SLUGS = frozenset({"new"})
"""Slugs that would collide with the pages' own paths (/issues/new/, /venues/new/)."""
