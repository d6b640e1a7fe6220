"""The demo content loads once and is labelled; each destination prints as a PDF."""

from __future__ import annotations

import shutil
import subprocess

import pytest

from migdex.web.portal.models import CONTENT_MODELS, Destination


def _counts() -> dict[str, int]:
    return {m.__name__: m.objects.count() for m in CONTENT_MODELS}


def test_demo_is_idempotent_and_all_demo(db):
    from migdex.web.portal.demo import load_demo

    lines = load_demo()
    assert any("SYNTHETIC" in line for line in lines)
    first = _counts()
    stamps = list(Destination.objects.values_list("updated_at", flat=True))
    assert load_demo() == ["demo content unchanged (already loaded)"]
    assert _counts() == first
    assert list(Destination.objects.values_list("updated_at", flat=True)) == stamps
    assert first == {
        "Destination": 5,
        "JourneyStep": 7,
        "InformationCentre": 4,
        "HelpContact": 5,
    }
    for model in CONTENT_MODELS:
        assert not model.objects.filter(is_demo=False).exists()


def test_demo_has_english_and_russian_for_every_destination(db):
    from migdex.web.portal.demo import load_demo

    load_demo()
    for place in Destination.objects.all():
        assert {"en", "ru"} <= set(place.get_available_languages()), place.iso3


pdftotext = pytest.mark.skipif(not shutil.which("pdftotext"), reason="needs poppler-utils")


@pdftotext
@pytest.mark.parametrize("lang, expected", [("en", "Russia"), ("ru", "Россия")])
def test_pdf_has_the_page_in_the_language(client, portal, tmp_path, lang, expected):
    response = client.get(f"/{lang}/portal/RUS/pdf/?origin=TJK")
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    assert f"migdex-rus-{lang}.pdf" in response["Content-Disposition"]
    path = tmp_path / "rus.pdf"
    path.write_bytes(response.content)
    text = subprocess.run(
        ["pdftotext", str(path), "-"], capture_output=True, check=True, text=True
    ).stdout
    assert expected in text
    assert f"http://testserver/{lang}/ombudsman/lookup/" in text  # the look-up, on paper
    assert "Dushanbe" in text  # the chosen origin's information centres
    assert "Demo content" in text or "Демо-контент" in text


def test_pdf_of_unknown_destination_is_404_and_unknown_origin_400(client, portal):
    assert client.get("/en/portal/XYZ/pdf/").status_code == 404
    assert client.get("/en/portal/RUS/pdf/?origin=XX").status_code == 400
