from django.urls import path

from polycentric.issuemap import views

app_name = "issuemap"
urlpatterns = [
    path("issues/", views.issue_list, name="issues"),
    path("issues/<slug:slug>/", views.issue_detail, name="issue"),
    path("venues/", views.venue_list, name="venues"),
    path("venues/<slug:slug>/", views.venue_detail, name="venue"),
    path("gaps/", views.gap_report, name="gaps"),
    path("action-lines/", views.action_line_list, name="action_lines"),
]
