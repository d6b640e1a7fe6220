"""The five-language glossary (``data/glossary-v1.yaml``): preferred terms, terms to avoid, sources.

Validated once on load; every problem is listed in one :class:`MediaDataError`.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from typing import Any

import pandas as pd

from migdex.media._data import raise_problems, read_yaml, require_keys

GLOSSARY_FILE = "glossary-v1.yaml"
GLOSSARY_LANGS = ("ru", "en", "uz", "tg", "ky")

# Where an explanation is not yet written in a language, the next one a reader there most
# likely reads: Russian is the common second language in Uzbekistan, Tajikistan and Kyrgyzstan.
EXPLANATION_FALLBACK: dict[str, tuple[str, ...]] = {
    "uz": ("ru", "en"),
    "tg": ("ru", "en"),
    "ky": ("ru", "en"),
    "ru": ("en",),
    "en": (),
}


@dataclass(frozen=True)
class Term:
    """The wording of one concept in one language; ``reviewed`` by a native speaker or not."""

    preferred: tuple[str, ...]
    avoid: tuple[str, ...]
    reviewed: bool


@dataclass(frozen=True)
class Explanation:
    """An entry's explanation as shown in one language; ``lang`` says which it is really in."""

    text: str
    lang: str
    translated: bool


@dataclass(frozen=True)
class Entry:
    """One concept: its definition, its wording per language, and its sources (citations).

    ``concepts`` and ``notes`` hold the explanation per language (English always);
    ``concept`` and ``note`` are the English ones.
    """

    id: str
    concepts: dict[str, str]
    notes: dict[str, str]
    sources: tuple[str, ...]
    terms: dict[str, Term]

    @property
    def concept(self) -> str:
        return self.concepts["en"]

    @property
    def note(self) -> str:
        return self.notes.get("en", "")

    def explanation(self, lang: str) -> Explanation:
        """Concept and note in ``lang``, else in the first fallback language that has them."""
        for code in (lang, *EXPLANATION_FALLBACK.get(lang, ("en",))):
            if code in self.concepts:
                text = " ".join(p for p in (self.concepts[code], self.notes.get(code, "")) if p)
                return Explanation(text, code, code == lang)
        raise KeyError(lang)  # unreachable: English is required on load


@dataclass(frozen=True)
class Glossary:
    """A glossary edition.

    Examples
    --------
    >>> g = load_glossary()
    >>> g.entry("irregular-migrant").terms["en"].preferred[0]
    'irregular migrant'
    >>> [e.id for e in g.find("гастарбайтер")]
    ['labour-migrant']
    """

    version: str
    languages: tuple[str, ...]
    entries: tuple[Entry, ...]

    def entry(self, entry_id: str) -> Entry:
        """The entry with ``entry_id``; KeyError if there is none."""
        for entry in self.entries:
            if entry.id == entry_id:
                return entry
        raise KeyError(entry_id)

    def find(self, text: str) -> list[Entry]:
        """Entries whose id, preferred or avoided wording contains ``text`` (any case)."""
        needle = text.strip().lower()
        return [
            e
            for e in self.entries
            if needle in e.id
            or any(needle in w.lower() for t in e.terms.values() for w in (*t.preferred, *t.avoid))
        ]

    def to_frame(self, *, lang: str | None = None) -> pd.DataFrame:
        """A tidy table: one row per entry and language (only ``lang`` when given)."""
        rows = [
            {
                "id": e.id,
                "lang": code,
                "preferred": "; ".join(t.preferred),
                "avoid": "; ".join(t.avoid),
                "reviewed": t.reviewed,
                "concept": shown.text,
                "concept_lang": shown.lang,
                "sources": " | ".join(e.sources),
            }
            for e in self.entries
            for code, t in e.terms.items()
            if lang is None or code == lang
            for shown in (e.explanation(code),)
        ]
        return pd.DataFrame(
            rows,
            columns=[
                "id",
                "lang",
                "preferred",
                "avoid",
                "reviewed",
                "concept",
                "concept_lang",
                "sources",
            ],
        )


def load_glossary(path: str | os.PathLike[str] | None = None) -> Glossary:
    """Load and validate the bundled glossary, or a glossary file with the same shape."""
    data, label = read_yaml(path or GLOSSARY_FILE)
    problems: list[str] = []
    languages = tuple(data.get("languages") or GLOSSARY_LANGS)
    citations = data.get("sources") or {}
    entries, seen = [], set()
    for i, item in enumerate(data.get("entries") or []):
        entry = _entry(item, f"entries[{i}]", languages, citations, problems)
        if entry is not None:
            if entry.id in seen:
                problems.append(f"entries[{i}]: id '{entry.id}' is used twice")
            seen.add(entry.id)
            entries.append(entry)
    if not entries:
        problems.append("no entries")
    raise_problems(label, problems)
    return Glossary(version=data["version"], languages=languages, entries=tuple(entries))


def _entry(
    item: Any, where: str, languages: tuple[str, ...], citations: dict, problems: list[str]
) -> Entry | None:
    item = require_keys(item, ["id", "concept", "sources", "terms"], where, problems)
    if not all(k in item for k in ("id", "concept", "sources", "terms")):
        return None
    where = f"{where} ({item['id']})"
    unknown = [s for s in item["sources"] if s not in citations]
    if unknown or not item["sources"]:
        problems.append(f"{where}: sources {unknown or 'empty'}; cite keys of the 'sources' list")
    terms = {}
    for code in languages:
        term = require_keys(
            item["terms"].get(code), ["preferred", "reviewed"], f"{where}.{code}", problems
        )
        if term.get("preferred") and isinstance(term.get("reviewed"), bool):
            terms[code] = Term(
                tuple(term["preferred"]), tuple(term.get("avoid") or ()), term["reviewed"]
            )
        elif term:
            problems.append(f"{where}.{code}: needs a preferred term and reviewed: true/false")
    sources = tuple(" ".join(str(citations.get(s, s)).split()) for s in item["sources"])
    concepts = _by_language(item["concept"], f"{where}.concept", languages, problems)
    notes = _by_language(item.get("note") or {}, f"{where}.note", languages, problems)
    if concepts and "en" not in concepts:
        problems.append(f"{where}.concept: needs an English (en) explanation")
    if notes and "en" not in notes:
        problems.append(f"{where}.note: needs an English (en) note")
    if set(notes) - set(concepts):
        problems.append(f"{where}.note: {sorted(set(notes) - set(concepts))} have no concept")
    return Entry(item["id"], concepts, notes, sources, terms)


def _by_language(
    value: Any, where: str, languages: tuple[str, ...], problems: list[str]
) -> dict[str, str]:
    """A text given as a plain string (English) or as ``{lang: text}``; whitespace folded."""
    if isinstance(value, str):
        value = {"en": value}
    if not isinstance(value, dict):
        problems.append(f"{where}: a text or a mapping language → text")
        return {}
    unknown = sorted(str(k) for k in value if k not in languages)
    if unknown:
        problems.append(f"{where}: languages {unknown} are not in {list(languages)}")
    return {k: " ".join(str(v).split()) for k, v in value.items() if k in languages and v}
