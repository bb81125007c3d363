"""People pages: sign up, one's own profile and API tokens, public participant pages, the people
list, stakeholder groups and region schemes. Log in, log out, password reset and change are
Django's own views (an invalid form answers 400), wired in urls.py with this app's templates."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth import login
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from polycentric.accounts import selectors, services, tokens
from polycentric.accounts.forms import (
    ApiTokenForm,
    ParticipantFilterForm,
    ProfileForm,
    SignupForm,
)
from polycentric.accounts.models import ApiToken, Participant
from polycentric.accounts.permissions import (
    can_create_token,
    can_edit_profile,
    can_manage_tokens,
)
from polycentric.core.errors import ApplicationError

PEOPLE_PER_PAGE = 25
# The backend that signs a new account in; rules' backend authenticates nobody.
SIGNUP_BACKEND = "django.contrib.auth.backends.ModelBackend"


class InvalidFormIsBadRequest:
    """Re-show an invalid form with status 400, as this app's own forms do."""

    def form_invalid(self, form):
        return self.render_to_response(self.get_context_data(form=form), status=400)  # type: ignore[attr-defined]


class LoginView(InvalidFormIsBadRequest, auth_views.LoginView):
    pass


class PasswordChangeView(InvalidFormIsBadRequest, auth_views.PasswordChangeView):
    pass


class PasswordResetView(InvalidFormIsBadRequest, auth_views.PasswordResetView):
    pass


class PasswordResetConfirmView(InvalidFormIsBadRequest, auth_views.PasswordResetConfirmView):
    pass


@require_http_methods(["GET", "POST"])
def signup(request: HttpRequest) -> HttpResponse:
    if request.user.is_authenticated:
        return redirect("accounts:profile")
    form = SignupForm(data=request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            participant = services.participant_register(
                username=data["username"], email=data["email"], password=data["password"],
                actor=None, **form.declaration(),
            )
        except ApplicationError as exc:
            form.add_application_error(exc)
        else:
            login(request, participant.user, backend=SIGNUP_BACKEND)
            messages.success(request, _("Welcome, %(name)s. Your account is ready.")
                             % {"name": participant.display_name})
            return redirect("accounts:profile")
    status = 400 if form.is_bound else 200
    return render(request, "accounts/signup.html", {"form": form}, status=status)


def _profile_page(
    request: HttpRequest,
    *,
    profile_form: ProfileForm | None = None,
    token_form: ApiTokenForm | None = None,
    new_token: str = "",
    status: int = 200,
) -> HttpResponse:
    participant = selectors.participant_for_user(request.user)
    assert participant is not None  # every caller ensured one
    context = {
        "participant": participant,
        "regions": selectors.participant_regions(participant),
        "form": profile_form or ProfileForm.for_participant(participant),
        "token_form": token_form or ApiTokenForm(),
        "tokens": selectors.api_token_list(user=request.user),
        "new_token": new_token,
    }
    return render(request, "accounts/profile.html", context, status=status)


@never_cache
@login_required
@require_http_methods(["GET", "POST"])
def profile(request: HttpRequest) -> HttpResponse:
    participant = services.participant_ensure(user=request.user, actor=request.user)
    if not can_edit_profile(request.user, participant):
        raise PermissionDenied
    if request.method == "GET":
        return _profile_page(request)
    form = ProfileForm.for_participant(participant, data=request.POST)
    if form.is_valid():
        try:
            services.participant_update(participant=participant, actor=request.user,
                                        **form.cleaned_data)
        except ApplicationError as exc:
            form.add_application_error(exc)
        else:
            messages.success(request, _("Your profile has been saved."))
            return redirect("accounts:profile")
    return _profile_page(request, profile_form=form, status=400)


@never_cache
@login_required
@require_POST
def token_create(request: HttpRequest) -> HttpResponse:
    """Issue a token and show it once, in this response only; it is never stored in plain."""
    if not can_create_token(request.user):
        raise PermissionDenied
    services.participant_ensure(user=request.user, actor=request.user)
    form = ApiTokenForm(data=request.POST)
    if not form.is_valid():
        return _profile_page(request, token_form=form, status=400)
    _, plain = tokens.api_token_create(user=request.user, name=form.cleaned_data["name"],
                                       actor=request.user)
    return _profile_page(request, new_token=plain, status=201)


@never_cache
@login_required
@require_POST
def token_revoke(request: HttpRequest, pk: int) -> HttpResponse:
    token = get_object_or_404(ApiToken, pk=pk)
    if not can_manage_tokens(request.user, token):
        raise Http404  # someone else's token: do not reveal that it exists
    tokens.api_token_revoke(token=token, actor=request.user)
    messages.success(request, _("The token %(name)s has been revoked.") % {"name": token.name})
    return redirect("accounts:profile")


@require_GET
def participant_detail(request: HttpRequest, pk: int) -> HttpResponse:
    participant: Participant = get_object_or_404(selectors.participant_detail(), pk=pk)
    context = {
        "participant": participant,
        "regions": selectors.participant_regions(participant),
        "is_own": participant.user_id == request.user.pk,
    }
    return render(request, "accounts/participant_detail.html", context)


@require_GET
def participant_list(request: HttpRequest) -> HttpResponse:
    form = ParticipantFilterForm(data=request.GET)
    if form.is_valid():
        people, status = selectors.participant_list(form.filters()), 200
    else:
        people, status = selectors.participant_list().none(), 400
    page = Paginator(people, PEOPLE_PER_PAGE).get_page(request.GET.get("page"))
    return render(request, "accounts/participant_list.html",
                  {"form": form, "page_obj": page}, status=status)


@require_GET
def stakeholder_group_list(request: HttpRequest) -> HttpResponse:
    return render(request, "accounts/stakeholder_group_list.html",
                  {"groups": selectors.stakeholder_group_list()})


@require_GET
def region_scheme_list(request: HttpRequest) -> HttpResponse:
    return render(request, "accounts/region_scheme_list.html",
                  {"schemes": selectors.region_scheme_list()})


@require_GET
def region_scheme_detail(request: HttpRequest, slug: str) -> HttpResponse:
    scheme = get_object_or_404(selectors.region_scheme_detail(), slug=slug)
    return render(request, "accounts/region_scheme_detail.html", {"scheme": scheme})
