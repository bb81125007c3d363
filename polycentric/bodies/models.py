"""Bodies: their seats, the people holding them, and their charter.

A body's scorecard (principles P1, P3 and P4 with voting power) is computed by the principles
engine from these rows whenever seats or rules change, and stored in `Body.analysis`, so pages
and the API never recompute it. The stored document is the one `polycentric analyze --format
json` prints for the body's file (`polycentric.bodies.services.body_document`).
"""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from polycentric.accounts.models import Participant
from polycentric.bodies.analysis import GROUP_LENGTH, MAX_WEIGHT, SEAT_NAME_LENGTH
from polycentric.issuemap.models import Venue

RESERVED_SLUGS = frozenset({"new", "upload"})
"""Slugs that would collide with the pages' own paths (/bodies/new/, /bodies/upload/)."""

PRINCIPLE_KEYS = ("all_groups", "global", "no_group_decides_alone", "no_region_decides_alone")
"""The principles of a stored scorecard, in the order pages show them."""


class Body(models.Model):
    """A committee, working group or board with seats and a decision rule."""

    slug = models.SlugField(_("slug"), max_length=80, unique=True)
    name = models.CharField(_("name"), max_length=200)
    acronym = models.CharField(_("acronym"), max_length=40, blank=True)
    purpose = models.TextField(
        _("purpose"), blank=True, help_text=_("What the body is for, in a sentence or two.")
    )
    venue = models.ForeignKey(
        Venue,
        verbose_name=_("venue on the map"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="bodies",
        help_text=_("The venue on the map that this body is, if any."),
    )
    source = models.TextField(_("source"), blank=True)
    analysis = models.JSONField(
        _("analysis"),
        default=dict,
        blank=True,
        editable=False,
        help_text=_("The scorecard document, computed whenever seats or rules change."),
    )
    analysed_at = models.DateTimeField(_("analysed at"), null=True, blank=True, editable=False)
    created = models.DateTimeField(_("created"), auto_now_add=True)
    updated = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("body")
        verbose_name_plural = _("bodies")

    def __str__(self) -> str:
        return f"{self.name} ({self.acronym})" if self.acronym else self.name

    def get_absolute_url(self) -> str:
        return reverse("bodies:body", args=[self.slug])

    def clean(self) -> None:
        if self.slug in RESERVED_SLUGS:
            raise ValidationError(
                {"slug": _("“%(slug)s” is reserved for the site's own pages; choose another slug.")
                 % {"slug": self.slug}}
            )

    @property
    def label(self) -> str:
        return self.acronym or self.name

    @property
    def principles(self) -> dict[str, bool | None]:
        """Whether each principle passed, from the stored scorecard (None: not analysed)."""
        found = self.analysis.get("principles", {}) if isinstance(self.analysis, dict) else {}
        return {
            key: (found[key].get("passed") if isinstance(found.get(key), dict) else None)
            for key in PRINCIPLE_KEYS
        }


class SeatEntry(models.Model):
    """`count` identical seats of `weight` votes each, held for one stakeholder group.

    The group is a slug of the body's own set (CGI.br uses five); pages show the name of the
    site's stakeholder group with that slug when there is one. A blank region means the seats
    represent no region.
    """

    body = models.ForeignKey(
        Body, verbose_name=_("body"), on_delete=models.CASCADE, related_name="seat_entries"
    )
    name = models.CharField(_("name"), max_length=SEAT_NAME_LENGTH)
    group = models.CharField(_("stakeholder group"), max_length=GROUP_LENGTH)
    region = models.CharField(
        _("region"), max_length=GROUP_LENGTH, blank=True, help_text=_("Leave empty for no region.")
    )
    count = models.PositiveIntegerField(
        _("seats"), default=1, validators=[MinValueValidator(1)]
    )
    weight = models.PositiveIntegerField(
        _("votes per seat"), default=1, validators=[MaxValueValidator(MAX_WEIGHT)]
    )
    description = models.CharField(_("description"), max_length=300, blank=True)
    order = models.PositiveIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["body", "order", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["body", "name"], name="seat_entry_unique_name_in_body"),
            models.CheckConstraint(condition=models.Q(count__gte=1), name="seat_entry_count_at_least_1"),
            models.CheckConstraint(condition=models.Q(weight__gte=0), name="seat_entry_weight_not_negative"),
        ]
        verbose_name = _("seat entry")
        verbose_name_plural = _("seat entries")

    def __str__(self) -> str:
        return f"{self.name} ({self.count} x {self.group})"


class Charter(models.Model):
    """What a body is for and how it decides: one per body.

    The decision rule is data in the language of DESIGN.md ("Decision rules"), validated by the
    engine's parser; the notice periods are in days (the defaults of DESIGN.md, P2).
    """

    body = models.OneToOneField(
        Body, verbose_name=_("body"), on_delete=models.CASCADE, related_name="charter"
    )
    purpose = models.TextField(_("purpose"), blank=True)
    required_groups = models.JSONField(
        _("required stakeholder groups"), default=list, blank=True,
        help_text=_("Group slugs the body must include (principle P1)."),
    )
    required_regions = models.JSONField(
        _("required regions"), default=list, blank=True,
        help_text=_("Regions the body must include (principle P3)."),
    )
    decision_rule = models.JSONField(_("decision rule"), default=dict)
    fallback_rule = models.JSONField(_("fallback rule"), null=True, blank=True)
    fallback_when = models.TextField(
        _("when the fallback rule may be used"), blank=True,
        help_text=_("For example: when consensus has not been reached after two meetings."),
    )
    thresholds = models.JSONField(
        _("thresholds"), default=dict, blank=True,
        help_text=_("Principle thresholds that differ from the defaults."),
    )
    consultation_notice_days = models.PositiveSmallIntegerField(
        _("notice of consultations (days)"), default=30
    )
    decision_meeting_notice_days = models.PositiveSmallIntegerField(
        _("notice of decision meetings (days)"), default=30
    )
    meeting_notice_days = models.PositiveSmallIntegerField(
        _("notice of other meetings (days)"), default=14
    )
    minutes_days = models.PositiveSmallIntegerField(
        _("minutes published within (days)"), default=14
    )

    class Meta:
        verbose_name = _("charter")
        verbose_name_plural = _("charters")

    def __str__(self) -> str:
        return f"Charter of {self.body}"


class Member(models.Model):
    """A participant holding one seat of an entry from `start` until `end` (open: still serving)."""

    body = models.ForeignKey(
        Body, verbose_name=_("body"), on_delete=models.CASCADE, related_name="members"
    )
    seat_entry = models.ForeignKey(
        SeatEntry, verbose_name=_("seat entry"), on_delete=models.RESTRICT, related_name="members"
    )
    participant = models.ForeignKey(
        Participant, verbose_name=_("participant"), on_delete=models.PROTECT,
        related_name="body_seats",
    )
    start = models.DateField(_("start"))
    end = models.DateField(_("end"), null=True, blank=True)

    class Meta:
        ordering = ["body", "seat_entry__order", "start", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(end__isnull=True) | models.Q(end__gte=models.F("start")),
                name="member_end_not_before_start",
            ),
        ]
        verbose_name = _("member")
        verbose_name_plural = _("members")

    def __str__(self) -> str:
        return f"{self.participant} in {self.seat_entry.name}"
