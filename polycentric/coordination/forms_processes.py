"""Forms for processes and meetings: the facilitators' process, stage, announcement, meeting,
minutes and attendance forms. They parse; the services decide (a service's refusal is put back
on the form field by field).

A meeting's start and end are typed as local times in the meeting's own time zone (the browser's
datetime-local field has none), and documents as one "Title | https://..." line each.
"""

from __future__ import annotations

import datetime
import zoneinfo
from typing import Any

from django import forms
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from polycentric.accounts.models import Participant
from polycentric.bodies.models import Body
from polycentric.coordination.forms_rounds import DATETIME_FORMAT, DateTimeInput, ServiceErrorsMixin
from polycentric.coordination.models import Meeting, Process, Stage, validate_timezone
from polycentric.issuemap.models import Issue, Venue

DATE_FORMAT = "%Y-%m-%d"
MAX_DOCUMENT_LINES = 50


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(format=DATE_FORMAT, **kwargs)


def _textarea(rows: int = 3) -> forms.Textarea:
    return forms.Textarea(attrs={"rows": rows})


class DocumentsField(forms.CharField):
    """Links, one per line as "Title | https://example.org/paper.pdf"."""

    widget = forms.Textarea(attrs={"rows": 3})

    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("required", False)
        kwargs.setdefault("label", _("Documents"))
        kwargs.setdefault("help_text", _("One per line: a title, a vertical bar, then the "
                                         "address, e.g. Draft approach | https://example.org/"
                                         "draft.pdf"))
        super().__init__(**kwargs)

    def to_python(self, value: Any) -> list[dict[str, str]]:  # type: ignore[override]
        text = super().to_python(value) or ""
        documents: list[dict[str, str]] = []
        problems: list[str] = []
        lines = [line.strip() for line in text.splitlines() if line.strip()]
        if len(lines) > MAX_DOCUMENT_LINES:
            raise forms.ValidationError(gettext("Give at most %(n)d documents.")
                                        % {"n": MAX_DOCUMENT_LINES})
        for number, line in enumerate(lines, start=1):
            title, bar, url = line.rpartition("|")
            if not bar or not title.strip() or not url.strip():
                problems.append(gettext("Line %(n)d: write a title, a vertical bar (|) and the "
                                        "address.") % {"n": number})
                continue
            documents.append({"title": title.strip(), "url": url.strip()})
        if problems:
            raise forms.ValidationError(problems)
        return documents

    def prepare_value(self, value: Any) -> Any:
        if isinstance(value, list):
            return "\n".join(f"{d.get('title', '')} | {d.get('url', '')}" for d in value)
        return value


class BackgroundFields(forms.Form):
    """The background every announcement carries (DESIGN.md, P2)."""

    aim_and_purpose = forms.CharField(
        label=_("Aim and purpose"), required=False, widget=_textarea(),
        help_text=_("What this stage or meeting is for and what it should produce."))
    modalities = forms.CharField(
        label=_("Modalities"), required=False, widget=_textarea(),
        help_text=_("How to take part: in person, remotely, in writing; languages; deadlines."))
    significance = forms.CharField(
        label=_("Significance"), required=False, widget=_textarea(),
        help_text=_("Why it matters and what it may lead to."))

    def background(self) -> dict[str, str]:
        return {f: self.cleaned_data.get(f) or "" for f in
                ("aim_and_purpose", "modalities", "significance")}


