"""Editors' screens: one tab per language (parler), each translation with its review status.

Every list can be filtered to "needs review" (a translation never reviewed or not reviewed for
a year), and one action per language signs that language's translation off as reviewed today.
"""

from __future__ import annotations

from django.conf import settings
from django.contrib import admin, messages
from django.db.models import URLField
from django.utils import timezone
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _
from parler.admin import TranslatableAdmin, TranslatableTabularInline

from migdex.web.portal import models
from migdex.web.portal.review import needs_review_q


class NeedsReviewFilter(admin.SimpleListFilter):
    """Rows with at least one translation never reviewed or not reviewed for 365 days."""

    title = _("translation review")
    parameter_name = "review"

    def lookups(self, request, model_admin):
        return [("overdue", _("needs review (never, or over a year ago)")), ("ok", _("up to date"))]

    def queryset(self, request, queryset):
        if self.value() is None:
            return queryset
        stale = needs_review_q(timezone.localdate(), prefix="translations__")
        ids = queryset.filter(stale).values("pk")
        if self.value() == "overdue":
            return queryset.filter(pk__in=ids)
        return queryset.exclude(pk__in=ids)


def mark_reviewed_action(language: str, name: str):
    """An action signing off the selected rows' ``language`` translation as reviewed today."""

    def action(modeladmin, request, queryset):
        translations = queryset.model._parler_meta.root_model.objects.filter(
            master__in=queryset, language_code=language
        )
        n = translations.update(
            review_status=models.ReviewStatus.REVIEWED, last_reviewed=timezone.localdate()
        )
        messages.success(
            request,
            _("%(n)d translation(s) in %(language)s marked reviewed.") % {"n": n, "language": name},
        )

    action.__name__ = f"mark_reviewed_{language}"
    return admin.action(
        description=format_lazy(_("Mark the {language} translation reviewed today"), language=name)
    )(action)


class ContentAdmin(TranslatableAdmin):
    list_filter = [NeedsReviewFilter, "is_demo"]
    actions = [mark_reviewed_action(code, name) for code, name in settings.LANGUAGES]


URL_FIELDS = {URLField: {"assume_scheme": "https"}}


class HelpContactInline(TranslatableTabularInline):
    model = models.HelpContact
    extra = 0
    formfield_overrides = URL_FIELDS
    fields = ["name", "phone", "url", "notes", "review_status", "last_reviewed", "is_demo"]


@admin.register(models.Destination)
class DestinationAdmin(ContentAdmin):
    list_display = ["iso3", "name", "position", "is_demo", "language_column"]
    search_fields = ["iso3", "translations__name"]
    inlines = [HelpContactInline]
    fieldsets = [
        (None, {"fields": ["iso3", "position", "is_demo", "sources"]}),
        (_("Review of this language"), {"fields": ["review_status", "last_reviewed"]}),
        (
            _("Text"),
            {
                "fields": [
                    "name",
                    "summary",
                    "entry_steps",
                    "registration",
                    "work_routes",
                    "costs_and_deadlines",
                    "rights_summary",
                    "help",
                ]
            },
        ),
    ]


@admin.register(models.JourneyStep)
class JourneyStepAdmin(ContentAdmin):
    list_display = ["order", "code", "title", "is_demo", "language_column"]


@admin.register(models.InformationCentre)
class InformationCentreAdmin(ContentAdmin):
    list_display = ["origin_iso3", "city", "name", "is_demo", "language_column"]
    list_filter = [NeedsReviewFilter, "origin_iso3", "is_demo"]


@admin.register(models.HelpContact)
class HelpContactAdmin(ContentAdmin):
    list_display = ["name", "destination", "is_demo", "language_column"]
    formfield_overrides = URL_FIELDS
