from __future__ import annotations

from django.urls import path

from migdex.web.portal import views

app_name = "portal"
urlpatterns = [
    path("", views.index, name="index"),
]
