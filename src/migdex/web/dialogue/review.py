"""Which translations of the dialogue pages a native speaker has reviewed (shown on every page)."""

from __future__ import annotations

# "source": the strings are written in it; "machine/unreviewed": drafted without a native
# speaker's review and flagged on every page until someone signs it off here.
REVIEW_STATUS = {
    "en": "source",
    "ru": "draft/unreviewed",
    "uz": "machine/unreviewed",
    "tg": "machine/unreviewed",
    "ky": "machine/unreviewed",
}


def is_unreviewed(language: str) -> bool:
    """True when the language's catalogue has not been reviewed by a native speaker."""
    return REVIEW_STATUS.get(language, "source") != "source"
