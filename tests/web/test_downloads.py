"""Downloads: every export format for the current selection, labelled synthetic when it is."""

from __future__ import annotations

import io
import json
import zipfile

import pandas as pd
import pytest

from migdex.index.exports import FORMATS
from migdex.index.synthetic import SYNTHETIC_LABEL


@pytest.mark.parametrize("lang", ["en", "ru"])
def test_downloads_page_links_every_format(client, demo, lang):
    html = client.get(f"/{lang}/downloads/?dataset=synthetic-demo&c=RUS&year=2019").content.decode()
    for fmt in FORMATS:
        assert f'data-format="{fmt}"' in html
    assert "c=RUS" in html and "year=2019" in html


@pytest.mark.parametrize("fmt", FORMATS)
def test_every_format_downloads_the_selection(client, demo, fmt, tmp_path):
    url = f"/en/downloads/file/?dataset=synthetic-demo&c=RUS&year=2019&format={fmt}"
    response = client.get(url)
    assert response.status_code == 200
    assert "attachment" in response["Content-Disposition"]
    body = response.content
    if fmt == "csv":
        frame = pd.read_csv(io.BytesIO(body))
    elif fmt == "xlsx":
        frame = pd.read_excel(io.BytesIO(body), sheet_name="data")
        about = pd.read_excel(io.BytesIO(body), sheet_name="about")
        assert (about["value"].astype(str) == "True").any()  # synthetic: true
    elif fmt in ("dta", "sav"):
        path = tmp_path / f"x.{fmt}"
        path.write_bytes(body)
        frame = pd.read_stata(path) if fmt == "dta" else pd.read_spss(path)
    else:
        with zipfile.ZipFile(io.BytesIO(body)) as zf:
            names = zf.namelist()
            package = json.loads(zf.read(next(n for n in names if n.endswith("datapackage.json"))))
            frame = pd.read_csv(zf.open(next(n for n in names if n.endswith("data.csv"))))
        assert package["migdex"]["synthetic"] is True
    assert set(frame["iso3"]) == {"RUS"}
    assert set(frame["year"]) == {2019}
    if fmt in ("csv", "xlsx", "datapackage"):
        assert set(frame["dataset"]) == {SYNTHETIC_LABEL}


def test_wide_shape_one_row_per_country_year(client, demo):
    url = "/en/downloads/file/?dataset=synthetic-demo&year=2019&shape=wide&format=csv"
    frame = pd.read_csv(io.BytesIO(client.get(url).content))
    assert len(frame) == 11
    assert {"overall", "health", "labour_market"} <= set(frame.columns)


def test_published_export_keeps_sources(client, demo):
    url = "/en/downloads/file/?dataset=published-full&c=RUS&format=csv"
    frame = pd.read_csv(io.BytesIO(client.get(url).content))
    assert "source" in frame.columns and "dataset" not in frame.columns
    assert frame["source"].str.contains("seed slides").all()


@pytest.mark.parametrize(
    "query", ["format=pdf", "shape=round", "level=planet", "c=XXX", "year=abc"]
)
def test_bad_download_parameters_are_400(client, demo, query):
    response = client.get(f"/en/downloads/file/?dataset=synthetic-demo&{query}")
    assert response.status_code == 400
