"""Forms for routes: recomputing an issue's recommendation and adopting a route."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from polycentric.coordination.forms_rounds import ServiceErrorsMixin
from polycentric.coordination.services.routes import NOTE_LIMIT


class RouteComputeForm(ServiceErrorsMixin, forms.Form):
    round = forms.ModelChoiceField(
        label=_("Prioritisation round"), queryset=None, required=False,  # type: ignore[arg-type]
        to_field_name="slug", empty_label=_("The latest closed round with this issue"),
        help_text=_("The round that made the issue a priority; its body's facilitators may "
                    "adopt the route."),
    )

    def __init__(self, *args: Any, rounds: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["round"].queryset = rounds  # type: ignore[attr-defined]


class RouteAdoptForm(ServiceErrorsMixin, forms.Form):
    note = forms.CharField(
        label=_("Note for the record"), required=False, max_length=NOTE_LIMIT,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("For example: the meeting or decision at which the body adopted the route."),
    )
