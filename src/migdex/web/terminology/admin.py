"""Admin: outlets, articles with their findings, and the all-or-nothing article import."""

from __future__ import annotations

from django.contrib import admin, messages
from django.db import models
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import path, reverse
from django.utils.translation import gettext as _

from migdex.errors import InputError
from migdex.web.terminology.forms import ImportForm
from migdex.web.terminology.importing import import_upload
from migdex.web.terminology.models import Article, ArticleFinding, Outlet


@admin.register(Outlet)
class OutletAdmin(admin.ModelAdmin):
    list_display = ["name", "is_synthetic"]
    list_filter = ["is_synthetic"]
    search_fields = ["name"]


class FindingInline(admin.TabularInline):
    model = ArticleFinding
    extra = 0
    can_delete = False
    readonly_fields = ["field", "line", "column", "found", "suggested", "kind", "rule"]

    def has_add_permission(self, request, obj=None) -> bool:
        return False


@admin.register(Article)
class ArticleAdmin(admin.ModelAdmin):
    change_list_template = "admin/terminology/article/change_list.html"
    list_display = [
        "date",
        "outlet",
        "title",
        "language",
        "term_findings",
        "crime_origin_findings",
        "frame",
        "is_synthetic",
    ]
    list_filter = ["outlet", "language", "frame", "is_synthetic"]
    search_fields = ["title", "text"]
    date_hierarchy = "date"
    readonly_fields = [
        "source_file",
        "term_findings",
        "crime_origin_findings",
        "crime_words",
        "contribution_words",
        "frame",
        "analysis_version",
        "imported_at",
    ]
    inlines = [FindingInline]
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}

    def get_urls(self):
        view = self.admin_site.admin_view(self.import_view)
        return [path("import/", view, name="terminology_article_import"), *super().get_urls()]

    def import_view(self, request: HttpRequest) -> HttpResponse:
        """Upload a feed or table; every row is checked before anything is stored."""
        if not self.has_add_permission(request):
            return HttpResponse(status=403)
        is_post = request.method == "POST"
        form = ImportForm(request.POST if is_post else None, request.FILES if is_post else None)
        problems: list[str] = []
        if request.method == "POST" and form.is_valid():
            data = form.cleaned_data
            try:
                report = import_upload(
                    data["file"], outlet=data["outlet"], is_synthetic=data["is_synthetic"]
                )
            except InputError as exc:
                problems = getattr(exc, "problems", None) or [str(exc)]
            else:
                messages.success(request, _("Imported: %(summary)s") % {"summary": report.summary})
                return redirect(reverse("admin:terminology_article_changelist"))
        context = {
            **self.admin_site.each_context(request),
            "opts": self.model._meta,
            "form": form,
            "problems": problems,
            "title": _("Import articles"),
        }
        status = 400 if problems or form.errors else 200
        return render(request, "admin/terminology/article/import.html", context, status=status)
