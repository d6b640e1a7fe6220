"""The checker's versioned rules (``data/rules-v1.yaml``, ``data/crime-frame-v1.yaml``).

Validated once on load; every problem is listed in one :class:`MediaDataError`.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import Any

from migdex.media._data import raise_problems, read_yaml, require_keys

RULES_FILE = "rules-v1.yaml"
CRIME_FRAME_FILE = "crime-frame-v1.yaml"


@dataclass(frozen=True)
class TermRule:
    """One stigmatising term: how it is matched and what to suggest instead."""

    id: str
    matches: tuple[str, ...]  # Russian lemmas or English adjectives
    suggest: str  # replacement (nouns) or suffix/replacement word (adjectives)
    reason: str
    glossary: str
    pos: tuple[str, ...] = ()  # Russian parts of speech (pymorphy3 tags)
    forms: tuple[tuple[str, str], ...] = ()  # English: written form -> suggestion
    noun_map: tuple[tuple[str, str], ...] = ()  # English: noun -> noun in the suggestion


@dataclass(frozen=True)
class LanguageRules:
    """The term rules of one language."""

    lang: str
    person_nouns: frozenset[str]
    adjectives: tuple[TermRule, ...]
    nouns: tuple[TermRule, ...]
    descriptors: frozenset[str] = frozenset()


@dataclass(frozen=True)
class CrimeFrameRules:
    """Crime words and origin mentions of one language."""

    lang: str
    suggest: str
    reason: str
    lists: dict[str, frozenset[str]]

    def __getitem__(self, name: str) -> frozenset[str]:
        return self.lists[name]


def _term_rule(item: dict[str, Any], lang: str, kind: str, where: str, problems: list[str]):
    keys = ["id", "glossary", "reason"]
    keys += {
        ("ru", "adjectives"): ["lemmas", "suggest_suffix"],
        ("ru", "nouns"): ["lemmas", "suggest", "pos"],
    }.get((lang, kind), ["words"])
    if (lang, kind) == ("en", "adjectives"):
        keys.append("replace_with")
    item = require_keys(item, keys, where, problems)
    if any(k not in item for k in keys):
        return None
    if lang == "ru":
        suggest = item["suggest_suffix"] if kind == "adjectives" else item["suggest"]
        return TermRule(
            item["id"],
            tuple(item["lemmas"]),
            suggest,
            item["reason"],
            item["glossary"],
            pos=tuple(item.get("pos", ())),
        )
    words = item["words"]
    if kind == "adjectives":
        return TermRule(
            item["id"],
            tuple(words),
            item["replace_with"],
            item["reason"],
            item["glossary"],
            noun_map=tuple(item.get("noun_map", {}).items()),
        )
    return TermRule(
        item["id"], tuple(words), "", item["reason"], item["glossary"], forms=tuple(words.items())
    )


@cache
def load_rules(lang: str) -> LanguageRules:
    """The bundled term rules of ``lang`` (``"ru"`` or ``"en"``).

    Examples
    --------
    >>> rules = load_rules("ru")
    >>> "мигрант" in rules.person_nouns, rules.nouns[0].matches
    (True, ('нелегал',))
    """
    data, label = read_yaml(RULES_FILE)
    problems: list[str] = []
    section = require_keys(data.get(lang), ["person_nouns", "adjectives", "nouns"], lang, problems)
    rules = {}
    for kind in ("adjectives", "nouns"):
        built = [
            _term_rule(item, lang, kind, f"{lang}.{kind}[{i}]", problems)
            for i, item in enumerate(section.get(kind) or [])
        ]
        rules[kind] = tuple(r for r in built if r is not None)
    raise_problems(label, problems)
    return LanguageRules(
        lang=lang,
        person_nouns=frozenset(section["person_nouns"]),
        adjectives=rules["adjectives"],
        nouns=rules["nouns"],
        descriptors=frozenset(section.get("descriptors", ())),
    )


@cache
def load_crime_frame(lang: str) -> CrimeFrameRules:
    """The bundled crime-frame lists of ``lang``.

    Examples
    --------
    >>> "задержать" in load_crime_frame("ru")["crime_lemmas"]
    True
    """
    data, label = read_yaml(CRIME_FRAME_FILE)
    problems: list[str] = []
    lists = {
        "ru": [
            "crime_lemmas",
            "origin_nouns",
            "host_places",
            "extra_places",
            "ethnonyms",
            "ethnic_adjectives",
            "appearance_nouns",
            "foreign_places",
        ],
        "en": ["crime_words", "nationalities", "person_words", "host_places", "countries"],
    }[lang]
    section = require_keys(data.get(lang), ["suggest", "reason", *lists], lang, problems)
    raise_problems(label, problems)
    return CrimeFrameRules(
        lang=lang,
        suggest=section["suggest"],
        reason=" ".join(section["reason"].split()),
        lists={name: frozenset(str(w).lower() for w in section[name]) for name in lists},
    )
