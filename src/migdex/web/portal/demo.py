"""Load the portal's SYNTHETIC demo content (idempotent: what exists is left as it is).

Every row is flagged ``is_demo`` so every page says "Demo content — not verified legal
advice". English texts count as reviewed (one of them over a year ago, to show the editors'
flag); Russian is a draft; Uzbek, Tajik and Kyrgyz are partial machine drafts.
"""

from __future__ import annotations

import datetime as dt

from django.db import transaction
from django.utils import timezone

from migdex.web.portal import demo_content as content
from migdex.web.portal.models import (
    Destination,
    HelpContact,
    InformationCentre,
    JourneyStep,
    ReviewedContent,
    ReviewStatus,
)

OVERDUE_EXAMPLE = "TUR"  # its English text was "last reviewed" 400 days before loading


def load_demo() -> list[str]:
    """Create whatever demo rows are missing; return lines saying what was added."""
    with transaction.atomic():
        new = [
            _load_destinations(),
            _load_steps(),
            _load_centres(),
            _load_help(),
        ]
    names = ["destinations", "journey steps", "information centres", "help contacts"]
    lines = [f"{n} new {name} (SYNTHETIC demo text)" for n, name in zip(new, names)]
    if not any(new):
        lines = ["demo content unchanged (already loaded)"]
    return lines


def _translate(obj: ReviewedContent, texts: dict[str, dict[str, str]], *, stale: bool) -> None:
    """Save one translation row per language with the demo review state."""
    today = timezone.localdate()
    for language, fields in texts.items():
        obj.set_current_language(language)
        for name, value in fields.items():
            setattr(obj, name, value)
        status, reviewed = _review_state(language, today, stale=stale)
        obj.review_status = status
        obj.last_reviewed = reviewed
        obj.save()


def _review_state(language: str, today: dt.date, *, stale: bool) -> tuple[str, dt.date | None]:
    if language == "en":
        return ReviewStatus.REVIEWED, today - dt.timedelta(days=400 if stale else 30)
    if language == "ru":
        return ReviewStatus.DRAFT, None
    return ReviewStatus.MACHINE, None


def _load_destinations() -> int:
    created = 0
    for position, (iso3, texts) in enumerate(content.DESTINATIONS.items(), start=1):
        if Destination.objects.filter(iso3=iso3).exists():
            continue
        place = Destination(iso3=iso3, position=position, is_demo=True, sources=content.DEMO_SOURCE)
        _translate(place, texts, stale=iso3 == OVERDUE_EXAMPLE)
        created += 1
    return created


def _load_steps() -> int:
    created = 0
    for order, (code, texts) in enumerate(content.JOURNEY, start=1):
        if JourneyStep.objects.filter(code=code).exists():
            continue
        _translate(JourneyStep(code=code, order=order * 10, is_demo=True), texts, stale=False)
        created += 1
    return created


def _load_centres() -> int:
    created = 0
    for origin, city, address, contact, texts in content.CENTRES:
        if InformationCentre.objects.filter(origin_iso3=origin, city=city, is_demo=True).exists():
            continue
        centre = InformationCentre(
            origin_iso3=origin, city=city, address=address, contact=contact, is_demo=True
        )
        _translate(centre, texts, stale=False)
        created += 1
    return created


def _load_help() -> int:
    created = 0
    for iso3, phone, url, texts in content.HELP:
        place = Destination.objects.filter(iso3=iso3).first()
        if place is None or place.help_contacts.filter(is_demo=True).exists():
            continue
        contact = HelpContact(destination=place, phone=phone, url=url, is_demo=True)
        _translate(contact, texts, stale=False)
        created += 1
    return created
