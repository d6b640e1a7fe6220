"""Area page: every country on one area, with the indicators of that area."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize("lang", ["en", "ru"])
def test_area_page_ranks_countries_and_lists_indicators(client, demo, lang):
    response = client.get(f"/{lang}/area/health/?dataset=synthetic-demo&year=2019")
    assert response.status_code == 200
    html = response.content.decode()
    assert 'data-for-chart="area-ranking"' in html
    assert html.count("<tr>") > 10  # indicator rows


def test_unknown_area_is_404(client, demo):
    assert client.get("/en/area/nonsense/").status_code == 404


def test_area_without_scores_in_published_core(client, demo):
    response = client.get("/en/area/health/?dataset=published-core&year=2019")
    assert response.status_code == 200
    assert "no scores for this area" in response.content.decode()
