"""Five languages: every public string of the portal is translated; drafts say they are."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from django.utils import translation

import migdex.web.portal
from migdex.web.portal.compare import ORIGINS
from migdex.web.portal.rights import BANDS, PLAIN_WORDS
from migdex.web.ui_review import UI_REVIEW_STATUS

TEMPLATES = Path(migdex.web.portal.__file__).parent / "templates" / "portal"
EDITOR_ONLY = {"needs_review.html"}
DRAFTS = ["ru", "uz", "tg", "ky"]
SAME_IN = {("uz", "demo")}  # the word is the same in that language


def _public_template_strings() -> set[str]:
    found: set[str] = set()
    for path in TEMPLATES.rglob("*.html"):
        if path.name not in EDITOR_ONLY:
            found |= set(re.findall(r'{% translate "([^"]+)"', path.read_text("utf-8")))
    return found


def _python_strings() -> set[str]:
    lazies = [*PLAIN_WORDS.values(), *(name for _f, name in BANDS), *ORIGINS.values()]
    with translation.override("en"):
        return {str(s) for s in lazies}


@pytest.mark.parametrize("lang", DRAFTS)
def test_every_public_string_is_translated(lang):
    strings = _public_template_strings() | _python_strings()
    assert len(strings) > 50
    with translation.override(lang):
        missing = sorted(
            s for s in strings if translation.gettext(s) == s and (lang, s) not in SAME_IN
        )
    assert missing == []


@pytest.mark.parametrize(
    "lang, expected",
    [
        ("ru", "Сравнить страны назначения"),
        ("uz", "Mamlakatlarni solishtirish"),
        ("tg", "Муқоисаи кишварҳо"),
        ("ky", "Өлкөлөрдү салыштыруу"),
    ],
)
def test_pages_speak_the_language_and_flag_the_draft(client, portal, lang, expected):
    html = client.get(f"/{lang}/portal/").content.decode()
    assert expected in html
    assert 'data-translation-status="machine/unreviewed"' in html
    assert UI_REVIEW_STATUS[lang] == "machine/unreviewed"


@pytest.mark.parametrize(
    "lang, nav",
    [("uz", "Migrantlar uchun ma'lumot"), ("tg", "Бахшҳо"), ("ky", "Кирүүгө тыюуну текшерүү")],
)
def test_site_navigation_is_translated_in_central_asian_languages(client, portal, lang, nav):
    assert nav in client.get(f"/{lang}/portal/").content.decode()


def test_catalogues_say_they_are_unreviewed_drafts():
    locale = TEMPLATES.parent.parent / "locale"
    for lang in DRAFTS:
        head = (locale / lang / "LC_MESSAGES" / "django.po").read_text("utf-8")[:600]
        assert "machine/unreviewed" in head, lang
