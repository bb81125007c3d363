"""The clearinghouse map: baskets, issues, aspects, action lines, venues and mandates.

Gaps are not stored: the gap engine (polycentric.engines.gaps) computes them from these rows.
"""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from polycentric.accounts.models import Region, StakeholderGroup


def _refuse_reserved_slug(slug: str) -> None:
    from polycentric.issuemap.labels import RESERVED_SLUGS

    if slug in RESERVED_SLUGS:
        raise ValidationError(
            {"slug": _("“%(slug)s” is reserved for the site's own pages; choose another slug.")
             % {"slug": slug}}
        )


class Basket(models.Model):
    """A top-level area of the issue taxonomy (Kurbalija's baskets, used by the CSTD 2015 map)."""

    slug = models.SlugField(_("slug"), max_length=64, unique=True)
    name = models.CharField(_("name"), max_length=160)
    summary = models.TextField(_("summary"), blank=True)
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    source = models.TextField(_("source"), blank=True)

    class Meta:
        ordering = ["order", "slug"]
        verbose_name = _("basket")
        verbose_name_plural = _("baskets")

    def __str__(self) -> str:
        return self.name


class ActionLine(models.Model):
    """A WSIS action line (C1 to C11) or one of C7's sub-lines (parent C7)."""

    code = models.CharField(_("code"), max_length=40, unique=True)
    title = models.CharField(_("title"), max_length=300)
    parent = models.ForeignKey(
        "self",
        verbose_name=_("parent action line"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="sub_lines",
    )
    lead_facilitator = models.CharField(_("lead facilitator"), max_length=120, blank=True)
    co_facilitators = models.CharField(_("co-facilitators"), max_length=300, blank=True)
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    source = models.TextField(_("source"), blank=True)

    class Meta:
        ordering = ["order", "code"]
        verbose_name = _("WSIS action line")
        verbose_name_plural = _("WSIS action lines")

    def __str__(self) -> str:
        return f"{self.code} {self.title}"


class Issue(models.Model):
    class Status(models.TextChoices):
        OPEN = "open", _("Open")
        IN_PROCESS = "in_process", _("In a process")
        SETTLED = "settled", _("Settled")

    slug = models.SlugField(_("slug"), max_length=80, unique=True)
    title = models.CharField(_("title"), max_length=200)
    summary = models.TextField(_("summary"), blank=True)
    basket = models.ForeignKey(
        Basket, verbose_name=_("basket"), on_delete=models.PROTECT, related_name="issues"
    )
    action_lines = models.ManyToManyField(
        ActionLine, verbose_name=_("WSIS action lines"), blank=True, related_name="issues"
    )
    expertise = models.CharField(_("expertise needed"), max_length=300, blank=True)
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.OPEN
    )
    priority = models.PositiveSmallIntegerField(_("priority"), null=True, blank=True)
    source = models.TextField(_("source"), blank=True)
    created = models.DateTimeField(_("created"), auto_now_add=True)
    updated = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        ordering = ["title"]
        verbose_name = _("issue")
        verbose_name_plural = _("issues")

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("issuemap:issue", args=[self.slug])

    def clean(self) -> None:
        _refuse_reserved_slug(self.slug)


class Aspect(models.Model):
    """One part of an issue; those that need global policy-making are checked for gaps."""

    issue = models.ForeignKey(
        Issue, verbose_name=_("issue"), on_delete=models.CASCADE, related_name="aspects"
    )
    slug = models.SlugField(_("slug"), max_length=80)
    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    needs_global_policy = models.BooleanField(_("needs global policy-making"), default=True)
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["issue", "order", "slug"]
        constraints = [
            models.UniqueConstraint(fields=["issue", "slug"], name="aspect_unique_slug_in_issue")
        ]
        verbose_name = _("aspect")
        verbose_name_plural = _("aspects")

    def __str__(self) -> str:
        return f"{self.issue.title}: {self.title}"


