"""Template helpers: a text in the reader's language with its review mark, and page notes."""

from __future__ import annotations

from django import template
from django.utils.translation import get_language

from migdex.web.portal.models import CONTENT_MODELS, ReviewedContent, Shown
from migdex.web.ui_review import translation_status

register = template.Library()


@register.simple_tag
def shown(obj: ReviewedContent, field: str) -> Shown:
    """``{% shown place "entry_steps" as text %}``: the text, its language and review state."""
    return obj.shown(field)


@register.inclusion_tag("portal/_mark.html")
def mark(text: Shown) -> dict:
    """The visible note after a text that is shown in English or not yet reviewed."""
    return {"text": text}


@register.inclusion_tag("portal/_page_notes.html")
def page_notes() -> dict:
    """Notes every portal page carries: demo content, unreviewed interface translation."""
    language = get_language() or "en"
    return {
        "has_demo": any(m.objects.filter(is_demo=True).exists() for m in CONTENT_MODELS),
        "ui_unreviewed": translation_status(language)["unreviewed"],
        "ui_status": translation_status(language)["status"],
    }


@register.filter
def score(value: float | None) -> str:
    """A 0–100 score as shown (rounded half up), or a dash when missing."""
    if value is None:
        return "–"
    return str(int(value + 0.5))
