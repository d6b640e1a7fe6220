"""English terms for people: a word regex and the few forms English has.

"illegal immigrant(s)", "illegal alien's", "illegal Mexican migrants" and "illegals" are
flagged; "illegal drugs", "illegal immigration" and "illegally" are not.
"""

from __future__ import annotations

import re
from functools import cache

from migdex.media.findings import TERM, Hit
from migdex.media.rules import LanguageRules, TermRule, load_rules

_WORD = re.compile(r"[A-Za-z]+")
_POSSESSIVE = re.compile(r"['’]s\b|(?<=[sS])['’](?![A-Za-z])")
_GAP = re.compile(r"[ \t\r\n-]+")
_SPACES = re.compile(r"\s+")
MAX_DESCRIPTORS = 2


def find_terms_en(text: str, rules: LanguageRules | None = None) -> list[Hit]:
    """Stigmatising English terms for people in ``text``, as offsets.

    Examples
    --------
    >>> [(h.start, h.suggested) for h in find_terms_en("Two illegal aliens' children.")]
    [(4, "irregular migrants'")]
    >>> find_terms_en("Illegal drugs and illegal immigration.")
    []
    """
    rules = rules or load_rules("en")
    lower = text.lower()
    if not any(key in lower for key in _keys(rules)):
        return []
    words = list(_WORD.finditer(text))
    hits = []
    for i, word in enumerate(words):
        lower = word.group().lower()
        for rule in rules.nouns:
            hit = _noun_hit(text, word, rule)
            if hit:
                hits.append(hit)
        for rule in rules.adjectives:
            if lower in rule.matches:
                hit = _adjective_hit(text, words, i, rule, rules)
                if hit:
                    hits.append(hit)
    return hits


@cache
def _keys(rules: LanguageRules) -> tuple[str, ...]:
    """Words one of which a text must contain to hold any match."""
    nouns = (form for rule in rules.nouns for form, _ in rule.forms)
    return tuple({*(w for rule in rules.adjectives for w in rule.matches), *nouns})


def _possessive_end(text: str, stop: int) -> int:
    match = _POSSESSIVE.match(text, stop)
    return match.end() if match else stop


def _noun_hit(text: str, word: re.Match, rule: TermRule) -> Hit | None:
    stop = _possessive_end(text, word.end())
    written = text[word.start() : stop]
    forms = dict(rule.forms)
    suggestion = forms.get(written.lower().replace("’", "'"))
    if suggestion is None:
        return None
    return _hit(word.start(), stop, _match_case(written, suggestion), rule)


def _adjective_hit(
    text: str, words: list[re.Match], i: int, rule: TermRule, rules: LanguageRules
) -> Hit | None:
    for k in range(i + 1, min(i + 2 + MAX_DESCRIPTORS, len(words))):
        if not _GAP.fullmatch(text, words[k - 1].end(), words[k].start()):
            return None
        lower = words[k].group().lower()
        next_is_person = (
            k + 1 < len(words)
            and _GAP.fullmatch(text, words[k].end(), words[k + 1].start())
            and words[k + 1].group().lower() in rules.person_nouns
        )
        if lower in rules.person_nouns and not (lower in rules.descriptors and next_is_person):
            stop = _possessive_end(text, words[k].end())
            noun = dict(rule.noun_map).get(lower, words[k].group())
            middle = _SPACES.sub(" ", text[words[i].end() : words[k].start()])
            suggestion = rule.suggest + middle + noun + text[words[k].end() : stop]
            return _hit(words[i].start(), stop, _match_case(words[i].group(), suggestion), rule)
        if lower not in rules.descriptors:
            return None
    return None


def _match_case(written: str, suggestion: str) -> str:
    if written.isupper() and len(written) > 1:
        return suggestion.upper()
    if written[:1].isupper():
        return suggestion[0].upper() + suggestion[1:]
    return suggestion


def _hit(start: int, stop: int, suggested: str, rule: TermRule) -> Hit:
    return Hit(
        start, stop, suggested, TERM, rule.id, " ".join(rule.reason.split()), "en", rule.glossary
    )
