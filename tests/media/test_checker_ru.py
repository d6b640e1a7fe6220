"""Russian checker: every inflected form of every listed term is found; things are not."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from migdex.media import TERM, check_text
from migdex.media.morph import analyzer
from migdex.media.rules import load_rules

RULES = load_rules("ru")
CASES = ["nomn", "gent", "datv", "accs", "ablt", "loct"]
PREFIXES = ["", "Вчера ", "В Москве, по данным полиции, ", "«", "Сообщается: "]
SUFFIXES = ["", ".", " приехали в город.", "» — пишет газета.", ", сообщили в МВД."]


def _lexeme(lemma: str, pos: str) -> list[str]:
    """Every form pymorphy3 lists for ``lemma`` as ``pos`` (all cases and numbers)."""
    parse = next(
        p
        for p in analyzer().parse(lemma)
        if p.normal_form.replace("ё", "е") == lemma.replace("ё", "е")
    )
    return sorted({form.word for form in parse.lexeme if pos == form.tag.POS})


NOUN_FORMS = sorted(
    {
        (form, rule.id)
        for rule in RULES.nouns
        for lemma in rule.matches
        for form in _lexeme(lemma, rule.pos[0])
    }
)


def test_lexemes_cover_cases_and_numbers():
    forms = {f for f, _ in NOUN_FORMS}
    assert {"нелегал", "нелегалов", "нелегалами", "гастарбайтерам", "понаехавших"} <= forms
    assert len(NOUN_FORMS) > 60


@settings(max_examples=150, deadline=None)
@given(
    term=st.sampled_from(NOUN_FORMS),
    prefix=st.sampled_from(PREFIXES),
    suffix=st.sampled_from(SUFFIXES),
    capital=st.booleans(),
)
def test_every_form_of_every_noun_is_found(term, prefix, suffix, capital):
    form, rule = term
    written = form.capitalize() if capital else form
    findings = check_text(f"{prefix}{written}{suffix}", lang="ru")
    assert [(f.column, f.found, f.rule) for f in findings] == [(len(prefix) + 1, written, rule)]


def _inflect(lemma: str, grammemes: set[str], *, noun: bool) -> str:
    parses = [p for p in analyzer().parse(lemma) if p.normal_form == lemma]
    parse = next(
        p for p in parses if (p.tag.POS == "NOUN") == noun and (not noun or "anim" in p.tag)
    )
    return (parse.inflect(grammemes) or parse.inflect(grammemes - {"anim"})).word


PERSONS = ["мигрант", "мигрантка", "иммигрант", "рабочий", "иностранец", "гражданин", "работник"]
THINGS = [
    "оружие",
    "бизнес",
    "торговля",
    "миграция",
    "занятость",
    "работа",
    "деятельность",
    "товар",
    "алкоголь",
    "пересечение",
    "трудоустройство",
    "канал",
    "рынок",
    "въезд",
]


def _phrase(adjective: str, noun: str, case: str, number: str) -> str:
    noun_form = _inflect(noun, {case, number}, noun=True)
    noun_parse = next(
        p for p in analyzer().parse(noun_form) if p.normal_form == noun and p.tag.POS == "NOUN"
    )
    grammemes = {case, number} | ({noun_parse.tag.gender} if number == "sing" else set())
    if case == "accs":
        grammemes |= {"anim" if "anim" in noun_parse.tag else "inan"}
    return f"{_inflect(adjective, grammemes, noun=False)} {noun_form}"


@settings(max_examples=120, deadline=None)
@given(
    adjective=st.sampled_from(RULES.adjectives[0].matches),
    noun=st.sampled_from(PERSONS),
    case=st.sampled_from(CASES),
    number=st.sampled_from(["sing", "plur"]),
    prefix=st.sampled_from(PREFIXES),
)
def test_adjective_with_person_noun_is_found_in_every_form(adjective, noun, case, number, prefix):
    phrase = _phrase(adjective, noun, case, number)
    findings = check_text(f"{prefix}{phrase} и другие.", lang="ru")
    assert [(f.column, f.found) for f in findings] == [(len(prefix) + 1, phrase)]
    assert findings[0].suggested.endswith("с неурегулированным статусом")


@settings(max_examples=120, deadline=None)
@given(
    adjective=st.sampled_from(RULES.adjectives[0].matches),
    noun=st.sampled_from(THINGS),
    case=st.sampled_from(CASES),
    number=st.sampled_from(["sing", "plur"]),
)
def test_adjective_with_thing_is_not_flagged(adjective, noun, case, number):
    try:
        phrase = _phrase(adjective, noun, case, number)
    except (AttributeError, StopIteration):  # a noun without that number (торговля, plural)
        return
    assert check_text(f"Полиция обнаружила {phrase}.", lang="ru") == []


@pytest.mark.parametrize(
    ("text", "found", "suggested"),
    [
        ("Задержали нелегалов.", "нелегалов", "мигрантов с неурегулированным статусом"),
        (
            "Нелегальные трудовые мигранты",
            "Нелегальные трудовые мигранты",
            "Трудовые мигранты с неурегулированным статусом",
        ),
        (
            "о незаконных иммигрантах",
            "незаконных иммигрантах",
            "иммигрантах с неурегулированным статусом",
        ),
        ("Гастарбайтеры приехали", "Гастарбайтеры", "Трудовые мигранты"),
        ("помогать гастарбайтерам", "гастарбайтерам", "трудовым мигрантам"),
        ("мигранты-нелегалы", "нелегалы", "мигранты с неурегулированным статусом"),
        ("Понаехавшие снова", "Понаехавшие", "Приезжие"),
        ("нелегальные рабочие", "нелегальные рабочие", "рабочие с неурегулированным статусом"),
        ("встретил нелегалку", "нелегалку", "мигрантку с неурегулированным статусом"),
    ],
)
def test_known_terms_and_suggestions(text, found, suggested):
    [finding] = check_text(text, lang="ru")
    assert (finding.found, finding.suggested, finding.kind) == (found, suggested, TERM)


@pytest.mark.parametrize(
    "text",
    [
        "Изъято нелегальное оружие.",
        "Нелегальный бизнес процветал.",
        "Созданы нелегальные рабочие места.",
        "Организация незаконной миграции — статья 322.1 УК.",
        "Он работал нелегально, потом получил патент.",
        "Мигранты были нелегальными лишь формально.",  # predicate, not a label
        "Чурка для растопки лежала у печи.",  # wood; the slur sense is not checked
        "Трудовые мигранты с неурегулированным статусом.",
        "",
    ],
)
def test_things_and_neutral_text_are_not_flagged(text):
    assert check_text(text, lang="ru") == []


def test_phrase_across_a_line_break_is_found_at_its_start():
    [finding] = check_text("Первая строка.\nТам были нелегальных\nмигрантов толпы.", lang="ru")
    assert (finding.line, finding.column, finding.found) == (2, 10, "нелегальных\nмигрантов")
    assert (
        finding.format() == "2:10  нелегальных мигрантов  →  мигрантов с неурегулированным статусом"
    )


def test_columns_count_characters_not_bytes():
    [finding] = check_text("ёжик ёж — гастарбайтер", lang="ru")
    assert finding.column == 11
