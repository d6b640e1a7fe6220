"""Template helpers: the translation note, topic names in the page's language."""

from __future__ import annotations

from django import template
from django.utils.translation import get_language

from migdex.web.ui_review import translation_status

register = template.Library()


@register.inclusion_tag("dialogue/_translation_note.html")
def translation_note() -> dict:
    """A visible note when the page's translation has not been reviewed by a native speaker."""
    language = get_language() or "en"
    return translation_status(language)


@register.filter
def localised(topic) -> str:
    """The topic's name in the page's language (English when it has none)."""
    return topic.name_in(get_language() or "en")


@register.simple_tag(takes_context=True)
def dialogue_roles(context) -> dict:
    """What the signed-in user may open (for the app's navigation)."""
    from migdex.web.dialogue.roles import can_see_dashboard, is_moderator

    user = context["request"].user
    return {"moderator": is_moderator(user), "dashboard": can_see_dashboard(user)}
