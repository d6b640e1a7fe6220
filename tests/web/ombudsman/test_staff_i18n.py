"""Staff pages in Russian show no interface string of the app's catalogue left in English."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from tests.web.test_i18n import parse_po

from .conftest import url

CATALOGUE = Path(__file__).parents[3] / "src/migdex/web/ombudsman/locale/ru/LC_MESSAGES/django.po"
# Interface strings that read the same in both languages or are also data (agency codes).
SAME = {"CSV (UTF-8) or XLSX"}


def _visible_texts(html: str) -> set[str]:
    body = re.sub(r"<(script|style)[^>]*>.*?</\1>", "", html, flags=re.S)
    body = re.sub(r"<option[^>]*>.*?</option>", "", body, flags=re.S)  # users, agencies: data
    return {t.strip().rstrip(":") for t in re.split(r"<[^>]+>", body) if t.strip()}


@pytest.mark.django_db
def test_russian_staff_pages_have_no_english_interface_string(personas):
    from migdex.web.ombudsman.models import Ban, Case, Person

    english = {e["msgid"] for e in parse_po(CATALOGUE)} - SAME
    staff = personas["staff"]
    staff.post(
        url("case_new", lang="ru"),
        {"kind": "complaint", "applicant_name": "A B", "description": "x", "language": "ru"},
    )
    pages = [
        ("dashboard", ()),
        ("register", ()),
        ("conflicts", ()),
        ("statistics", ()),
        ("case_new", ()),
        ("import", ()),
        ("ban", (Ban.objects.first().pk,)),
        ("person", (Person.objects.first().pk,)),
    ]
    pages.append(("case", (Case.objects.get().reference,)))
    for name, args in pages:
        response = staff.get(url(name, *args, lang="ru"))
        assert response.status_code == 200, name
        left = sorted(_visible_texts(response.content.decode()) & english)
        assert left == [], (name, left)


@pytest.mark.django_db
def test_conflicts_are_explained_in_the_page_language(personas):
    html = personas["staff"].get(url("conflicts", lang="ru")).content.decode()
    assert "отменён в одном списке, действует в другом" in html
    assert "но всё ещё действует в списке другого ведомства" in html
    english = personas["staff"].get(url("conflicts")).content.decode()
    assert "lifted by FSSP but still active in" in english
