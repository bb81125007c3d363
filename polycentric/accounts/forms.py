"""Forms for signing up, declaring a profile, filtering people and naming an API token.

Forms check the shape of the input; the services decide whether it is acceptable (a free
username, a strong password) so that the web and the API refuse the same things.
"""

from __future__ import annotations

from django import forms
from django.contrib.auth.password_validation import password_validators_help_text_html
from django.utils.translation import gettext_lazy as _

from polycentric.accounts import selectors
from polycentric.accounts.models import Country, Participant, StakeholderGroup
from polycentric.accounts.services import registration_problems
from polycentric.core.errors import ApplicationError


def _model_text(name: str, **overrides) -> forms.Field:
    """A form field with the label, help text and length of the Participant model's field."""
    field = Participant._meta.get_field(name).formfield(**overrides)
    assert field is not None
    return field


class ApplicationErrorMixin:
    """Show a service's ApplicationError next to the fields it names."""

    def add_application_error(self, exc: ApplicationError) -> None:
        if not exc.errors:
            self.add_error(None, exc.message)  # type: ignore[attr-defined]
        for name, messages in exc.errors.items():
            field = name if name in self.fields else None  # type: ignore[attr-defined]
            for message in messages:
                self.add_error(field, message)  # type: ignore[attr-defined]


class DeclarationFields(forms.Form):
    """The public declaration every participant makes."""

    required_css_class = "required"

    display_name = _model_text("display_name")
    stakeholder_group = forms.ModelChoiceField(
        label=_("Stakeholder group"),
        queryset=StakeholderGroup.objects.all(),
        empty_label=_("Choose your stakeholder group"),
        help_text=_("The group you take part as. It is shown publicly."),
    )
    country = forms.ModelChoiceField(
        label=_("Country"),
        queryset=Country.objects.none(),
        empty_label=_("Choose your country"),
        help_text=_("Your country sets your region in each region scheme. It is shown publicly."),
    )
    organisation = _model_text("organisation")
    languages = _model_text("languages")
    constituency = _model_text("constituency", widget=forms.Textarea(attrs={"rows": 3}))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["country"].queryset = selectors.country_list()  # type: ignore[attr-defined]


class SignupForm(ApplicationErrorMixin, DeclarationFields):
    username = forms.CharField(
        label=_("Username"),
        max_length=150,
        help_text=_("Letters, digits and @ . + - _ only; 150 characters or fewer."),
        widget=forms.TextInput(attrs={"autocomplete": "username", "autocapitalize": "none"}),
    )
    email = forms.EmailField(
        label=_("E-mail address"),
        help_text=_("For password resets. It is never shown publicly."),
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    password = forms.CharField(
        label=_("Password"),
        strip=False,
        help_text=password_validators_help_text_html,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
    )
    password_confirm = forms.CharField(
        label=_("Password again"),
        strip=False,
        help_text=_("Type the same password again, to catch typing mistakes."),
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
    )

    field_order = [
        "username", "email", "password", "password_confirm",
        "display_name", "stakeholder_group", "country", "organisation", "languages", "constituency",
    ]

    def clean(self):
        cleaned = super().clean()
        password, again = cleaned.get("password"), cleaned.get("password_confirm")
        if password and again and password != again:
            self.add_error("password_confirm", _("The two passwords do not match."))
        problems = registration_problems(
            username=(cleaned.get("username") or "").strip(), email=cleaned.get("email") or "",
            password=cleaned.get("password") or "",
        )
        for name, messages in problems.items():
            if name not in self.errors:  # e.g. "required" was said already
                for message in messages:
                    self.add_error(name, message)
        return cleaned

    def declaration(self) -> dict:
        return {name: self.cleaned_data[name] for name in DeclarationFields.base_fields}


class ProfileForm(ApplicationErrorMixin, DeclarationFields):
    """Edit one's declaration; the initial values come from the participant."""

    @classmethod
    def for_participant(cls, participant: Participant, data=None) -> ProfileForm:
        initial = {name: getattr(participant, name) for name in DeclarationFields.base_fields}
        return cls(data=data, initial=initial)


class ParticipantFilterForm(forms.Form):
    """The filters of the people list; slugs and codes in the query string."""

    group = forms.ModelChoiceField(
        label=_("Stakeholder group"),
        queryset=StakeholderGroup.objects.all(),
        to_field_name="slug",
        required=False,
        empty_label=_("All groups"),
    )
    country = forms.ModelChoiceField(
        label=_("Country"),
        queryset=Country.objects.none(),
        to_field_name="code",
        required=False,
        empty_label=_("All countries"),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["country"].queryset = selectors.country_list()  # type: ignore[attr-defined]

    def filters(self) -> selectors.ParticipantFilters:
        group, country = self.cleaned_data.get("group"), self.cleaned_data.get("country")
        return selectors.ParticipantFilters(
            stakeholder_group=group.slug if group else "", country=country.code if country else ""
        )


class ApiTokenForm(forms.Form):
    name = forms.CharField(
        label=_("Token name"),
        max_length=100,
        help_text=_("What the token is for, e.g. 'import script on my laptop'."),
    )


__all__ = [
    "ApiTokenForm",
    "ParticipantFilterForm",
    "ProfileForm",
    "SignupForm",
]