class ProcessForm(ServiceErrorsMixin, forms.Form):
    """Start a process: its issue, lead and keeper. The five default stages follow, dated from
    the first stage's start and editable afterwards."""

    issue = forms.ModelChoiceField(label=_("Issue"), queryset=Issue.objects.order_by("title"),
                                   to_field_name="slug")
    title = forms.CharField(label=_("Title"), max_length=200)
    slug = forms.SlugField(label=_("Slug"), max_length=80,
                           help_text=_("The process's address: lower-case letters, digits and "
                                       "hyphens."))
    description = forms.CharField(label=_("Description"), required=False, widget=_textarea(4))
    lead_body = forms.ModelChoiceField(
        label=_("Lead body"), required=False, queryset=Body.objects.order_by("name"),
        to_field_name="slug", help_text=_("The body that takes the issue forward, if any."))
    lead_venue = forms.ModelChoiceField(
        label=_("Lead venue"), required=False, queryset=Venue.objects.order_by("name"),
        to_field_name="slug", help_text=_("Or the venue on the map that leads it."))
    coordinating_body = forms.ModelChoiceField(
        label=_("Coordinating body"), required=False, queryset=None,  # type: ignore[arg-type]
        to_field_name="slug",
        help_text=_("The body whose facilitators keep the roadmap; the lead body when empty."))
    starts_on = forms.DateField(
        label=_("First stage starts on"), required=False, widget=DateInput(),
        input_formats=[DATE_FORMAT],
        help_text=_("The five default stages follow 45 days apart; 30 days from today when "
                    "empty."))

    def __init__(self, *args: Any, bodies: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["coordinating_body"].queryset = bodies  # type: ignore[attr-defined]

    def values(self) -> dict[str, Any]:
        data = self.cleaned_data
        return {key: data[key] for key in ("issue", "title", "slug", "description", "lead_body",
                                           "lead_venue", "coordinating_body", "starts_on")}


class StageForm(ServiceErrorsMixin, BackgroundFields):
    kind = forms.ChoiceField(label=_("Kind"), choices=Stage.Kind.choices)
    title = forms.CharField(label=_("Title"), max_length=200)
    starts_on = forms.DateField(label=_("Starts on"), widget=DateInput(),
                                input_formats=[DATE_FORMAT])
    ends_on = forms.DateField(label=_("Ends on"), required=False, widget=DateInput(),
                              input_formats=[DATE_FORMAT],
                              help_text=_("For a consultation: the last day for comments."))
    documents = DocumentsField()

    field_order = ["kind", "title", "starts_on", "ends_on", "aim_and_purpose", "modalities",
                   "significance", "documents"]

    @classmethod
    def initial_for(cls, stage: Stage) -> dict[str, Any]:
        return {f: getattr(stage, f) for f in ("kind", "title", "starts_on", "ends_on",
                                               "aim_and_purpose", "modalities", "significance",
                                               "documents")}

    def values(self) -> dict[str, Any]:
        return {"kind": self.cleaned_data["kind"], "title": self.cleaned_data["title"],
                "starts_on": self.cleaned_data["starts_on"],
                "ends_on": self.cleaned_data.get("ends_on"),
                "documents": self.cleaned_data.get("documents") or [], **self.background()}


class AnnounceForm(ServiceErrorsMixin, BackgroundFields):
    """The announcement: the background as it will be published (all three parts needed)."""


class MeetingForm(ServiceErrorsMixin, BackgroundFields):
    title = forms.CharField(label=_("Title"), max_length=200)
    kind = forms.ChoiceField(label=_("Kind"), choices=Meeting.Kind.choices,
                             help_text=_("A decision meeting needs the longer notice."))
    stage = forms.ModelChoiceField(label=_("Stage"), required=False,
                                   queryset=Stage.objects.none())
    timezone = forms.CharField(
        label=_("Time zone"), max_length=64, initial="UTC",
        help_text=_("Where the meeting is held, as an IANA name, e.g. Africa/Nairobi, "
                    "America/Sao_Paulo, Asia/Kolkata."))
    starts_at = forms.DateTimeField(label=_("Starts at (local time)"), widget=DateTimeInput(),
                                    input_formats=[DATETIME_FORMAT])
    ends_at = forms.DateTimeField(label=_("Ends at (local time)"), widget=DateTimeInput(),
                                  input_formats=[DATETIME_FORMAT])
    place = forms.CharField(label=_("Place"), max_length=300, required=False)
    remote_url = forms.URLField(label=_("Remote participation link"), max_length=500,
                                required=False, assume_scheme="https")
    agenda = forms.CharField(label=_("Agenda"), required=False, widget=_textarea(6))
    documents = DocumentsField()

    field_order = ["title", "kind", "stage", "timezone", "starts_at", "ends_at", "place",
                   "remote_url", "agenda", "aim_and_purpose", "modalities", "significance",
                   "documents"]

    def __init__(self, *args: Any, process: Process, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["stage"].queryset = process.stages.order_by("order")  # type: ignore[attr-defined]

    @classmethod
    def initial_for(cls, meeting: Meeting) -> dict[str, Any]:
        zone = zoneinfo.ZoneInfo(meeting.timezone)
        values = {f: getattr(meeting, f) for f in (
            "title", "kind", "stage", "timezone", "place", "remote_url", "agenda",
            "aim_and_purpose", "modalities", "significance", "documents")}
        values["starts_at"] = meeting.starts_at.astimezone(zone).replace(tzinfo=None)
        values["ends_at"] = meeting.ends_at.astimezone(zone).replace(tzinfo=None)
        return values

    def clean_timezone(self) -> str:
        name = self.cleaned_data["timezone"].strip()
        validate_timezone(name)
        return name

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        name = data.get("timezone")
        if name:
            zone = zoneinfo.ZoneInfo(name)
            for field in ("starts_at", "ends_at"):
                value = data.get(field)
                if isinstance(value, datetime.datetime):
                    data[field] = value.replace(tzinfo=None).replace(tzinfo=zone)
        return data

    def values(self) -> dict[str, Any]:
        data = self.cleaned_data
        return {key: data.get(key) for key in (
            "title", "kind", "stage", "timezone", "starts_at", "ends_at", "place", "remote_url",
            "agenda", "documents", "aim_and_purpose", "modalities", "significance")}


class MinutesForm(ServiceErrorsMixin, forms.Form):
    minutes = forms.CharField(label=_("Minutes"), widget=_textarea(12),
                              help_text=_("What was discussed and decided, and by whom."))
    documents = DocumentsField(label=_("Documents to add"))


class AttendanceForm(ServiceErrorsMixin, forms.Form):
    participants = forms.ModelMultipleChoiceField(
        label=_("Participants"),
        queryset=Participant.objects.select_related("stakeholder_group", "country")
        .order_by("display_name"),
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Their stakeholder group and region are recorded as they are today."))
    remote = forms.BooleanField(label=_("Took part remotely"), required=False)

    def __init__(self, *args: Any, meeting: Meeting, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        recorded = meeting.attendance.values("participant_id")
        field = self.fields["participants"]
        field.queryset = field.queryset.exclude(pk__in=recorded)  # type: ignore[attr-defined]
        field.label_from_instance = _participant_label  # type: ignore[attr-defined]


def _participant_label(participant: Participant) -> str:
    parts = [participant.display_name]
    if participant.stakeholder_group:
        parts.append(str(participant.stakeholder_group))
    if participant.country:
        parts.append(str(participant.country))
    return " · ".join(parts)
