"""Which interface translations a native speaker has reviewed: one table for the whole site.

"source": the strings are written in it; "reviewed": a native speaker signed it off;
"machine/unreviewed": drafted without a native speaker's review and flagged on every page
that uses it until someone signs it off here.
"""

from __future__ import annotations

UI_REVIEW_STATUS = {
    "en": "source",
    "ru": "machine/unreviewed",
    "uz": "machine/unreviewed",
    "tg": "machine/unreviewed",
    "ky": "machine/unreviewed",
}


def is_unreviewed(language: str) -> bool:
    """True when the language's interface strings have not been reviewed by a native speaker."""
    return UI_REVIEW_STATUS.get(language, "source") not in ("source", "reviewed")


def translation_status(language: str) -> dict:
    """Context of the translation note templates: whether to show it, and the status."""
    return {"unreviewed": is_unreviewed(language), "status": UI_REVIEW_STATUS.get(language, "")}
