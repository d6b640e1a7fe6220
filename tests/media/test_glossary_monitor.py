"""Glossary validity, the monitor on small RSS and CSV fixtures, and the media CLI commands."""

from __future__ import annotations

import dataclasses
import doctest
import importlib
import json
import re

import pandas as pd
import pytest
from tests.conftest import FIXTURES

from migdex.media import ROUGH_NOTE, load_glossary, read_articles, run_monitor
from migdex.media.glossary import GLOSSARY_LANGS
from migdex.media.rules import load_rules

MEDIA = FIXTURES / "media"


def test_glossary_has_five_languages_sources_and_review_flags():
    glossary = load_glossary()
    assert glossary.version == "glossary-v1"
    assert {
        "irregular-migrant",
        "long-term-migrant",
        "seasonal-migrant-worker",
        "re-entry-ban",
    } <= {e.id for e in glossary.entries}
    for entry in glossary.entries:
        assert set(entry.terms) == set(GLOSSARY_LANGS), entry.id
        assert entry.sources, entry.id
        assert all(isinstance(t.reviewed, bool) for t in entry.terms.values())
    assert not any(e.terms[c].reviewed for e in glossary.entries for c in ("uz", "tg", "ky"))


# letters only one of the languages uses, to tell a text's language from its script
OWN_LETTERS = {"ru": "ыэщ", "uz": "o'g'", "tg": "ӣӯҷҳқғ", "ky": "өүң"}


def test_every_entry_is_explained_in_each_of_the_five_languages():
    for entry in load_glossary().entries:
        assert set(entry.concepts) == set(GLOSSARY_LANGS), entry.id
        assert set(entry.notes) in (set(), set(GLOSSARY_LANGS)), entry.id
        assert entry.explanation("en").text.startswith(entry.concept)
        for code in ("ru", "uz", "tg", "ky"):
            explanation = entry.explanation(code)
            assert explanation.translated and explanation.lang == code, (entry.id, code)
            assert " the " not in explanation.text, (entry.id, code)
    for code in ("uz", "tg", "ky"):
        text = " ".join(e.explanation(code).text for e in load_glossary().entries).lower()
        if code == "uz":
            unquoted = re.sub("«[^»]*»|\\([^)]*\\)", "", text)  # quoted Russian words stay
            assert "o'" in text and "g'" in text and not re.search("[а-яё]", unquoted)
        else:
            assert any(ch in text for ch in OWN_LETTERS[code])
            others = "".join(v for k, v in OWN_LETTERS.items() if k not in (code, "ru", "uz"))
            assert not any(ch in text for ch in others), code


def test_a_missing_explanation_is_borrowed_from_russian_and_marked():
    book = load_glossary()
    entry = book.entry("irregular-migrant")
    cut = dataclasses.replace(
        entry,
        concepts={k: v for k, v in entry.concepts.items() if k != "tg"},
        notes={k: v for k, v in entry.notes.items() if k != "tg"},
    )
    assert cut.explanation("tg") == dataclasses.replace(cut.explanation("ru"), translated=False)


def test_explanation_in_a_language_falls_back_in_order(tmp_path):
    path = tmp_path / "g.yaml"
    terms = "{preferred: [x], reviewed: false}"
    path.write_text(
        "version: t\nlanguages: [en, ru, uz]\nsources: {a: A}\nentries:\n"
        f"  - {{id: one, concept: {{en: E, uz: U}}, note: {{en: N}}, sources: [a],"
        f" terms: {{en: {terms}, ru: {terms}, uz: {terms}}}}}\n",
        encoding="utf-8",
    )
    entry = load_glossary(path).entry("one")
    assert entry.explanation("uz").text == "U" and entry.explanation("uz").translated
    assert entry.explanation("ru").text == "E N" and entry.explanation("ru").lang == "en"
    assert entry.note == "N"


def test_explanations_without_english_or_in_unknown_languages_are_refused(tmp_path):
    from migdex.media import MediaDataError

    path = tmp_path / "g.yaml"
    terms = "{preferred: [x], reviewed: false}"
    path.write_text(
        "version: t\nlanguages: [en, ru]\nsources: {a: A}\nentries:\n"
        f"  - {{id: one, concept: {{ru: R, fr: F}}, note: {{en: N}}, sources: [a],"
        f" terms: {{en: {terms}, ru: {terms}}}}}\n",
        encoding="utf-8",
    )
    with pytest.raises(MediaDataError) as info:
        load_glossary(path)
    message = str(info.value)
    assert "languages ['fr']" in message and "needs an English (en) explanation" in message
    assert "note: ['en'] have no concept" in message


