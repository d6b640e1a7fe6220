"""Portal fixtures: the synthetic demo content, an editor persona, no shared page cache."""

from __future__ import annotations

from pathlib import Path

import pytest
from django.core.cache import cache

LANGUAGES = ["en", "ru", "uz", "tg", "ky"]
PASSWORD = "not-a-real-password-1"


@pytest.fixture(autouse=True)
def _clean(settings):
    settings.MIGDEX_PAGE_CACHE_SECONDS = 0
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def portal(demo):
    """The explorer's small demo (index scores) plus the portal's demo content."""
    from migdex.web.portal.demo import load_demo

    load_demo()


@pytest.fixture
def editor(db, django_user_model):
    return django_user_model.objects.create_user(
        "editor", password=PASSWORD, is_staff=True, is_superuser=True
    )


def pytest_collection_modifyitems(config, items):
    """Run this folder's browser test after its other tests: its flush empties the shared demo
    data, which every later test would then reload."""
    here = Path(__file__).parent
    slots = [i for i, item in enumerate(items) if here in Path(item.path).parents]
    mine = [items[i] for i in slots]
    ordered = sorted(mine, key=lambda item: bool(item.get_closest_marker("browser")))
    for slot, item in zip(slots, ordered):
        items[slot] = item
