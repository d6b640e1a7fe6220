from __future__ import annotations

from django.urls import path

from migdex.web.explorer import analysis_views, destination_views, views

app_name = "explorer"
urlpatterns = [
    path("", views.home, name="home"),
    path("country/<str:iso3>/", views.country, name="country"),
    path("compare/", views.compare, name="compare"),
    path("area/<str:code>/", views.area, name="area"),
    path("downloads/", views.downloads, name="downloads"),
    path("downloads/file/", views.download_file, name="download_file"),
    path("country/<str:iso3>/report.pdf", analysis_views.country_report, name="country_report"),
    path("sensitivity/", analysis_views.sensitivity, name="sensitivity"),
    path("outcomes/", analysis_views.outcomes, name="outcomes"),
    path("mobility/", analysis_views.mobility, name="mobility"),
    path("destinations/", destination_views.destinations, name="destinations"),
    path("media/check/", analysis_views.media_check, name="media_check"),
]
