"""The site's own catalogue: no string marked in the code is missing from it, and the Russian
pages show no English msgid (its completeness and .mo: ``tests/web/test_app_catalogues.py``)."""

from __future__ import annotations

import ast
import re
import shutil
import subprocess
from pathlib import Path

import pytest

WEB = Path(__file__).resolve().parents[2] / "src" / "migdex" / "web"
PO = WEB / "locale" / "ru" / "LC_MESSAGES" / "django.po"


def parse_po(path: Path) -> list[dict]:
    """Entries of a .po file: msgid, msgid_plural, msgstr (list), flags."""
    entries, entry, key = [], None, None
    for line in [*path.read_text(encoding="utf-8").splitlines(), ""]:
        if not line.strip():
            if entry and "msgid" in entry:
                entries.append(entry)
            entry, key = None, None
            continue
        entry = entry if entry is not None else {"msgstr": {}, "flags": ""}
        if line.startswith("#,"):
            entry["flags"] += line
        elif line.startswith("#"):
            continue
        elif m := re.match(r"^(msgid_plural|msgid|msgstr)(?:\[(\d)\])? (\".*\")$", line):
            key = (m.group(1), m.group(2))
            value = ast.literal_eval(m.group(3))
            if key[0] == "msgstr":
                entry["msgstr"][int(key[1] or 0)] = value
            else:
                entry[key[0]] = value
        elif line.startswith('"') and key is not None:
            value = ast.literal_eval(line)
            if key[0] == "msgstr":
                entry["msgstr"][int(key[1] or 0)] += value
            else:
                entry[key[0]] += value
    return [e for e in entries if e["msgid"]]


ENTRIES = parse_po(PO)


def marked_msgids(folder: Path, tmp_path: Path, *, ignore=None) -> set[str]:
    """The msgids Django's makemessages finds in a copy of ``folder`` (code and templates)."""
    import os
    import sys

    copy = tmp_path / folder.name
    shutil.copytree(folder, copy, ignore=ignore or shutil.ignore_patterns("__pycache__"))
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "migdex.web.settings"}
    subprocess.run(
        [sys.executable, "-m", "django", "makemessages", "-l", "ru", "--no-location"],
        cwd=copy,
        env=env,
        check=True,
        capture_output=True,
    )
    return {e["msgid"] for e in parse_po(copy / "locale" / "ru" / "LC_MESSAGES" / "django.po")}


@pytest.mark.skipif(shutil.which("xgettext") is None, reason="gettext's xgettext not installed")
def test_every_marked_string_is_in_the_po(tmp_path):
    """makemessages on a copy finds no msgid the committed .po lacks."""

    def ignore(folder: str, names: list[str]) -> list[str]:
        # Other apps (ombudsman, survey ...) keep their own catalogues: only the site's root
        # files and the explorer feed this one.
        other_apps = [n for n in names if Path(folder) == WEB and (WEB / n / "apps.py").exists()]
        return [n for n in names if n == "__pycache__" or (n in other_apps and n != "explorer")]

    fresh = marked_msgids(WEB, tmp_path, ignore=ignore)
    missing = fresh - {e["msgid"] for e in ENTRIES}
    assert not missing, f"strings marked for translation but not in the .po: {sorted(missing)}"


PAGES = [
    "/ru/?dataset=synthetic-demo&year=2019",
    "/ru/country/RUS/?dataset=synthetic-demo&year=2019",
    "/ru/compare/?dataset=synthetic-demo&year=2019&c=RUS&c=DEU",
    "/ru/area/health/?dataset=synthetic-demo&year=2019",
    "/ru/downloads/?dataset=synthetic-demo",
    "/ru/?year=abc",
    "/ru/country/RUS/?dataset=published-full",
]
# Short words also found inside data; "English" is the switcher naming the language in itself.
SKIP = {"API", "Download", "Show", "Add", "Score", "English"}


@pytest.mark.parametrize("url", PAGES)
def test_russian_pages_show_no_english_ui_string(client, demo, url):
    response = client.get(url)
    text = response.content.decode()
    # Data is not UI: drop scripts, code samples and the data preview before looking.
    for pattern in (
        r"<script.*?</script>",
        r"<code>.*?</code>",
        r'<table class="preview">.*?</table>',
    ):
        text = re.sub(pattern, " ", text, flags=re.S)
    text = re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", text))
    leaked = [
        e["msgid"]
        for e in ENTRIES
        if "%(" not in e["msgid"] and e["msgid"] not in SKIP and f" {e['msgid']} " in f" {text} "
    ]
    assert not leaked, leaked
    assert 'lang="ru"' in response.content.decode()


@pytest.mark.parametrize("lang", ["en", "ru"])
@pytest.mark.parametrize(
    "path", ["/", "/country/RUS/", "/compare/?c=RUS&c=FIN", "/area/health/", "/downloads/"]
)
def test_every_page_renders_in_both_languages(client, demo, lang, path):
    response = client.get(f"/{lang}{path}")
    assert response.status_code == 200
    assert f'<html lang="{lang}">' in response.content.decode()


def test_language_switcher_links_the_same_page(client, demo):
    html = client.get("/en/country/RUS/?year=2019").content.decode()
    assert 'href="/ru/country/RUS/?year=2019"' in html
