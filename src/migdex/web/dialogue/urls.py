from __future__ import annotations

from django.urls import path

from migdex.web.dialogue import views

app_name = "dialogue"
urlpatterns = [
    path("", views.index, name="index"),
]
