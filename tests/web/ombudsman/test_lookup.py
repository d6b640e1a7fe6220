"""The migrant's look-up: one-time code, no enumeration, rate limit, CSRF, PDF, log hygiene."""

from __future__ import annotations

import logging
import re
import subprocess

import pytest
from django.core import mail
from django.test import Client

from migdex.web.ombudsman.models import AccessLog, LookupRequest

from .conftest import TOJIEV, url, verified_client

pytestmark = pytest.mark.django_db


def _answer(client: Client, data: dict) -> tuple[int, str]:
    first = client.post(url("lookup"), data)
    page = client.get(first["Location"]) if first.status_code == 302 else first
    body = re.sub(r'name="csrfmiddlewaretoken" value="[^"]+"', "", page.content.decode())
    return first.status_code, body


def test_match_sends_code_and_shows_both_agencies_as_one_person(register):
    client = verified_client(Client())
    assert mail.outbox[-1].to == ["farkhod@example.org"]
    page = client.get(url("lookup_result")).content.decode()
    assert "Тожиев Фарход" in page and "TOJIEV FARXOD" in page
    for needed in [
        "MVD/M-001/SYN",
        "FSB/F-17/SYN",
        "Federal Law 114-FZ",
        "A lawful restriction applies",
        "5 years counted from the start date 2024-03-01",
        "You can appeal from abroad",
        "How to ask for correction or removal",
        "How to complain to the ombudsman",
    ]:
        assert needed in page, needed
    assert "Каримова" not in page
    assert "no-store" in client.get(url("lookup_result"))["Cache-Control"]


def test_no_enumeration_same_answer_for_unknown_mismatched_and_known(register):
    known = _answer(Client(), TOJIEV)
    mismatched = _answer(Client(), {**TOJIEV, "birth_date": "1990-05-04"})
    wrong_name = _answer(Client(), {**TOJIEV, "name": "Dilnoza Karimova"})
    unknown = _answer(
        Client(),
        {"name": "Nobody Atall", "birth_date": "2000-01-01", "document_number": "ZZ0000000"},
    )
    assert known == mismatched == wrong_name == unknown
    assert len(mail.outbox) == 1  # only the real person got a code
    assert LookupRequest.objects.count() == 4  # every look-up is logged


def test_wrong_code_and_unmatched_lookup_look_the_same(register):
    matched, unmatched = Client(), Client()
    matched.post(url("lookup"), TOJIEV)
    unmatched.post(url("lookup"), {**TOJIEV, "document_number": "AA1234568"})
    a = matched.post(url("lookup_verify"), {"code": "000000"})
    b = unmatched.post(url("lookup_verify"), {"code": "000000"})
    strip = lambda r: re.sub(r'value="[^"]+"', "", r.content.decode())  # noqa: E731
    assert a.status_code == b.status_code == 200 and strip(a) == strip(b)
    assert unmatched.get(url("lookup_result")).status_code == 302


def test_code_is_single_use_and_attempts_are_limited(register):
    client = Client()
    client.post(url("lookup"), TOJIEV)
    code = mail.outbox[-1].body.split("code is ")[1][:6]
    for _ in range(5):
        client.post(url("lookup_verify"), {"code": "999999" if code != "999999" else "111111"})
    assert client.post(url("lookup_verify"), {"code": code}).status_code == 200  # locked
    fresh = verified_client(Client())
    assert fresh.get(url("lookup_result")).status_code == 200
    lookup = LookupRequest.objects.filter(verified_at__isnull=False).get()
    assert len(lookup.code_hash) == 64 and code not in lookup.code_hash


def test_result_needs_verification(register):
    assert Client().get(url("lookup_result")).status_code == 302
    assert Client().get(url("lookup_notice")).status_code == 302


def test_rate_limit_per_identity_and_per_ip(register, settings):
    settings.OMBUDSMAN_LOOKUP_RATE_IDENTITY = "3/h"
    settings.OMBUDSMAN_LOOKUP_RATE_IP = "5/h"
    client = Client()
    statuses = [client.post(url("lookup"), TOJIEV).status_code for _ in range(4)]
    assert statuses == [302, 302, 302, 429]
    other = {"name": "X Y", "birth_date": "2000-01-01"}
    statuses = [
        client.post(url("lookup"), {**other, "document_number": f"Z{i}"}).status_code
        for i in range(3)
    ]
    assert statuses[-1] == 429  # the address has used its 5 look-ups


