"""Processes and their roadmaps: one issue taken forward as ordered, dated stages and meetings.

Every stage and meeting carries the background its announcement must give (aim and purpose,
modalities, significance); principle P2 checks that it was announced at least the lead body's
charter notice period before it starts, and that minutes were published in time.

A process is kept by its coordinating body (the body whose facilitators manage its roadmap and
meetings; the lead body when none is named). Its notice periods come from the lead body's
charter, else the coordinating body's, else the defaults of DESIGN.md.
"""

from __future__ import annotations

import zoneinfo

from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from polycentric.accounts.models import Participant, Region, StakeholderGroup
from polycentric.bodies.models import Body
from polycentric.issuemap.models import Issue, Venue

RESERVED_SLUGS = frozenset({"new"})
"""Process slugs that would collide with the pages' own paths (/processes/new/)."""


def validate_timezone(name: str) -> None:
    """Refuse a time zone that is not an IANA name the system knows, e.g. 'Africa/Nairobi'."""
    try:
        zoneinfo.ZoneInfo(name)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError, TypeError) as exc:
        raise ValidationError(
            _("“%(name)s” is not a known time zone; use an IANA name such as Africa/Nairobi."),
            code="invalid_timezone",
            params={"name": name},
        ) from exc


class Background(models.Model):
    """What an announcement must carry (DESIGN.md, P2): aim and purpose, modalities, significance."""

    aim_and_purpose = models.TextField(_("aim and purpose"), blank=True)
    modalities = models.TextField(
        _("modalities"), blank=True, help_text=_("How to take part: in person, remotely, in writing.")
    )
    significance = models.TextField(
        _("significance"), blank=True, help_text=_("Why it matters and what it may lead to.")
    )

    class Meta:
        abstract = True

    @property
    def has_background(self) -> bool:
        return bool(
            self.aim_and_purpose.strip() and self.modalities.strip() and self.significance.strip()
        )


