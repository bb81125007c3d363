"""Routes: the recommended way forward for a priority issue, computed from the map.

The routing engine (polycentric.engines.routing) recommends, in this order of preference, an
existing venue, a combination of venues, the facilitators of the issue's WSIS action lines, or a
new ad hoc multistakeholder working group with a draft charter. A `Route` stores one computed
recommendation with its reasons; the coordinating body adopts a route by a recorded act, and at
most one route per issue is adopted at a time.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from polycentric.issuemap.models import Issue, Venue

from .rounds import PrioritisationRound


class Route(models.Model):
    class Kind(models.TextChoices):
        EXISTING_VENUE = "existing_venue", _("An existing venue")
        VENUE_COMBINATION = "venue_combination", _("Several venues together")
        ACTION_LINE_FACILITATORS = (
            "action_line_facilitators",
            _("The facilitators of its WSIS action lines"),
        )
        NEW_WORKING_GROUP = "new_working_group", _("A new ad hoc multistakeholder working group")

    issue = models.ForeignKey(
        Issue, verbose_name=_("issue"), on_delete=models.CASCADE, related_name="routes"
    )
    round = models.ForeignKey(
        PrioritisationRound,
        verbose_name=_("prioritisation round"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="routes",
        help_text=_("The round that made the issue a priority, if any."),
    )
    kind = models.CharField(_("recommended route"), max_length=32, choices=Kind.choices)
    venues = models.ManyToManyField(
        Venue, verbose_name=_("recommended venues"), blank=True, related_name="routes"
    )
    draft_charter = models.JSONField(
        _("draft charter"),
        null=True,
        blank=True,
        help_text=_("For a new working group: a body document (seats and decision rule)."),
    )
    reasons = models.JSONField(_("reasons"), default=list, blank=True)
    recommendation = models.JSONField(
        _("recommendation"),
        default=dict,
        blank=True,
        help_text=_("The routing engine's whole answer, including what each venue contributes."),
    )
    computed_at = models.DateTimeField(_("computed at"))
    adopted = models.BooleanField(_("adopted"), default=False)
    adopted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("adopted by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    adopted_at = models.DateTimeField(_("adopted at"), null=True, blank=True)
    adoption_note = models.TextField(_("adoption note"), blank=True)

    class Meta:
        ordering = ["issue", "-computed_at", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["issue"],
                condition=models.Q(adopted=True),
                name="route_one_adopted_per_issue",
            ),
            models.CheckConstraint(
                condition=models.Q(adopted=False) | models.Q(adopted_at__isnull=False),
                name="route_adopted_has_time",
            ),
        ]
        verbose_name = _("route")
        verbose_name_plural = _("routes")

    def __str__(self) -> str:
        return f"{self.issue}: {self.get_kind_display()}"

    def get_absolute_url(self) -> str:
        return reverse("coordination:route", args=[self.issue.slug])
