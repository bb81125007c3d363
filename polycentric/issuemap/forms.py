"""Forms for the map pages: the filters of the list pages and the editors' forms.

Editor forms validate input and show problems next to the fields; they never save. The views
pass `cleaned_data` to the services in `polycentric.issuemap.services`, and a refusal from a
service (`ApplicationError`) is put back on the form by `add_service_errors`.
"""

from __future__ import annotations

import copy
from typing import Any
from urllib.parse import urlencode

from django import forms
from django.db import models
from django.db.models import Model
from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _

from polycentric.accounts.models import Region, StakeholderGroup
from polycentric.engines.gaps import GapStatus
from polycentric.issuemap.labels import RESERVED_SLUGS, STATUS_LABELS
from polycentric.issuemap.models import (
    ActionLine,
    Aspect,
    Basket,
    Issue,
    Mandate,
    Participation,
    Venue,
)

SUB_LINE_MARK = "\u2013 "
"""Put before a sub-line (such as C7's) in the action line filter."""

ASSESSED_STATUSES = [s for s in GapStatus if s is not GapStatus.NOT_ASSESSED]


def _status_choices(statuses: list[GapStatus]) -> list[tuple[str, Any]]:
    return [(s.value, STATUS_LABELS[s.value]) for s in statuses]


def _unknown(message: Any) -> dict[str, Any]:
    return {"invalid_choice": message}


UNKNOWN_BASKET = _unknown(_("Unknown basket “%(value)s”: choose one from the list."))
UNKNOWN_STATUS = _unknown(_("Unknown gap status “%(value)s”: choose one from the list."))
UNKNOWN_VENUE = _unknown(_("Unknown venue “%(value)s”: choose one from the list."))
UNKNOWN_ACTION_LINE = _unknown(_("Unknown action line “%(value)s”: choose one from the list."))
UNKNOWN_REACH = _unknown(_("Unknown reach “%(value)s”: choose one from the list."))
UNKNOWN_KIND = _unknown(_("Unknown kind of venue “%(value)s”: choose one from the list."))
UNKNOWN_MODE = _unknown(_("Unknown participation mode “%(value)s”: choose one from the list."))


# ---- filters of the list pages -----------------------------------------------------------------


class FilterForm(forms.Form):
    """A GET form: every field optional; a bad value is an error naming the filter."""

    page = forms.IntegerField(
        label=_("Page"),
        required=False,
        min_value=1,
        widget=forms.HiddenInput,
        error_messages={
            "invalid": _("The page must be a whole number, such as 2."),
            "min_value": _("The page must be 1 or more."),
        },
    )

    def filter_values(self) -> dict[str, Any]:
        """The cleaned filters without the page number, empty ones included."""
        return {k: v for k, v in self.cleaned_data.items() if k != "page"}

    def active_query(self) -> str:
        """The filters as a query string (for pagination links), without the page."""
        if not self.is_bound or not hasattr(self, "cleaned_data"):
            return ""
        return urlencode({k: v for k, v in self.filter_values().items() if v})


class QuickSelect(forms.Select):
    """A flat select rendered in Python rather than one template per option.

    Django renders each option through the template engine; with hundreds of venues that made
    the issue list slower as the map grew (docs/benchmarks.md)."""

    def render(self, name: str, value: Any, attrs: dict[str, Any] | None = None,
               renderer: Any = None) -> str:
        final_attrs = {"name": name, **self.build_attrs(self.attrs, attrs)}
        attributes = format_html_join(
            "", ' {}="{}"', ((k, v) for k, v in final_attrs.items() if v not in (None, False))
        )
        chosen = set(self.format_value(value))
        options = format_html_join(
            "", '<option value="{}"{}>{}</option>',
            ((str(v), mark_safe(" selected") if str(v) in chosen else "", label)
             for v, label in self.choices),
        )
        return format_html("<select{}>{}</select>", attributes, options)


