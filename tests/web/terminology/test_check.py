"""The paste-text checker page: the CLI's findings, highlighted; clear errors; rate limit."""

from __future__ import annotations

import html as htmllib
import re

import pymorphy3
import pytest
from django.test import Client
from django.utils import translation
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from tests.conftest import FIXTURES

from migdex.media import check_text

from .conftest import LANGS, url

CHECK = url("check")


def _page_findings(response) -> list[str]:
    return [
        htmllib.unescape(m)
        for m in re.findall(r'data-finding="([^"]*)"', response.content.decode())
    ]


def _post(client, text: str, lang: str = "ru", ui: str = "en"):
    return client.post(url("check", lang=ui), {"text": text, "lang": lang})


@pytest.mark.parametrize("ui", LANGS)
def test_form_renders_in_every_language_and_is_not_cached(client, db, ui):
    response = client.get(url("check", lang=ui))
    assert response.status_code == 200
    html = response.content.decode()
    assert f'<html lang="{ui}">' in html
    assert 'name="csrfmiddlewaretoken"' in html and 'id="check-text"' in html
    assert "no-store" in response["Cache-Control"] or "no-cache" in response["Cache-Control"]
    assert ('data-translation-status="machine/unreviewed"' in html) == (ui != "en")


@pytest.mark.parametrize("name", ["article_ru.txt", "article_en.txt"])
def test_page_lists_exactly_what_the_cli_prints(client, db, run_cli, name):
    path = FIXTURES / "media" / name
    lang = name[8:10]
    cli = run_cli("media", "check", path, "--lang", lang)
    assert cli.exit_code == 1
    response = _post(client, path.read_text(encoding="utf-8"), lang=lang)
    assert response.status_code == 200
    assert _page_findings(response) == cli.stdout.splitlines()
    cli_block = re.search(r'<pre data-cli-output="1">(.*?)</pre>', response.content.decode(), re.S)
    assert htmllib.unescape(cli_block[1]).splitlines() == cli.stdout.splitlines()


SENTENCES = [
    "Полиция задержала нелегалов на рынке.",
    "Изъято нелегальное оружие.",
    "Гастарбайтеры построили дом.",
    "Задержан уроженец Таджикистана по подозрению в краже.",
    "Мигранты платят налоги.",
    "Police arrested illegal immigrants.",
    "Illegal drugs were seized.",
    "",
]


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.lists(st.sampled_from(SENTENCES), max_size=8), st.sampled_from(["ru", "en", ""]))
def test_any_mix_of_sentences_gives_the_library_findings(client, db, lines, lang):
    text = "\n".join(lines)
    if not text.strip():
        return
    expected = [f.format() for f in check_text(text, lang=lang or None)]
    assert _page_findings(_post(client, text, lang=lang)) == expected


def _noun_forms() -> list[tuple[str, str]]:
    """Every form pymorphy3 lists for every noun the Russian rules flag, with the rule id."""
    from migdex.media.rules import load_rules

    morph = pymorphy3.MorphAnalyzer()
    forms = set()
    for rule in load_rules("ru").nouns:
        for lemma in rule.matches:
            parse = next(
                p
                for p in morph.parse(lemma)
                if p.normal_form.replace("ё", "е") == lemma.replace("ё", "е")
            )
            forms |= {(f.word, rule.id) for f in parse.lexeme if rule.pos[0] == f.tag.POS}
    return sorted(forms)


def test_every_inflected_form_of_every_listed_noun_is_flagged_and_marked(client, db):
    forms = _noun_forms()
    assert {"нелегалов", "гастарбайтерам"} <= {f for f, _ in forms} and len(forms) > 60
    text = "\n".join(f"Сообщается: {form} задержаны." for form, _ in forms)
    response = _post(client, text)
    found = _page_findings(response)
    assert [line.split("  ")[:2] for line in found] == [
        [f"{n}:13", form] for n, (form, _) in enumerate(forms, start=1)
    ]
    html = response.content.decode()
    assert re.findall(r'<tr data-rule="([^"]+)"', html) == [rule for _, rule in forms]
    assert re.findall(r'<mark data-kind="term"[^>]*>([^<]*)</mark>', html) == [f for f, _ in forms]


