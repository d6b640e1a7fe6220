"""Which translations editors must look at: never reviewed, or not reviewed for a year."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.conf import settings
from django.db.models import Q
from django.urls import reverse

from migdex.web.portal.models import CONTENT_MODELS, ReviewedContent

REVIEW_EVERY_DAYS = 365


@dataclass(frozen=True)
class StaleTranslation:
    """One translation row an editor should review, with a link to edit it."""

    kind: str
    label: str
    language: str
    review_status: str
    last_reviewed: dt.date | None
    admin_url: str


def review_cutoff(today: dt.date) -> dt.date:
    """Translations last reviewed before this date are overdue."""
    return today - dt.timedelta(days=REVIEW_EVERY_DAYS)


def needs_review_q(today: dt.date, prefix: str = "") -> Q:
    """Never reviewed, or last reviewed more than a year before ``today``."""
    return Q(**{f"{prefix}last_reviewed__isnull": True}) | Q(
        **{f"{prefix}last_reviewed__lt": review_cutoff(today)}
    )


def stale_translations(today: dt.date) -> list[StaleTranslation]:
    """Every translation row of every portal model that needs a review, oldest first."""
    found: list[StaleTranslation] = []
    for model in CONTENT_MODELS:
        found += _stale_of(model, today)
    never = dt.date.min
    return sorted(found, key=lambda s: (s.last_reviewed or never, s.kind, s.label, s.language))


def _stale_of(model: type[ReviewedContent], today: dt.date) -> list[StaleTranslation]:
    rows = model._parler_meta.root_model.objects.filter(needs_review_q(today))
    rows = rows.select_related("master").order_by("master_id", "language_code")
    info = model._meta
    return [
        StaleTranslation(
            kind=str(info.verbose_name),
            label=str(row.master),
            language=row.language_code,
            review_status=row.review_status,
            last_reviewed=row.last_reviewed,
            admin_url=reverse(
                f"admin:{info.app_label}_{info.model_name}_change", args=[row.master_id]
            )
            + f"?language={row.language_code}",
        )
        for row in rows
    ]


def language_name(code: str) -> str:
    """The language's English name from the settings (its code when unknown)."""
    return dict(settings.LANGUAGES).get(code, code)
