"""The explorer's old checker URL (/<lang>/media/check/) moved to the terminology app.

The page itself is tested in tests/web/terminology/test_check.py; here: the old address
keeps working for bookmarks, links and scripts.
"""

from __future__ import annotations

import pytest
from django.urls import reverse
from django.utils import translation


@pytest.mark.parametrize("lang", ["en", "ru", "uz", "tg", "ky"])
def test_old_url_redirects_permanently_in_the_same_language(client, db, lang):
    response = client.get(f"/{lang}/media/check/")
    assert response.status_code == 301
    assert response["Location"] == f"/{lang}/terminology/check/"
    with translation.override(lang):
        assert reverse("explorer:media_check") == f"/{lang}/media/check/"


def test_a_post_to_the_old_url_is_redirected_as_a_post(client, db, settings):
    settings.MIGDEX_CHECK_RATE_IP = "1000/m"
    response = client.post("/ru/media/check/", {"text": "Задержаны нелегалы.", "lang": "ru"})
    assert response.status_code == 308 and response["Location"] == "/ru/terminology/check/"
    followed = client.post(
        "/ru/media/check/", {"text": "Задержаны нелегалы.", "lang": "ru"}, follow=True
    )
    assert followed.status_code == 200
    assert "мигранты с неурегулированным статусом" in followed.content.decode()


def test_the_site_nav_links_the_terminology_pages(client, db, settings):
    settings.MIGDEX_PAGE_CACHE_SECONDS = 0
    html = client.get("/en/terminology/").content.decode()
    assert 'href="/en/terminology/"' in html
    assert "/media/check/" not in html
