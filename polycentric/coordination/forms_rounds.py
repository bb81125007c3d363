"""Forms for prioritisation rounds: the facilitators' round form and the participants' ballot.

The ballot form works without JavaScript: a ranking is a place number per candidate issue (1 is
best; equal numbers tie; blank leaves the issue unranked, below every ranked one), approval is a
checkbox per issue, and scoring a number per issue.
"""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from polycentric.coordination.models import PrioritisationRound, RoundBallot
from polycentric.coordination.models.rounds import RESERVED_SLUGS
from polycentric.core.errors import ApplicationError
from polycentric.issuemap.models import Issue

DATETIME_FORMAT = "%Y-%m-%dT%H:%M"


class ServiceErrorsMixin:
    """Puts a service's refusal on the form: each field's problems on that field."""

    def show_service_errors(self, exc: ApplicationError) -> None:
        form: Any = self
        if not exc.errors:
            form.add_error(None, exc.message)
            return
        for key, messages in exc.errors.items():
            field = key if key in form.fields else None
            for message in messages:
                form.add_error(field, message)


class DateTimeInput(forms.DateTimeInput):
    input_type = "datetime-local"

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(format=DATETIME_FORMAT, **kwargs)


class RoundForm(ServiceErrorsMixin, forms.Form):
    """Create or change a round. Once the round is open only the title, the description and the
    close can change; the other fields are shown but disabled."""

    body = forms.ModelChoiceField(
        label=_("Coordinating body"), queryset=None,  # type: ignore[arg-type]
        help_text=_("The body whose facilitators run the round."),
    )
    title = forms.CharField(label=_("Title"), max_length=200)
    slug = forms.SlugField(
        label=_("Slug"), max_length=80,
        help_text=_("The round's address: lower-case letters, digits and hyphens."),
    )
    description = forms.CharField(
        label=_("Description"), required=False, widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("What the round decides and how its results will be used."),
    )
    candidates = forms.ModelMultipleChoiceField(
        label=_("Candidate issues"), queryset=Issue.objects.order_by("title"),
        widget=forms.CheckboxSelectMultiple, to_field_name="slug",
    )
    ballot_kind = forms.ChoiceField(label=_("Ballots"),
                                    choices=PrioritisationRound.BallotKind.choices)
    method = forms.ChoiceField(
        label=_("Counting method"), choices=PrioritisationRound.Method.choices,
        help_text=_("Approval ballots are counted by approval; ranking and score ballots by "
                    "Schulze, ranked pairs or Borda (scores are read as a ranking)."),
    )
    balance = forms.ChoiceField(label=_("Balance"), choices=PrioritisationRound.Balance.choices)
    max_score = forms.IntegerField(
        label=_("Highest score"), min_value=1, max_value=100, initial=5,
        help_text=_("For score ballots: each issue gets a whole number from 0 to this."),
    )
    opens_at = forms.DateTimeField(
        label=_("Opens at"), widget=DateTimeInput(), input_formats=[DATETIME_FORMAT],
    )
    closes_at = forms.DateTimeField(
        label=_("Closes at"), widget=DateTimeInput(), input_formats=[DATETIME_FORMAT],
    )

    def __init__(self, *args: Any, bodies: Any, round: PrioritisationRound | None = None,
                 **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.round = round
        fields: Any = self.fields
        fields["body"].queryset = bodies
        zone = timezone.get_current_timezone_name()
        for name in ("opens_at", "closes_at"):
            fields[name].help_text = gettext("In the %(zone)s time zone.") % {"zone": zone}
        if round is not None:
            del fields["body"]
            if round.status != PrioritisationRound.Status.ANNOUNCED:
                for name in ("slug", "candidates", "ballot_kind", "method", "balance",
                             "max_score", "opens_at"):
                    fields[name].disabled = True

    def clean_slug(self) -> str:
        slug = self.cleaned_data["slug"]
        if slug in RESERVED_SLUGS:
            raise forms.ValidationError(
                gettext("“%(slug)s” is reserved for the site's own pages; choose another slug.")
                % {"slug": slug})
        return slug

    @staticmethod
    def initial_for(round_: PrioritisationRound) -> dict[str, Any]:
        return {
            "title": round_.title, "slug": round_.slug, "description": round_.description,
            "candidates": list(round_.candidates.all()), "ballot_kind": round_.ballot_kind,
            "method": round_.method, "balance": round_.balance, "max_score": round_.max_score,
            "opens_at": timezone.localtime(round_.opens_at),
            "closes_at": timezone.localtime(round_.closes_at),
        }

    def values(self) -> dict[str, Any]:
        """The round's fields for the service, without the body, the candidates and the fields
        that can no longer change (disabled: they carry the stored values, to the minute)."""
        return {
            name: value for name, value in self.cleaned_data.items()
            if name not in ("body", "candidates") and not self.fields[name].disabled
        }

    def candidates_value(self) -> list[Issue] | None:
        """The chosen candidates, or None when they can no longer change."""
        if self.fields["candidates"].disabled:
            return None
        return list(self.cleaned_data["candidates"])


class BallotForm(ServiceErrorsMixin, forms.Form):
    """A ballot for one round, with a field per candidate issue (or one set of checkboxes)."""

    def __init__(self, *args: Any, round: PrioritisationRound, candidates: list[Issue],
                 ballot: RoundBallot | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.round = round
        self.candidates = candidates
        kind = round.ballot_kind
        Kind = PrioritisationRound.BallotKind
        count = len(candidates)
        if kind == Kind.APPROVAL:
            self.fields["approvals"] = forms.MultipleChoiceField(
                label=_("The issues you approve of"), required=True,
                choices=[(issue.slug, issue.title) for issue in candidates],
                widget=forms.CheckboxSelectMultiple,
                initial=ballot.approvals if ballot else [],
            )
            return
        places = _places(ballot.ranking) if ballot else {}
        for issue in candidates:
            if kind == Kind.RANKING:
                self.fields[f"rank_{issue.slug}"] = forms.IntegerField(
                    label=issue.title, required=False, min_value=1, max_value=count,
                    initial=places.get(issue.slug),
                    widget=forms.NumberInput(attrs={"class": "rank"}),
                )
            else:
                self.fields[f"score_{issue.slug}"] = forms.IntegerField(
                    label=issue.title, required=False, min_value=0, max_value=round.max_score,
                    initial=ballot.scores.get(issue.slug) if ballot else None,
                    widget=forms.NumberInput(attrs={"class": "score"}),
                )

    def show_service_errors(self, exc: ApplicationError) -> None:
        # The service names "ranking" and "scores" as a whole; they belong to the form as a whole.
        form: Any = self
        if not exc.errors:
            form.add_error(None, exc.message)
            return
        for key, messages in exc.errors.items():
            for message in messages:
                form.add_error(key if key in form.fields else None, message)

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        kind = self.round.ballot_kind
        if kind == PrioritisationRound.BallotKind.RANKING and not self.errors and not any(
            data.get(f"rank_{issue.slug}") for issue in self.candidates
        ):
            raise forms.ValidationError(
                gettext("Give at least one issue a place: 1 for your first priority."))
        if kind == PrioritisationRound.BallotKind.SCORE and not self.errors and all(
            data.get(f"score_{issue.slug}") is None for issue in self.candidates
        ):
            raise forms.ValidationError(gettext("Score at least one issue."))
        return data

    def ballot(self) -> dict[str, Any]:
        """The ballot as the service takes it."""
        from polycentric.coordination.services import ranking_from_places

        data = self.cleaned_data
        kind = self.round.ballot_kind
        if kind == PrioritisationRound.BallotKind.APPROVAL:
            return {"approvals": list(data["approvals"])}
        if kind == PrioritisationRound.BallotKind.RANKING:
            return {"ranking": ranking_from_places(
                {issue.slug: data.get(f"rank_{issue.slug}") for issue in self.candidates})}
        return {"scores": {
            issue.slug: data[f"score_{issue.slug}"] for issue in self.candidates
            if data.get(f"score_{issue.slug}") is not None
        }}

    def candidate_fields(self) -> list[Any]:
        return [self[name] for name in self.fields if name != "approvals"]


def _places(ranking: list[list[str]]) -> dict[str, int]:
    """Place numbers from stored tiers: the first tier is 1, the next tier 2, and so on."""
    return {slug: place for place, tier in enumerate(ranking, start=1) for slug in tier}
