"""A ROUGH portrayal indicator: does an article use crime words, contribution words, both?

The lexicon is ``data/portrayal-v1.yaml``; it is keyword counting, not content analysis,
and every output that carries it says "rough".
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from migdex.media._data import raise_problems, read_yaml, require_keys
from migdex.media.morph import lemmas_of

PORTRAYAL_FILE = "portrayal-v1.yaml"
ROUGH_NOTE = (
    "rough indicator: keyword lexicon portrayal-v1, not a content analysis; "
    "it misses negation, irony and context"
)
_WORD = re.compile(r"[^\W\d_]+")
_CYRILLIC = re.compile(r"[а-яё]", re.IGNORECASE)


@dataclass(frozen=True)
class Portrayal:
    """Which frames an article's words fall into."""

    crime_words: int
    contribution_words: int

    @property
    def frame(self) -> str:
        """``crime``, ``contribution``, ``mixed`` or ``neither``."""
        if self.crime_words and self.contribution_words:
            return "mixed"
        return (
            "crime"
            if self.crime_words
            else "contribution"
            if self.contribution_words
            else "neither"
        )


@cache
def load_lexicon() -> dict[str, dict[str, frozenset[str]]]:
    """The bundled lexicon: ``{lang: {"crime": words, "contribution": words}}``."""
    data, label = read_yaml(PORTRAYAL_FILE)
    problems: list[str] = []
    lexicon = {}
    for lang in ("ru", "en"):
        section = require_keys(data.get(lang), ["crime", "contribution"], lang, problems)
        lexicon[lang] = {
            k: frozenset(w.replace("ё", "е") for w in section.get(k, ()))
            for k in ("crime", "contribution")
        }
    raise_problems(label, problems)
    return lexicon


def portray_text(text: str) -> Portrayal:
    """Count crime and contribution words in ``text`` (Russian by lemma, English as written).

    Examples
    --------
    >>> portray_text("Мигранты построили школу и платят налоги.").frame
    'contribution'
    >>> portray_text("Police arrested two men; migrants built the bridge.").frame
    'mixed'
    """
    lexicon = load_lexicon()
    counts = {"crime": 0, "contribution": 0}
    for word in _WORD.findall(text):
        if _CYRILLIC.search(word):
            keys, lang = lemmas_of(word), "ru"
        else:
            keys, lang = {word.lower()}, "en"
        for frame in counts:
            counts[frame] += bool(keys & lexicon[lang][frame])
    return Portrayal(counts["crime"], counts["contribution"])
