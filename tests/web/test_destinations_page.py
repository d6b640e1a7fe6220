"""The destinations page: destinations ranked for one origin, areas side by side, indicators
with raw values and normalised scores, rank intervals, the synthetic label; and the loader."""

from __future__ import annotations

import json
import re

import numpy as np
import pandas as pd
import pytest
from django.db import models

SLUG = "destination-example-uzb"


def _text(html: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


def _spec(html: str, chart_id: str) -> dict:
    raw = html.split(f'id="spec-{chart_id}" type="application/json">')[1].split("</script>")[0]
    return json.loads(raw)


def _table(html: str, marker: str) -> list[list[str]]:
    body = html.split(marker)[1].split("</table>")[0]
    return [
        [_text(c).strip() for c in re.findall(r"<t[dh][^>]*>(.*?)</t[dh]>", row, re.S)]
        for row in re.findall(r"<tr>(.*?)</tr>", body, re.S)
    ]


@pytest.fixture
def destinations_demo(demo):
    """The demo plus the synthetic destination example (as `migdex demo` will load it)."""
    from migdex.web.explorer.destinations import load_destination_example
    from migdex.web.explorer.models import Dataset

    if not Dataset.objects.filter(slug=SLUG).exists():
        load_destination_example()
    return Dataset.objects.get(slug=SLUG)


# --- loading ---------------------------------------------------------------------------------


def test_example_is_stored_synthetic_with_its_origin_and_idempotent(destinations_demo):
    from migdex.index.examples import EXAMPLE_LABEL
    from migdex.web.explorer.destinations import load_destination_example, origin_of

    ds = destinations_demo
    assert ds.is_synthetic and ds.label == EXAMPLE_LABEL
    assert origin_of(ds) == "UZB"
    assert ds.sources.splitlines()[0] == "origin: UZB (Uzbekistan / Узбекистан)"
    assert ds.framework.name == "destination-attractiveness"
    assert ds.scores.filter(level="overall").count() == 12 * 5
    before = ds.updated_at
    report = load_destination_example()
    assert report.is_unchanged
    ds.refresh_from_db()
    assert ds.updated_at == before


def test_stored_answers_rescore_to_the_stored_scores(destinations_demo):
    """Raw numbers are kept as given, so scoring the stored answers again gives the same."""
    from migdex.index.scoring import score_answers
    from migdex.web.explorer import services
    from migdex.web.explorer.models import Answer, Score

    ds = destinations_demo
    answers = pd.DataFrame.from_records(
        list(
            ds.answers.values(
                "iso3", "year", "indicator", "option", "score", "raw_value", "is_not_applicable"
            )
        )
    )
    rescored = score_answers(answers, services.framework_of(ds), missing_rule="renormalise")
    got = rescored[rescored["level"] == "overall"].set_index(["iso3", "year"])["score"]
    stored = pd.DataFrame.from_records(
        list(Score.objects.filter(dataset=ds, level="overall").values("iso3", "year", "score"))
    ).set_index(["iso3", "year"])["score"]
    np.testing.assert_allclose(got.loc[stored.index].to_numpy(), stored.to_numpy(), rtol=1e-12)
    wage = Answer.objects.get(dataset=ds, iso3="RUS", year=2015, indicator="wage_ratio")
    assert wage.raw_value == pytest.approx(4.3)  # the example file's raw value
    assert wage.score is None  # a number has no option score; its 0-100 score is a Score row
    options = ds.answers.exclude(indicator__in=_numeric_codes(ds))
    assert options.exists() and not options.exclude(raw_value=None).exists()


def _numeric_codes(ds) -> list[str]:
    from migdex.web.explorer import services

    fw = services.framework_of(ds)
    return [code for code, ind in fw.indicators.items() if ind.is_numeric]


def test_migration_moves_raw_numbers_stored_in_score_to_raw_value(destinations_demo):
    """Databases filled before ``Answer.raw_value`` kept a number in ``score``: 0003 moves it."""
    import importlib

    from django.apps import apps

    from migdex.web.explorer.models import Answer

    step = importlib.import_module("migdex.web.explorer.migrations.0003_answer_raw_value")
    ds = destinations_demo
    numeric = ds.answers.filter(indicator__in=_numeric_codes(ds))
    before = dict(numeric.values_list("pk", "raw_value"))
    options_before = dict(ds.answers.exclude(pk__in=before).values_list("pk", "score"))
    numeric.update(score=models.F("raw_value"), raw_value=None)  # the old layout
    step.move_raw_numbers(apps, None)
    assert dict(numeric.values_list("pk", "raw_value")) == before
    assert not Answer.objects.filter(pk__in=before).exclude(score=None).exists()
    assert dict(ds.answers.exclude(pk__in=before).values_list("pk", "score")) == options_before


def test_loader_refuses_unknown_destinations_and_stores_nothing(demo):
    from migdex.web.explorer.destinations import load_destination_answers
    from migdex.web.explorer.loading import ImportRefusedError
    from migdex.web.explorer.models import Dataset

    bad = pd.DataFrame(
        {"iso3": ["XXY"], "year": [2019], "indicator": ["wage_ratio"], "value": [3.0]}
    )
    with pytest.raises(ImportRefusedError, match="unknown destinations XXY"):
        load_destination_answers(
            bad, slug="bad", framework="destination-attractiveness", origin="UZB", title_en="x"
        )
    with pytest.raises(ImportRefusedError, match="wage_ratio"):
        load_destination_answers(
            bad.assign(iso3="RUS", value="lots"),
            slug="bad",
            framework="destination-attractiveness",
            origin="UZB",
            title_en="x",
        )
    assert not Dataset.objects.filter(slug="bad").exists()


# --- the page ----------------------------------------------------------------------------------


def _expected(year: int) -> pd.DataFrame:
    """The library's own scores of the shipped example (independent of the database)."""
    from importlib import resources

    from migdex.index.framework import load_framework
    from migdex.index.pipeline import run_index

    with resources.as_file(resources.files("migdex") / "data" / "destination_example.csv") as p:
        answers = pd.read_csv(p, dtype={"option": "string"})
    run = run_index(answers, load_framework("destination-attractiveness"))
    s = run.scores
    return s[s["year"] == year]


@pytest.mark.parametrize("lang", ["en", "ru"])
def test_page_ranks_destinations_with_areas_side_by_side(client, destinations_demo, lang):
    from migdex.web.explorer import services

    response = client.get(f"/{lang}/destinations/?origin=UZB&year=2019")
    assert response.status_code == 200
    html = response.content.decode()
    text = _text(html)
    banner = "SYNTHETIC DATA — not real figures" if lang == "en" else "СИНТЕТИЧЕСКИЕ ДАННЫЕ"
    assert banner in text and 'data-synthetic="1"' in html
    assert "MIPEX" not in text
    heading = {"en": "Destinations seen from Uzbekistan", "ru": "происхождения Узбекистан"}
    assert heading[lang] in text
    expected = _expected(2019)
    overall = expected[expected["level"] == "overall"].sort_values("score", ascending=False)
    with __import__("django").utils.translation.override(lang):
        names = services.country_names()
    table = _table(html, 'data-for-chart="destination-areas"')
    assert [row[1] for row in table[1:]] == [names[c] for c in overall["iso3"]]
    assert len(table[0]) == 2 + 1 + 6  # rank, destination, overall and the six areas
    first = overall.iloc[0]
    assert table[1][2] == services.shown(first["score"])
    areas = expected[(expected["level"] == "area") & (expected["iso3"] == first["iso3"])]
    assert table[1][3:] == [services.shown(v) for v in areas["score"]]
    grid = _spec(html, "destination-areas")
    assert {d["label"] for d in grid["datasets"][grid["data"]["name"]]} == set(
        table_names := [row[1] for row in table[1:]]
    )
    assert len(table_names) == 12
    assert 'data-csv="destination-areas"' in html and 'data-csv="destination-indicators"' in html


def test_page_shows_rank_intervals_from_the_sensitivity_runs(client, destinations_demo):
    from migdex.web.explorer import analysis

    summary = analysis.sensitivity(destinations_demo, 2019).summary.set_index("iso3")
    html = client.get("/en/destinations/?dataset=destination-example-uzb&year=2019").content
    rows = _table(html.decode(), 'data-for-chart="destination-ranks"')[1:]
    assert len(rows) == 12
    tur = next(r for r in rows if r[0] == "Turkey")
    s = summary.loc["TUR"]
    assert tur[1] == f"{int(s.nominal_rank)} ({int(s.rank_p05)}–{int(s.rank_p95)})"
    assert s.rank_p05 <= s.nominal_rank <= s.rank_p95


def test_indicators_show_raw_value_normalised_score_direction_and_normalisation(
    client, destinations_demo
):
    from importlib import resources

    from migdex.index.framework import load_framework
    from migdex.index.normalise import normalise_values

    fw = load_framework("destination-attractiveness")
    with resources.as_file(resources.files("migdex") / "data" / "destination_example.csv") as p:
        answers = pd.read_csv(p, dtype={"option": "string"})
    cost = answers[answers["indicator"] == "remittance_cost"].reset_index(drop=True)
    scores = normalise_values(cost["value"].to_numpy(), fw.indicators["remittance_cost"])
    i = cost.index[(cost["iso3"] == "KOR") & (cost["year"] == 2018)][0]
    html = client.get("/en/destinations/?origin=uzb&year=2018").content.decode()
    table = _table(html, 'data-indicator="remittance_cost"')
    assert (
        "lower is better"
        in html.split('data-indicator="remittance_cost"')[1].split("</caption>")[0]
    )
    assert (
        "min-max, bounds 0–15"
        in html.split('data-indicator="remittance_cost"')[1].split("</caption>")[0]
    )
    korea = next(r for r in table if r and r[0] == "South Korea")
    assert korea[1] == f"{cost.loc[i, 'value']:g} % of the amount"
    assert korea[2] == f"{round(scores[i]):g}"
    regime = _table(html, 'data-indicator="entry_regime"')
    assert any(r[1].startswith(("a — Visa-free", "b — Visa", "c — Work visa")) for r in regime[1:])


@pytest.mark.parametrize(
    ("query", "status", "parameter"),
    [
        ("origin=TJK", 400, "origin"),
        ("dataset=synthetic-demo", 400, "dataset"),
        ("dataset=nope", 400, "dataset"),
        ("origin=UZB&year=1990", 400, "year"),
        ("origin=UZB&year=soon", 400, "year"),
    ],
)
def test_bad_choices_are_400_naming_the_parameter(
    client, destinations_demo, query, status, parameter
):
    response = client.get(f"/en/destinations/?{query}")
    assert response.status_code == status
    assert f'data-parameter="{parameter}"' in response.content.decode()


def test_without_a_destination_dataset_the_page_is_404(client, demo):
    from migdex.web.explorer.models import Dataset

    Dataset.objects.filter(slug="destination-example-uzb").delete()
    assert client.get("/en/destinations/").status_code == 404


@pytest.mark.parametrize(
    "path",
    [
        "/{lang}/?dataset=destination-example-uzb",
        "/{lang}/country/TUR/?dataset=destination-example-uzb",
        "/{lang}/area/income_gap/?dataset=destination-example-uzb",
        "/{lang}/compare/?dataset=destination-example-uzb&c=TUR&c=DEU",
        "/{lang}/downloads/?dataset=destination-example-uzb",
        "/{lang}/sensitivity/?dataset=destination-example-uzb",
    ],
)
def test_generic_pages_work_on_a_destination_dataset(client, destinations_demo, path):
    for lang in ("en", "ru"):
        response = client.get(path.format(lang=lang))
        assert response.status_code == 200, path


TINY_FRAMEWORK = """
schema_version: 1
name: tiny-numeric
version: '1'
edition: test
series: tiny
reconstruction: false
title: {en: Tiny numeric framework, ru: Крошечная структура}
languages: [en, ru]
aggregation: {missing_rule: renormalise}
areas:
  - code: pay
    title: {en: Pay and costs, ru: Оплата и расходы}
    indicators:
      - code: net_pay
        kind: numeric
        title: {en: Net monthly pay, ru: Чистая месячная оплата}
        unit: {en: EUR, ru: евро}
        direction: higher_is_better
        bounds: [0, 2000]
  - code: safety
    title: {en: Safety at work, ru: Безопасность на работе}
    indicators:
      - code: injuries
        kind: numeric
        title: {en: 'Injuries per 1,000 workers', ru: 'Травм на 1000 работников'}
        direction: lower_is_better
        normalisation: zscore
"""


def test_page_and_command_work_for_any_framework_with_numeric_indicators(client, demo, tmp_path):
    """No framework is named in the page code: a made-up framework shows its own texts."""
    from django.core.management import call_command

    fw = tmp_path / "tiny.yaml"
    fw.write_text(TINY_FRAMEWORK, encoding="utf-8")
    answers = tmp_path / "tjk.csv"
    pd.DataFrame(
        {
            "iso3": ["RUS", "RUS", "TUR", "TUR", "DEU", "DEU"],
            "year": 2020,
            "indicator": ["net_pay", "injuries"] * 3,
            "value": [600, 9.0, 500, 12.0, 1800, 3.0],
        }
    ).to_csv(answers, index=False)
    call_command(
        "load_destinations", str(answers), "--origin", "tjk", "--dataset", "tjk-test",
        "--framework", str(fw), "--title", "From Tajikistan (test)",
        "--origin-name", "Tajikistan", "--origin-name-ru", "Таджикистан",
    )  # fmt: skip
    html = client.get("/en/destinations/?origin=TJK").content.decode()
    # (the dataset selector still lists the synthetic example by its title: no banner, though)
    assert "SYNTHETIC DATA" not in _text(html) and 'data-synthetic="1"' not in html
    rows = _table(html, 'data-for-chart="destination-areas"')
    assert rows[0][3:] == ["Pay and costs", "Safety at work"]
    assert [r[1] for r in rows[1:]] == ["Germany", "Russia", "Turkey"]
    pay = _table(html, 'data-indicator="net_pay"')
    assert ["Germany", "1800 EUR", "90"] in pay
    caption = html.split('data-indicator="injuries"')[1].split("</caption>")[0]
    assert "lower is better" in caption and "z-score" in caption
    assert "Destinations seen from Tajikistan" in html
    ru = client.get("/ru/destinations/?dataset=tjk-test").content.decode()
    assert "Безопасность на работе" in ru and "1800 евро" in ru and "Таджикистан" in ru


@pytest.mark.browser
@pytest.mark.usefixtures("allow_django_in_playwright_loop")
def test_browser_draws_the_russian_charts_and_indicator_tables(
    page, live_server, destinations_demo
):
    from pathlib import Path

    page.goto(f"{live_server.url}/ru/destinations/?origin=UZB&year=2019")
    for chart in ("destination-areas", "destination-ranks"):
        page.wait_for_selector(
            f"[data-chart-spec='spec-{chart}'][data-rendered='1'] svg", timeout=30000
        )
    svg = page.locator("[data-chart-spec='spec-destination-areas'] svg.marks").text_content()
    assert "Общий балл" in svg and "Score" not in svg
    assert page.locator(".synthetic-banner").is_visible()
    page.click("details[data-area='1'] summary")
    assert page.locator("table[data-indicator='wage_ratio'] tbody tr").count() == 12
    artifacts = Path(__file__).resolve().parents[2] / "test-artifacts" / "browser"
    artifacts.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(artifacts / "destinations-ru.png"), full_page=True)


def test_a_year_with_one_destination_is_400_not_a_crash(client, demo):
    from migdex.web.explorer.destinations import load_destination_answers

    one = pd.DataFrame(
        {"iso3": ["RUS", "RUS", "TUR"], "year": [2020, 2021, 2020], "indicator": "wage_ratio"}
    ).assign(value=[3.0, 3.5, 2.0])
    load_destination_answers(
        one, slug="kgz", framework="destination-attractiveness", origin="KGZ", title_en="KGZ"
    )
    assert client.get("/en/destinations/?origin=KGZ&year=2020").status_code == 200
    response = client.get("/en/destinations/?origin=KGZ&year=2021")
    assert response.status_code == 400
    assert "fewer than 2 countries" in response.content.decode()