def test_every_checker_rule_points_to_a_glossary_entry():
    ids = {e.id for e in load_glossary().entries}
    for lang in ("ru", "en"):
        rules = load_rules(lang)
        assert {r.glossary for r in (*rules.adjectives, *rules.nouns)} <= ids


def test_invalid_glossary_lists_every_problem(tmp_path):
    from migdex.media import MediaDataError

    bad = tmp_path / "g.yaml"
    bad.write_text(
        "version: x\nsources: {a: A}\nentries:\n"
        "  - {id: one, concept: c, sources: [zzz], terms: {en: {preferred: [x], reviewed: yes}}}\n"
        "  - {id: one, concept: c, sources: [a], terms: {}}\n",
        encoding="utf-8",
    )
    with pytest.raises(MediaDataError) as info:
        load_glossary(bad)
    message = str(info.value)
    assert "sources ['zzz']" in message and "used twice" in message and "one).ru" in message


def test_monitor_on_rss_and_csv_fixtures():
    articles = read_articles([MEDIA / "feed.rss", MEDIA / "articles.csv"])
    assert list(articles["outlet"].unique()) == [
        "Городские вести",
        "Daily Example",
        "Weekly Sample",
    ]
    result = run_monitor(articles)
    summary = result.summary.set_index(["outlet", "month"])
    assert summary.loc[("Городские вести", "2024-02"), "term_findings"] == 2
    assert summary.loc[("Городские вести", "2024-01"), "crime_origin_findings"] == 1
    assert summary.loc[("Daily Example", "2024-01"), "articles"] == 2
    assert summary.loc[("Weekly Sample", "2024-02"), "portrayal_rough"] == 1.0
    assert summary["portrayal_rough"].between(-1, 1).all()
    assert result.term_counts["count"].sum() == len(result.findings) == 6
    assert "rough" in result.note == ROUGH_NOTE


def test_monitor_reports_every_bad_row(tmp_path):
    table = tmp_path / "a.csv"
    table.write_text("date,outlet,title,text\nsoon,A,t,x\n2024-01-01,,t,x\n", encoding="utf-8")
    with pytest.raises(ValueError) as info:
        read_articles([table])
    assert str(info.value) == (
        f'{table} row 2: date "soon"; use YYYY-MM-DD; {table} row 3: outlet is empty'
    )


def test_cli_monitor_writes_summary_findings_and_chart(run_cli, tmp_path):
    out, found, chart = tmp_path / "s.csv", tmp_path / "f.csv", tmp_path / "c.json"
    result = run_cli(
        "media",
        "monitor",
        MEDIA / "feed.rss",
        MEDIA / "articles.csv",
        "--out",
        out,
        "--findings",
        found,
        "--chart",
        chart,
    )
    assert result.exit_code == 0, result.stderr
    assert "6 articles, 6 findings" in result.stderr and "rough" in result.stderr
    assert len(pd.read_csv(out)) == 4 and len(pd.read_csv(found)) == 6
    assert len(json.loads(chart.read_text(encoding="utf-8"))["vconcat"]) == 2


def test_cli_monitor_bad_feed_exits_2_and_writes_nothing(run_cli, tmp_path):
    feed = tmp_path / "feed.xml"
    feed.write_text("not a feed", encoding="utf-8")
    result = run_cli("media", "monitor", feed, "--out", tmp_path / "s.csv")
    assert result.exit_code == 2
    assert result.stderr.startswith(f"Error: {feed}: not an RSS or Atom feed with entries")
    assert not (tmp_path / "s.csv").exists()


def test_cli_glossary(run_cli):
    result = run_cli("media", "glossary", "--lang", "tg", "--find", "irregular")
    assert result.exit_code == 0
    assert "муҳоҷири" in result.stdout and "source: IOM" in result.stdout
    assert (
        "Шахсе, ки берун аз роҳҳои" in result.stdout and "not yet translated" not in result.stdout
    )
    russian = run_cli("media", "glossary", "--lang", "ru", "--find", "irregular")
    assert "Человек, который въехал" in russian.stdout
    assert run_cli("media", "glossary", "--lang", "fr").exit_code == 2


@pytest.mark.parametrize(
    "module",
    [
        "checker",
        "checker_ru",
        "checker_en",
        "crime_frame",
        "findings",
        "glossary",
        "monitor",
        "morph",
        "portrayal",
        "rules",
        "charts",
        "__init__",
    ],
)
def test_docstring_examples_run(module):
    name = "migdex.media" if module == "__init__" else f"migdex.media.{module}"
    result = doctest.testmod(
        importlib.import_module(name), optionflags=doctest.NORMALIZE_WHITESPACE
    )
    assert result.failed == 0
