"""Forms for the bodies pages: the editors' body form and upload, members, and "what if".

Forms validate what they can on their own (YAML syntax with its line, a choice of rule, dates)
and build a body document; the services check it with the principles engine, and their refusal
(`ApplicationError`, errors keyed by field path such as ``seats[2].count``) is put back on the
field it concerns by `show_service_errors`.
"""

from __future__ import annotations

import re
from typing import Any

import yaml
from django import forms
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from polycentric.accounts.models import Participant
from polycentric.bodies.analysis import MAX_DOCUMENT_BYTES
from polycentric.bodies.models import RESERVED_SLUGS, Body, Charter, Member, SeatEntry
from polycentric.core.errors import ApplicationError
from polycentric.issuemap.models import Venue

CUSTOM = "custom"
COMMON_RULES: dict[str, tuple[Any, dict[str, Any]]] = {
    "simple_majority": (_("Simple majority of all seats"), {"majority": "simple"}),
    "two_thirds": (_("Two-thirds majority of all seats"), {"majority": "two_thirds"}),
    "three_quarters": (_("Three-quarters majority of all seats"), {"majority": "three_quarters"}),
    "consensus": (_("Consensus: every seat agrees"), {"consensus": True}),
    "every_group": (
        _("Concurrent majorities: a majority of all seats and inside every stakeholder group"),
        {"all": [{"majority": "simple"}, {"each": "group", "majority": "simple"}]},
    ),
    "every_region": (
        _("A majority of all seats and inside every region"),
        {"all": [{"majority": "simple"}, {"each": "region", "majority": "simple"}]},
    ),
}
"""The rules offered by name in the forms; any other is written in YAML."""

RULE_HELP = _(
    "A rule in YAML, as in a body file, for example {majority: two_thirds}, "
    "{each: group, majority: simple}, {quota: 12} or all: [{majority: simple}, "
    "{within: {group: government}, majority: simple}]."
)
SEATS_HELP = _(
    "One seat entry per line, as in a body file: - {name: government, group: government, "
    "region: GRULAC, count: 9}. The name is unique; count (default 1) is the number of seats, "
    "weight (default 1) the votes of each; leave the region out for seats that represent none."
)
NAMES_SPLIT = re.compile(r"[,\n]")
PATH_INDEX = re.compile(r"^seats\[(\d+)\]")


def rule_choices(*, allow_none: bool = False) -> list[tuple[str, Any]]:
    choices: list[tuple[str, Any]] = [("", _("No fallback rule"))] if allow_none else []
    choices += [(key, label) for key, (label, _rule) in COMMON_RULES.items()]
    return [*choices, (CUSTOM, _("Another rule, written below"))]


def rule_choice_of(rule: Any) -> tuple[str, str]:
    """The select choice and custom text that show a stored rule."""
    if not rule:
        return "", ""
    for key, (_label, common) in COMMON_RULES.items():
        if common == rule:
            return key, ""
    return CUSTOM, yaml_text(rule)


def yaml_text(value: Any) -> str:
    return yaml.safe_dump(value, sort_keys=False, allow_unicode=True,
                          default_flow_style=None, width=100).strip()


def seats_text(entries: list[SeatEntry]) -> str:
    """The seat entries as body-file lines, one flow mapping per entry."""
    rows = []
    for entry in entries:
        seat: dict[str, Any] = {"name": entry.name, "group": entry.group}
        if entry.region:
            seat["region"] = entry.region
        seat["count"] = entry.count
        if entry.weight != 1:
            seat["weight"] = entry.weight
        rows.append(seat)
    return yaml_text(rows)


def _names(text: str) -> list[str]:
    names: list[str] = []
    for part in NAMES_SPLIT.split(text or ""):
        name = part.strip()
        if name and name not in names:
            names.append(name)
    return names


