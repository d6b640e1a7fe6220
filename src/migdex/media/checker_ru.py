"""Russian terms for people: pymorphy3 lemmas on razdel tokens, so every inflected form counts.

Nouns such as "нелегал" or "гастарбайтер" are flagged in any case and number. Adjectives
such as "нелегальный" are flagged only before a noun for a person that they agree with
("нелегальных трудовых мигрантов"), never before a thing ("нелегальное оружие").
"""

from __future__ import annotations

from functools import cache

from migdex.media.findings import TERM, Hit
from migdex.media.morph import (
    Token,
    agree,
    has_any_form,
    inflect_phrase,
    lexeme_forms,
    norm,
    parses,
    tokenize,
)
from migdex.media.rules import LanguageRules, TermRule, load_rules

MAX_WORDS_BETWEEN = 3  # adjectives allowed between the flagged adjective and its head noun


def find_terms_ru(text: str, rules: LanguageRules | None = None) -> list[Hit]:
    """Stigmatising Russian terms for people in ``text``, as offsets.

    Examples
    --------
    >>> [(h.start, h.suggested) for h in find_terms_ru("Задержали нелегалов.")]
    [(10, 'мигрантов с неурегулированным статусом')]
    >>> find_terms_ru("Изъято нелегальное оружие.")
    []
    """
    rules = rules or load_rules("ru")
    if not has_any_form(text, _candidates(rules)):
        return []
    tokens = tokenize(text)
    hits = []
    for i, token in enumerate(tokens):
        if not token.is_word:
            continue
        hits.extend(_noun_hits(token, rules))
        hits.extend(_adjective_hits(text, tokens, i, rules))
    return hits


@cache
def _candidates(rules: LanguageRules) -> frozenset[str]:
    """Every form of every listed lemma: texts without them are skipped."""
    nouns = [lemma for rule in rules.nouns for lemma in rule.matches]
    pos = {p for rule in rules.nouns for p in rule.pos} | {"ADJF"}
    adjectives = [lemma for rule in rules.adjectives for lemma in rule.matches]
    return lexeme_forms([*nouns, *adjectives], pos)


def _noun_hits(token: Token, rules: LanguageRules) -> list[Hit]:
    hits = []
    for rule in rules.nouns:
        matched = [
            p
            for p in parses(token.lower)
            if p.tag.POS in rule.pos and norm(p.normal_form) in rule.matches
        ]
        if matched:
            # an ambiguous form ("гастарбайтерши": singular genitive or plural nominative)
            # is read as nominative, the likelier reading in a headline or subject
            matched.sort(key=lambda p: p.tag.case != "nomn")
            suggested = _match_case(token.text, inflect_phrase(rule.suggest, matched[0].tag))
            hits.append(_hit(token.start, token.stop, suggested, rule))
    return hits


def _adjective_hits(text: str, tokens: list[Token], i: int, rules: LanguageRules) -> list[Hit]:
    hits = []
    for rule in rules.adjectives:
        adjectives = [
            p
            for p in parses(tokens[i].lower)
            if norm(p.normal_form) in rule.matches and p.tag.POS == "ADJF"
        ]
        head = _head_noun(tokens, i, adjectives, rules) if adjectives else None
        if head is not None:
            rest = " ".join(text[tokens[i + 1].start : tokens[head].stop].split())
            suggested = _match_case(tokens[i].text, f"{rest} {rule.suggest}")
            hits.append(_hit(tokens[i].start, tokens[head].stop, suggested, rule))
    return hits


def _head_noun(tokens: list[Token], i: int, adjectives: list, rules: LanguageRules) -> int | None:
    """Index of the person noun the adjective at ``i`` modifies, or None."""
    for k in range(i + 1, min(i + 2 + MAX_WORDS_BETWEEN, len(tokens))):
        if not tokens[k].is_word:
            return None
        analyses = parses(tokens[k].lower)
        is_person = any(
            p.tag.POS == "NOUN" and norm(p.normal_form) in rules.person_nouns and agree(a, p)
            for p in analyses
            for a in adjectives
        )
        modifier = [
            p
            for p in analyses
            if p.tag.POS in ("ADJF", "PRTF") and any(agree(a, p) for a in adjectives)
        ]
        if is_person and not (modifier and _noun_follows(tokens, k, modifier)):
            return k
        if not modifier:
            return None
    return None


def _noun_follows(tokens: list[Token], k: int, modifiers: list) -> bool:
    """Whether the next word is a noun agreeing with ``modifiers`` ("рабочие места")."""
    if k + 1 >= len(tokens) or not tokens[k + 1].is_word:
        return False
    analyses = parses(tokens[k + 1].lower)
    if analyses[0].tag.POS != "NOUN":  # "и" has a rare noun reading (the letter)
        return False
    return any(p.tag.POS == "NOUN" and agree(m, p) for p in analyses for m in modifiers)


def _match_case(written: str, suggestion: str) -> str:
    if written[:1].isupper() and suggestion:
        return suggestion[0].upper() + suggestion[1:]
    return suggestion


def _hit(start: int, stop: int, suggested: str, rule: TermRule) -> Hit:
    return Hit(
        start, stop, suggested, TERM, rule.id, " ".join(rule.reason.split()), "ru", rule.glossary
    )
