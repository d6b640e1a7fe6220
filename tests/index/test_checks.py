"""Consistency checks, with the bundled published figures as golden data."""

from __future__ import annotations

import pandas as pd
import pytest

from migdex.index.checks import check_scores, series_note
from migdex.index.published import AREA_COLUMNS, published_scores
from migdex.index.scoring import round_half_up


def test_bundled_file_flags_the_2017_russia_row_and_no_other_russia_row():
    table = published_scores()
    findings = check_scores(table, areas=AREA_COLUMNS)
    flagged = {(f.iso3, f.year, f.context) for f in findings if f.iso3 == "RUS"}
    assert flagged == {("RUS", 2017, "slides 2017/full")}
    rules = {f.rule for f in findings if f.iso3 == "RUS"}
    assert "overall_vs_areas" in rules
    msg = next(str(f) for f in findings if f.rule == "overall_vs_areas")
    assert "overall 40 but the mean of the 8 areas is 32.25" in msg


def test_2015_edition_overall_is_the_rounded_area_mean_except_japan():
    full = published_scores(edition="MIPEX 2015").dropna(subset=AREA_COLUMNS)
    mean = full[AREA_COLUMNS].astype(float).mean(axis=1)
    matches = round_half_up(mean.to_numpy()) == full["overall"].to_numpy(dtype=float)
    off = full.loc[~matches, "iso3"].tolist()
    assert off == ["JPN"]  # published 44, area mean 43.375: averaging happened before rounding
    assert set(full.loc[matches, "iso3"]) >= {"NOR", "DNK", "NLD", "CHE", "GRC", "TUR", "RUS"}


def test_japan_is_within_what_rounding_explains():
    findings = check_scores(published_scores(edition="MIPEX 2015"), areas=AREA_COLUMNS)
    assert not [f for f in findings if f.iso3 == "JPN"]


def base(**cols) -> pd.DataFrame:
    data = {
        "iso3": ["AAA", "AAA"],
        "year": [2018, 2019],
        "overall": [50, 52],
        "x": [50, 52],
        "y": [50, 52],
    }
    data.update(cols)
    return pd.DataFrame(data)


def test_out_of_range_duplicate_and_jump_rules():
    t = base(overall=[50, 70], x=[50, 101], y=[50, 39])
    t = pd.concat([t, t.iloc[[0]]], ignore_index=True)
    found = {(f.row, f.rule) for f in check_scores(t, areas=["x", "y"])}
    assert (3, "out_of_range") in found
    assert (4, "duplicate") in found
    assert (3, "jump") in found


def test_full_precision_areas_get_only_rounding_of_the_overall():
    t = base(overall=[50.0, 52.0], x=[49.2, 52.0], y=[49.2, 52.0])
    found = check_scores(t, areas=["x", "y"])
    assert [(f.row, f.rule) for f in found] == [(2, "overall_vs_areas")]


def test_missing_columns_are_named():
    from migdex.errors import MissingColumnError

    with pytest.raises(MissingColumnError, match=r"missing column.*health"):
        check_scores(base(), areas=["x", "health"])


def test_series_note_for_mixed_tables():
    assert "mixes 3 series" in series_note(published_scores())
    assert series_note(published_scores(series="core")) is None
