"""Pure text checks run before a post is stored: personal data, links, duplicates.

No Django here, so the rules are easy to test on their own (see the hypothesis tests).
"""

from __future__ import annotations

import hashlib
import re
import unicodedata

PHONE = "phone"
EMAIL = "email"
PASSPORT = "passport"

_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+", re.UNICODE)
# A run of digits with the usual separators; counted as a phone number at 9 to 15 digits.
_DIGIT_RUN = re.compile(r"\+?\d[\d\s().\-]{6,}\d")
# One or two capital letters (Latin or Cyrillic) then 6 to 9 digits: AA1234567, FA 7654321.
_PASSPORT = re.compile(r"(?<![\w])[A-ZА-ЯЁ]{1,2}\s?№?\s?\d{6,9}(?![\w])")
_LINK = re.compile(r"(?:https?://|www\.)\S+", re.IGNORECASE)


def find_personal_data(text: str) -> list[str]:
    """The kinds of personal data the text seems to contain (``phone``, ``email``, ``passport``).

    Examples
    --------
    >>> find_personal_data("call me on +7 916 123-45-67 or write to a.b@example.org")
    ['phone', 'email']
    >>> find_personal_data("We met on 2026-11-20 at 18:00.")
    []
    """
    kinds = []
    if any(9 <= sum(c.isdigit() for c in m.group()) <= 15 for m in _DIGIT_RUN.finditer(text)):
        kinds.append(PHONE)
    if _EMAIL.search(text):
        kinds.append(EMAIL)
    if _PASSPORT.search(text):
        kinds.append(PASSPORT)
    return kinds


def count_links(text: str) -> int:
    """How many web links the text holds (spam guard: more than a few is refused).

    >>> count_links("see https://a.example and www.b.example")
    2
    """
    return len(_LINK.findall(text))


def body_fingerprint(text: str) -> str:
    """A hash that ignores case, spacing and Unicode form, to spot the same post sent twice.

    >>> body_fingerprint("Hello   World") == body_fingerprint("hello world ")
    True
    """
    normal = unicodedata.normalize("NFKC", text).casefold()
    return hashlib.sha256(" ".join(normal.split()).encode("utf-8")).hexdigest()
