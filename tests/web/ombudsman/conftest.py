"""Ombudsman fixtures: the synthetic register, personas, and a memoised linker (speed)."""

from __future__ import annotations

import functools

import pandas as pd
import pytest
from django.core.cache import cache

PASSWORD = "not-a-real-password-1"


@functools.lru_cache(maxsize=32)
def _link_cached(key: str):
    from migdex.linkage import link_records

    return link_records(pd.read_json(__import__("io").StringIO(key), dtype=str))


@pytest.fixture(autouse=True)
def _fast_and_clean(monkeypatch, settings, tmp_path):
    """Memoise linkage per register, drop the timing floor, clear rate limits, media in tmp."""
    from migdex.web.ombudsman.services import linking

    def link(register, settings=None, **kwargs):
        return _link_cached(register.to_json())

    monkeypatch.setattr(linking, "link_records", link)
    settings.OMBUDSMAN_LOOKUP_MIN_SECONDS = 0
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.MIGDEX_PAGE_CACHE_SECONDS = 0
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    settings.OMBUDSMAN_SMS_BACKEND = "migdex.web.ombudsman.services.notify.LocmemSMSBackend"
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def register(db):
    """The synthetic nine-agency register, linked, with groups and no users."""
    from migdex.web.ombudsman import demo

    demo.load_register()
    demo.load_users(password=PASSWORD)
    return demo


def _user(username: str):
    from django.contrib.auth import get_user_model

    return get_user_model().objects.get(username=username)


@pytest.fixture
def personas(register, client_factory):
    """Logged-in clients: officer_a (MVD), officer_b (FSB), staff, admin, outsider, anonymous."""
    from django.contrib.auth import get_user_model

    get_user_model().objects.create_user("outsider", password=PASSWORD)
    out = {}
    for name, username in [
        ("officer_a", "officer_mvd"),
        ("officer_b", "officer_fsb"),
        ("staff", "ombudsman_staff"),
        ("admin", "ombudsman_admin"),
        ("outsider", "outsider"),
    ]:
        client = client_factory()
        client.force_login(_user(username))
        out[name] = client
    out["anonymous"] = client_factory()
    return out


@pytest.fixture
def client_factory():
    from django.test import Client

    return lambda **kw: Client(**kw)


TOJIEV = {"name": "Farkhod Tojiev", "birth_date": "1990-05-03", "document_number": "AA1234567"}


def url(name: str, *args, lang: str = "en") -> str:
    from django.urls import reverse
    from django.utils import translation

    with translation.override(lang):
        return reverse(f"ombudsman:{name}", args=args)


def verified_client(client, data=TOJIEV, *, lang: str = "en"):
    """Run the look-up and verify with the code from the outbox; returns the client."""
    import re

    from django.core import mail

    client.post(url("lookup", lang=lang), data)
    code = re.search(r"\b(\d{6})\b", mail.outbox[-1].body)[1]
    response = client.post(url("lookup_verify", lang=lang), {"code": code})
    assert response.status_code == 302, response.content[:500]
    return client
