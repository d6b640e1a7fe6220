from __future__ import annotations

from django.urls import path

from migdex.web.dialogue import dashboard, events, moderation_views, views

app_name = "dialogue"
urlpatterns = [
    path("", views.index, name="index"),
    path("topics/<slug:slug>/", views.topic, name="topic"),
    path("threads/new/", views.thread_new, name="thread_new"),
    path("threads/<int:pk>/", views.thread, name="thread"),
    path("threads/<int:pk>/reply/", views.reply, name="reply"),
    path("threads/<int:pk>/accept/<int:post_pk>/", views.accept, name="accept"),
    path("posts/<int:post_pk>/report/", views.report, name="report"),
    path("me/", views.profile, name="profile"),
    path("events/", events.event_list, name="events"),
    path("events/new/", events.event_new, name="event_new"),
    path("events/<int:pk>/", events.event_detail, name="event"),
    path("events/<int:pk>/rsvp/", events.rsvp, name="rsvp"),
    path("moderation/", moderation_views.queue, name="queue"),
    path("moderation/act/", moderation_views.act, name="act"),
    path("moderation/audit/", moderation_views.audit, name="audit"),
    path("dashboard/", dashboard.dashboard, name="dashboard"),
]
