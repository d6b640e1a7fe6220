"""The country page tells the seed slides' Russia story: means, rank, change, band, approach."""

from __future__ import annotations

import re

import pytest


def _text(html: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


def test_russia_story_in_english(client, demo):
    response = client.get("/en/country/RUS/?dataset=synthetic-demo&year=2019")
    assert response.status_code == 200
    html = response.content.decode()
    text = _text(html)
    assert "Russia — 2019" in text
    assert re.search(r"\d+(st|nd|rd|th) of 11", text)  # rank "Nth of M"
    assert "from the bottom" in text
    assert "Change 2014→2019" in text and "average change" in text
    assert 'data-mean="ALL"' in html and 'data-mean="EU28"' in html
    assert 'data-fact="band"' in html
    assert 'data-fact="approach"' in html
    assert "The rule that put it there" in text
    for area in ["Labour market mobility", "Health", "Anti-discrimination"]:
        assert area in text
    assert "Basic rights" in text and "Secure future" in text  # the three dimensions
    assert 'data-for-chart="profile"' in html and 'data-for-chart="timeseries"' in html
    assert "Indicator answers behind each area" in text
    assert "SYNTHETIC DATA — not real figures" in text
    # published figures with their sources, and the inconsistent 2017 slide flagged
    assert "https://www.mipex.eu/russia" in html
    assert "overall_vs_areas" in text and "32.25" in text


def test_russia_story_in_russian(client, demo):
    html = client.get("/ru/country/RUS/?dataset=synthetic-demo&year=2019").content.decode()
    text = _text(html)
    assert "Россия — 2019" in text
    assert re.search(r"\d+-е место из 11", text)
    assert "место снизу" in text
    assert "Изменение 2014→2019" in text and "среднее изменение" in text
    assert "Подход к интеграции" in text
    assert "Основные права" in text  # framework texts from the framework file
    assert "Здравоохранение" in text or "здравоохранени" in text.lower()
    assert "СИНТЕТИЧЕСКИЕ ДАННЫЕ" in text
    assert "Правило, по которому страна отнесена к группе" in text


def test_story_numbers_match_the_index_library(client, demo):
    from migdex.index.compare import rank_countries
    from migdex.web.explorer import services
    from migdex.web.explorer.models import Dataset

    ds = Dataset.objects.get(slug="synthetic-demo")
    frame = services.scores_frame(ds)
    expected = rank_countries(frame, year=2019).set_index("iso3").loc["RUS"]
    html = client.get("/en/country/RUS/?dataset=synthetic-demo&year=2019").content.decode()
    assert expected["rank_label"].lstrip("=") in _text(html)


def test_published_dataset_shows_published_approach(client, demo):
    html = client.get("/en/country/RUS/?dataset=published-core").content.decode()
    assert 'data-approach="immigration_without_integration"' in html
    assert "Immigration without integration" in html
    assert 'class="synthetic-banner"' not in html


def test_country_code_is_case_insensitive(client, demo):
    assert client.get("/en/country/rus/").status_code == 200


@pytest.mark.parametrize("code", ["XXX", "R", "1234"])
def test_unknown_country_is_404(client, demo, code):
    assert client.get(f"/en/country/{code}/").status_code == 404


def test_country_without_scores_in_dataset_says_so(client, demo):
    response = client.get("/en/country/ALB/?dataset=synthetic-demo")
    assert response.status_code == 200
    assert "has no scores for Albania" in response.content.decode()


def test_bad_from_year_is_400(client, demo):
    response = client.get("/en/country/RUS/?year=2019&from=2030")
    assert response.status_code == 400
    assert 'data-parameter="from"' in response.content.decode()
