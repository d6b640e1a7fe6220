"""The glossary and landing pages in the five languages: every entry, review flags, filter."""

from __future__ import annotations

import dataclasses
import re

import pytest
from django.utils import translation
from django.utils.html import escape

from migdex.media import load_glossary

from .conftest import LANGS, url

BOOK = load_glossary()


def _sections(html: str) -> dict[str, str]:
    parts = re.split(r'(?=<section class="glossary-entry")', html)[1:]
    return {re.search(r'data-entry="([^"]+)"', p)[1]: p.split("</section>")[0] for p in parts}


@pytest.mark.parametrize("lang", LANGS)
def test_every_entry_in_the_page_language_with_sources(client, db, lang):
    response = client.get(url("glossary", lang=lang))
    assert response.status_code == 200
    html = response.content.decode()
    assert f'<html lang="{lang}">' in html
    sections = _sections(html)
    assert list(sections) == [e.id for e in BOOK.entries]
    for entry in BOOK.entries:
        section, term = sections[entry.id], entry.terms[lang]
        assert f'id="{entry.id}"' in section
        for word in term.preferred + term.avoid:
            assert escape(word) in section, (entry.id, word)
        assert all(escape(source) in section for source in entry.sources), entry.id
        assert ('data-badge="unreviewed"' in section) == (not term.reviewed)
        explanation = entry.explanation(lang)
        assert explanation.lang == lang  # every language has its own explanation
        assert escape(explanation.text) in section, entry.id
        assert f'lang="{lang}" data-field="concept"' in section
        assert 'data-untranslated="1"' not in section


@pytest.mark.parametrize("lang", ["uz", "tg", "ky"])
def test_a_missing_explanation_shows_the_russian_one_marked(client, db, lang, monkeypatch):
    from migdex.web.terminology import views

    book = load_glossary()
    entries = tuple(
        dataclasses.replace(e, concepts={k: v for k, v in e.concepts.items() if k != lang})
        if e.id == "irregular-migrant"
        else e
        for e in book.entries
    )
    monkeypatch.setattr(views, "load_glossary", lambda: dataclasses.replace(book, entries=entries))
    html = client.get(url("glossary", lang=lang)).content.decode()
    with translation.override(lang):
        marker = translation.gettext("in Russian: not yet translated")
    assert marker != "in Russian: not yet translated"
    sections = _sections(html)
    section = sections["irregular-migrant"]
    assert f"[{marker}]" in section and "Неурегулирован статус" in section
    assert 'lang="ru" data-field="concept"' in section
    assert 'data-untranslated="1"' not in sections["labour-migrant"]


@pytest.mark.parametrize("lang", LANGS)
def test_ui_strings_are_translated_and_unreviewed_ones_say_so(client, db, lang):
    html = client.get(url("glossary", lang=lang)).content.decode()
    with translation.override(lang):
        heading = translation.gettext("Glossary of migration terms")
    assert f"<h1>{heading}</h1>" in html
    assert (heading == "Glossary of migration terms") == (lang == "en")
    assert ('data-translation-status="machine/unreviewed"' in html) == (lang != "en")
    unreviewed = sum(not e.terms[lang].reviewed for e in BOOK.entries)
    assert f'data-unreviewed-count="{unreviewed}"' in html


def test_filter_finds_a_term_in_any_language_and_says_when_nothing_matches(client, db):
    html = client.get(url("glossary", lang="ky"), {"q": "гастарбайтер"}).content.decode()
    assert list(_sections(html)) == ["labour-migrant"]
    assert "эмгек мигранты" in html
    nothing = client.get(url("glossary"), {"q": "zzzz"}).content.decode()
    assert 'data-glossary-empty="1"' in nothing and not _sections(nothing)


def test_glossary_is_printable_and_linkable(client, db):
    html = client.get(url("glossary")).content.decode()
    assert "@media print" in html and "window.print()" in html
    assert 'href="/en/terminology/glossary/#irregular-migrant"' in html


@pytest.mark.parametrize("lang", LANGS)
def test_landing_page_links_the_three_tools(client, db, lang):
    html = client.get(url("index", lang=lang)).content.decode()
    for name in ("glossary", "check", "monitor"):
        assert f'href="{url(name, lang=lang)}" data-tool="{name}"' in html


def test_checker_findings_link_to_their_glossary_entry(client, db):
    response = client.post(url("check"), {"text": "Гастарбайтеры построили дом.", "lang": "ru"})
    assert 'href="/en/terminology/glossary/#labour-migrant"' in response.content.decode()
