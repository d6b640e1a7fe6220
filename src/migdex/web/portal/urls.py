from __future__ import annotations

from django.urls import path

from migdex.web.portal import views

app_name = "portal"
urlpatterns = [
    path("", views.index, name="index"),
    path("compare/", views.compare, name="compare"),
    path("journey/", views.journey, name="journey"),
    path("editors/needs-review/", views.needs_review, name="needs_review"),
    path("<str:iso3>/", views.destination, name="destination"),
    path("<str:iso3>/pdf/", views.destination_pdf, name="destination_pdf"),
]
