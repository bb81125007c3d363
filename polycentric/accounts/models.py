"""People and the vocabularies that describe them: stakeholder groups, region schemes, countries."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _


class StakeholderGroup(models.Model):
    """A stakeholder group (data, not code): governments, private sector, civil society, ..."""

    slug = models.SlugField(_("slug"), max_length=64, unique=True)
    name = models.CharField(_("name"), max_length=120)
    description = models.TextField(_("description"), blank=True)
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    is_default = models.BooleanField(
        _("in the default set"),
        default=True,
        help_text=_("Required by default when the gap engine checks who can take part."),
    )

    class Meta:
        ordering = ["order", "slug"]
        verbose_name = _("stakeholder group")
        verbose_name_plural = _("stakeholder groups")

    def __str__(self) -> str:
        return self.name


class RegionScheme(models.Model):
    """A way of dividing the world into regions, e.g. the UN regional groups or ICANN's regions."""

    slug = models.SlugField(_("slug"), max_length=64, unique=True)
    name = models.CharField(_("name"), max_length=160)
    source = models.TextField(_("source"), blank=True)
    is_default = models.BooleanField(_("default scheme"), default=False)

    class Meta:
        ordering = ["-is_default", "slug"]
        verbose_name = _("region scheme")
        verbose_name_plural = _("region schemes")

    def __str__(self) -> str:
        return self.name


class Region(models.Model):
    scheme = models.ForeignKey(
        RegionScheme, verbose_name=_("scheme"), on_delete=models.CASCADE, related_name="regions"
    )
    slug = models.SlugField(_("slug"), max_length=64)
    name = models.CharField(_("name"), max_length=160)
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["scheme", "order", "slug"]
        constraints = [
            models.UniqueConstraint(fields=["scheme", "slug"], name="region_unique_slug_in_scheme")
        ]
        verbose_name = _("region")
        verbose_name_plural = _("regions")

    def __str__(self) -> str:
        return self.name


class Country(models.Model):
    """An ISO 3166-1 country or territory."""

    code = models.CharField(_("ISO 3166-1 alpha-2 code"), max_length=2, unique=True)
    alpha3 = models.CharField(_("ISO 3166-1 alpha-3 code"), max_length=3, unique=True)
    name = models.CharField(_("name"), max_length=120)
    regions = models.ManyToManyField(
        Region, verbose_name=_("regions"), through="CountryRegion", related_name="countries"
    )

    class Meta:
        ordering = ["name"]
        verbose_name = _("country")
        verbose_name_plural = _("countries")

    def __str__(self) -> str:
        return self.name


class CountryRegion(models.Model):
    """A country's region in one scheme: exactly one per country and scheme."""

    country = models.ForeignKey(Country, on_delete=models.CASCADE, related_name="placements")
    scheme = models.ForeignKey(RegionScheme, on_delete=models.CASCADE, related_name="+")
    region = models.ForeignKey(Region, on_delete=models.CASCADE, related_name="placements")

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["country", "scheme"], name="country_one_region_per_scheme"
            )
        ]
        verbose_name = _("country's region")
        verbose_name_plural = _("countries' regions")

    def __str__(self) -> str:
        return f"{self.country} in {self.region}"


class Participant(models.Model):
    """A person's public declaration: stakeholder group, country, organisation, languages."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="participant"
    )
    display_name = models.CharField(_("display name"), max_length=120)
    stakeholder_group = models.ForeignKey(
        StakeholderGroup,
        verbose_name=_("stakeholder group"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="participants",
    )
    country = models.ForeignKey(
        Country,
        verbose_name=_("country"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="participants",
    )
    organisation = models.CharField(_("organisation"), max_length=200, blank=True)
    languages = models.CharField(
        _("languages"),
        max_length=200,
        blank=True,
        help_text=_("Languages you can work in, separated by commas, e.g. English, Kiswahili."),
    )
    constituency = models.CharField(
        _("constituency represented"),
        max_length=300,
        blank=True,
        help_text=_("Whom you speak for, if anyone, in your own words."),
    )
    created = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        ordering = ["display_name"]
        verbose_name = _("participant")
        verbose_name_plural = _("participants")

    def __str__(self) -> str:
        return self.display_name

    def get_absolute_url(self) -> str:
        return reverse("accounts:participant", args=[self.pk])

    @property
    def language_list(self) -> list[str]:
        return [lang.strip() for lang in self.languages.split(",") if lang.strip()]


class ApiToken(models.Model):
    """A bearer token for the API. Only a SHA-256 digest of the token is stored."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="api_tokens"
    )
    name = models.CharField(_("name"), max_length=100)
    digest = models.CharField(max_length=64, unique=True)
    prefix = models.CharField(max_length=8)
    created = models.DateTimeField(_("created"), auto_now_add=True)
    last_used = models.DateTimeField(_("last used"), null=True, blank=True)
    revoked = models.DateTimeField(_("revoked"), null=True, blank=True)

    class Meta:
        ordering = ["-created"]
        verbose_name = _("API token")
        verbose_name_plural = _("API tokens")

    def __str__(self) -> str:
        return f"{self.name} ({self.prefix}…)"
