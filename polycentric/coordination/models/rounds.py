"""Prioritisation rounds: a coordinating body asks participants to put candidate issues in order.

A round is announced with notice (the coordinating body's charter period for consultations),
opens, and closes; every participant casts at most one ballot (a database constraint), which
they may change until the close. When the round closes its results are computed once by the
ranking engine and stored in `PrioritisationRound.results`, so pages never recompute them.

Facilitators: the people who run a coordinating body's rounds and routes are the site's editors
and the participants named as the body's facilitators (`Facilitator`, with the dates they serve).
A facilitator need not hold a seat: secretariats facilitate bodies they are not members of.
"""

from __future__ import annotations

from datetime import datetime

from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from polycentric.accounts.models import Participant, Region, StakeholderGroup
from polycentric.bodies.models import Body
from polycentric.issuemap.models import Issue

RESERVED_SLUGS = frozenset({"new"})
"""Round slugs that would collide with the pages' own paths (/rounds/new/)."""


class Facilitator(models.Model):
    """A participant who facilitates a coordinating body: runs its rounds and adopts routes."""

    body = models.ForeignKey(
        Body, verbose_name=_("body"), on_delete=models.CASCADE, related_name="facilitators"
    )
    participant = models.ForeignKey(
        Participant,
        verbose_name=_("participant"),
        on_delete=models.CASCADE,
        related_name="facilitates",
    )
    start = models.DateField(_("start"), default=timezone.localdate)
    end = models.DateField(_("end"), null=True, blank=True)

    class Meta:
        ordering = ["body", "participant__display_name"]
        constraints = [
            models.UniqueConstraint(
                fields=["body", "participant"], name="facilitator_once_per_body"
            ),
            models.CheckConstraint(
                condition=models.Q(end__isnull=True) | models.Q(end__gte=models.F("start")),
                name="facilitator_end_not_before_start",
            ),
        ]
        verbose_name = _("facilitator")
        verbose_name_plural = _("facilitators")

    def __str__(self) -> str:
        return f"{self.participant} facilitates {self.body}"


class PrioritisationRound(models.Model):
    """A set of candidate issues put in order by the ballots of participants."""

    class BallotKind(models.TextChoices):
        RANKING = "ranking", _("Ranking (ties allowed)")
        APPROVAL = "approval", _("Approval")
        SCORE = "score", _("Score")

    class Method(models.TextChoices):
        SCHULZE = "schulze", _("Schulze")
        RANKED_PAIRS = "ranked_pairs", _("Ranked pairs")
        BORDA = "borda", _("Borda count")
        APPROVAL = "approval", _("Approval count")

    class Balance(models.TextChoices):
        NONE = "none", _("None: one ballot, one weight")
        GROUP = "group", _("Each stakeholder group weighs the same")
        GROUP_REGION = "group_region", _("Each group and region weighs the same")

    class Status(models.TextChoices):
        ANNOUNCED = "announced", _("Announced")
        OPEN = "open", _("Open")
        CLOSED = "closed", _("Closed")

    body = models.ForeignKey(
        Body,
        verbose_name=_("coordinating body"),
        on_delete=models.PROTECT,
        related_name="prioritisation_rounds",
    )
    title = models.CharField(_("title"), max_length=200)
    slug = models.SlugField(_("slug"), max_length=80, unique=True)
    description = models.TextField(_("description"), blank=True)
    candidates = models.ManyToManyField(
        Issue, verbose_name=_("candidate issues"), related_name="prioritisation_rounds"
    )
    ballot_kind = models.CharField(
        _("ballot kind"), max_length=16, choices=BallotKind.choices, default=BallotKind.RANKING
    )
    method = models.CharField(
        _("counting method"), max_length=16, choices=Method.choices, default=Method.SCHULZE
    )
    balance = models.CharField(
        _("balance"), max_length=16, choices=Balance.choices, default=Balance.GROUP
    )
    max_score = models.PositiveSmallIntegerField(
        _("highest score"),
        default=5,
        help_text=_("For score ballots: each issue gets a whole number from 0 to this."),
    )
    announced_at = models.DateTimeField(_("announced at"))
    opens_at = models.DateTimeField(_("opens at"))
    closes_at = models.DateTimeField(_("closes at"))
    results = models.JSONField(
        _("results"),
        null=True,
        blank=True,
        editable=False,
        help_text=_("Computed once when the round closes."),
    )
    results_computed_at = models.DateTimeField(
        _("results computed at"), null=True, blank=True, editable=False
    )
    created = models.DateTimeField(_("created"), auto_now_add=True)
    updated = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        ordering = ["-opens_at", "slug"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(opens_at__gte=models.F("announced_at")),
                name="round_opens_not_before_announced",
            ),
            models.CheckConstraint(
                condition=models.Q(closes_at__gt=models.F("opens_at")),
                name="round_closes_after_opens",
            ),
            models.CheckConstraint(
                condition=(
                    models.Q(ballot_kind="approval", method="approval")
                    | (~models.Q(ballot_kind="approval") & ~models.Q(method="approval"))
                ),
                name="round_approval_ballots_with_approval_count",
            ),
            models.CheckConstraint(
                condition=models.Q(max_score__gte=1), name="round_max_score_at_least_1"
            ),
        ]
        verbose_name = _("prioritisation round")
        verbose_name_plural = _("prioritisation rounds")

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("coordination:round", args=[self.slug])

    def status_at(self, moment: datetime) -> str:
        """The round's status at `moment`: announced (before it opens), open, or closed."""
        if moment < self.opens_at:
            return self.Status.ANNOUNCED
        if moment < self.closes_at:
            return self.Status.OPEN
        return self.Status.CLOSED

    @property
    def status(self) -> str:
        return self.status_at(timezone.now())

    @property
    def is_open(self) -> bool:
        return self.status == self.Status.OPEN

    @property
    def is_closed(self) -> bool:
        return self.status == self.Status.CLOSED


class RoundBallot(models.Model):
    """One participant's ballot in a round, with their group and region as they were when cast.

    `ranking` is a list of tiers of issue slugs, best first (a tier of two is a tie); issues not
    named rank below every named one. `approvals` lists approved issue slugs; `scores` maps issue
    slugs to whole numbers. Only the field of the round's ballot kind is filled.
    """

    round = models.ForeignKey(
        PrioritisationRound,
        verbose_name=_("round"),
        on_delete=models.CASCADE,
        related_name="ballots",
    )
    participant = models.ForeignKey(
        Participant,
        verbose_name=_("participant"),
        on_delete=models.PROTECT,
        related_name="round_ballots",
    )
    group = models.ForeignKey(
        StakeholderGroup,
        verbose_name=_("stakeholder group when cast"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    region = models.ForeignKey(
        Region,
        verbose_name=_("region when cast"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    ranking = models.JSONField(_("ranking"), default=list, blank=True)
    approvals = models.JSONField(_("approvals"), default=list, blank=True)
    scores = models.JSONField(_("scores"), default=dict, blank=True)
    cast_at = models.DateTimeField(_("cast at"), default=timezone.now)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        ordering = ["round", "cast_at", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["round", "participant"], name="round_ballot_one_per_participant"
            ),
        ]
        verbose_name = _("ballot")
        verbose_name_plural = _("ballots")

    def __str__(self) -> str:
        return f"Ballot of {self.participant} in {self.round}"
