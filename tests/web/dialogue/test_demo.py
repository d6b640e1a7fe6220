"""The synthetic demo community: idempotent, labelled, with a moderator who can log in."""

from __future__ import annotations

import pytest

from .conftest import url

pytestmark = pytest.mark.django_db


def test_demo_loads_once_and_says_it_is_synthetic(client):
    from migdex.web.dialogue import demo
    from migdex.web.dialogue.models import Event, ModerationAction, Post, Report, Thread

    first = list(demo.load_demo(password="demo-pass-123"))
    assert any("dialogue_moderator / demo-pass-123" in line for line in first)
    counts = [m.objects.count() for m in (Thread, Post, Event, Report, ModerationAction)]
    second = list(demo.load_demo())
    assert not any("dialogue_moderator /" in line for line in second)  # password shown once
    assert [m.objects.count() for m in (Thread, Post, Event, Report, ModerationAction)] == counts
    assert counts[0] == 3 and counts[2] == 1 and counts[3] == 1
    assert set(Post.objects.values_list("language", flat=True)) == {"en", "ru", "uz", "tg", "ky"}
    assert all(Thread.objects.values_list("is_synthetic", flat=True))
    html = client.get(url("index")).content.decode()
    assert "SYNTHETIC DEMO CONTENT" in html and "demo_member" not in html
    question = Thread.objects.get(kind="question")
    page = client.get(url("thread", question.pk)).content.decode()
    assert "Synthetic Diaspora Association (demo)" in page and "verified organisation" in page
    assert client.login(username="dialogue_moderator", password="demo-pass-123")
    queue = client.get(url("queue"))
    assert len(queue.context["reports"]) == 1 and "SYNTHETIC DEMO CONTENT" in queue.content.decode()
