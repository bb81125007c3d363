"""The map's pages. Paths with a fixed word ("new") come before the slug paths they would
otherwise match; forms refuse "new" as a slug."""

from django.urls import path

from polycentric.issuemap import views

app_name = "issuemap"
urlpatterns = [
    path("issues/", views.issue_list, name="issues"),
    path("issues/new/", views.issue_create, name="issue_create"),
    path("issues/<slug:slug>/", views.issue_detail, name="issue"),
    path("issues/<slug:slug>/edit/", views.issue_edit, name="issue_edit"),
    path("issues/<slug:slug>/aspects/new/", views.aspect_create, name="aspect_create"),
    path("issues/<slug:slug>/aspects/<slug:aspect>/edit/", views.aspect_edit, name="aspect_edit"),
    path("venues/", views.venue_list, name="venues"),
    path("venues/new/", views.venue_create, name="venue_create"),
    path("venues/<slug:slug>/", views.venue_detail, name="venue"),
    path("venues/<slug:slug>/edit/", views.venue_edit, name="venue_edit"),
    path("mandates/new/", views.mandate_create, name="mandate_create"),
    path("mandates/<int:pk>/edit/", views.mandate_edit, name="mandate_edit"),
    path("mandates/<int:pk>/delete/", views.mandate_delete, name="mandate_delete"),
    path("gaps/", views.gap_report, name="gaps"),
    path("action-lines/", views.action_line_list, name="action_lines"),
]
