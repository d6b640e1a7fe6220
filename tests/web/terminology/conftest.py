"""Terminology fixtures: no shared page cache, fresh rate limits, the demo corpus, URLs."""

from __future__ import annotations

import pytest
from django.core.cache import cache

LANGS = ["en", "ru", "uz", "tg", "ky"]


@pytest.fixture(autouse=True)
def _clean(settings):
    """Each test starts with empty rate-limit counters and no cached pages."""
    settings.MIGDEX_PAGE_CACHE_SECONDS = 0
    settings.MIGDEX_CHECK_RATE_IP = "1000/m"
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def corpus(db):
    """The synthetic demo corpus, imported the way a file is."""
    from migdex.web.terminology import demo

    return demo.load_demo()


def url(name: str, *args, lang: str = "en") -> str:
    from django.urls import reverse
    from django.utils import translation

    with translation.override(lang):
        return reverse(f"terminology:{name}", args=args)