class Process(models.Model):
    """One issue taken forward under a lead body or a lead venue."""

    class Status(models.TextChoices):
        PLANNED = "planned", _("Planned")
        ACTIVE = "active", _("Under way")
        CONCLUDED = "concluded", _("Concluded")
        SUSPENDED = "suspended", _("Suspended")

    slug = models.SlugField(_("slug"), max_length=80, unique=True)
    title = models.CharField(_("title"), max_length=200)
    issue = models.ForeignKey(
        Issue, verbose_name=_("issue"), on_delete=models.PROTECT, related_name="processes"
    )
    lead_body = models.ForeignKey(
        Body,
        verbose_name=_("lead body"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="processes",
    )
    lead_venue = models.ForeignKey(
        Venue,
        verbose_name=_("lead venue"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="processes",
    )
    coordinating_body = models.ForeignKey(
        Body,
        verbose_name=_("coordinating body"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="coordinated_processes",
        help_text=_("The body whose facilitators keep the roadmap; the lead body when empty."),
    )
    status = models.CharField(
        _("status"), max_length=16, choices=Status.choices, default=Status.PLANNED
    )
    description = models.TextField(_("description"), blank=True)
    created = models.DateTimeField(_("created"), auto_now_add=True)
    updated = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        ordering = ["title"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(lead_body__isnull=False) | models.Q(lead_venue__isnull=False),
                name="process_has_lead_body_or_venue",
            ),
        ]
        verbose_name = _("process")
        verbose_name_plural = _("processes")

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("coordination:process", args=[self.slug])

    def clean(self) -> None:
        if self.lead_body_id is None and self.lead_venue_id is None:
            raise ValidationError(
                {"lead_body": _("Name the body or the venue that leads the process.")}
            )
        if self.slug in RESERVED_SLUGS:
            raise ValidationError(
                {"slug": _("“%(slug)s” is reserved for the site's own pages; choose another "
                           "slug.") % {"slug": self.slug}}
            )

    @property
    def keeper(self) -> Body | None:
        """The body whose facilitators manage the process: the coordinating body, else the lead
        body (None for a process led by a venue with no coordinating body: editors only)."""
        return self.coordinating_body or self.lead_body

    @property
    def lead(self) -> Body | Venue | None:
        return self.lead_body or self.lead_venue


class Stage(Background):
    """One dated step of a process's roadmap."""

    class Kind(models.TextChoices):
        SCOPING = "scoping", _("Scoping")
        CONSULTATION = "consultation", _("Consultation")
        DRAFTING = "drafting", _("Drafting")
        DECISION = "decision", _("Decision")
        IMPLEMENTATION_OVERSIGHT = "implementation_oversight", _("Implementation oversight")
        OTHER = "other", _("Other")

    process = models.ForeignKey(
        Process, verbose_name=_("process"), on_delete=models.CASCADE, related_name="stages"
    )
    order = models.PositiveSmallIntegerField(_("order"))
    kind = models.CharField(_("kind"), max_length=32, choices=Kind.choices)
    title = models.CharField(_("title"), max_length=200)
    starts_on = models.DateField(_("starts on"))
    ends_on = models.DateField(_("ends on"), null=True, blank=True)
    announced_at = models.DateTimeField(_("announced at"), null=True, blank=True)
    documents = models.JSONField(
        _("documents"), default=list, blank=True, help_text=_("A list of {title, url} links.")
    )
    opened_at = models.DateTimeField(_("opened at"), null=True, blank=True)

    class Meta:
        ordering = ["process", "order"]
        constraints = [
            models.UniqueConstraint(fields=["process", "order"], name="stage_unique_order"),
            models.CheckConstraint(
                condition=models.Q(ends_on__isnull=True)
                | models.Q(ends_on__gte=models.F("starts_on")),
                name="stage_ends_not_before_starts",
            ),
        ]
        verbose_name = _("stage")
        verbose_name_plural = _("stages")

    def __str__(self) -> str:
        return f"{self.process}: {self.title}"


class Meeting(Background):
    """A meeting of a process: agenda, time with its zone, place, remote link, minutes."""

    class Kind(models.TextChoices):
        DECISION = "decision", _("Decision meeting")
        OTHER = "other", _("Other meeting")

    process = models.ForeignKey(
        Process, verbose_name=_("process"), on_delete=models.CASCADE, related_name="meetings"
    )
    stage = models.ForeignKey(
        Stage,
        verbose_name=_("stage"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="meetings",
    )
    title = models.CharField(_("title"), max_length=200)
    agenda = models.TextField(_("agenda"), blank=True)
    kind = models.CharField(_("kind"), max_length=16, choices=Kind.choices, default=Kind.OTHER)
    starts_at = models.DateTimeField(_("starts at"))
    ends_at = models.DateTimeField(_("ends at"))
    timezone = models.CharField(
        _("time zone"),
        max_length=64,
        default="UTC",
        validators=[validate_timezone],
        help_text=_("The IANA name of the meeting's local time zone, e.g. Africa/Nairobi."),
    )
    place = models.CharField(_("place"), max_length=300, blank=True)
    remote_url = models.URLField(_("remote participation link"), max_length=500, blank=True)
    documents = models.JSONField(
        _("documents"), default=list, blank=True, help_text=_("A list of {title, url} links.")
    )
    announced_at = models.DateTimeField(_("announced at"), null=True, blank=True)
    minutes = models.TextField(_("minutes"), blank=True)
    minutes_published_at = models.DateTimeField(_("minutes published at"), null=True, blank=True)

    class Meta:
        ordering = ["starts_at", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(ends_at__gte=models.F("starts_at")),
                name="meeting_ends_not_before_starts",
            ),
        ]
        verbose_name = _("meeting")
        verbose_name_plural = _("meetings")

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("coordination:meeting", args=[self.process.slug, self.pk])


class Attendance(models.Model):
    """A participant at a meeting, with their group and region as they were at the meeting."""

    meeting = models.ForeignKey(
        Meeting, verbose_name=_("meeting"), on_delete=models.CASCADE, related_name="attendance"
    )
    participant = models.ForeignKey(
        Participant,
        verbose_name=_("participant"),
        on_delete=models.PROTECT,
        related_name="attendance",
    )
    group = models.ForeignKey(
        StakeholderGroup,
        verbose_name=_("stakeholder group then"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    region = models.ForeignKey(
        Region,
        verbose_name=_("region then"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    remote = models.BooleanField(_("took part remotely"), default=False)

    class Meta:
        ordering = ["meeting", "participant__display_name"]
        constraints = [
            models.UniqueConstraint(
                fields=["meeting", "participant"], name="attendance_once_per_meeting"
            ),
        ]
        verbose_name = _("attendance")
        verbose_name_plural = _("attendance")

    def __str__(self) -> str:
        return f"{self.participant} at {self.meeting}"
