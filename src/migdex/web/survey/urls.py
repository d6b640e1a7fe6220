from __future__ import annotations

from django.urls import path

from migdex.web.survey import views

app_name = "survey"
urlpatterns = [
    path("", views.dashboard, name="dashboard"),
    path("new/", views.create, name="create"),
    path("<int:pk>/", views.assignment, name="assignment"),
    path("<int:pk>/move/", views.move, name="move"),
    path("<int:pk>/history/", views.audit, name="history"),
    path("<int:pk>/diff/", views.diff, name="diff"),
    path("<int:pk>/diff-years/", views.diff_years, name="diff_years"),
    path("<int:pk>/export.xlsx", views.export, name="export"),
    path("<int:pk>/import/", views.import_, name="import"),
    path("<int:pk>/files/<str:name>", views.attachment, name="attachment"),
    path("<int:pk>/i/<str:code>/", views.indicator, name="indicator"),
    path("<int:pk>/i/<str:code>/save/", views.save, name="save"),
    path("<int:pk>/i/<str:code>/confirm/", views.confirm, name="confirm"),
    path("<int:pk>/i/<str:code>/review/", views.review, name="review"),
    path("<int:pk>/i/<str:code>/message/", views.message, name="message"),
    path("<int:pk>/i/<str:code>/decide/", views.decide, name="decide"),
]
