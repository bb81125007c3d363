"""The process, roadmap and meeting pages and their feeds (included by urls.py under the
"coordination" namespace). Paths with a fixed word ("new", "calendar.ics") come before the slug
paths they would otherwise match; the process form refuses "new" as a slug. The issue feed lives
at /issues/<slug>/feed.atom, beside the map's issue page, which owns /issues/<slug>/."""

from django.urls import path

from polycentric.coordination import views_feeds, views_processes

urlpatterns = [
    path("processes/", views_processes.process_list, name="processes"),
    path("processes/new/", views_processes.process_create, name="process_create"),
    path("processes/<slug:slug>/", views_processes.process_detail, name="process"),
    path("processes/<slug:slug>/calendar.ics", views_feeds.process_calendar,
         name="process_calendar"),
    path("processes/<slug:slug>/feed.atom", views_feeds.process_feed, name="process_feed"),
    path("processes/<slug:slug>/stages/new/", views_processes.stage_create, name="stage_create"),
    path("processes/<slug:slug>/stages/<int:pk>/edit/", views_processes.stage_edit,
         name="stage_edit"),
    path("processes/<slug:slug>/stages/<int:pk>/delete/", views_processes.stage_delete,
         name="stage_delete"),
    path("processes/<slug:slug>/stages/<int:pk>/move/", views_processes.stage_move,
         name="stage_move"),
    path("processes/<slug:slug>/stages/<int:pk>/announce/", views_processes.stage_announce,
         name="stage_announce"),
    path("processes/<slug:slug>/stages/<int:pk>/open/", views_processes.stage_open,
         name="stage_open"),
    path("processes/<slug:slug>/meetings/new/", views_processes.meeting_create,
         name="meeting_create"),
    path("processes/<slug:slug>/meetings/<int:pk>/", views_processes.meeting_detail,
         name="meeting"),
    path("processes/<slug:slug>/meetings/<int:pk>/edit/", views_processes.meeting_edit,
         name="meeting_edit"),
    path("processes/<slug:slug>/meetings/<int:pk>/announce/", views_processes.meeting_announce,
         name="meeting_announce"),
    path("processes/<slug:slug>/meetings/<int:pk>/minutes/", views_processes.meeting_minutes,
         name="meeting_minutes"),
    path("processes/<slug:slug>/meetings/<int:pk>/attendance/",
         views_processes.meeting_attendance, name="meeting_attendance"),
    path("upcoming/", views_processes.upcoming, name="upcoming"),
    path("calendar.ics", views_feeds.site_calendar, name="calendar"),
    path("issues/<slug:slug>/feed.atom", views_feeds.issue_feed, name="issue_feed"),
]
