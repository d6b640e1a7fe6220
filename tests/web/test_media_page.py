"""The terminology check page: a POST form (with CSRF), never cached."""

from __future__ import annotations

import re

import pytest
from django.test import Client


def _text(html: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


@pytest.mark.parametrize("lang", ["en", "ru"])
def test_form_renders_in_both_languages_and_is_not_cached(client, db, lang):
    response = client.get(f"/{lang}/media/check/")
    assert response.status_code == 200
    html = response.content.decode()
    assert f'<html lang="{lang}">' in html
    assert 'name="csrfmiddlewaretoken"' in html and "<textarea" in html
    assert "no-store" in response["Cache-Control"] or "no-cache" in response["Cache-Control"]
    assert ("Terminology check" if lang == "en" else "Проверка терминов") in _text(html)


def test_flags_illegal_migrants_and_not_illegal_weapons(db):
    client = Client(enforce_csrf_checks=True)
    page = client.get("/ru/media/check/")
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page.content.decode())[1]
    text = "Полиция задержала нелегальных мигрантов.\nИзъято нелегальное оружие."
    response = client.post(
        "/ru/media/check/", {"text": text, "lang": "ru", "csrfmiddlewaretoken": token}
    )
    assert response.status_code == 200
    html = response.content.decode()
    findings = html.split('data-table="findings"')[1].split("</table>")[0]
    assert "нелегальных мигрантов" in findings
    assert "1:19" in findings
    assert "мигрантов с неурегулированным статусом" in findings
    assert "нелегальное оружие" not in findings
    assert findings.count("<tr") == 2  # header and one finding


def test_post_without_csrf_is_refused(db):
    client = Client(enforce_csrf_checks=True)
    assert client.post("/en/media/check/", {"text": "illegal immigrants"}).status_code == 403


def test_english_text_and_nothing_flagged(client, db):
    html = client.post("/en/media/check/", {"text": "No illegal immigrants here."}).content
    assert "illegal immigrants" in html.decode() and "irregular immigrants" in html.decode()
    clean = client.post("/en/media/check/", {"text": "A quiet day."}).content.decode()
    assert 'data-findings="0"' in clean


def test_too_long_text_is_refused_with_a_message(client, db):
    from migdex.web.explorer.analysis import MEDIA_MAX_CHARS

    response = client.post("/en/media/check/", {"text": "a" * (MEDIA_MAX_CHARS + 1)})
    assert response.status_code == 400
    assert 'data-error="text"' in response.content.decode()
