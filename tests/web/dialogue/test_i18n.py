"""Every page renders in the five site languages; drafts are flagged; catalogues are complete."""

from __future__ import annotations

import gettext
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

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


def _joined(block: str, key: str) -> str:
    """The value of ``msgid``/``msgstr`` in a .po block, continuation lines joined."""
    match = re.search(rf'^{key} ((?:".*"\n?)+)', block, re.M)
    parts = re.findall(r'"(.*)"', match.group(1)) if match else []
    return "".join(parts).replace('\\"', '"').replace("\\n", "\n")


def _entries(po: str) -> list[tuple[str, list[str]]]:
    """(msgid, msgstrs) for every entry after the header."""
    found = []
    for block in po.split("\n\n")[1:]:
        keys = re.findall(r"^(msgstr(?:\[\d\])?) ", block, re.M)
        found.append((_joined(block, "msgid"), [_joined(block, re.escape(k)) for k in keys]))
    return found


@pytest.mark.parametrize("lang", ["ru", "uz", "tg", "ky"])
def test_catalogue_is_complete_and_compiled(lang):
    po = LOCALE / lang / "LC_MESSAGES" / "django.po"
    entries = _entries(po.read_text(encoding="utf-8"))
    assert len(entries) > 100
    empty = [msgid for msgid, strs in entries if not all(strs)]
    assert empty == [], f"untranslated in {lang}: {empty}"
    assert "#, fuzzy" not in po.read_text(encoding="utf-8")
    with po.with_suffix(".mo").open("rb") as fh:
        compiled = gettext.GNUTranslations(fh)
    stale = [m for m, strs in entries if compiled.gettext(m) != strs[0] and len(strs) == 1]
    assert stale == [], f"{lang}: django.mo is older than django.po; run compilemessages"


def test_every_marked_string_is_in_the_catalogues(tmp_path):
    """makemessages on a copy of the app finds no msgid the committed catalogues lack."""
    app = LOCALE.parent
    copy = tmp_path / "dialogue"
    shutil.copytree(app, copy, ignore=shutil.ignore_patterns("__pycache__"))
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "migdex.web.settings"}
    subprocess.run(
        [sys.executable, "-m", "django", "makemessages", "-l", "ru", "--no-location"],
        cwd=copy,
        env=env,
        check=True,
        capture_output=True,
    )
    fresh = _entries((copy / "locale/ru/LC_MESSAGES/django.po").read_text(encoding="utf-8"))
    missing = {m for m, strs in fresh if not all(strs)}
    assert not missing, f"marked for translation but not in the catalogues: {sorted(missing)}"
