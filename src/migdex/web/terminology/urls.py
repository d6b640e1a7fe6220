from __future__ import annotations

from django.urls import path

from migdex.web.terminology import monitor_views, views

app_name = "terminology"
urlpatterns = [
    path("", views.index, name="index"),
    path("glossary/", views.glossary, name="glossary"),
    path("check/", views.check, name="check"),
    path("monitor/", monitor_views.monitor, name="monitor"),
    path("monitor/<str:table>.csv", monitor_views.monitor_csv, name="monitor_csv"),
    path("monitor/lexicon/", views.lexicon, name="lexicon"),
]
