from __future__ import annotations

from django import template
from django.utils.translation import get_language

from migdex.web.ui_review import translation_status

register = template.Library()


@register.inclusion_tag("ombudsman/_translation_note.html")
def translation_note() -> dict:
    """A visible note when the page's translation has not been reviewed by a native speaker."""
    language = get_language() or "en"
    return translation_status(language)
