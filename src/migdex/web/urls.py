"""URL root: pages under a language prefix (/en/, /ru/), the API under /api/v1, the admin."""

from __future__ import annotations

from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path

from migdex.web.api import api
from migdex.web.explorer import views as explorer_views

urlpatterns = [
    path("api/v1/", api.urls),
    path("admin/", admin.site.urls),
    path("i18n/", include("django.conf.urls.i18n")),
    path("accounts/", include("django.contrib.auth.urls")),
    path("assets/vega-<str:version>.js", explorer_views.vega_bundle, name="vega_bundle"),
]
urlpatterns += i18n_patterns(
    path("ombudsman/", include("migdex.web.ombudsman.urls")),
    path("survey/", include("migdex.web.survey.urls")),
    path("portal/", include("migdex.web.portal.urls")),
    path("dialogue/", include("migdex.web.dialogue.urls")),
    path("terminology/", include("migdex.web.terminology.urls")),
    path("", include("migdex.web.explorer.urls")),
)
