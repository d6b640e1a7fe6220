from __future__ import annotations

from django.urls import path
from django.views.generic import RedirectView

from migdex.web.ombudsman import public, views

app_name = "ombudsman"
urlpatterns = [
    # /ombudsman/ is where people land from a link or by typing: the public look-up
    path("", RedirectView.as_view(pattern_name="ombudsman:lookup"), name="index"),
    path("lookup/", public.lookup_start, name="lookup"),
    path("lookup/verify/", public.lookup_verify, name="lookup_verify"),
    path("lookup/result/", public.lookup_result, name="lookup_result"),
    path("lookup/notice.pdf", public.lookup_notice_pdf, name="lookup_notice"),
    path("lookup/request/", public.lookup_request, name="lookup_request"),
    path("staff/", views.dashboard, name="dashboard"),
    path("staff/register/", views.register, name="register"),
    path("staff/register/import/", views.import_list, name="import"),
    path("staff/bans/<int:pk>/", views.ban_detail, name="ban"),
    path("staff/persons/<int:pk>/", views.person_detail, name="person"),
    path("staff/persons/decide/", views.decide, name="decide"),
    path("staff/conflicts/", views.conflicts, name="conflicts"),
    path("staff/cases/new/", views.case_new, name="case_new"),
    path("staff/cases/<str:reference>/", views.case_detail, name="case"),
    path("staff/statistics/", views.statistics, name="statistics"),
    path("staff/statistics/export.<str:fmt>", views.statistics_export, name="statistics_export"),
]
