"""In Debian's Chromium: a would-be migrant reads the portal in Uzbek, compares two
destinations and reaches the ban look-up, with JavaScript off (the pages must not need it)."""

from __future__ import annotations

from pathlib import Path

import pytest

ARTIFACTS = Path("test-artifacts")
pytestmark = [pytest.mark.browser, pytest.mark.xdist_group("browser")]


@pytest.fixture
def browser_page(browser, allow_django_in_playwright_loop):
    return browser


def test_uzbek_reader_compares_two_destinations_and_reaches_the_ban_look_up(
    live_server, transactional_db, browser_page, settings
):
    from tests.web.conftest import load_small_demo

    from migdex.web.portal.demo import load_demo

    settings.MIGDEX_PAGE_CACHE_SECONDS = 0
    load_small_demo()
    load_demo()
    ARTIFACTS.mkdir(exist_ok=True)
    context = browser_page.new_context(
        java_script_enabled=False, viewport={"width": 360, "height": 740}
    )
    page = context.new_page()
    page.goto(f"{live_server.url}/en/portal/")
    page.click("nav.language-switcher a[data-lang=uz]")
    assert page.url.endswith("/uz/portal/")
    assert page.locator("html").get_attribute("lang") == "uz"
    assert page.locator("[data-demo='1']").is_visible()
    assert page.locator("[data-translation-status='machine/unreviewed']").is_visible()
    page.click("#destinations a[href*='/uz/portal/RUS/']")
    assert page.locator("h1").inner_text().startswith("Rossiya")
    assert page.locator("[data-mark=fallback]").first.is_visible()
    page.screenshot(path=str(ARTIFACTS / "portal-1-uzbek-destination.png"), full_page=True)

    page.goto(f"{live_server.url}/uz/portal/")
    page.check("#compare input[name=d][value=RUS]")
    page.check("#compare input[name=d][value=TUR]")
    page.click("#compare button[type=submit]")
    assert "/uz/portal/compare/" in page.url
    headers = page.locator("#attractiveness thead th").all_inner_texts()
    assert headers[1:] == ["Rossiya", "Turkiya"]
    assert page.locator("#attractiveness tr[data-code=overall] td").count() == 2
    assert page.locator("#attractiveness [data-synthetic='1']").is_visible()
    page.screenshot(path=str(ARTIFACTS / "portal-2-uzbek-compare.png"), full_page=True)

    page.click("#ban-check a")
    page.wait_for_load_state()
    assert page.url.endswith("/uz/ombudsman/lookup/")
    assert page.locator("#id_name").is_visible()
    page.screenshot(path=str(ARTIFACTS / "portal-3-ban-look-up.png"), full_page=True)
    context.close()
