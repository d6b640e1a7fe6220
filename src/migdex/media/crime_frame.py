"""Crime reports that name someone's origin: a crime word and an origin mention in one sentence.

Russian: "уроженец Таджикистана", "гражданин Узбекистана", "выходец из Средней Азии",
ethnonyms ("таджик"), and ethnic adjectives before a person or "внешности/национальности".
Russian also: a person "из" a foreign country or region ("мигрант из Узбекистана").
English: "a Kyrgyz national", "citizen of Uzbekistan", "Tajik-born", "ethnic Uzbek",
"a man from Kyrgyzstan".
Mentions of the host country ("гражданин России") are not origins here. The rule cannot
tell a suspect from a victim; a finding is a question for the editor, not a verdict.
"""

from __future__ import annotations

import re
from functools import cache

import razdel

from migdex.media.findings import CRIME_ORIGIN, Hit
from migdex.media.morph import Token, has_any_form, lemmas_of, lexeme_forms, parses, tokenize
from migdex.media.rules import CrimeFrameRules, load_crime_frame, load_rules

_SENTENCE_EN = re.compile(r"[^.!?]+(?:[.!?]+|$)")
_WORD_EN = re.compile(r"[A-Za-z]+")


def find_crime_origin_ru(text: str) -> list[Hit]:
    """Origin mentions in Russian sentences that also report a crime.

    Examples
    --------
    >>> text = "Вчера задержан уроженец Таджикистана. Уроженец Казани открыл кафе."
    >>> [text[h.start:h.stop] for h in find_crime_origin_ru(text)]
    ['уроженец Таджикистана']
    """
    rules = load_crime_frame("ru")
    if not has_any_form(text, _crime_forms()):
        return []
    hits: list[Hit] = []
    for sentence in razdel.sentenize(text):
        tokens = [
            t._replace(start=t.start + sentence.start, stop=t.stop + sentence.start)
            for t in tokenize(sentence.text)
        ]
        if not any(t.is_word and lemmas_of(t.text) & rules["crime_lemmas"] for t in tokens):
            continue
        hits.extend(_hit(a, b, rules, "ru") for a, b in _origin_spans_ru(tokens, rules))
    return hits


@cache
def _crime_forms() -> frozenset[str]:
    return lexeme_forms(sorted(load_crime_frame("ru")["crime_lemmas"]))


def _origin_spans_ru(tokens: list[Token], rules: CrimeFrameRules) -> list[tuple[int, int]]:
    spans = []
    person_nouns = load_rules("ru").person_nouns
    for i, token in enumerate(tokens):
        if not token.is_word:
            continue
        nouns, adjectives = lemmas_of(token.text, ("NOUN",)), lemmas_of(token.text, ("ADJF",))
        if nouns & rules["origin_nouns"]:
            stop = _place_after(tokens, i + 1, rules)
            if stop is not None:
                spans.append((token.start, tokens[stop].stop))
        elif nouns & rules["ethnonyms"]:
            spans.append((token.start, token.stop))
        elif adjectives & rules["ethnic_adjectives"] and i + 1 < len(tokens):
            head = lemmas_of(tokens[i + 1].text, ("NOUN",))
            if head & (person_nouns | rules["appearance_nouns"]):
                spans.append((token.start, tokens[i + 1].stop))
        elif nouns & person_nouns and i + 1 < len(tokens) and tokens[i + 1].lower == "из":
            stop = _place_after(tokens, i + 1, rules, foreign_only=True)
            if stop is not None:
                spans.append((token.start, tokens[stop].stop))
    return spans


def _place_after(
    tokens: list[Token], k: int, rules: CrimeFrameRules, *, foreign_only: bool = False
) -> int | None:
    """Index of the last token of a place name starting at ``k`` (after an optional "из").

    With ``foreign_only``, one of its words must be a foreign country or region
    (``foreign_places``): "мужчина из Самары" names a home town, not an origin.
    """
    if k < len(tokens) and tokens[k].lower == "из":
        k += 1
    last, foreign = None, False
    while k < len(tokens) and tokens[k].is_word and k - (last or k) <= 1:
        lemmas = {p.normal_form for p in parses(tokens[k].lower)}
        is_geo = any("Geox" in p.tag for p in parses(tokens[k].lower))
        if lemmas & rules["host_places"]:
            return None
        is_foreign = bool(lemmas & rules["foreign_places"])
        if not (is_geo or is_foreign or lemmas & rules["extra_places"]):
            break
        foreign = foreign or is_foreign
        last, k = k, k + 1
    return None if foreign_only and not foreign else last


def find_crime_origin_en(text: str) -> list[Hit]:
    """Origin mentions in English sentences that also report a crime.

    Examples
    --------
    >>> text = "A Kyrgyz national was arrested. A Kyrgyz chef opened a cafe."
    >>> [text[h.start:h.stop] for h in find_crime_origin_en(text)]
    ['Kyrgyz national']
    """
    rules = load_crime_frame("en")
    crime, *patterns = _patterns_en()
    if not crime.search(text):
        return []
    hits: list[Hit] = []
    for sentence in _SENTENCE_EN.finditer(text):
        if not crime.search(sentence.group()):
            continue
        for pattern in patterns:
            for match in pattern.finditer(text, sentence.start(), sentence.end()):
                place = (match.groupdict().get("place") or "").lower()
                if place not in rules["host_places"]:
                    hits.append(_hit(match.start(), match.end(), rules, "en"))
    return _drop_overlaps(hits)


@cache
def _patterns_en() -> list[re.Pattern]:
    """The crime-word pattern, then the origin patterns."""
    rules = load_crime_frame("en")

    def alternatives(words: frozenset[str]) -> str:
        return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))

    nationality, person = alternatives(rules["nationalities"]), alternatives(rules["person_words"])
    place = r"(?P<place>[A-Z][\w'’-]*(?: [A-Z][\w'’-]*)*)"
    return [
        re.compile(rf"(?i:\b(?:{alternatives(rules['crime_words'])})\b)"),
        re.compile(rf"(?i:\b(?:{nationality})(?:-born)?\s+(?:{person})\b)"),
        re.compile(rf"\b(?:(?i:former )?(?i:national|citizen|native)s?) of (?:the )?{place}"),
        re.compile(rf"\bborn in {place}"),
        re.compile(rf"(?i:\b(?:{person}) from (?:{alternatives(rules['countries'])})\b)"),
        re.compile(r"\b[A-Z][a-z]+-born\b"),
        re.compile(rf"\b(?i:ethnic) (?:(?i:{nationality})|{place})\b"),
        re.compile(
            rf"\bof (?:(?i:{nationality})|{place}) (?i:origin|descent|ethnicity|appearance)\b"
        ),
    ]


def _drop_overlaps(hits: list[Hit]) -> list[Hit]:
    kept: list[Hit] = []
    for hit in sorted(hits, key=lambda h: (h.start, -h.stop)):
        if not kept or hit.start >= kept[-1].stop:
            kept.append(hit)
    return kept


def _hit(start: int, stop: int, rules: CrimeFrameRules, lang: str) -> Hit:
    return Hit(start, stop, rules.suggest, CRIME_ORIGIN, f"{lang}-crime-origin", rules.reason, lang)
