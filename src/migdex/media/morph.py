"""Russian tokens and pymorphy3 analyses, shared by the term checker and the crime frame.

razdel splits the text (hyphenated words such as "мигранты-нелегалы" are split again into
their parts); pymorphy3 gives every possible analysis of each word, cached per word form.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache, lru_cache
from typing import NamedTuple

import pymorphy3
import razdel

_LETTER = re.compile(r"[^\W\d_]")
_WORDS = re.compile(r"[^\W\d_]+")
_PART = re.compile(r"[^-‐‑–—]+")
_CASES = {"gen2": "gent", "loc2": "loct", "acc2": "accs", "voct": "nomn", "gen1": "gent"}


class Token(NamedTuple):
    """A token with its offsets in the block; ``is_word`` when it has a letter."""

    start: int
    stop: int
    text: str
    is_word: bool

    @property
    def lower(self) -> str:
        return self.text.lower()


@cache
def analyzer() -> pymorphy3.MorphAnalyzer:
    """The one pymorphy3 analyzer (loading it takes a fraction of a second)."""
    return pymorphy3.MorphAnalyzer()


@lru_cache(maxsize=100_000)
def parses(word: str) -> tuple[pymorphy3.analyzer.Parse, ...]:
    """Every pymorphy3 analysis of ``word`` (lower-cased by the caller)."""
    return tuple(analyzer().parse(word))


def norm(lemma: str) -> str:
    """A lemma with ё written as е, as the rule lists compare them.

    Examples
    --------
    >>> norm("гастарбайтёрша")
    'гастарбайтерша'
    """
    return lemma.replace("ё", "е")


def lemmas_of(word: str, pos: tuple[str, ...] = ()) -> set[str]:
    """The normalised lemmas of every analysis of ``word`` (only parts of speech ``pos``)."""
    return {norm(p.normal_form) for p in parses(word.lower()) if not pos or p.tag.POS in pos}


def lexeme_forms(lemmas: Iterable[str], pos: Iterable[str] = ()) -> frozenset[str]:
    """Every form pymorphy3 lists for the lemmas (only parts of speech ``pos``), ё as е.

    A text with none of these words cannot match the lemmas, so the checkers skip it
    without tokenising; the forms come from the dictionary, not from written endings.

    Examples
    --------
    >>> has_any_form("Говорили о нелегалах.", lexeme_forms(["нелегал"]))
    True
    """
    wanted, forms = set(pos), set()
    for lemma in lemmas:
        forms.add(norm(lemma))
        for parse in parses(lemma):
            if norm(parse.normal_form) == norm(lemma):
                forms.update(
                    norm(f.word) for f in parse.lexeme if not wanted or f.tag.POS in wanted
                )
    return frozenset(forms)


def has_any_form(text: str, forms: frozenset[str]) -> bool:
    """Whether any word of ``text`` (split at hyphens, lower-cased, ё as е) is in ``forms``."""
    return not forms.isdisjoint(_WORDS.findall(norm(text.lower())))


def tokenize(text: str) -> list[Token]:
    """razdel tokens with offsets; hyphenated words split into their parts.

    Examples
    --------
    >>> [t.text for t in tokenize("Мигранты-нелегалы, 12 человек.")]
    ['Мигранты', 'нелегалы', ',', '12', 'человек', '.']
    """
    tokens = []
    for sub in razdel.tokenize(text):
        if "-" in sub.text and _LETTER.search(sub.text):
            for part in _PART.finditer(sub.text):
                start = sub.start + part.start()
                tokens.append(Token(start, start + len(part.group()), part.group(), True))
        else:
            tokens.append(Token(sub.start, sub.stop, sub.text, bool(_LETTER.search(sub.text))))
    return tokens


def case_of(tag) -> str | None:
    """The case of a tag, with the rare second cases mapped to the main ones."""
    return _CASES.get(tag.case, tag.case)


def agree(a, b) -> bool:
    """Whether two analyses agree in number, case and (in the singular) gender."""
    if a.tag.number and b.tag.number and a.tag.number != b.tag.number:
        return False
    if case_of(a.tag) != case_of(b.tag):
        return False
    if (a.tag.number or b.tag.number) == "plur":
        return True
    genders = {a.tag.gender, b.tag.gender} - {None, "ms-f"}
    return len(genders) <= 1


def inflect_phrase(phrase: str, tag) -> str:
    """Put the words of ``phrase`` before its first preposition in the case and number of ``tag``.

    Examples
    --------
    >>> p = parses("нелегалов")[0]
    >>> inflect_phrase("мигрант с неурегулированным статусом", p.tag)
    'мигрантов с неурегулированным статусом'
    """
    case, number = case_of(tag) or "nomn", tag.number or "sing"
    words, out, inflecting = phrase.split(), [], True
    for word in words:
        if word in {"с", "без", "из", "в", "на"}:
            inflecting = False
        out.append(_inflect_word(word, case, number) if inflecting else word)
    return " ".join(out)


def _inflect_word(word: str, case: str, number: str) -> str:
    candidates = [p for p in parses(word) if p.tag.case == "nomn"]
    candidates.sort(key=lambda p: ("anim" not in p.tag, p.tag.POS not in ("NOUN", "ADJF")))
    for parse in candidates:
        grammemes = {case, number} | ({"anim"} if case == "accs" else set())
        form = parse.inflect(grammemes) or parse.inflect({case, number})
        if form is not None:
            return form.word
    return word
