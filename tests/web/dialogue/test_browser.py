"""In a real browser (Debian's Chromium): a thread is reported, a moderator hides it, the audit
shows it, and the public sees only the placeholder."""

from __future__ import annotations

from pathlib import Path

import pytest

from .conftest import PASSWORD

ARTIFACTS = Path("test-artifacts")
pytestmark = [pytest.mark.browser, pytest.mark.xdist_group("browser")]


@pytest.fixture
def browser_page(browser, allow_django_in_playwright_loop):
    """pytest-playwright's browser: the system Chromium (see tests/web/conftest.py)."""
    return browser


def _log_in(page, base: str, username: str, next_path: str) -> None:
    page.goto(f"{base}/accounts/login/?next={next_path}")
    page.fill("#id_username", username)
    page.fill("#id_password", PASSWORD)
    page.click("main button[type=submit]")


def test_reported_thread_is_hidden_by_a_moderator_and_audited(
    live_server, transactional_db, browser_page, settings
):
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group

    from migdex.web.dialogue import posting
    from migdex.web.dialogue.models import MODERATOR_GROUP, Topic
    from migdex.web.dialogue.roles import participant_for

    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    users = get_user_model().objects
    author = users.create_user("author.private", "author@example.org", PASSWORD)
    users.create_user("reader.private", "reader@example.org", PASSWORD)
    moderator = users.create_user("moderator1", "moderator@example.org", PASSWORD)
    moderator.groups.add(Group.objects.get_or_create(name=MODERATOR_GROUP)[0])
    topic = Topic.objects.create(slug="work", name="Work")
    thread = posting.start_thread(
        participant_for(author), topic=topic, title="Insulting thread", kind="discussion",
        body="Offensive words about a whole people.", language="en",
    )  # fmt: skip
    base = live_server.url
    ARTIFACTS.mkdir(exist_ok=True)

    page = browser_page.new_page()
    _log_in(page, base, "reader.private", f"/en/dialogue/threads/{thread.pk}/")
    page.click(".report-link")
    page.select_option("#id_reason", "hate_speech")
    page.fill("#id_note", "Insults migrants from one country")
    page.click("main form.dlg-report button[type=submit]")
    page.wait_for_selector(".message")

    mod = browser_page.new_page()
    _log_in(mod, base, "moderator1", "/ru/dialogue/moderation/")
    mod.wait_for_selector("section.report[data-reason=hate_speech]")
    mod.screenshot(path=str(ARTIFACTS / "dialogue-1-queue.png"), full_page=True)
    mod.select_option("form.dlg-act select[name=kind]", "hide_thread")
    mod.fill("form.dlg-act input[name=note]", "hate speech in the opening post")
    mod.click("form.dlg-act button[type=submit]")
    mod.wait_for_selector(".queue-empty")
    mod.click("nav.dlg-nav a[href$='/moderation/audit/']")
    row = mod.locator("table.audit tr[data-action=hide_thread]")
    row.wait_for()
    text = row.inner_text()
    assert "moderator1" in text and "hate speech in the opening post" in text
    assert row.locator("td[data-reason=hate_speech]").count() == 1
    mod.screenshot(path=str(ARTIFACTS / "dialogue-2-audit.png"), full_page=True)

    public = browser_page.new_page()
    public.goto(f"{base}/uz/dialogue/threads/{thread.pk}/")
    assert public.locator("[data-hidden]").count() == 1
    assert "Offensive words" not in public.inner_text("main")
    assert public.locator(".translation-note").count() == 1
    public.goto(f"{base}/en/dialogue/")
    assert "Insulting thread" not in public.inner_text("main")


@pytest.mark.parametrize("lang", ["en", "ru", "uz", "tg", "ky"])
def test_demo_community_in_each_language(live_server, transactional_db, browser_page, lang):
    """Threads, an answer posted, an RSVP and the staff dashboard's chart, in every language."""
    from migdex.web.dialogue import demo
    from migdex.web.dialogue.models import Event, Thread

    demo.load_demo(password=PASSWORD)
    base = f"{live_server.url}/{lang}/dialogue"
    page = browser_page.new_page()
    _log_in(page, live_server.url, demo.MODERATOR, f"/{lang}/dialogue/")
    page.wait_for_selector("table.threads")
    assert page.locator("[data-synthetic]").count() == 1
    question = Thread.objects.get(kind="question")
    page.goto(f"{base}/threads/{question.pk}/?lang=uz")
    assert page.locator("article.dlg-post").count() == 1  # the one Uzbek answer
    page.goto(f"{base}/threads/{question.pk}/")
    page.fill("#id_body", f"Synthetic answer written from the {lang} page.")
    page.select_option("#id_language", lang)
    page.click("form.dlg-reply button[type=submit]")
    page.wait_for_selector(f"article.dlg-post[lang={lang}] >> text=written from the {lang} page")
    page.screenshot(path=str(ARTIFACTS / f"dialogue-4-thread-{lang}.png"), full_page=True)
    event = Event.objects.get()
    page.goto(f"{base}/events/{event.pk}/")
    page.click("form.dlg-rsvp button[value=going]")
    page.wait_for_selector("[data-mine=going]")
    assert page.inner_text("[data-count=going]").startswith("1")
    page.goto(f"{base}/dashboard/")
    page.wait_for_selector("[data-chart-spec][data-rendered='1']", timeout=20000)
    page.screenshot(path=str(ARTIFACTS / f"dialogue-3-dashboard-{lang}.png"), full_page=True)
