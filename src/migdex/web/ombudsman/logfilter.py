"""A logging filter that keeps personal data out of application logs.

The ombudsman's code logs only ids; this filter is the second line of defence
for anything else (a request path, an exception message): it masks dates,
document-like numbers, e-mail addresses and phone numbers, and drops the
``args`` of records logged under ``migdex.ombudsman``.
"""

from __future__ import annotations

import logging
import re

_PATTERNS = (
    re.compile(r"[\w.+-]+@[\w-]+\.[\w.-]+"),  # e-mail
    re.compile(r"\b\d{4}-\d{1,2}-\d{1,2}\b|\b\d{1,2}[./]\d{1,2}[./]\d{4}\b"),  # dates
    re.compile(r"\+?\d[\d ()-]{7,}\d"),  # phone numbers
    re.compile(r"\b(?=[A-Za-zА-Яа-я]*\d)(?=\d*[A-Za-zА-Яа-я])[A-Za-zА-Яа-я0-9]{6,}\b"),  # docs
    re.compile(r"\b\d{6,}\b"),  # long digit runs (document numbers)
)
MASK = "[redacted]"


def redact(text: str) -> str:
    """Mask what looks like a date, a document number, an e-mail address or a phone number.

    Examples
    --------
    >>> redact("look-up AA1234567 born 1990-05-03 mail a@b.uz")
    'look-up [redacted] born [redacted] mail [redacted]'
    """
    for pattern in _PATTERNS:
        text = pattern.sub(MASK, text)
    return text


class PersonalDataFilter(logging.Filter):
    """Rewrite each record's message with :func:`redact` (never drops a record)."""

    def filter(self, record: logging.LogRecord) -> bool:
        try:
            message = record.getMessage()
        except Exception:  # a bad format string: keep the template only
            message = str(record.msg)
        record.msg = redact(message)
        record.args = None
        return True
