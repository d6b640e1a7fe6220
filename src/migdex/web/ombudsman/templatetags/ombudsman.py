from __future__ import annotations

from django import template
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from migdex.web.ui_review import translation_status

register = template.Library()


@register.inclusion_tag("ombudsman/_translation_note.html")
def translation_note() -> dict:
    """A visible note when the page's translation has not been reviewed by a native speaker."""
    language = get_language() or "en"
    return translation_status(language)


# Audit events keep a stable code (``AuditEvent.action``); pages show these words instead.
AUDIT_ACTIONS = {
    "case_open": _("opened the case"),
    "case_assign": _("assigned the case"),
    "case_stage": _("moved the case to another stage"),
    "case_hearing": _("scheduled a hearing"),
    "case_close": _("closed the case"),
    "case_confidential": _("changed confidentiality"),
    "case_attach": _("attached a file"),
    "import": _("imported a list"),
    "relink": _("re-linked the register"),
    "merge": _("decided: same person"),
    "split": _("decided: different persons"),
}


@register.filter
def audit_action(code: str) -> str:
    """The words for an audit event's action code, in the page's language (else the code)."""
    return str(AUDIT_ACTIONS.get(code, code))