def test_csrf_is_enforced_on_every_post(register):
    client = Client(enforce_csrf_checks=True)
    assert client.post(url("lookup"), TOJIEV).status_code == 403
    assert client.post(url("lookup_verify"), {"code": "1"}).status_code == 403
    assert client.post(url("lookup_request"), {}).status_code == 403
    staff = Client(enforce_csrf_checks=True)
    from django.contrib.auth import get_user_model

    staff.force_login(get_user_model().objects.get(username="ombudsman_staff"))
    assert staff.post(url("decide"), {}).status_code == 403
    assert staff.post(url("case_new"), {}).status_code == 403


def test_pdf_notice_text(register):
    client = verified_client(Client())
    response = client.get(url("lookup_notice"))
    assert response["Content-Type"] == "application/pdf"
    text = subprocess.run(
        ["pdftotext", "-", "-"], input=response.content, capture_output=True, check=True
    ).stdout.decode()
    for needed in [
        "Notice of re-entry bans",
        "Тожиев Фарход",
        "MVD/M-001/SYN",
        "FSB/F-17/SYN",
        "How to appeal",
    ]:
        assert needed in text, needed
    assert AccessLog.objects.filter(purpose="migrant notice (PDF)").count() == 3


def test_lookup_writes_access_log_and_no_personal_data_in_logs(register, caplog):
    from migdex.web.ombudsman.logfilter import PersonalDataFilter

    caplog.set_level(logging.DEBUG)
    client = verified_client(Client())
    client.get(url("lookup_result"))
    logging.getLogger("migdex.ombudsman").warning("look-up for %s", "AA1234567 1990-05-03")
    assert AccessLog.objects.filter(purpose="migrant look-up").count() == 3
    log_filter = PersonalDataFilter()
    for record in caplog.records:
        log_filter.filter(record)
        message = record.getMessage()
        for secret in ["AA1234567", "1990-05-03", "farkhod@example.org"]:
            assert secret not in message


def test_five_languages_and_translation_note(register):
    for lang, word in [("ru", "запрет"), ("uz", "taqiq"), ("tg", "манъ"), ("ky", "тыюу")]:
        page = Client().get(url("lookup", lang=lang)).content.decode()
        assert 'data-translation-status="machine/unreviewed"' in page
        assert word in page.lower(), lang
    assert "data-translation-status" not in Client().get(url("lookup")).content.decode()


def test_lookup_form_is_never_publicly_cached(register, settings):
    settings.MIGDEX_PAGE_CACHE_SECONDS = 600
    client = Client()
    first = client.get(url("lookup"))
    assert "no-store" in first["Cache-Control"] and "private" in first["Cache-Control"]
    assert first.cookies  # a session: the shared page cache never keeps this page


def test_russian_result_page_and_code_message_have_no_english(register):
    """A migrant who reads Russian gets the code, the result and the appeal route in Russian."""
    client = verified_client(Client(), lang="ru")
    message = mail.outbox[-1]
    assert "одноразовый код" in message.subject and "Ваш код" in message.body
    page = client.get(url("lookup_result", lang="ru")).content.decode()
    for russian in [
        "На вас записано 3 запрета на въезд",
        "Действует законное ограничение",
        "Число лет: 5, считая от даты начала 2024-03-01",
        "Обжаловать можно из-за рубежа",
    ]:
        assert russian in page, russian
    for english in [
        "recorded for you",
        "A lawful restriction applies",
        "years counted from",
        "You can appeal from abroad",
        "Deadline:",
        "Name as written",
        "How to appeal",
    ]:
        assert english not in page, english


@pytest.mark.parametrize("lang", ["en", "ru", "ky"])
def test_the_app_root_leads_to_the_look_up(client, lang):
    response = client.get(url("index", lang=lang))
    assert response.status_code == 302 and response["Location"] == url("lookup", lang=lang)
