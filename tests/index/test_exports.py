"""Every export format round-trips: same values back, labels and synthetic flag kept."""

from __future__ import annotations

import json

import pandas as pd
import pyreadstat
import pytest

from migdex.index.exports import ExportError, ExportMetadata, export_table

FRAME = pd.DataFrame(
    {
        "iso3": ["RUS", "RUS", "SWE"],
        "year": [2019, 2019, 2019],
        "level": ["overall", "area", "overall"],
        "code": ["overall", "health", "overall"],
        "score": [31.375, 23.0, 86.25],
        "coverage": [1.0, 0.5, 1.0],
        "dataset": "SYNTHETIC demo data",
    }
)
META = ExportMetadata(title="test scores", framework="test", is_synthetic=True)


def test_csv_round_trip_with_metadata_sidecar(tmp_path):
    path = export_table(FRAME, tmp_path / "s.csv", fmt="csv", metadata=META)
    back = pd.read_csv(path)
    pd.testing.assert_frame_equal(back, FRAME, check_dtype=False)
    meta = json.loads((tmp_path / "s.csv.meta.json").read_text())
    assert meta["synthetic"] is True and meta["columns"]["score"].startswith("Score 0-100")


def test_xlsx_round_trip_has_about_sheet(tmp_path):
    path = export_table(FRAME, tmp_path / "s.xlsx", fmt="xlsx", metadata=META)
    back = pd.read_excel(path, sheet_name="data")
    pd.testing.assert_frame_equal(back, FRAME, check_dtype=False)
    about = pd.read_excel(path, sheet_name="about").set_index("key")["value"]
    assert bool(about["synthetic"]) is True


@pytest.mark.parametrize("fmt", ["dta", "sav"])
def test_stata_and_spss_keep_values_and_labels(tmp_path, fmt):
    path = export_table(FRAME, tmp_path / f"s.{fmt}", fmt=fmt, metadata=META)
    reader = pyreadstat.read_dta if fmt == "dta" else pyreadstat.read_sav
    back, meta = reader(str(path), apply_value_formats=True)
    assert back["level"].tolist() == FRAME["level"].tolist()
    assert back["score"].tolist() == FRAME["score"].tolist()
    assert back["iso3"].tolist() == FRAME["iso3"].tolist()
    labels = dict(zip(meta.column_names, meta.column_labels))
    assert labels["coverage"].startswith("Share of indicators")
    assert meta.file_label.startswith("SYNTHETIC DATA")


def test_datapackage_validates_and_round_trips(tmp_path):
    from frictionless import Package

    path = export_table(FRAME, tmp_path / "pkg", fmt="datapackage", metadata=META)
    package = Package(str(path / "datapackage.json"))
    report = package.validate()
    assert report.valid, report.flatten(["type", "message"])
    fields = {f.name: f.type for f in package.resources[0].schema.fields}
    assert fields["score"] == "number" and fields["year"] == "integer"
    assert package.custom["migdex"]["synthetic"] is True
    back = pd.read_csv(path / "data.csv")
    pd.testing.assert_frame_equal(back, FRAME, check_dtype=False)


def test_unknown_format_leaves_nothing(tmp_path):
    with pytest.raises(ExportError, match="unknown export format 'rds'"):
        export_table(FRAME, tmp_path / "s.rds", fmt="rds", metadata=META)
    assert list(tmp_path.iterdir()) == []


def test_spss_note_with_non_ascii_metadata(tmp_path):
    meta = ExportMetadata(title="Оценки MIPEX — 56 стран × 13 лет " * 3, is_synthetic=True)
    path = export_table(FRAME, tmp_path / "s.sav", fmt="sav", metadata=meta)
    back, _ = pyreadstat.read_sav(str(path))
    assert len(back) == len(FRAME)
