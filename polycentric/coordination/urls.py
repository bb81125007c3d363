"""The coordination pages. Paths with a fixed word ("new") come before the slug paths they would
otherwise match; the round form refuses "new" as a slug. Process and meeting pages live in
urls_processes.py."""

from django.urls import include, path

from polycentric.coordination import views_rounds, views_routes

app_name = "coordination"
urlpatterns = [
    path("rounds/", views_rounds.round_list, name="rounds"),
    path("rounds/new/", views_rounds.round_create, name="round_create"),
    path("rounds/<slug:slug>/", views_rounds.round_detail, name="round"),
    path("rounds/<slug:slug>/edit/", views_rounds.round_edit, name="round_edit"),
    path("rounds/<slug:slug>/ballot/", views_rounds.ballot, name="ballot"),
    path("routes/", views_routes.route_list, name="routes"),
    path("issues/<slug:slug>/route/", views_routes.route_detail, name="route"),
    path("issues/<slug:slug>/route/compute/", views_routes.route_compute, name="route_compute"),
    path("issues/<slug:slug>/route/<int:pk>/adopt/", views_routes.route_adopt,
         name="route_adopt"),
    path("", include("polycentric.coordination.urls_processes")),
]
