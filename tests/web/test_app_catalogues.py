"""The catalogues of the apps that speak five languages (dialogue, terminology, ombudsman,
portal) and the site's Russian one: every string translated with its placeholders, nothing
fuzzy, the committed .mo in step with the .po, and (apps) no string marked in the code that
the catalogues lack (the site's: ``tests/web/test_i18n.py``)."""

from __future__ import annotations

import gettext
import re
import shutil
from pathlib import Path

import pytest
from tests.web.test_i18n import marked_msgids, parse_po

WEB = Path(__file__).resolve().parents[2] / "src" / "migdex" / "web"
APPS = ["dialogue", "terminology", "ombudsman", "portal"]
LANGS = ["ru", "uz", "tg", "ky"]
PLACEHOLDER = re.compile(r"%\(\w+\)[sd]|\{\w+\}")


# Every app catalogue in each of its languages, and the site's own catalogue (explorer,
# questionnaire, shared pages: "" below), whose pages speak English and Russian.
CATALOGUES = [(app, lang) for app in APPS for lang in LANGS] + [("", "ru")]


def _po(app: str, lang: str) -> Path:
    return WEB / app / "locale" / lang / "LC_MESSAGES" / "django.po"


@pytest.mark.parametrize(("app", "lang"), CATALOGUES)
def test_every_string_is_translated_with_its_placeholders(app, lang):
    entries = parse_po(_po(app, lang))
    assert len(entries) > 100
    untranslated = [e["msgid"] for e in entries if not all(e["msgstr"].values())]
    assert untranslated == [], f"{app}/{lang}: untranslated {untranslated}"
    assert [e["msgid"] for e in entries if "fuzzy" in e["flags"]] == []
    for entry in entries:
        wanted = set(PLACEHOLDER.findall(entry.get("msgid_plural") or entry["msgid"]))
        for n, text in entry["msgstr"].items():
            found = set(PLACEHOLDER.findall(text))
            # a singular form may spell the number out ("One ban ...") instead of %(counter)s
            ok = found <= wanted if "msgid_plural" in entry and n == 0 else found == wanted
            assert ok, (app, lang, entry["msgid"], text)


@pytest.mark.parametrize(("app", "lang"), CATALOGUES)
def test_committed_mo_matches_the_po(app, lang):
    po = _po(app, lang)
    with po.with_suffix(".mo").open("rb") as handle:
        catalog = gettext.GNUTranslations(handle)._catalog
    for entry in parse_po(po):
        if "msgid_plural" in entry:
            for n, text in entry["msgstr"].items():
                assert catalog[(entry["msgid"], n)] == text, "run msgfmt (compilemessages)"
        else:
            assert catalog[entry["msgid"]] == entry["msgstr"][0], "run msgfmt (compilemessages)"


@pytest.mark.skipif(shutil.which("xgettext") is None, reason="gettext's xgettext not installed")
@pytest.mark.parametrize("app", APPS)
def test_every_marked_string_is_in_the_catalogues(app, tmp_path):
    """makemessages on a copy of the app finds no msgid the committed catalogues lack."""
    missing = marked_msgids(WEB / app, tmp_path) - {e["msgid"] for e in parse_po(_po(app, "ru"))}
    assert not missing, f"{app}: marked for translation but not in the catalogues: {missing}"
