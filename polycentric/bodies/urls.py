"""The bodies pages. Paths with a fixed word ("new", "upload") come before the slug paths they
would otherwise match; forms and services refuse those words as slugs."""

from django.urls import path

from polycentric.bodies import views

app_name = "bodies"
urlpatterns = [
    path("bodies/", views.body_list, name="bodies"),
    path("bodies/new/", views.body_create, name="body_create"),
    path("bodies/upload/", views.body_upload, name="body_upload"),
    path("bodies/<slug:slug>/", views.body_detail, name="body"),
    path("bodies/<slug:slug>/edit/", views.body_edit, name="body_edit"),
    path("bodies/<slug:slug>/body.yaml", views.body_file, name="body_file"),
    path("bodies/<slug:slug>/members/new/", views.member_add, name="member_add"),
    path("bodies/<slug:slug>/members/<int:pk>/end/", views.member_end, name="member_end"),
]
