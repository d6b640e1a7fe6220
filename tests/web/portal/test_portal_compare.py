"""Compare destinations: attractiveness and index areas side by side, every figure sourced."""

from __future__ import annotations

import re

import pytest

from migdex.web.portal.attractiveness import attractiveness_for


def _cells(html: str, section: str, code: str) -> list[str]:
    body = html.split(f'id="{section}"')[1].split("</table>")[0]
    row = re.search(rf'<tr data-code="{code}">(.*?)</tr>', body, re.S).group(1)
    return [
        re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", c)).strip()
        for c in re.findall(r"<td>(.*?)</td>", row, re.S)
    ]


def test_two_destinations_side_by_side_with_year_source_and_synthetic_label(client, portal):
    html = client.get("/en/portal/compare/?origin=UZB&d=RUS&d=TUR").content.decode()
    table = attractiveness_for("UZB")
    for code in [*table.area_codes, "overall"]:
        cells = _cells(html, "attractiveness", code)
        expected = [table.of(iso3)[code] for iso3 in ("RUS", "TUR")]
        assert len(cells) == 2
        for cell, figure in zip(cells, expected):
            assert cell.startswith(str(int(figure.score + 0.5)))
            assert "2019 · destination_example.csv · synthetic" in cell
    assert "SYNTHETIC — invented figures, not real data:" in html
    assert "SYNTHETIC example (migdex generator) - not real data" in html


def test_index_areas_side_by_side_say_which_dataset(client, portal):
    html = client.get("/en/portal/compare/?d=RUS&d=TUR").content.decode()
    # Published MIPEX 2015 full series: Russia 2017 labour market 40; Turkey 2014 15.
    assert _cells(html, "index-areas", "labour_market") == [
        "40 slightly unfavourable",
        "15 unfavourable",
    ]
    sources = html.split('class="p-sources"')[1].split("</tr>")[0]
    assert "2017" in sources and "2014" in sources


def test_a_destination_missing_from_the_data_shows_no_data(client, portal):
    html = client.get("/en/portal/compare/?d=KAZ&d=RUS").content.decode()
    assert _cells(html, "attractiveness", "income_gap")[0] == "no data"
    assert "The index has no scores for this country yet." in html


def test_an_origin_without_figures_says_so(client, portal):
    html = client.get("/en/portal/compare/?origin=TJK&d=RUS&d=TUR").content.decode()
    assert "No destination-attractiveness figures for citizens of Tajikistan yet." in html
    assert 'id="index-areas"' in html  # the rights still compare


def test_one_destination_asks_for_another(client, portal):
    html = client.get("/en/portal/compare/?d=RUS").content.decode()
    assert "Choose at least two destinations to compare." in html
    assert 'id="attractiveness"' not in html
    assert 'value="RUS" checked' in html


@pytest.mark.parametrize(
    "query, message",
    [
        ("d=RUS&d=XXX", "destination XXX is not known; known: RUS, KAZ, TUR, KOR, DEU"),
        ("d=RUS&d=TUR&d=KOR&d=DEU&d=KAZ", "choose at most 4 destinations, not 5"),
        ("origin=FRA&d=RUS&d=TUR", "origin &#x27;FRA&#x27; is not known"),
    ],
)
def test_bad_choices_are_a_400_naming_the_problem(client, portal, query, message):
    response = client.get(f"/en/portal/compare/?{query}")
    assert response.status_code == 400
    assert message in response.content.decode()


def test_duplicates_and_case_are_forgiven(client, portal):
    html = client.get("/en/portal/compare/?d=rus&d=RUS&d=tur").content.decode()
    assert len(_cells(html, "attractiveness", "overall")) == 2


def test_area_titles_in_uzbek_fall_back_to_english_marked(client, portal):
    html = client.get("/uz/portal/compare/?d=RUS&d=TUR").content.decode()
    row = html.split('<tr data-code="income_gap">')[1].split("</th>")[0]
    assert "Income gap with the origin country" in row and 'lang="en"' in row
    section = html.split('id="attractiveness"')[1].split("<table")[0]
    assert 'data-mark="fallback"' in section


def test_area_titles_in_russian_come_from_the_framework(client, portal):
    html = client.get("/ru/portal/compare/?d=RUS&d=TUR").content.decode()
    row = html.split('<tr data-code="income_gap">')[1].split("</th>")[0]
    assert "Разрыв в доходах со страной происхождения" in row and "lang=" not in row
    section = html.split('id="attractiveness"')[1].split("<table")[0]
    assert "data-mark" not in section
