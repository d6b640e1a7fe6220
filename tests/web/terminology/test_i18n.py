"""The terminology catalogs: every UI string translated in ru/uz/tg/ky, placeholders kept,
the committed .mo files match the .po files, and no template string is missing."""

from __future__ import annotations

import gettext
import re
from pathlib import Path

import pytest
from tests.web.test_i18n import parse_po

APP = Path(__file__).resolve().parents[3] / "src" / "migdex" / "web" / "terminology"
LANGS = ["ru", "uz", "tg", "ky"]
PLACEHOLDER = re.compile(r"%\(\w+\)s")


def _po(lang: str) -> Path:
    return APP / "locale" / lang / "LC_MESSAGES" / "django.po"


@pytest.mark.parametrize("lang", LANGS)
def test_every_string_is_translated_with_its_placeholders(lang):
    entries = parse_po(_po(lang))
    assert len(entries) > 100
    for entry in entries:
        assert "fuzzy" not in entry["flags"], entry["msgid"]
        assert entry["msgstr"] and all(entry["msgstr"].values()), entry["msgid"]
        wanted = set(PLACEHOLDER.findall(entry["msgid"]))
        for text in entry["msgstr"].values():
            assert set(PLACEHOLDER.findall(text)) == wanted, (lang, entry["msgid"])


@pytest.mark.parametrize("lang", LANGS)
def test_committed_mo_matches_the_po(lang):
    with _po(lang).with_suffix(".mo").open("rb") as handle:
        catalog = gettext.GNUTranslations(handle)._catalog
    for entry in parse_po(_po(lang)):
        if "msgid_plural" in entry:
            for n, text in entry["msgstr"].items():
                assert catalog[(entry["msgid"], n)] == text, entry["msgid"]
        else:
            assert catalog[entry["msgid"]] == entry["msgstr"][0], entry["msgid"]


def test_every_template_string_is_in_the_catalog():
    known = {e["msgid"] for e in parse_po(_po("ru"))}
    pattern = re.compile(r"""\{% translate (["'])(.+?)\1 %\}""")
    used = {
        m[2]
        for path in (APP / "templates").rglob("*.html")
        for m in pattern.finditer(path.read_text(encoding="utf-8"))
    }
    assert used and used - known == set()
