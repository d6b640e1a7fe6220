"""Rank uncertainty, the country report download and policies against outcomes."""

from __future__ import annotations

import re

import pytest


def _text(html: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


@pytest.mark.parametrize("lang", ["en", "ru"])
def test_sensitivity_page_renders_chart_and_table(client, demo, lang):
    response = client.get(f"/{lang}/sensitivity/?dataset=synthetic-demo&year=2019")
    assert response.status_code == 200
    html = response.content.decode()
    assert f'<html lang="{lang}">' in html
    assert 'id="spec-rank-uncertainty"' in html
    assert 'data-for-chart="rank-uncertainty"' in html
    assert 'data-csv="rank-uncertainty"' in html
    banner = "SYNTHETIC DATA — not real MIPEX answers" if lang == "en" else "СИНТЕТИЧЕСКИЕ ДАННЫЕ"
    assert banner in _text(html)
    table = html.split('data-for-chart="rank-uncertainty"')[1].split("</table>")[0]
    assert table.count("<tr>") == 1 + 11  # header and the 11 demo countries
    if lang == "ru":
        assert "Неопределённость мест" in _text(html)


def test_sensitivity_defaults_to_a_computed_dataset_and_refuses_published(client, demo):
    assert client.get("/en/sensitivity/").status_code == 200
    response = client.get("/en/sensitivity/?dataset=published-core")
    assert response.status_code == 400
    assert 'data-parameter="dataset"' in response.content.decode()


def test_country_page_shows_the_rank_interval(client, demo):
    from migdex.index.sensitivity import nominal_ranks_table
    from migdex.web.explorer import analysis
    from migdex.web.explorer.models import Dataset

    ds = Dataset.objects.get(slug="synthetic-demo")
    table = nominal_ranks_table(analysis.sensitivity(ds, 2019)).set_index("iso3")
    label = table.loc["RUS", "rank_interval"]
    assert re.fullmatch(r"\d+ \(\d+–\d+\)", label)
    lo, hi = table.loc["RUS", ["rank_p05", "rank_p95"]]
    assert 1 <= lo <= table.loc["RUS", "nominal_rank"] <= hi <= 11
    html = client.get("/en/country/RUS/?dataset=synthetic-demo&year=2019").content.decode()
    assert 'data-fact="rank-interval"' in html and label in html
    ru = client.get("/ru/country/RUS/?dataset=synthetic-demo&year=2019").content.decode()
    assert "При других допущениях" in ru and label in ru


def test_published_country_page_has_no_interval(client, demo):
    html = client.get("/en/country/RUS/?dataset=published-core").content.decode()
    assert 'data-fact="rank-interval"' not in html


@pytest.mark.parametrize("lang", ["en", "ru"])
def test_country_report_is_a_pdf_in_the_page_language(client, demo, lang):
    page = client.get(f"/{lang}/country/RUS/?dataset=synthetic-demo&year=2019").content.decode()
    href = f"/{lang}/country/RUS/report.pdf?dataset=synthetic-demo&amp;year=2019"
    assert f'href="{href}"' in page
    response = client.get(href.replace("&amp;", "&"))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")
    assert f"RUS-synthetic-demo-2019-{lang}.pdf" in response["Content-Disposition"]


def test_country_report_bad_input(client, demo):
    assert client.get("/en/country/XXX/report.pdf").status_code == 404
    response = client.get("/en/country/RUS/report.pdf?dataset=synthetic-demo&year=1900")
    assert response.status_code == 400


@pytest.mark.parametrize("lang", ["en", "ru"])
def test_outcomes_page_shows_scatter_table_and_coefficients(client, demo, lang):
    response = client.get(f"/{lang}/outcomes/?dataset=synthetic-demo")
    assert response.status_code == 200
    html = response.content.decode()
    text = _text(html)
    label = "SYNTHETIC outcome data" if lang == "en" else "СИНТЕТИЧЕСКИЕ данные о результатах"
    assert label in text
    assert 'id="spec-outcome-scatter"' in html and 'data-for-chart="outcome-scatter"' in html
    assert 'data-table="coefficients"' in html and 'data-csv="coefficients"' in html
    coefficients = html.split('data-table="coefficients"')[1].split("</table>")[0]
    assert "<td>policy</td>" in coefficients
    for model in ("OLS, cross-section", "OLS, pooled years", "Fixed effects (country + year)"):
        assert model in coefficients


def test_outcomes_numbers_match_the_library(client, demo):
    from migdex.index.outcomes import analyse_outcomes, read_outcomes
    from migdex.web.explorer import services
    from migdex.web.explorer.models import Dataset

    ds = Dataset.objects.get(slug="synthetic-demo")
    from importlib import resources

    with resources.as_file(resources.files("migdex") / "data" / "outcomes_example.csv") as p:
        expected = analyse_outcomes(
            read_outcomes(p), services.scores_frame(ds), outcome="perceived_threat"
        )
    coef = expected.coefficients
    first = coef[coef["term"] == "policy"].iloc[0]
    html = client.get("/en/outcomes/?dataset=synthetic-demo&outcome=perceived_threat")
    assert f"{first['coef']:.3f}" in html.content.decode()


def test_outcomes_unknown_outcome_is_400(client, demo):
    response = client.get("/en/outcomes/?outcome=happiness")
    assert response.status_code == 400
    assert 'data-parameter="outcome"' in response.content.decode()
