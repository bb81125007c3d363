"""Accounts and people URLs. Django's auth views get this app's templates and namespaced URLs
(the admin app ships templates under registration/ that would otherwise win)."""

from django.contrib.auth import views as auth_views
from django.urls import path, reverse_lazy

from polycentric.accounts import views

app_name = "accounts"

_T = "accounts/registration/"

urlpatterns = [
    path("signup/", views.signup, name="signup"),
    path(
        "login/",
        views.LoginView.as_view(template_name=_T + "login.html",
                                     redirect_authenticated_user=True),
        name="login",
    ),
    path("logout/", auth_views.LogoutView.as_view(), name="logout"),
    path(
        "password/change/",
        views.PasswordChangeView.as_view(
            template_name=_T + "password_change_form.html",
            success_url=reverse_lazy("accounts:password_change_done"),
        ),
        name="password_change",
    ),
    path(
        "password/change/done/",
        auth_views.PasswordChangeDoneView.as_view(template_name=_T + "password_change_done.html"),
        name="password_change_done",
    ),
    path(
        "password/reset/",
        views.PasswordResetView.as_view(
            template_name=_T + "password_reset_form.html",
            email_template_name=_T + "password_reset_email.txt",
            subject_template_name=_T + "password_reset_subject.txt",
            success_url=reverse_lazy("accounts:password_reset_done"),
        ),
        name="password_reset",
    ),
    path(
        "password/reset/sent/",
        auth_views.PasswordResetDoneView.as_view(template_name=_T + "password_reset_done.html"),
        name="password_reset_done",
    ),
    path(
        "password/reset/<uidb64>/<token>/",
        views.PasswordResetConfirmView.as_view(
            template_name=_T + "password_reset_confirm.html",
            success_url=reverse_lazy("accounts:password_reset_complete"),
        ),
        name="password_reset_confirm",
    ),
    path(
        "password/reset/complete/",
        auth_views.PasswordResetCompleteView.as_view(
            template_name=_T + "password_reset_complete.html"
        ),
        name="password_reset_complete",
    ),
    path("profile/", views.profile, name="profile"),
    path("profile/tokens/", views.token_create, name="token_create"),
    path("profile/tokens/<int:pk>/revoke/", views.token_revoke, name="token_revoke"),
    path("people/", views.participant_list, name="people"),
    path("people/<int:pk>/", views.participant_detail, name="participant"),
    path("groups/", views.stakeholder_group_list, name="groups"),
    path("regions/", views.region_scheme_list, name="regions"),
    path("regions/<slug:slug>/", views.region_scheme_detail, name="region_scheme"),
]