def _yaml_error(exc: yaml.YAMLError) -> str:
    mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
    problem = getattr(exc, "problem", None) or str(exc)
    if mark is not None:
        return gettext("Line %(line)s: malformed YAML: %(problem)s") % {
            "line": mark.line + 1, "problem": problem}
    return gettext("Malformed YAML: %(problem)s") % {"problem": problem}


class ServiceErrorsMixin:
    """Puts a service's refusal on the form: each field path on the field it belongs to."""

    def field_for(self, key: str) -> str | None:
        return key if key in self.fields else None  # type: ignore[attr-defined]

    def describe(self, key: str, message: str) -> str:
        if key in ("", "__all__", "document") or key in self.fields:  # type: ignore[attr-defined]
            return message
        return f"{key}: {message}"

    def show_service_errors(self, exc: ApplicationError) -> None:
        form: Any = self
        if not exc.errors:
            form.add_error(None, exc.message)
            return
        for key, messages in exc.errors.items():
            field = self.field_for(key)
            for message in messages:
                form.add_error(field, self.describe(key, message))


class RuleFieldsMixin:
    """A select of common rules with a YAML text area for any other."""

    def rule_from(self, choice_field: str, text_field: str, *, required: bool) -> Any:
        form: Any = self
        choice = form.cleaned_data.get(choice_field)
        if choice is None:
            return None
        if choice == CUSTOM:
            text = form.cleaned_data.get(text_field, "")
            if not text.strip():
                form.add_error(text_field, gettext("Write the rule here, or choose one above."))
                return None
            try:
                value = yaml.safe_load(text)
            except yaml.YAMLError as exc:
                form.add_error(text_field, _yaml_error(exc))
                return None
            if not isinstance(value, dict):
                form.add_error(text_field, gettext(
                    "A rule is a mapping such as {majority: simple}."))
                return None
            return value
        if not choice:
            if required:
                form.add_error(choice_field, gettext("Choose a decision rule."))
            return None
        return COMMON_RULES[choice][1]

    def rule_field(self, key: str, choice_field: str, text_field: str) -> str:
        form: Any = self
        chosen = form.data.get(form.add_prefix(choice_field))
        return text_field if chosen == CUSTOM else choice_field


# ---- the body form ------------------------------------------------------------------------------


