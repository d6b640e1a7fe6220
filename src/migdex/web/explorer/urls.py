from __future__ import annotations

from django.urls import path

from migdex.web.explorer import views

app_name = "explorer"
urlpatterns = [
    path("", views.home, name="home"),
    path("country/<str:iso3>/", views.country, name="country"),
    path("compare/", views.compare, name="compare"),
    path("area/<str:code>/", views.area, name="area"),
    path("downloads/", views.downloads, name="downloads"),
    path("downloads/file/", views.download_file, name="download_file"),
]