class Venue(models.Model):
    """An institution, forum or process that can handle issues."""

    class Kind(models.TextChoices):
        UN_AGENCY = "un_agency", _("UN specialised agency or programme")
        INTERGOVERNMENTAL = "intergovernmental", _("Intergovernmental body")
        MULTISTAKEHOLDER = "multistakeholder", _("Multistakeholder forum")
        STANDARDS = "standards", _("Technical standards body")
        PRIVATE_NONPROFIT = "private_nonprofit", _("Private non-profit")
        REGIONAL = "regional", _("Regional organisation")
        TREATY = "treaty", _("Treaty body")
        NETWORK = "network", _("Network of national bodies")
        INDUSTRY = "industry", _("Industry association")
        NATIONAL = "national", _("National multistakeholder body")
        COALITION = "coalition", _("Intergovernmental coalition")

    class Reach(models.TextChoices):
        GLOBAL = "global", _("Global")
        REGIONAL = "regional", _("Regional")
        NATIONAL = "national", _("National")

    class Outputs(models.TextChoices):
        BINDING = "binding", _("Binding")
        PARTLY_BINDING = "partly_binding", _("Partly binding")
        NOT_BINDING = "not_binding", _("Not binding")

    slug = models.SlugField(_("slug"), max_length=80, unique=True)
    name = models.CharField(_("name"), max_length=200)
    acronym = models.CharField(_("acronym"), max_length=40, blank=True)
    kind = models.CharField(_("kind"), max_length=32, choices=Kind.choices)
    description = models.TextField(_("description"), blank=True)
    reach = models.CharField(_("geographic reach"), max_length=16, choices=Reach.choices)
    regions = models.ManyToManyField(
        Region,
        verbose_name=_("regions covered"),
        blank=True,
        related_name="venues",
        help_text=_("For a regional or national venue: the regions it covers."),
    )
    outputs = models.CharField(
        _("outputs"), max_length=20, choices=Outputs.choices, default=Outputs.NOT_BINDING
    )
    can_decide = models.BooleanField(_("can decide"), default=False)
    can_recommend = models.BooleanField(_("can recommend"), default=True)
    parent = models.ForeignKey(
        "self",
        verbose_name=_("parent venue"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="children",
    )
    action_lines = models.ManyToManyField(
        ActionLine,
        verbose_name=_("action lines facilitated"),
        blank=True,
        related_name="facilitating_venues",
    )
    url = models.URLField(_("website"), blank=True)
    source = models.TextField(_("source"), blank=True)
    created = models.DateTimeField(_("created"), auto_now_add=True)
    updated = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("venue")
        verbose_name_plural = _("venues")

    def __str__(self) -> str:
        return f"{self.name} ({self.acronym})" if self.acronym else self.name

    def get_absolute_url(self) -> str:
        return reverse("issuemap:venue", args=[self.slug])

    def clean(self) -> None:
        _refuse_reserved_slug(self.slug)

    @property
    def label(self) -> str:
        return self.acronym or self.name


class Participation(models.Model):
    """How one stakeholder group takes part in a venue."""

    class Mode(models.TextChoices):
        MEMBER = "member", _("Member")
        APPOINTED = "appointed", _("Appointed")
        OBSERVER = "observer", _("Observer")
        CONSULTED = "consulted", _("Consulted")
        OPEN = "open", _("Open")
        NONE = "none", _("None")

    venue = models.ForeignKey(Venue, on_delete=models.CASCADE, related_name="participation")
    group = models.ForeignKey(
        StakeholderGroup,
        verbose_name=_("stakeholder group"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    mode = models.CharField(_("mode"), max_length=16, choices=Mode.choices)

    class Meta:
        ordering = ["venue", "group__order"]
        constraints = [
            models.UniqueConstraint(fields=["venue", "group"], name="participation_one_per_group")
        ]
        verbose_name = _("participation")
        verbose_name_plural = _("participation")

    def __str__(self) -> str:
        return f"{self.venue.label}: {self.group} {self.mode}"


class Mandate(models.Model):
    """A venue covers an issue (all its aspects) or one aspect of it, fully or partly."""

    class Extent(models.TextChoices):
        FULL = "full", _("Fully")
        PARTIAL = "partial", _("Partly")

    venue = models.ForeignKey(
        Venue, verbose_name=_("venue"), on_delete=models.CASCADE, related_name="mandates"
    )
    issue = models.ForeignKey(
        Issue, verbose_name=_("issue"), on_delete=models.CASCADE, related_name="mandates"
    )
    aspect = models.ForeignKey(
        Aspect,
        verbose_name=_("aspect"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="mandates",
        help_text=_("Leave empty when the venue covers every aspect of the issue."),
    )
    extent = models.CharField(
        _("extent"), max_length=10, choices=Extent.choices, default=Extent.FULL
    )
    source = models.URLField(_("source link"), max_length=500, blank=True)
    note = models.TextField(_("note"), blank=True)

    class Meta:
        ordering = ["issue", "venue"]
        constraints = [
            models.UniqueConstraint(
                fields=["venue", "issue", "aspect"], name="mandate_unique_venue_issue_aspect"
            ),
            models.UniqueConstraint(
                fields=["venue", "issue"],
                condition=models.Q(aspect__isnull=True),
                name="mandate_unique_whole_issue",
            ),
        ]
        verbose_name = _("mandate")
        verbose_name_plural = _("mandates")

    def __str__(self) -> str:
        target = self.aspect.title if self.aspect_id else self.issue.title
        return f"{self.venue.label} covers {target}"