class IssueFilterForm(FilterForm):
    q = forms.CharField(
        label=_("Search"),
        required=False,
        max_length=200,
        help_text=_("Words in the title, summary or an aspect."),
        widget=forms.TextInput(attrs={"type": "search"}),
    )
    basket = forms.ChoiceField(label=_("Basket"), required=False, error_messages=UNKNOWN_BASKET)
    status = forms.ChoiceField(
        label=_("Gap status"), required=False, error_messages=UNKNOWN_STATUS
    )
    venue = forms.ChoiceField(label=_("Venue"), required=False, error_messages=UNKNOWN_VENUE,
                              widget=QuickSelect)
    action_line = forms.ChoiceField(
        label=_("WSIS action line"), required=False, error_messages=UNKNOWN_ACTION_LINE,
        widget=QuickSelect,
    )

    field_order = ["q", "basket", "status", "venue", "action_line", "page"]

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["basket"].choices = [("", _("Any basket"))] + [
            (slug, name) for slug, name in Basket.objects.values_list("slug", "name")
        ]
        self.fields["status"].choices = [("", _("Any status")),
                                         *_status_choices(list(GapStatus))]
        self.fields["venue"].choices = [("", _("Any venue"))] + [
            (slug, acronym or name)
            for slug, name, acronym in Venue.objects.order_by("name").values_list(
                "slug", "name", "acronym"
            )
        ]
        self.fields["action_line"].choices = [("", _("Any action line"))] + [
            (code, f"{SUB_LINE_MARK if parent_id else ''}{code} {title}")
            for code, title, parent_id in ActionLine.objects.values_list(
                "code", "title", "parent_id"
            )
        ]


class VenueFilterForm(FilterForm):
    q = forms.CharField(
        label=_("Search"),
        required=False,
        max_length=200,
        help_text=_("Words in the name or acronym."),
        widget=forms.TextInput(attrs={"type": "search"}),
    )
    reach = forms.ChoiceField(
        label=_("Geographic reach"),
        required=False,
        choices=[("", _("Any reach")), *Venue.Reach.choices],
        error_messages=UNKNOWN_REACH,
    )
    kind = forms.ChoiceField(
        label=_("Kind"),
        required=False,
        choices=[("", _("Any kind")), *Venue.Kind.choices],
        error_messages=UNKNOWN_KIND,
    )

    field_order = ["q", "reach", "kind", "page"]


class GapFilterForm(FilterForm):
    basket = forms.ChoiceField(label=_("Basket"), required=False, error_messages=UNKNOWN_BASKET)
    status = forms.ChoiceField(
        label=_("Aspect status"),
        required=False,
        error_messages=UNKNOWN_STATUS,
        help_text=_("Show only aspects with this status."),
    )

    field_order = ["basket", "status", "page"]

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["basket"].choices = [("", _("Any basket"))] + [
            (slug, name) for slug, name in Basket.objects.values_list("slug", "name")
        ]
        self.fields["status"].choices = [("", _("Any status")),
                                         *_status_choices(ASSESSED_STATUSES)]


# ---- editor forms -----------------------------------------------------------------------------


def _formfield(field: Any, **kwargs: Any) -> forms.Field | None:
    """Model fields as form fields; web addresses typed without a scheme get https://."""
    if isinstance(field, models.URLField):
        kwargs.setdefault("assume_scheme", "https")
    return field.formfield(**kwargs)


class EditorForm(forms.ModelForm):
    """A model form that validates against a scratch copy of the instance, so the object passed to
    the service still holds the stored values and the service can tell what changed."""

    error_aliases: dict[str, str] = {}

    def __init__(self, *args: Any, instance: Model | None = None, **kwargs: Any) -> None:
        super().__init__(*args, instance=copy.copy(instance) if instance is not None else None,
                         **kwargs)
        for field in self.fields.values():
            if isinstance(field.widget, forms.Textarea):
                field.widget.attrs["rows"] = 4
        self._initial_by_natural_key()

    def _initial_by_natural_key(self) -> None:
        """Select the stored choice in selects whose options are slugs or codes: the model
        gives a foreign key's initial value as a primary key."""
        if not self.instance.pk:
            return
        for name, field in self.fields.items():
            if (
                isinstance(field, forms.ModelChoiceField)
                and not isinstance(field, forms.ModelMultipleChoiceField)
                and field.to_field_name
                and name in self.initial
            ):
                related = getattr(self.instance, name, None)
                self.initial[name] = getattr(related, field.to_field_name) if related else None

    def clean_slug(self) -> str:
        slug = self.cleaned_data["slug"]
        if slug in RESERVED_SLUGS:
            raise forms.ValidationError(
                _("“%(slug)s” is reserved for the site's own pages; choose another slug."),
                params={"slug": slug},
                code="reserved",
            )
        return slug

    def service_values(self, names: tuple[str, ...]) -> dict[str, Any]:
        return {name: self.cleaned_data[name] for name in names if name in self.cleaned_data}


