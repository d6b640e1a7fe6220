"""In Debian's Chromium: a journalist pastes a text with "нелегалы", sees the suggestion
marked in the text, then opens the monitor and its charts render. Screenshots go to
test-artifacts/terminology/."""

from __future__ import annotations

from pathlib import Path

import pytest

ARTIFACTS = Path(__file__).resolve().parents[3] / "test-artifacts" / "terminology"

pytestmark = [
    pytest.mark.browser,
    pytest.mark.xdist_group("browser"),
    pytest.mark.usefixtures("allow_django_in_playwright_loop"),
]


def shot(page, name: str) -> None:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True)


def test_paste_a_text_see_the_suggestion_then_open_the_monitor(page, live_server, transactional_db):
    from migdex.web.terminology import demo

    demo.load_demo()
    page.goto(f"{live_server.url}/ru/terminology/check/")
    page.fill(
        "#check-text", "Вчера полиция задержала нелегалов на рынке.\nИзъято нелегальное оружие."
    )
    page.select_option("select[name=lang]", "ru")
    page.click("form.media-check button[type=submit]")
    page.wait_for_selector("mark[data-kind=term]")
    assert page.locator("mark").all_inner_texts() == ["нелегалов"]
    findings = page.inner_text("table[data-table=findings]")
    assert "1:25" in findings and "мигрантов с неурегулированным статусом" in findings
    assert "оружие" not in findings
    shot(page, "1-check-ru")

    page.click("nav.term-nav a[href='/ru/terminology/monitor/']")
    for chart in ("monitor-terms", "monitor-portrayal"):
        page.wait_for_selector(
            f"[data-chart-spec='spec-{chart}'][data-rendered='1'] svg", timeout=60000
        )
        assert page.locator(f"table[data-for-chart='{chart}'] tbody tr").count() > 10
    assert page.locator(".synthetic-banner").is_visible()
    assert page.locator("[data-rough='1'] a[data-lexicon-link]").is_visible()
    shot(page, "2-monitor-ru")
