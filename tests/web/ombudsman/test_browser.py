"""The story in a real browser (Debian's Chromium): look-up, verify, one person, appeal, closure."""

from __future__ import annotations

from pathlib import Path

import pytest
from django.core import mail

from .conftest import PASSWORD

ARTIFACTS = Path("test-artifacts")
pytestmark = [
    pytest.mark.browser,
    pytest.mark.xdist_group("browser"),
]


@pytest.fixture
def browser_page(browser, allow_django_in_playwright_loop):
    """pytest-playwright's browser: the system Chromium (see tests/web/conftest.py)."""
    return browser


def test_migrant_looks_up_appeals_and_staff_close_the_case(
    live_server, transactional_db, browser_page
):
    from migdex.web.ombudsman import demo
    from migdex.web.ombudsman.models import Case

    demo.load_register()
    demo.load_users(password=PASSWORD)
    ARTIFACTS.mkdir(exist_ok=True)
    page = browser_page.new_page()
    page.goto(f"{live_server.url}/en/ombudsman/lookup/")
    page.fill("#id_name", "Farkhod Tojiev")
    page.fill("#id_birth_date", "1990-05-03")
    page.fill("#id_document_number", "AA 1234567")
    page.click("button[type=submit]")
    page.wait_for_selector(".lookup-sent")
    code = mail.outbox[-1].body.split("code is ")[1][:6]
    page.fill("#id_code", code)
    page.click("main button[type=submit]")
    page.wait_for_selector(".omb-notice")
    text = page.inner_text("main")
    assert "Тожиев Фарход" in text and "TOJIEV FARXOD" in text
    assert page.locator(".omb-notice").count() == 3  # MVD, FSB (and the lifted FSSP record)
    page.screenshot(path=str(ARTIFACTS / "ombudsman-1-lookup-result.png"), full_page=True)
    page.select_option("#id_kind", "appeal")
    page.fill("#id_description", "I was never told about this ban and live abroad.")
    page.fill("#id_contact", "farkhod@example.org")
    page.click("form[action$='/lookup/request/'] button[type=submit]")
    page.wait_for_selector(".message")
    case = Case.objects.get()
    assert case.reference in page.inner_text(".message")

    staff = browser_page.new_page()
    staff.goto(f"{live_server.url}/accounts/login/?next=/en/ombudsman/staff/")
    staff.fill("#id_username", "ombudsman_staff")
    staff.fill("#id_password", PASSWORD)
    staff.click("main button[type=submit]")
    staff.wait_for_selector("#unassigned")
    staff.click(f"text={case.reference}")
    staff.select_option("form[data-action=assign] select", label="ombudsman_staff")
    staff.click("form[data-action=assign] button")
    staff.select_option("form[data-action=stage] select", "investigation")
    staff.click("form[data-action=stage] button")
    staff.fill("form[data-action=hearing] input[name=hearing_at]", "2026-12-01T10:00")
    staff.fill("form[data-action=hearing] input[name=hearing_link]", "https://meet.example.org/omb")
    staff.click("form[data-action=hearing] button")
    staff.select_option("form[data-action=close] select[name=outcome]", "granted")
    staff.select_option("form[data-action=close] select[name=closure_reason]", "R3")
    staff.click("form[data-action=close] button")
    staff.wait_for_selector("td[data-stage=closed]")
    staff.screenshot(path=str(ARTIFACTS / "ombudsman-2-case-closed.png"), full_page=True)
    case.refresh_from_db()
    assert (case.stage, case.outcome, case.closure_reason) == ("closed", "granted", "R3")
    assert case.assigned_to.username == "ombudsman_staff"
