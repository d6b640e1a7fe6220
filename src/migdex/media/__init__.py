"""Terminology and media monitor: glossary, terminology checker, article monitor (no Django).

The checker flags stigmatising terms for people in Russian (pymorphy3 lemmas on razdel
tokens, every inflected form) and English, and crime reports that name someone's origin.
A web page or the CLI calls :func:`check_text` or :func:`check_file` and shows the
:class:`Finding` list; the monitor turns article feeds into tidy monthly frames.

Examples
--------
>>> [f.format() for f in check_text("Полиция задержала нелегальных мигрантов.")]
['1:19  нелегальных мигрантов  →  мигрантов с неурегулированным статусом']
"""

from __future__ import annotations

from migdex.media.charts import chart_portrayal, chart_term_counts
from migdex.media.checker import LANGS, check_file, check_lines, check_text, require_text_file
from migdex.media.errors import (
    ArticleFileError,
    ArticleRowsError,
    MediaDataError,
    TextTooLargeError,
    UnsupportedLanguageError,
)
from migdex.media.findings import CRIME_ORIGIN, TERM, Finding
from migdex.media.glossary import Entry, Glossary, Term, load_glossary
from migdex.media.monitor import MonitorResult, read_articles, run_monitor
from migdex.media.portrayal import ROUGH_NOTE, portray_text

__all__ = [
    "CRIME_ORIGIN",
    "LANGS",
    "ROUGH_NOTE",
    "TERM",
    "ArticleFileError",
    "ArticleRowsError",
    "Entry",
    "Finding",
    "Glossary",
    "MediaDataError",
    "MonitorResult",
    "Term",
    "TextTooLargeError",
    "UnsupportedLanguageError",
    "chart_portrayal",
    "chart_term_counts",
    "check_file",
    "check_lines",
    "check_text",
    "load_glossary",
    "portray_text",
    "read_articles",
    "require_text_file",
    "run_monitor",
]
