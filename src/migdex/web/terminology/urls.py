from __future__ import annotations

from django.urls import path

from migdex.web.terminology import views

app_name = "terminology"
urlpatterns = [
    path("", views.index, name="index"),
]