def test_things_are_not_flagged(client, db):
    response = _post(client, "Изъято нелегальное оружие и нелегальный бизнес.")
    assert response.status_code == 200
    assert 'data-findings="0"' in response.content.decode()


def test_highlight_marks_the_found_words_in_the_text(client, db):
    text = (
        "Первая строка.\r\nПолиция задержала нелегальных мигрантов.\r\nИзъято нелегальное оружие."
    )
    html = _post(client, text).content.decode()
    marked = re.findall(r"<mark[^>]*>(.*?)</mark>", html)
    assert marked == ["нелегальных мигрантов"]
    assert (
        "2:19  нелегальных мигрантов  →  мигрантов с неурегулированным статусом"
        in _page_findings(_post(client, text))
    )


def test_english_text_on_a_russian_page(client, db):
    response = _post(client, "No illegal immigrants here.", lang="en", ui="ru")
    assert _page_findings(response) == ["1:4  illegal immigrants  →  irregular immigrants"]
    with translation.override("ru"):
        heading = translation.gettext("Findings")
    assert heading != "Findings" and f"<h2>{heading}:" in response.content.decode()


@pytest.mark.parametrize("text", ["", "   \n\t  "])
def test_empty_text_gets_a_clear_message(client, db, text):
    response = _post(client, text)
    assert response.status_code == 400
    html = response.content.decode()
    assert 'data-error="empty"' in html and "There is no text to check" in html
    assert "data-findings" not in html


def test_too_long_text_is_refused_with_the_limit_named(client, db, settings):
    settings.MIGDEX_CHECK_MAX_CHARS = 1_000
    response = _post(client, "нелегал " * 200)
    assert response.status_code == 400
    html = response.content.decode()
    assert 'data-error="limit"' in html
    assert "1,600 characters" in html and "up to 1,000" in html and "migdex media check" in html


def test_default_limit_text_one_over_is_refused_and_at_the_limit_is_checked(client, db):
    from migdex.web.terminology.views import DEFAULT_MAX_CHARS

    over = _post(client, "a" * (DEFAULT_MAX_CHARS + 1))
    assert over.status_code == 400 and 'data-error="limit"' in over.content.decode()
    at = _post(client, ("Задержаны нелегалы. " * 5_000)[:DEFAULT_MAX_CHARS])
    assert at.status_code == 200 and len(_page_findings(at)) == 5_000


def test_a_body_over_djangos_upload_limit_is_a_400_not_a_500(client, db, settings):
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 10_000
    response = _post(client, "a" * 20_000)
    assert response.status_code == 400


def test_post_without_csrf_is_refused(db):
    client = Client(enforce_csrf_checks=True)
    assert client.post(CHECK, {"text": "illegal immigrants", "lang": "en"}).status_code == 403


def test_rate_limit_per_ip(db, settings):
    settings.MIGDEX_CHECK_RATE_IP = "2/m"
    first = Client(REMOTE_ADDR="10.0.0.1")
    assert [_post(first, "Нелегалы.").status_code for _ in range(2)] == [200, 200]
    blocked = _post(first, "Нелегалы.")
    assert blocked.status_code == 429 and 'data-error="rate"' in blocked.content.decode()
    assert first.get(CHECK).status_code == 200  # reading the form is not limited
    assert _post(Client(REMOTE_ADDR="10.0.0.2"), "Нелегалы.").status_code == 200


def test_highlight_doctest():
    import doctest

    from migdex.web.terminology import highlight

    assert doctest.testmod(highlight).failed == 0


def test_a_post_without_any_field_gets_the_empty_message(client, db):
    response = client.post(CHECK, {})
    assert response.status_code == 400
    assert 'data-error="empty"' in response.content.decode()
