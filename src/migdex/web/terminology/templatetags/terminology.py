"""Template tags of the terminology pages."""

from __future__ import annotations

from django import template
from django.utils.translation import get_language

from migdex.web.ui_review import translation_status

register = template.Library()


@register.inclusion_tag("terminology/_translation_note.html")
def translation_note() -> dict:
    """A visible note when the page's UI translation has not been reviewed."""
    language = get_language() or "en"
    return translation_status(language)
