"""The mobility page: monthly long-term flows and person categories of synthetic crossings."""

from __future__ import annotations

import re

import pytest


def _text(html: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


@pytest.mark.parametrize("lang", ["en", "ru"])
def test_mobility_page_renders_charts_tables_and_label(client, db, lang):
    response = client.get(f"/{lang}/mobility/")
    assert response.status_code == 200
    html = response.content.decode()
    text = _text(html)
    assert f'<html lang="{lang}">' in html
    label = "SYNTHETIC DATA — not real border crossings" if lang == "en" else "СИНТЕТИЧЕСКИЕ"
    assert label in text
    for chart in ("mobility-monthly", "mobility-categories"):
        assert f'id="spec-{chart}"' in html
        assert f'data-for-chart="{chart}"' in html
        assert f'data-csv="{chart}"' in html
    if lang == "ru":
        assert "Долгосрочные прибытия" in text and "Приезжие на короткий срок" in text
    else:
        assert "Long-term arrivals" in text and "Frontier commuters" in text


def test_mobility_numbers_come_from_the_library(client, db):
    from migdex.web.explorer import analysis

    data = analysis.mobility()
    assert 3000 <= data["n_crossings"] <= 6000
    periods = data["periods"]
    assert (
        periods["net_migration"] == periods["long_term_arrivals"] - periods["long_term_departures"]
    ).all()
    assert set(data["categories"]["category"]) >= {"visitor", "long_term_migrant", "resident"}
    html = client.get("/en/mobility/").content.decode()
    table = html.split('data-for-chart="mobility-monthly"')[1].split("</table>")[0]
    assert table.count("<tr>") == 1 + len(periods)
    first = periods.iloc[0]
    assert f"<td>{first['period']}</td>" in table


def test_synthetic_crossings_are_seeded():
    from migdex.web.explorer.analysis import synthetic_crossings

    a, _ = synthetic_crossings()
    b, _ = synthetic_crossings()
    assert a.equals(b)
