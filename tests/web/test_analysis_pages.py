"""Rank uncertainty, the country report download and policies against outcomes."""

from __future__ import annotations

import json
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
    banner = "SYNTHETIC DATA — not real figures" if lang == "en" else "СИНТЕТИЧЕСКИЕ ДАННЫЕ"
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
    if lang == "en":
        assert "<td>Overall score</td>" in coefficients
        models = ("OLS, cross-section 2019", "OLS, pooled years", "Fixed effects (country + year)")
    else:
        assert "<td>Общий балл</td>" in coefficients
        models = ("МНК, пространственная выборка 2019", "МНК, все годы вместе")
    for model in models:
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


# --- Russian pages: charts and model tables carry no English label -------------------------------

RU_PAGES = [
    "/ru/sensitivity/?dataset=synthetic-demo&year=2019",
    "/ru/outcomes/?dataset=synthetic-demo&outcome=generalised_trust",
    "/ru/outcomes/?dataset=synthetic-demo&outcome=employment_gap",
    "/ru/mobility/",
    "/ru/destinations/?origin=UZB&year=2019",
]


def _english_labels() -> set[str]:
    """Every word the analysis libraries write into charts and tables by default."""
    from migdex.index import charts, mediation, outcomes

    words = {*charts.RANK_LABELS.values(), *charts.SCATTER_LABELS.values()}
    words |= {v.replace(" {year}", "") for v in outcomes.MODEL_LABELS.values()}
    words |= set(mediation.LABELS.values())
    words |= {"Intercept", "policy", "Policy score", "Outcome", "Score", "Area", "Rank", "series"}
    words |= {"label", "item", charts.SYNTHETIC_NOTE, "Rank (1 = highest)"}
    return words - {"5%", "95%"}


def _specs(html: str) -> list[dict]:
    found = re.findall(
        r'<script id="spec-[^"]+" type="application/json">(.*?)</script>', html, re.S
    )
    return [json.loads(raw) for raw in found]


def _chart_words(node, out: list[str], key: str = "") -> list[str]:
    """Titles, subtitles and tooltip titles of a Vega-Lite spec (not its data)."""
    if isinstance(node, dict):
        if "field" in node and key in ("tooltip", "x", "y", "color") and "title" not in node:
            out.append(f"<untitled field {node['field']}>")  # Vega-Lite would show the name
        for k, v in node.items():
            if k in ("datasets", "data"):
                continue
            if k in ("title", "subtitle", "text") and isinstance(v, str):
                out.append(v)
            else:
                _chart_words(v, out, k if k != "title" else key)
    elif isinstance(node, list):
        for item in node:
            _chart_words(item, out, key)
    return out


@pytest.fixture
def analysis_pages(demo):
    from migdex.web.explorer.destinations import EXAMPLE_SLUG, load_destination_example
    from migdex.web.explorer.models import Dataset

    if not Dataset.objects.filter(slug=EXAMPLE_SLUG).exists():
        load_destination_example()


@pytest.mark.parametrize("url", RU_PAGES)
def test_russian_analysis_pages_have_no_english_chart_or_table_label(client, analysis_pages, url):
    response = client.get(url)
    assert response.status_code == 200
    html = response.content.decode()
    specs = _specs(html)
    assert specs, "the page embeds its charts"
    english = _english_labels()
    for spec in specs:
        words = _chart_words(spec, [])
        assert words, "every chart is titled"
        leaked = [w for w in words if w in english or w.startswith("<untitled")]
        assert not leaked, leaked
        latin = [w for w in words if re.search(r"[A-Za-z]{3,}", w)]
        assert not latin, latin
    visible = re.sub(r"<script.*?</script>", " ", html, flags=re.S)
    cells = [_text(c).strip() for c in re.findall(r"<t[dh][^>]*>(.*?)</t[dh]>", visible, re.S)]
    leaked_cells = [c for c in cells if c in english or c.startswith(("OLS", "Fixed effects"))]
    assert not leaked_cells, leaked_cells


@pytest.mark.parametrize("url", RU_PAGES[:2] + RU_PAGES[3:])
def test_russian_charts_render_without_english_text(client, analysis_pages, url):
    """Rendered as the browser would (Vega via vl-convert): axis, legend and title texts."""
    from migdex.index.charts import render_svg

    html = client.get(url).content.decode()
    for spec in _specs(html):
        svg = render_svg(spec)
        texts = [t.strip() for t in re.findall(r"<text[^>]*>([^<]*)</text>", svg)]
        latin = [t for t in texts if re.search(r"[A-Za-z]{3,}", t)]
        assert not latin, latin


def test_outcomes_page_shows_the_mediation_of_trust_through_threat(client, analysis_pages):
    from migdex.index import mediation

    en = client.get("/en/outcomes/?dataset=synthetic-demo&outcome=generalised_trust")
    table = en.content.decode().split('data-table="mediation"')[1].split("</table>")[0]
    for label in mediation.LABELS.values():
        assert label.replace("'", "&#x27;") in table
    ru = client.get("/ru/outcomes/?dataset=synthetic-demo&outcome=generalised_trust")
    assert "косвенный эффект a·b" in ru.content.decode()
    other = client.get("/en/outcomes/?dataset=synthetic-demo&outcome=employment_gap")
    assert 'data-table="mediation"' not in other.content.decode()
