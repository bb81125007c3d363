"""Every write about people: registering, declaring and updating a participant's profile.

Each service takes the acting user, validates, writes inside a transaction and records an event.
Declarations (group, country, organisation, languages, constituency) are public, so they go into
the event payload; e-mail addresses and passwords never do.
API tokens have their own module, polycentric/accounts/tokens.py.
"""

from __future__ import annotations

from typing import Any

from django.contrib.auth.models import User
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import IntegrityError, models, transaction
from django.utils.translation import gettext as _

from polycentric.accounts.models import Country, Participant, StakeholderGroup
from polycentric.accounts.permissions import can_edit_profile
from polycentric.core.errors import Conflict, PermissionDenied, ValidationFailed
from polycentric.core.services import event_record

PARTICIPANT_FIELDS = (
    "display_name", "stakeholder_group", "country", "organisation", "languages", "constituency",
)


def normalise_languages(languages: str) -> str:
    """'english ,  Kiswahili,,' -> 'english, Kiswahili': one comma and space between languages."""
    return ", ".join(part.strip() for part in languages.split(",") if part.strip())


def _declaration_payload(participant: Participant, names: tuple[str, ...] | list[str]) -> dict:
    payload: dict[str, Any] = {}
    for name in names:
        value = getattr(participant, name)
        if isinstance(value, StakeholderGroup):
            value = value.slug
        elif isinstance(value, Country):
            value = value.code
        payload[name] = value
    return payload


def _clean_participant(participant: Participant) -> None:
    try:
        participant.full_clean(exclude=["user"])
    except ValidationError as exc:
        raise ValidationFailed.from_django(exc, message=_("Invalid profile")) from exc


def registration_problems(*, username: str, email: str, password: str) -> dict[str, list[str]]:
    """What is wrong with these account details, by field name; empty when they are acceptable.

    Checks the username's characters and that it is free (ignoring case), the e-mail address and
    that it is free (ignoring case), and the password against the configured validators."""
    problems: dict[str, list[str]] = {}
    required = [_("This field is required.")]
    if not username:
        problems["username"] = required
    else:
        try:
            User._meta.get_field("username").clean(username, None)
        except ValidationError as exc:
            problems["username"] = list(exc.messages)
        else:
            if User.objects.filter(username__iexact=username).exists():
                problems["username"] = [_("A user with that username already exists.")]
    if not email:
        problems["email"] = required
    else:
        try:
            validate_email(email)
        except ValidationError as exc:
            problems["email"] = list(exc.messages)
        else:
            if User.objects.filter(email__iexact=email).exists():
                problems["email"] = [_("An account with that e-mail address already exists.")]
    if not password:
        problems["password"] = required
    else:
        try:
            validate_password(password, user=User(username=username, email=email))
        except ValidationError as exc:
            problems["password"] = list(exc.messages)
    return problems


@transaction.atomic
def participant_register(
    *,
    username: str,
    email: str,
    password: str,
    display_name: str,
    stakeholder_group: StakeholderGroup | None,
    country: Country | None,
    organisation: str = "",
    languages: str = "",
    constituency: str = "",
    actor: Any = None,
) -> Participant:
    """Create a user account and its participant profile; the new user is the actor by default.

    Raises ValidationFailed naming each bad field (username, email, password, display_name, ...)
    and writes nothing in that case.
    """
    username, email = username.strip(), User.objects.normalize_email(email.strip())
    problems = registration_problems(username=username, email=email, password=password)
    participant = Participant(
        display_name=display_name.strip(), stakeholder_group=stakeholder_group, country=country,
        organisation=organisation.strip(), languages=normalise_languages(languages),
        constituency=constituency.strip(),
    )
    try:
        participant.full_clean(exclude=["user"])
    except ValidationError as exc:
        for field, messages in exc.message_dict.items():
            problems.setdefault(field, []).extend(messages)
    if problems:
        summary = "; ".join(f"{field}: {' '.join(msgs)}" for field, msgs in problems.items())
        raise ValidationFailed(_("Cannot register: %(problems)s") % {"problems": summary},
                               errors=problems)
    try:
        with transaction.atomic():
            user = User.objects.create_user(username=username, email=email, password=password)
    except IntegrityError as exc:  # someone took the username between the check and the insert
        raise Conflict(_("A user with that username already exists."),
                       errors={"username": [_("A user with that username already exists.")]}) from exc
    participant.user = user
    participant.save()
    event_record(
        kind="accounts.participant.registered", target=participant,
        actor=actor if actor is not None else user, summary=participant.display_name,
        payload={"username": user.username, **_declaration_payload(participant, PARTICIPANT_FIELDS)},
    )
    return participant


@transaction.atomic
def participant_ensure(*, user: User, actor: Any) -> Participant:
    """The user's participant profile, created (with only a display name) if they have none.

    Accounts made outside sign-up, e.g. by `createsuperuser`, get their profile this way."""
    existing = Participant.objects.filter(user=user).first()
    if existing is not None:
        return existing
    participant = Participant.objects.create(
        user=user, display_name=(user.get_full_name() or user.get_username())[:120]
    )
    event_record(kind="accounts.participant.created", target=participant, actor=actor,
                 summary=participant.display_name, payload={"username": user.get_username()})
    return participant


@transaction.atomic
def participant_update(*, participant: Participant, actor: Any, **fields: Any) -> Participant:
    """Change a participant's declaration. Only the participant themself (or an admin) may.

    `fields` are any of PARTICIPANT_FIELDS; an unknown name is a ValidationFailed. Records one
    event naming the changed fields and their new (public) values, or none if nothing changed."""
    unknown = sorted(set(fields) - set(PARTICIPANT_FIELDS))
    if unknown:
        raise ValidationFailed(
            _("Unknown field(s): %(fields)s") % {"fields": ", ".join(unknown)},
            errors={name: [_("Unknown field.")] for name in unknown},
        )
    if not can_edit_profile(actor, participant):
        raise PermissionDenied(_("You may only change your own profile."))
    if "languages" in fields:
        fields["languages"] = normalise_languages(fields["languages"] or "")
    for name in ("display_name", "organisation", "constituency"):
        if isinstance(fields.get(name), str):
            fields[name] = fields[name].strip()
    for name, model in (("stakeholder_group", StakeholderGroup), ("country", Country)):
        if fields.get(name) is not None and not isinstance(fields[name], model):
            raise ValidationFailed(
                _("Invalid profile: %(field)s: choose one from the list.") % {"field": name},
                errors={name: [_("Choose one from the list.")]},
            )
    changed = []
    for name, value in fields.items():
        current = getattr(participant, name)
        if isinstance(current, models.Model) or isinstance(value, models.Model):
            differs = getattr(current, "pk", None) != getattr(value, "pk", None)
        else:
            differs = current != value
        if differs:
            setattr(participant, name, value)
            changed.append(name)
    if not changed:
        return participant
    try:
        _clean_participant(participant)
    except ValidationFailed:
        participant.refresh_from_db(fields=changed)
        raise
    participant.save(update_fields=changed)
    event_record(kind="accounts.participant.updated", target=participant, actor=actor,
                 summary=participant.display_name,
                 payload={"changed": changed, **_declaration_payload(participant, changed)})
    return participant
