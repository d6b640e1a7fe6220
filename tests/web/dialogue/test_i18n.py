"""Every page renders in the five site languages; drafts are flagged (catalogues:
``tests/web/test_app_catalogues.py``)."""

from __future__ import annotations

import pytest

from migdex.web.ui_review import is_unreviewed

from .conftest import url

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