class IssueForm(EditorForm):
    basket = forms.ModelChoiceField(
        label=_("Basket"),
        queryset=Basket.objects.all(),
        to_field_name="slug",
        help_text=_("The area of the taxonomy the issue belongs to."),
    )
    action_lines = forms.ModelMultipleChoiceField(
        label=_("WSIS action lines"),
        queryset=ActionLine.objects.all(),
        to_field_name="code",
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("The action lines this issue relates to, if any."),
    )

    class Meta:
        model = Issue
        fields = ["title", "slug", "summary", "basket", "action_lines", "expertise", "status",
                  "priority", "source"]
        help_texts = {
            "slug": _("Short name used in the address, e.g. cross-border-data-flows: lowercase "
                      "letters, digits and hyphens."),
            "summary": _("What the issue is about, in a few sentences."),
            "expertise": _("Kinds of expertise needed to address it, e.g. law, networking."),
            "priority": _("Optional ranking; leave empty when not prioritised."),
            "source": _("Where the facts come from: links or references."),
        }


class AspectForm(EditorForm):
    order = forms.IntegerField(
        label=_("Order"),
        required=False,
        min_value=0,
        max_value=32767,
        help_text=_("Position among the issue's aspects; leave empty to add it at the end."),
    )

    class Meta:
        model = Aspect
        fields = ["title", "slug", "description", "needs_global_policy", "order"]
        help_texts = {
            "slug": _("Short name, unique within the issue: lowercase letters, digits and "
                      "hyphens."),
            "needs_global_policy": _("Tick when this part of the issue can only be settled by "
                                     "global policy-making; only these aspects are checked for "
                                     "gaps."),
        }

    def __init__(self, *args: Any, issue: Issue, **kwargs: Any) -> None:
        self.issue = issue
        super().__init__(*args, **kwargs)

    def clean_slug(self) -> str:
        slug = super().clean_slug()
        taken = Aspect.objects.filter(issue=self.issue, slug=slug)
        if self.instance.pk:
            taken = taken.exclude(pk=self.instance.pk)
        if taken.exists():
            raise forms.ValidationError(
                _("This issue already has an aspect with the slug “%(slug)s”."),
                params={"slug": slug},
                code="unique",
            )
        return slug


def _participation_field_name(group: StakeholderGroup) -> str:
    return f"participation_{group.slug}"


class RegionChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj: Region) -> str:
        return f"{obj.name} ({obj.scheme.name})"


