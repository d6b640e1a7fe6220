"""Attractiveness figures: computed once per file, in [0, 100], independent of row order."""

from __future__ import annotations

import tempfile
from pathlib import Path

import pandas as pd
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from migdex.web.portal import attractiveness
from migdex.web.portal.attractiveness import ORIGIN_FILES, _computed, attractiveness_for

EXAMPLE = pd.read_csv(ORIGIN_FILES["UZB"], dtype=str, keep_default_na=False)


def _figures_of(frame: pd.DataFrame) -> dict:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "answers.csv"
        frame.to_csv(path, index=False)
        table = _computed(str(path), path.stat().st_mtime, "UZB")
    return {
        (iso3, code): (round(f.score, 9), f.year)
        for iso3, figures in table.figures.items()
        for code, f in figures.items()
    }


def test_every_destination_has_all_areas_in_range_and_labelled():
    table = attractiveness_for("uzb")
    assert table.is_synthetic and "SYNTHETIC" in table.label
    assert len(table.figures) == 12
    for figures in table.figures.values():
        assert set(figures) == {*table.area_codes, "overall"}
        for figure in figures.values():
            assert 0 <= figure.score <= 100 and figure.year == 2019 and figure.is_synthetic


def test_the_run_is_cached_per_file_version():
    assert attractiveness_for("UZB") is attractiveness_for("UZB")


def test_unknown_origin_has_no_table():
    assert attractiveness_for("TJK") is None


def test_sources_in_the_file_are_shown_per_area(tmp_path, monkeypatch):
    frame = EXAMPLE.assign(source="")
    frame.loc[(frame.iso3 == "RUS") & (frame.indicator == "wage_ratio"), "source"] = "LFS 2019"
    path = tmp_path / "uzb.csv"
    frame.to_csv(path, index=False)
    monkeypatch.setitem(attractiveness.ORIGIN_FILES, "UZB", path)
    table = attractiveness_for("UZB")
    assert table.of("RUS")["income_gap"].source == "LFS 2019"
    assert table.of("RUS")["legal_employment"].source == "uzb.csv"  # no source given: the file


@settings(max_examples=8, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.randoms(use_true_random=False))
def test_row_order_changes_nothing(rnd):
    order = list(range(len(EXAMPLE)))
    rnd.shuffle(order)
    assert _figures_of(EXAMPLE.iloc[order]) == _figures_of(EXAMPLE)
