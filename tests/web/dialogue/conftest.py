"""Dialogue fixtures: a small community with personas (member, other, moderator, staff...)."""

from __future__ import annotations

from types import SimpleNamespace

import pytest
from django.core.cache import cache

PASSWORD = "not-a-real-password-1"


def pytest_configure(config):
    """Know xdist's marker even under ``-p no:xdist`` (the browser test groups by it)."""
    config.addinivalue_line("markers", "xdist_group(name): run in one xdist worker")


@pytest.fixture(autouse=True)
def _clean(settings):
    """Fast hashing, generous rate limits by default, an empty cache before and after."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    settings.DIALOGUE_POST_RATE = "100/h"
    settings.DIALOGUE_REPORT_RATE = "100/h"
    cache.clear()
    yield
    cache.clear()


def url(name: str, *args, lang: str = "en", query: str = "") -> str:
    from django.urls import reverse
    from django.utils import translation

    with translation.override(lang):
        return reverse(f"dialogue:{name}", args=args) + (f"?{query}" if query else "")


@pytest.fixture
def community(db):
    """A topic, a thread with two posts, and users in every role (no one logged in)."""
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group

    from migdex.web.dialogue import posting
    from migdex.web.dialogue.models import MODERATOR_GROUP, Topic
    from migdex.web.dialogue.roles import participant_for
    from migdex.web.ombudsman.models import ROLE_STAFF

    users = get_user_model().objects
    member = users.create_user("ivan.petrov.private", "ivan.petrov@example.org", PASSWORD)
    other = users.create_user("olga.sidorova.private", "olga@example.org", PASSWORD)
    moderator = users.create_user("mod.user", "mod@example.org", PASSWORD)
    moderator.groups.add(Group.objects.get_or_create(name=MODERATOR_GROUP)[0])
    staff = users.create_user("omb.staff", "staff@example.org", PASSWORD)
    staff.groups.add(Group.objects.get_or_create(name=ROLE_STAFF)[0])
    topic = Topic.objects.create(slug="work", name="Work", names={"ru": "Работа"})
    author = participant_for(member)
    thread = posting.start_thread(
        author, topic=topic, title="Unpaid wages", kind="question",
        body="My employer has not paid me for two months.", language="en", tags=["wages"],
    )  # fmt: skip
    answer = posting.add_post(thread, participant_for(other), "Пишите в трудовую инспекцию.", "ru")
    return SimpleNamespace(
        member=member, other=other, moderator=moderator, staff=staff, topic=topic,
        thread=thread, question=thread.posts.first(), answer=answer,
    )  # fmt: skip


@pytest.fixture
def login(client):
    """``login(user)`` returns a fresh client logged in as that user."""
    from django.test import Client

    def make(user):
        logged = Client()
        logged.force_login(user)
        return logged

    return make
