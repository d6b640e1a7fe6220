"""Browser tests: Debian's Chromium driven by Playwright against Django's live server.

home → country → compare → download, the language switch to Russian, and a chart
rendered by vega-embed with its data table. Screenshots go to test-artifacts/.
"""

from __future__ import annotations

from pathlib import Path

import pytest

ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts" / "browser"

pytestmark = [
    pytest.mark.browser,
    pytest.mark.xdist_group("browser"),
    pytest.mark.usefixtures("allow_django_in_playwright_loop"),
]


@pytest.fixture
def site(live_server, demo):
    return live_server.url


def shot(page, name: str) -> None:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=False)


def test_home_country_compare_download(page, site):
    page.goto(f"{site}/en/?dataset=synthetic-demo&year=2019")
    page.wait_for_selector("[data-chart-spec='spec-ranking'][data-rendered='1'] svg", timeout=30000)
    assert page.locator("table[data-for-chart='ranking'] tbody tr").count() == 11
    assert page.locator(".synthetic-banner").is_visible()
    shot(page, "01-home")

    page.click("table.ranking a:text('Russia')")
    page.wait_for_url("**/en/country/RUS/**")
    page.wait_for_selector("[data-chart-spec='spec-profile'][data-rendered='1'] svg", timeout=30000)
    assert "of 11" in page.locator("[data-fact='rank']").inner_text()
    assert "from the bottom" in page.locator("[data-fact='rank']").inner_text()
    assert page.locator("[data-fact='change']").is_visible()
    assert page.locator("[data-fact='approach']").is_visible()
    assert page.locator("table[data-for-chart='profile']").is_visible()
    shot(page, "02-country-rus")

    page.click("a:text('Compare with other countries')")
    page.select_option("#add-country", "DEU")
    page.click("button:text('Add')")
    page.wait_for_selector("table.comparison")
    page.wait_for_selector("[data-chart-spec='spec-compare-areas'][data-rendered='1'] svg")
    assert page.locator("table.comparison thead th").count() >= 3
    shot(page, "03-compare")

    page.click("a:text('Download this comparison')")
    page.wait_for_selector("a[data-format='xlsx']")
    with page.expect_download() as info:
        page.click("a[data-format='csv']")
    download = info.value
    path = ARTIFACTS / download.suggested_filename
    download.save_as(path)
    text = path.read_text(encoding="utf-8")
    assert "RUS" in text and "DEU" in text and "SYNTHETIC" in text
    shot(page, "04-downloads")


def test_language_switch_to_russian_keeps_the_page(page, site):
    page.goto(f"{site}/en/country/RUS/?dataset=synthetic-demo&year=2019")
    page.click(".language-switcher a[data-lang='ru']")
    page.wait_for_url("**/ru/country/RUS/**")
    assert page.locator("h1").inner_text().startswith("Россия")
    assert "место из 11" in page.locator("[data-fact='rank']").inner_text()
    assert "СИНТЕТИЧЕСКИЕ ДАННЫЕ" in page.locator(".synthetic-banner").inner_text()
    page.wait_for_selector("[data-chart-spec='spec-profile'][data-rendered='1'] svg", timeout=30000)
    shot(page, "05-country-rus-ru")


def test_chart_has_export_menu_and_csv(page, site):
    page.goto(f"{site}/en/area/health/?dataset=synthetic-demo&year=2019")
    chart = page.locator("[data-chart-spec='spec-area-ranking']")
    page.wait_for_selector("[data-chart-spec='spec-area-ranking'][data-rendered='1'] svg")
    assert chart.locator(".vega-actions a").count() >= 2  # PNG and SVG
    href = page.locator("a[data-csv='area-ranking']").get_attribute("href")
    assert href.startswith("data:text/csv")
    shot(page, "06-area-health")
