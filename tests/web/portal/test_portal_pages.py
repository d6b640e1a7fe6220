"""Every portal page in every language: served, light, readable without JavaScript, marked."""

from __future__ import annotations

import re

import pytest

from .conftest import LANGUAGES

PAGES = [
    "/{lang}/portal/",
    "/{lang}/portal/RUS/",
    "/{lang}/portal/KAZ/",
    "/{lang}/portal/journey/",
    "/{lang}/portal/compare/",
    "/{lang}/portal/compare/?origin=UZB&d=RUS&d=TUR&d=KOR&d=DEU",
]
LIMIT = 100 * 1024


def _text(html: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("page", PAGES)
def test_page_is_light_and_needs_no_javascript(client, portal, page, lang):
    response = client.get(page.format(lang=lang))
    assert response.status_code == 200
    html = response.content.decode()
    assert len(response.content) < LIMIT, f"{page} in {lang}: {len(response.content)} bytes"
    assert "<script" not in html
    assert f'<html lang="{lang}">' in html
    assert "private" in response["Cache-Control"]  # never kept by the shared page cache


def test_destination_page_has_every_section_and_the_ban_look_up(client, portal):
    html = client.get("/en/portal/RUS/").content.decode()
    for section in (
        "entry_steps",
        "registration",
        "work_routes",
        "costs_and_deadlines",
        "rights",
        "help",
        "ban-check",
        "centres",
    ):
        assert f'id="{section}"' in html, section
    assert 'href="/en/ombudsman/lookup/"' in html
    assert "Demo content — not verified legal advice." in html
    assert "Pre-departure centre (demo)" in html  # Uzbekistan is the default origin


def test_rights_come_from_published_figures_with_their_source_and_band(client, portal):
    text = _text(client.get("/en/portal/RUS/").content.decode())
    # Russia 2017 (published slides): labour market 40, education 6.
    assert "Labour market mobility : 40/100 (slightly unfavourable)" in text
    assert "Education : 6/100 (unfavourable)" in text
    assert "2017" in text and "seed slides" in text
    assert "SYNTHETIC — invented scores" not in text


def test_rights_from_the_synthetic_demo_are_labelled(client, portal):
    from migdex.web.explorer.models import Score

    # Sweden has only a published overall score: its areas come from the synthetic demo.
    assert not Score.objects.filter(
        dataset__is_synthetic=False, iso3="SWE", level="area", score__isnull=False
    ).exists()
    from migdex.web.portal.models import Destination

    place = Destination(iso3="SWE")
    place.set_current_language("en")
    place.name = "Sweden"
    place.save()
    html = client.get("/en/portal/SWE/").content.decode()
    assert 'data-synthetic="1"' in html and "SYNTHETIC — invented scores" in html


def test_a_country_without_index_scores_says_so(client, portal):
    text = _text(client.get("/en/portal/KAZ/").content.decode())
    assert "The index has no scores for this country yet." in text


def test_uzbek_page_marks_fallback_and_unreviewed_texts(client, portal):
    html = client.get("/uz/portal/RUS/").content.decode()
    assert "Rossiya" in html  # the Uzbek name
    assert html.count('data-mark="unreviewed"') >= 2  # Uzbek name and summary: machine drafts
    assert html.count('data-mark="fallback"') >= 5  # entry, registration, ... from English
    assert '<div lang="en">' in html  # the fallback text says its language
    assert 'data-translation-status="machine/unreviewed"' in html


def test_english_page_carries_no_translation_marks(client, portal):
    html = client.get("/en/portal/RUS/").content.decode()
    assert 'data-mark="fallback"' not in html
    assert "data-translation-status" not in html


def test_overdue_english_text_is_marked_not_reviewed_on_the_page(client, portal):
    from migdex.web.portal.models import Destination, ReviewStatus

    place = Destination.objects.get(iso3="DEU")
    place.set_current_language("en")
    place.review_status = ReviewStatus.DRAFT
    place.save()
    html = client.get("/en/portal/DEU/").content.decode()
    assert 'data-mark="unreviewed"' in html and "Not yet reviewed by an editor" in html


def test_unknown_destination_is_404(client, portal):
    assert client.get("/en/portal/XYZ/").status_code == 404


def test_unknown_origin_is_a_clear_400(client, portal):
    response = client.get("/en/portal/?origin=ZZZ")
    assert response.status_code == 400
    assert "origin &#x27;ZZZ&#x27; is not known; choose one of UZB, TJK, KGZ" in (
        response.content.decode()
    )


def test_other_origins_show_their_own_centres(client, portal):
    html = client.get("/en/portal/?origin=TJK").content.decode()
    assert "Information centre (demo)" in html and "Dushanbe" in html
    assert "Tashkent" not in html


def test_journey_has_the_seven_steps_in_order(client, portal):
    html = client.get("/en/portal/journey/").content.decode()
    codes = re.findall(r'id="step-([a-z_]+)"', html)
    assert codes == [
        "decide",
        "documents",
        "entry",
        "registration",
        "legal_work",
        "family",
        "long_term",
    ]
    assert html.count('-what_can_go_wrong"') == 7 and html.count('-what_to_do"') == 7
