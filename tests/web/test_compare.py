"""Compare: 2–6 countries side by side."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize("lang", ["en", "ru"])
def test_compare_three_countries(client, demo, lang):
    response = client.get(f"/{lang}/compare/?dataset=synthetic-demo&year=2019&c=RUS&c=DEU&c=FIN")
    assert response.status_code == 200
    html = response.content.decode()
    assert 'data-level="overall"' in html and 'data-level="area"' in html
    assert 'data-level="dimension"' in html and 'data-level="approach_dimension"' in html
    assert 'data-for-chart="compare-areas"' in html and 'data-for-chart="compare-time"' in html


def test_compare_needs_two(client, demo):
    html = client.get("/en/compare/?c=RUS").content.decode()
    assert "Choose at least one more country" in html


def test_compare_at_most_six(client, demo):
    codes = "&".join(f"c={c}" for c in ["RUS", "SWE", "FIN", "DEU", "FRA", "POL", "TUR"])
    response = client.get(f"/en/compare/?{codes}")
    assert response.status_code == 400


def test_compare_unknown_country_is_400(client, demo):
    response = client.get("/en/compare/?c=RUS&c=XXX")
    assert response.status_code == 400
    assert 'data-parameter="c"' in response.content.decode()
