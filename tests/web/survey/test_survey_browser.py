"""The whole cycle in Debian's Chromium (Playwright) against the live server, in both languages:
the expert answers in Russian and submits, the reviewer disagrees on one indicator, the
moderator decides, the central team publishes, and the explorer shows the new score.
Screenshots go to test-artifacts/survey/.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from survey_helpers import TOY_CODES, make_user, new_assignment

ARTIFACTS = Path(__file__).resolve().parents[3] / "test-artifacts" / "survey"

pytestmark = [
    pytest.mark.browser,
    pytest.mark.xdist_group("browser"),
    pytest.mark.usefixtures("allow_django_in_playwright_loop"),
]


def shot(page, name: str) -> None:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True)


def login(browser, base: str, username: str):
    context = browser.new_context()
    page = context.new_page()
    page.goto(f"{base}/accounts/login/")
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", "pw-Secret-123")
    page.click("form button[type=submit]")
    page.wait_for_load_state()
    return page


def move(page, to: str) -> None:
    page.click(f"button[data-move={to}]")
    page.wait_for_load_state()


def test_expert_reviewer_moderator_central_team_and_explorer(browser, live_server, demo):
    from migdex.web.survey.models import Assignment

    people = {
        name: make_user(name, group)
        for name, group in [
            ("xenia_expert", "expert"),
            ("rustam_reviewer", "reviewer"),
            ("marat_moderator", "moderator"),
            ("olga_central", "central_team"),
        ]
    }
    from survey_helpers import People

    a = new_assignment(
        People(
            central=people["olga_central"],
            moderator=people["marat_moderator"],
            expert_x=people["xenia_expert"],
            expert_y=None,
            reviewer=people["rustam_reviewer"],
            outsider=None,
        )
    )
    base = live_server.url
    root = f"/survey/{a.pk}"

    # The expert works in Russian: question and options come from the framework's ru texts.
    expert = login(browser, base, "xenia_expert")
    expert.goto(f"{base}/ru{root}/i/1/")
    assert "Могут ли проживающие работать" in expert.content()
    expert.check("input[name=option][value=a]")
    expert.fill("textarea[name=justification]", "Статья 13 закона 115-ФЗ.")
    expert.wait_for_selector("#answer-form[data-saved]", timeout=10000)  # autosave
    shot(expert, "1-expert-autosaved-ru")
    for code in TOY_CODES[1:]:
        expert.goto(f"{base}/ru{root}/i/{code}/")
        expert.check("input[name=option][value=a]")
        expert.fill("textarea[name=justification]", f"Обоснование {code}.")
        expert.fill("input[name=src-0-law]", "115-ФЗ")
        expert.click("#answer-form button[type=submit]")
        expert.wait_for_load_state()
    expert.goto(f"{base}/ru{root}/")
    assert "7/7" in expert.content() or expert.locator("progress").count() == 2
    move(expert, "submitted")
    assert expert.locator("[data-state=submitted]").count() == 1
    shot(expert, "2-expert-submitted-ru")

    # The reviewer (English) agrees everywhere except indicator 1.
    reviewer = login(browser, base, "rustam_reviewer")
    for code in TOY_CODES:
        reviewer.goto(f"{base}/en{root}/i/{code}/")
        if code == "1":
            reviewer.check("#review-form input[name=agrees][value='0']")
            reviewer.fill("#review-form textarea[name=comment]", "Work permits are restricted.")
            reviewer.select_option("#review-form select[name=proposed_option]", "c")
        else:
            reviewer.check("#review-form input[name=agrees][value='1']")
        reviewer.click("#review-form button[type=submit]")
        reviewer.wait_for_load_state()
    reviewer.goto(f"{base}/en{root}/")
    move(reviewer, "finish_review")
    assert reviewer.locator("[data-state=disputed]").count() == 1
    reviewer.goto(f"{base}/en{root}/i/1/")
    assert "xenia_expert" not in reviewer.content() and "Expert A" not in reviewer.content()
    shot(reviewer, "3-reviewer-disagrees-en")

    # The moderator (Russian) sees the thread and decides with a reason.
    moderator = login(browser, base, "marat_moderator")
    moderator.goto(f"{base}/ru{root}/i/1/")
    assert "Work permits are restricted." in moderator.content()
    moderator.select_option("#decision-form select[name=option]", "c")
    moderator.fill("#decision-form textarea[name=reason]", "Статья 13.4 ограничивает доступ.")
    moderator.click("#decision-form button[type=submit]")
    moderator.wait_for_load_state()
    assert moderator.locator("[data-decision]").count() == 1
    shot(moderator, "4-moderator-decided-ru")
    moderator.goto(f"{base}/ru{root}/")
    move(moderator, "resolved")
    move(moderator, "final")
    assert moderator.locator("[data-state=final]").count() == 1

    # The central team publishes; the explorer shows the new score.
    central = login(browser, base, "olga_central")
    central.goto(f"{base}/en{root}/")
    move(central, "published")
    assert central.locator("[data-state=published]").count() == 1
    central.click("a[data-explorer-link]")
    central.wait_for_load_state()
    assert "/country/RUS/" in central.url and "dataset=survey-toy" in central.url
    assert "Expert questionnaire: Toy framework" in central.content()
    assert "88" in central.inner_text("main")
    shot(central, "5-explorer-shows-score")
    assert Assignment.objects.get(pk=a.pk).state == "published"
