"""Admin for frameworks, countries, groups, datasets, answers and scores, with validated imports."""

from __future__ import annotations

import tempfile
from pathlib import Path

from django.contrib import admin, messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import path
from django.utils.translation import gettext_lazy as _
from simple_history.admin import SimpleHistoryAdmin

from migdex.web.explorer.forms import ImportAnswersForm, ImportPublishedForm
from migdex.web.explorer.models import (
    Answer,
    ApproachResult,
    Country,
    CountryGroup,
    Dataset,
    Framework,
    Score,
)


@admin.register(Framework)
class FrameworkAdmin(SimpleHistoryAdmin):
    list_display = ["name", "version", "edition", "series", "is_reconstruction", "updated_at"]
    search_fields = ["name", "edition"]


@admin.register(Country)
class CountryAdmin(SimpleHistoryAdmin):
    list_display = ["iso3", "name_en", "name_ru", "eu27", "eu28"]
    list_filter = ["eu27", "eu28"]
    search_fields = ["iso3", "name_en", "name_ru"]


@admin.register(CountryGroup)
class CountryGroupAdmin(SimpleHistoryAdmin):
    list_display = ["code", "name_en", "name_ru"]
    filter_horizontal = ["members"]


@admin.register(Dataset)
class DatasetAdmin(SimpleHistoryAdmin):
    list_display = ["slug", "kind", "series", "is_synthetic", "framework", "updated_at"]
    list_filter = ["kind", "is_synthetic", "series"]
    readonly_fields = ["fingerprint", "findings", "updated_at"]
    change_list_template = "admin/explorer/dataset/change_list.html"

    def get_urls(self):
        extra = [
            path(
                "import-answers/",
                self.admin_site.admin_view(self.import_answers_view),
                name="explorer_dataset_import_answers",
            ),
            path(
                "import-published/",
                self.admin_site.admin_view(self.import_published_view),
                name="explorer_dataset_import_published",
            ),
        ]
        return extra + super().get_urls()

    def import_answers_view(self, request: HttpRequest) -> HttpResponse:
        from migdex.web.explorer.loading import import_answers

        return self._import(
            request,
            ImportAnswersForm,
            _("Import answers"),
            lambda frame, data, name: import_answers(
                frame,
                slug=data["dataset"],
                framework=data["framework"].name,
                title_en=data["title_en"],
                title_ru=data["title_ru"],
                missing_rule=data["missing_rule"] or None,
                source=name,
            ),
        )

    def import_published_view(self, request: HttpRequest) -> HttpResponse:
        from migdex.web.explorer.loading import import_published

        return self._import(
            request,
            ImportPublishedForm,
            _("Import a published table"),
            lambda frame, data, name: import_published(
                frame,
                slug=data["dataset"],
                series=data["series"] or None,
                title_en=data["title_en"],
                title_ru=data["title_ru"],
                accept_findings=data["accept_findings"],
                source=name,
            ),
        )

    def _import(self, request: HttpRequest, form_class, title, run) -> HttpResponse:
        from migdex.errors import InputError
        from migdex.io import read_table
        from migdex.web.explorer.loading import ImportRefusedError

        if not self.has_add_permission(request):
            return HttpResponse(status=403)
        form = form_class(request.POST or None, request.FILES or None)
        report = None
        if request.method == "POST" and form.is_valid():
            upload = form.cleaned_data["file"]
            suffix = Path(upload.name).suffix.lower()
            with tempfile.TemporaryDirectory() as tmp:
                target = Path(tmp) / f"upload{suffix}"
                with target.open("wb") as fh:
                    for chunk in upload.chunks():
                        fh.write(chunk)
                try:
                    report = run(read_table(target), form.cleaned_data, upload.name)
                except ImportRefusedError as exc:
                    report = exc.report
                except InputError as exc:
                    messages.error(request, str(exc))
            if report is not None and report.is_applied:
                messages.success(request, report.summary)
                return redirect("admin:explorer_dataset_changelist")
        context = {
            **self.admin_site.each_context(request),
            "title": title,
            "form": form,
            "report": report,
            "opts": self.model._meta,
        }
        status = 400 if report is not None and not report.is_applied else 200
        return render(request, "admin/explorer/dataset/import.html", context, status=status)


@admin.register(Answer)
class AnswerAdmin(admin.ModelAdmin):
    list_display = ["dataset", "iso3", "year", "indicator", "option", "score", "raw_value"]
    list_filter = ["dataset", "year"]
    search_fields = ["iso3", "indicator"]
    readonly_fields = ["score", "raw_value", "is_not_applicable"]


@admin.register(Score)
class ScoreAdmin(admin.ModelAdmin):
    list_display = ["dataset", "iso3", "year", "level", "code", "score", "coverage"]
    list_filter = ["dataset", "level", "year"]
    search_fields = ["iso3", "code"]

    def has_add_permission(self, request):  # scores are computed or imported, not typed
        return False

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(ApproachResult)
class ApproachResultAdmin(admin.ModelAdmin):
    list_display = ["dataset", "iso3", "year", "group", "is_published"]
    list_filter = ["dataset", "group", "is_published"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False