class BodyForm(ServiceErrorsMixin, RuleFieldsMixin, forms.Form):
    """A body's own fields, its seats and its charter, as an editor types them."""

    name = forms.CharField(label=_("Name"), max_length=200)
    acronym = forms.CharField(label=_("Acronym"), max_length=40, required=False)
    slug = forms.SlugField(
        label=_("Slug"), max_length=80, required=False,
        help_text=_("Short name used in the address, e.g. cgi-br: lowercase letters, digits and "
                    "hyphens. Leave empty to make one from the name."),
    )
    purpose = forms.CharField(label=_("Purpose"), required=False, widget=forms.Textarea(
        attrs={"rows": 3}), help_text=_("What the body is for, in a sentence or two."))
    venue = forms.ModelChoiceField(
        label=_("Venue on the map"), queryset=Venue.objects.order_by("name"),
        to_field_name="slug", required=False,
        help_text=_("The venue on the map that this body is, if any."),
    )
    source = forms.CharField(label=_("Source"), required=False, widget=forms.Textarea(
        attrs={"rows": 2}), help_text=_("Where the facts come from: links or references."))
    groups = forms.CharField(
        label=_("Stakeholder groups it must include"), max_length=2000,
        help_text=_("Separated by commas, e.g. government, private_sector, civil_society."),
    )
    regions = forms.CharField(
        label=_("Regions it must include"), max_length=2000, required=False,
        help_text=_("Separated by commas, e.g. African, Asia-Pacific. Leave empty to check "
                    "the regions its seats name."),
    )
    seats = forms.CharField(
        label=_("Seats"), max_length=MAX_DOCUMENT_BYTES, help_text=SEATS_HELP,
        widget=forms.Textarea(attrs={"rows": 8, "spellcheck": "false", "class": "code"}),
    )
    rule = forms.ChoiceField(label=_("Decision rule"), choices=rule_choices())
    custom_rule = forms.CharField(
        label=_("Decision rule in YAML"), required=False, max_length=20_000, help_text=RULE_HELP,
        widget=forms.Textarea(attrs={"rows": 3, "spellcheck": "false", "class": "code"}),
    )
    fallback_rule = forms.ChoiceField(
        label=_("Fallback rule"), choices=rule_choices(allow_none=True), required=False,
        help_text=_("The rule the body may fall back on, for example when consensus fails."),
    )
    custom_fallback_rule = forms.CharField(
        label=_("Fallback rule in YAML"), required=False, max_length=20_000,
        widget=forms.Textarea(attrs={"rows": 3, "spellcheck": "false", "class": "code"}),
    )
    fallback_when = forms.CharField(
        label=_("When the fallback rule may be used"), required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    consultation_notice_days = forms.IntegerField(
        label=_("Notice of consultations (days)"), min_value=0, max_value=365, initial=30)
    decision_meeting_notice_days = forms.IntegerField(
        label=_("Notice of decision meetings (days)"), min_value=0, max_value=365, initial=30)
    meeting_notice_days = forms.IntegerField(
        label=_("Notice of other meetings (days)"), min_value=0, max_value=365, initial=14)
    minutes_days = forms.IntegerField(
        label=_("Minutes published within (days)"), min_value=0, max_value=365, initial=14)

    BODY_FIELDS = ("name", "acronym", "slug", "purpose", "venue", "source")
    CHARTER_FIELDS = ("fallback_when", "consultation_notice_days",
                      "decision_meeting_notice_days", "meeting_notice_days", "minutes_days")

    def __init__(self, *args: Any, body: Body | None = None, **kwargs: Any) -> None:
        self.body = body
        self.seat_lines: dict[int, int] = {}
        self.thresholds: dict[str, Any] = {}
        if body is not None:
            kwargs.setdefault("initial", self.initial_of(body))
        super().__init__(*args, **kwargs)
        if body is not None:
            self.fields["slug"].required = True
            self.fields["slug"].help_text = _(
                "Short name used in the address: lowercase letters, digits and hyphens.")

    @staticmethod
    def initial_of(body: Body) -> dict[str, Any]:
        charter: Charter = body.charter
        rule, custom = rule_choice_of(charter.decision_rule)
        fallback, custom_fallback = rule_choice_of(charter.fallback_rule)
        return {
            "name": body.name, "acronym": body.acronym, "slug": body.slug,
            "purpose": charter.purpose or body.purpose,
            "venue": body.venue.slug if body.venue else None, "source": body.source,
            "groups": ", ".join(charter.required_groups),
            "regions": ", ".join(charter.required_regions),
            "seats": seats_text(list(body.seat_entries.all())),
            "rule": rule, "custom_rule": custom,
            "fallback_rule": fallback, "custom_fallback_rule": custom_fallback,
            **{name: getattr(charter, name) for name in BodyForm.CHARTER_FIELDS},
        }

    @property
    def body_fields(self) -> list[forms.BoundField]:
        return [self[name] for name in self.BODY_FIELDS]

    @property
    def charter_fields(self) -> list[forms.BoundField]:
        return [self[name] for name in self.CHARTER_FIELDS]

    def clean_slug(self) -> str:
        slug = self.cleaned_data["slug"]
        if slug in RESERVED_SLUGS:
            raise forms.ValidationError(
                _("“%(slug)s” is reserved for the site's own pages; choose another slug."),
                params={"slug": slug}, code="reserved")
        return slug

    def clean_groups(self) -> list[str]:
        names = _names(self.cleaned_data["groups"])
        if not names:
            raise forms.ValidationError(_("Name at least one stakeholder group."), code="empty")
        return names

    def clean_regions(self) -> list[str]:
        return _names(self.cleaned_data["regions"])

    def clean_seats(self) -> list[Any]:
        text = self.cleaned_data["seats"]
        try:
            node = yaml.compose(text, Loader=yaml.SafeLoader)
            value = yaml.safe_load(text)
        except yaml.YAMLError as exc:
            raise forms.ValidationError(_yaml_error(exc), code="yaml") from None
        if not isinstance(value, list) or not value:
            raise forms.ValidationError(
                _("List the seat entries, one per line, each starting with “- ”."), code="list")
        if isinstance(node, yaml.SequenceNode):
            self.seat_lines = {i: item.start_mark.line + 1 for i, item in enumerate(node.value)}
        return value

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean()
        self.rule_value = self.rule_from("rule", "custom_rule", required=True)
        self.fallback_value = self.rule_from("fallback_rule", "custom_fallback_rule",
                                             required=False)
        return cleaned

    def document(self) -> dict[str, Any]:
        """The body file the form describes."""
        data = self.cleaned_data
        document: dict[str, Any] = {"name": data["name"]}
        if data.get("purpose"):
            document["purpose"] = data["purpose"]
        document["groups"] = data["groups"]
        if data.get("regions"):
            document["regions"] = data["regions"]
        document["seats"] = data["seats"]
        document["rule"] = self.rule_value
        if self.fallback_value:
            document["fallback_rule"] = self.fallback_value
        if self.body is not None and self.body.charter.thresholds:
            document["thresholds"] = self.body.charter.thresholds
        return document

    def body_values(self) -> dict[str, Any]:
        data = self.cleaned_data
        values = {name: data[name] for name in ("acronym", "venue", "source", "purpose")}
        if data.get("slug"):
            values["slug"] = data["slug"]
        return values

    def charter_values(self) -> dict[str, Any]:
        return {name: self.cleaned_data[name] for name in self.CHARTER_FIELDS}

    def field_for(self, key: str) -> str | None:
        top = re.split(r"[.\[]", key, maxsplit=1)[0]
        if top == "rule":
            return self.rule_field(key, "rule", "custom_rule")
        if top == "fallback_rule":
            return self.rule_field(key, "fallback_rule", "custom_fallback_rule")
        if top == "thresholds":
            return None
        return top if top in self.fields else None

    def describe(self, key: str, message: str) -> str:
        found = PATH_INDEX.match(key)
        if found and int(found.group(1)) in self.seat_lines:
            line = self.seat_lines[int(found.group(1))]
            return gettext("Line %(line)s: %(path)s: %(message)s") % {
                "line": line, "path": key, "message": message}
        if key in self.fields or key in ("", "__all__", "document"):
            return message
        return f"{key}: {message}"


class BodyUploadForm(ServiceErrorsMixin, forms.Form):
    """A body file to create a body from."""

    file = forms.FileField(
        label=_("Body file"),
        help_text=_("A YAML or JSON body file (at most %(size)s KB) with name, groups, seats and "
                    "rule, as in DESIGN.md.") % {"size": MAX_DOCUMENT_BYTES // 1024},
        widget=forms.ClearableFileInput(attrs={"accept": ".yaml,.yml,.json"}),
    )
    slug = forms.SlugField(
        label=_("Slug"), max_length=80, required=False,
        help_text=_("Leave empty to make one from the body's name."),
    )
    acronym = forms.CharField(label=_("Acronym"), max_length=40, required=False)
    venue = forms.ModelChoiceField(
        label=_("Venue on the map"), queryset=Venue.objects.order_by("name"),
        to_field_name="slug", required=False,
    )
    source = forms.CharField(label=_("Source"), required=False,
                             widget=forms.Textarea(attrs={"rows": 2}))

    def clean_file(self) -> str:
        upload = self.cleaned_data["file"]
        if upload.size > MAX_DOCUMENT_BYTES:
            raise forms.ValidationError(
                _("The file is %(size)s KB; at most %(limit)s KB are accepted."),
                params={"size": -(-upload.size // 1024), "limit": MAX_DOCUMENT_BYTES // 1024},
                code="too_large")
        try:
            text = upload.read().decode("utf-8")
        except UnicodeDecodeError:
            raise forms.ValidationError(_("The file is not UTF-8 text; save it as UTF-8 YAML "
                                          "or JSON."), code="encoding") from None
        self.file_name = upload.name or "body.yaml"
        return text

    def clean_slug(self) -> str:
        slug = self.cleaned_data["slug"]
        if slug in RESERVED_SLUGS:
            raise forms.ValidationError(
                _("“%(slug)s” is reserved for the site's own pages; choose another slug."),
                params={"slug": slug}, code="reserved")
        return slug

    def field_for(self, key: str) -> str | None:
        if key in ("slug", "venue", "acronym", "source"):
            return key
        return "file"

    def describe(self, key: str, message: str) -> str:
        if key in ("slug", "venue", "acronym", "source", "", "document", "__all__"):
            return message
        line, found = "", re.match(r"^line (\d+): (.*)$", message, re.S)
        if found:
            line, message = found.group(1), found.group(2)
            return gettext("Line %(line)s: %(path)s: %(message)s") % {
                "line": line, "path": key, "message": message}
        return f"{key}: {message}"


class WhatIfForm(RuleFieldsMixin, forms.Form):
    """Another rule for the same seats (GET, nothing is saved)."""

    rule = forms.ChoiceField(label=_("Decision rule"), choices=rule_choices())
    custom_rule = forms.CharField(
        label=_("Decision rule in YAML"), required=False, max_length=20_000, help_text=RULE_HELP,
        widget=forms.Textarea(attrs={"rows": 3, "spellcheck": "false", "class": "code"}),
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("prefix", "whatif")
        super().__init__(*args, **kwargs)

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean()
        self.rule_value = self.rule_from("rule", "custom_rule", required=True)
        return cleaned

    def show_rule_errors(self, exc: ApplicationError) -> None:
        field = "custom_rule" if self.cleaned_data.get("rule") == CUSTOM else "rule"
        if not exc.errors:
            self.add_error(field, exc.message)
        for key, messages in exc.errors.items():
            for message in messages:
                self.add_error(field, message if key in ("rule", "") else f"{key}: {message}")


# ---- members ------------------------------------------------------------------------------------


class DateInput(forms.DateInput):
    input_type = "date"


class MemberForm(ServiceErrorsMixin, forms.Form):
    seat_entry = forms.ModelChoiceField(label=_("Seat entry"), queryset=SeatEntry.objects.none(),
                                        to_field_name="name")
    participant = forms.ModelChoiceField(
        label=_("Participant"),
        queryset=Participant.objects.order_by("display_name"),
        help_text=_("The person who holds the seat."),
    )
    start = forms.DateField(label=_("Start of the term"), widget=DateInput)
    end = forms.DateField(label=_("End of the term"), widget=DateInput, required=False,
                          help_text=_("Leave empty while the term runs."))

    def __init__(self, *args: Any, body: Body, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["seat_entry"]
        field.queryset = body.seat_entries.all()
        field.label_from_instance = lambda entry: f"{entry.name} ({entry.group})"

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean()
        start, end = cleaned.get("start"), cleaned.get("end")
        if start and end and end < start:
            self.add_error("end", gettext("The end is before the start."))
        return cleaned


class MemberEndForm(ServiceErrorsMixin, forms.Form):
    end = forms.DateField(label=_("End of the term"), widget=DateInput)

    def __init__(self, *args: Any, member: Member, **kwargs: Any) -> None:
        self.member = member
        super().__init__(*args, **kwargs)

    def clean_end(self) -> Any:
        end = self.cleaned_data["end"]
        if end < self.member.start:
            raise forms.ValidationError(_("The end is before the start of the term."),
                                        code="before_start")
        return end