class VenueForm(EditorForm):
    parent = forms.ModelChoiceField(
        label=_("Parent venue"),
        queryset=Venue.objects.order_by("name"),
        to_field_name="slug",
        required=False,
        help_text=_("The body this venue is part of, if any."),
    )
    regions = RegionChoiceField(
        label=_("Regions covered"),
        queryset=Region.objects.select_related("scheme"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("For a regional or national venue: the regions it covers."),
    )
    action_lines = forms.ModelMultipleChoiceField(
        label=_("WSIS action lines facilitated"),
        queryset=ActionLine.objects.all(),
        to_field_name="code",
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    class Meta:
        model = Venue
        formfield_callback = _formfield
        fields = ["name", "acronym", "slug", "kind", "description", "reach", "regions",
                  "outputs", "can_decide", "can_recommend", "parent", "action_lines", "url",
                  "source"]
        help_texts = {
            "slug": _("Short name used in the address, e.g. itu: lowercase letters, digits and "
                      "hyphens."),
            "reach": _("Global venues reach the whole world; regional and national ones do not."),
            "outputs": _("Whether what the venue produces binds those it addresses."),
            "can_decide": _("It can take decisions on the issues it covers."),
            "can_recommend": _("It can adopt recommendations on the issues it covers."),
            "source": _("Where the facts come from: links or references."),
        }

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.groups = list(StakeholderGroup.objects.all())
        current: dict[int, str] = {}
        if self.instance.pk:
            self.fields["parent"].queryset = Venue.objects.exclude(pk=self.instance.pk).order_by(
                "name"
            )
            current = {p.group_id: p.mode for p in self.instance.participation.all()}
        self.error_aliases = {}
        for group in self.groups:
            name = _participation_field_name(group)
            self.fields[name] = forms.ChoiceField(
                label=group.name,
                choices=Participation.Mode.choices,
                initial=current.get(group.pk, Participation.Mode.NONE),
                error_messages=UNKNOWN_MODE,
            )
            self.error_aliases[f"participation.{group.slug}"] = name

    @property
    def participation_fields(self) -> list[forms.BoundField]:
        return [self[_participation_field_name(g)] for g in self.groups]

    @property
    def venue_fields(self) -> list[forms.BoundField]:
        return [self[name] for name in self.Meta.fields]

    def participation(self) -> dict[StakeholderGroup, str]:
        return {g: self.cleaned_data[_participation_field_name(g)] for g in self.groups}

    def clean_parent(self) -> Venue | None:
        parent = self.cleaned_data.get("parent")
        if parent is None or not self.instance.pk:
            return parent
        seen: set[int] = set()
        step: Venue | None = parent
        while step is not None and step.pk not in seen:
            if step.pk == self.instance.pk:
                raise forms.ValidationError(
                    _("%(parent)s is part of this venue already; a venue cannot be its own "
                      "ancestor."),
                    params={"parent": parent.label},
                    code="cycle",
                )
            seen.add(step.pk)
            step = step.parent
        return parent

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean()
        reach, regions = cleaned.get("reach"), cleaned.get("regions")
        if reach and reach != Venue.Reach.GLOBAL and regions is not None and not regions:
            self.add_error("regions", _("Choose the regions a regional or national venue covers."))
        return cleaned


class MandateForm(EditorForm):
    venue = forms.ModelChoiceField(
        label=_("Venue"),
        queryset=Venue.objects.order_by("name"),
        to_field_name="slug",
        help_text=_("The venue that covers the issue."),
    )

    class Meta:
        model = Mandate
        formfield_callback = _formfield
        fields = ["venue", "aspect", "extent", "source", "note"]
        widgets = {"extent": forms.RadioSelect}
        help_texts = {
            "extent": _("Whether the venue covers it fully or only in part."),
            "source": _("A link to the venue's mandate or the document that shows it."),
        }

    def __init__(self, *args: Any, issue: Issue, **kwargs: Any) -> None:
        self.issue = issue
        super().__init__(*args, **kwargs)
        aspect = self.fields["aspect"]
        aspect.queryset = Aspect.objects.filter(issue=issue).order_by("order", "slug")
        aspect.to_field_name = "slug"
        aspect.empty_label = _("The whole issue (every aspect)")
        aspect.label_from_instance = lambda a: a.title
        self._initial_by_natural_key()

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean()
        venue, aspect = cleaned.get("venue"), cleaned.get("aspect")
        if venue is not None and "aspect" not in self.errors:
            others = Mandate.objects.filter(venue=venue, issue=self.issue, aspect=aspect)
            if self.instance.pk:
                others = others.exclude(pk=self.instance.pk)
            if others.exists():
                target = aspect.title if aspect else _("the whole issue")
                self.add_error("venue", _("%(venue)s already has a mandate for %(target)s.")
                               % {"venue": venue.label, "target": target})
        return cleaned
