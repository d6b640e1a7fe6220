"""Home page: every country ranked for one dataset and year, with means, bands and a chart."""

from __future__ import annotations

import re

import pytest


@pytest.mark.parametrize("lang", ["en", "ru"])
def test_home_ranks_every_country_with_means_and_chart(client, demo, lang):
    response = client.get(f"/{lang}/?dataset=synthetic-demo&year=2019")
    assert response.status_code == 200
    html = response.content.decode()
    assert html.count('<tr data-iso3="') == 11
    assert 'data-mean="ALL"' in html and 'data-mean="EU28"' in html
    assert 'data-chart-spec="spec-ranking"' in html and 'id="spec-ranking"' in html
    assert 'data-for-chart="ranking"' in html  # the data table behind the chart
    assert "data:text/csv" in html
    assert 'class="synthetic-banner"' in html
    assert re.search(r'<script src="/assets/vega-[^"]+\.js">', html)


def test_home_default_is_latest_year_of_first_dataset(client, demo):
    html = client.get("/en/").content.decode()
    assert "All countries ranked, 2019" in html


def test_root_redirects_to_a_language(client, demo):
    response = client.get("/", HTTP_ACCEPT_LANGUAGE="ru")
    assert response.status_code == 302
    assert response["Location"] == "/ru/"


def test_published_series_has_no_synthetic_banner(client, demo):
    html = client.get("/en/?dataset=published-core&year=2019").content.decode()
    assert 'class="synthetic-banner"' not in html
    assert "Sweden" in html and "Russia" in html
    assert "Series are never mixed" in html


@pytest.mark.parametrize(
    ("query", "parameter"),
    [("year=abc", "year"), ("year=1900", "year"), ("dataset=nope", "dataset")],
)
def test_bad_parameters_give_400_naming_them(client, demo, query, parameter):
    response = client.get(f"/en/?{query}")
    assert response.status_code == 400
    assert f'data-parameter="{parameter}"' in response.content.decode()


def test_pages_carry_etag_and_last_modified_and_answer_304(client, demo):
    first = client.get("/en/?year=2019")
    assert first.has_header("ETag") and first.has_header("Last-Modified")
    again = client.get("/en/?year=2019", HTTP_IF_NONE_MATCH=first["ETag"])
    assert again.status_code == 304


def test_vega_bundle_is_served_locally(client, demo):
    from migdex.web.explorer.assets import vega_version

    response = client.get(f"/assets/vega-{vega_version()}.js")
    assert response.status_code == 200
    assert b"vegaEmbed" in response.content
    assert "immutable" in response["Cache-Control"]
