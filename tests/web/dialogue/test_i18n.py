"""Every page renders in the five site languages; drafts are flagged; catalogues are complete."""

from __future__ import annotations

import gettext
from pathlib import Path

import pytest
from tests.web.test_i18n import marked_msgids, parse_po

from migdex.web.ui_review import is_unreviewed

from .conftest import url

LOCALE = Path(__file__).parents[3] / "src/migdex/web/dialogue/locale"
LANGS = ["en", "ru", "uz", "tg", "ky"]
# A word of the navigation in each language, from the app's own catalogue.
TOPICS_WORD = {"en": "Topics", "ru": "Темы", "uz": "Mavzular", "tg": "Мавзӯъҳо", "ky": "Темалар"}


@pytest.mark.django_db
@pytest.mark.parametrize("lang", LANGS)
def test_pages_render_in_each_language(client, login, community, lang):
    pages = ["index", "events"]
    for name in pages:
        response = client.get(url(name, lang=lang))
        assert response.status_code == 200, (lang, name)
        assert TOPICS_WORD[lang] in response.content.decode()
    thread = client.get(url("thread", community.thread.pk, lang=lang)).content.decode()
    assert f'<html lang="{lang}">' in thread
    moderator = login(community.moderator)
    for name in ("queue", "audit", "dashboard"):
        assert moderator.get(url(name, lang=lang)).status_code == 200, (lang, name)


@pytest.mark.django_db
@pytest.mark.parametrize("lang", LANGS)
def test_unreviewed_translations_say_so(client, lang):
    html = client.get(url("index", lang=lang)).content.decode()
    assert ('data-translation-status="' in html) == is_unreviewed(lang)


@pytest.mark.parametrize("lang", ["ru", "uz", "tg", "ky"])
def test_catalogue_is_complete_and_compiled(lang):
    po = LOCALE / lang / "LC_MESSAGES" / "django.po"
    entries = parse_po(po)
    assert len(entries) > 100
    empty = [e["msgid"] for e in entries if not all(e["msgstr"].values())]
    assert empty == [], f"untranslated in {lang}: {empty}"
    assert "#, fuzzy" not in po.read_text(encoding="utf-8")
    with po.with_suffix(".mo").open("rb") as fh:
        compiled = gettext.GNUTranslations(fh)
    stale = [
        e["msgid"]
        for e in entries
        if "msgid_plural" not in e and compiled.gettext(e["msgid"]) != e["msgstr"][0]
    ]
    assert stale == [], f"{lang}: django.mo is older than django.po; run compilemessages"


def test_every_marked_string_is_in_the_catalogues(tmp_path):
    """makemessages on a copy of the app finds no msgid the committed catalogues lack."""
    catalogue = parse_po(LOCALE / "ru" / "LC_MESSAGES" / "django.po")
    translated = {e["msgid"] for e in catalogue if all(e["msgstr"].values())}
    missing = marked_msgids(LOCALE.parent, tmp_path) - translated
    assert not missing, f"marked for translation but not in the catalogues: {sorted(missing)}"
