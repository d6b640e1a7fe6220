"""Exports in the formats researchers use: CSV, XLSX, Stata, SPSS and a Frictionless data package.

Every export carries the same metadata (what the data is, its framework,
whether it is synthetic, its sources): as an ``about`` sheet in XLSX, as file
and variable labels in Stata/SPSS, as package properties in
``datapackage.json``, and for CSV in a ``.meta.json`` sidecar. Text columns
with few distinct values (level, series, approach, band) become labelled
integer codes in Stata and SPSS, as those tools expect. Files are written
atomically: a failure leaves nothing at the target.
"""

from __future__ import annotations

import json
import os
import shutil
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pandas as pd

from migdex.errors import InputError
from migdex.io import atomic_directory, atomic_output

FORMATS = ("csv", "xlsx", "dta", "sav", "datapackage")
CATEGORICAL = ("level", "series", "edition", "approach", "group", "band", "dataset")

VARIABLE_LABELS: dict[str, str] = {
    "iso3": "Country (ISO 3166-1 alpha-3)",
    "country": "Country name",
    "year": "Year the policies refer to",
    "level": "Aggregation level (indicator, dimension, area, overall, approach dimension)",
    "code": "Code of the indicator, dimension, area or overall score",
    "score": "Score 0-100 (full precision)",
    "coverage": "Share of indicators beneath this score that were answered (0-1)",
    "n_scored": "Number of indicators answered beneath this score",
    "n_indicators": "Number of indicators beneath this score",
    "overall": "Overall score 0-100",
    "overall_without_health": "Overall score without the health area 0-100",
    "edition": "Index edition",
    "series": "Series (never mix series in one ranking)",
    "approach": "Approach to integration",
    "group": "Approach group",
    "band": "Verbal band of the score",
    "dataset": "What the data is (SYNTHETIC rows are not real)",
    "source": "Source of the published figure",
}


class ExportError(InputError):
    """An export was asked in an unknown format or to an unusable path."""


@dataclass(frozen=True)
class ExportMetadata:
    """What travels with every export."""

    title: str
    description: str = ""
    framework: str = ""
    is_synthetic: bool = False
    sources: tuple[str, ...] = ()
    extra: Mapping[str, Any] = field(default_factory=dict)

    def as_dict(self) -> dict[str, Any]:
        return {
            "title": self.title,
            "description": self.description,
            "framework": self.framework,
            "synthetic": self.is_synthetic,
            "sources": list(self.sources),
            **dict(self.extra),
        }

    @property
    def label(self) -> str:
        return ("SYNTHETIC DATA - " if self.is_synthetic else "") + self.title


def export_table(
    frame: pd.DataFrame,
    path: str | os.PathLike[str],
    *,
    fmt: str,
    metadata: ExportMetadata,
    labels: Mapping[str, str] | None = None,
) -> Path:
    """Write ``frame`` to ``path`` in ``fmt``; return the path written.

    For ``datapackage`` the path is a directory holding ``datapackage.json``
    and the data as CSV.
    """
    if fmt not in FORMATS:
        raise ExportError(f"unknown export format {fmt!r}; choose one of {', '.join(FORMATS)}")
    labels = {**VARIABLE_LABELS, **dict(labels or {})}
    writer = {
        "csv": _write_csv,
        "xlsx": _write_xlsx,
        "dta": _write_dta,
        "sav": _write_sav,
        "datapackage": _write_datapackage,
    }[fmt]
    path = Path(path)
    writer(frame.reset_index(drop=True), path, metadata, labels)
    return path


def _write_csv(frame, path: Path, metadata: ExportMetadata, labels) -> None:
    sidecar = path.with_name(path.name + ".meta.json")
    meta = {**metadata.as_dict(), "columns": {c: labels.get(c, c) for c in frame.columns}}
    with atomic_output(path) as tmp, atomic_output(sidecar) as tmp_meta:
        frame.to_csv(tmp, index=False)
        tmp_meta.write_text(json.dumps(meta, indent=2, ensure_ascii=False), encoding="utf-8")


def _write_xlsx(frame, path: Path, metadata: ExportMetadata, labels) -> None:
    about = pd.DataFrame(
        [
            (k, json.dumps(v, ensure_ascii=False) if isinstance(v, list | dict) else v)
            for k, v in metadata.as_dict().items()
        ]
        + [(f"column {c}", labels.get(c, "")) for c in frame.columns],
        columns=["key", "value"],
    )
    with atomic_output(path) as tmp, pd.ExcelWriter(tmp, engine="openpyxl") as xl:
        frame.to_excel(xl, sheet_name="data", index=False)
        about.to_excel(xl, sheet_name="about", index=False)


def coded(frame: pd.DataFrame) -> tuple[pd.DataFrame, dict[str, dict[int | float, str]]]:
    """Replace categorical text columns by 1-based integer codes; return their value labels.

    The labels' type is pyreadstat's ``variable_value_labels`` (a dict, so invariant).
    """
    out = frame.copy()
    value_labels: dict[str, dict[int | float, str]] = {}
    for col in CATEGORICAL:
        if col in out.columns and not pd.api.types.is_numeric_dtype(out[col]):
            cats = sorted(out[col].dropna().astype(str).unique())
            mapping = {c: i for i, c in enumerate(cats, start=1)}
            out[col] = out[col].map(lambda v, m=mapping: m.get(str(v)) if pd.notna(v) else None)
            out[col] = out[col].astype("float64")
            value_labels[col] = {i: c for c, i in mapping.items()}
    for col in out.columns:
        if pd.api.types.is_bool_dtype(out[col]):
            out[col] = out[col].astype("int64")
        elif pd.api.types.is_string_dtype(out[col]):
            out[col] = out[col].astype(object).where(out[col].notna(), "")
    return out, value_labels


def _stats_labels(frame, labels) -> dict[str, str | None]:
    """Column labels typed as pyreadstat's ``column_labels`` (a dict, so invariant)."""
    return {c: labels.get(c, c)[:80] for c in frame.columns}


def _write_dta(frame, path: Path, metadata: ExportMetadata, labels) -> None:
    import pyreadstat

    data, value_labels = coded(frame)
    with atomic_output(path) as tmp:
        pyreadstat.write_dta(
            data,
            tmp,
            file_label=metadata.label[:80],
            column_labels=_stats_labels(frame, labels),
            variable_value_labels=value_labels,
        )


def _write_sav(frame, path: Path, metadata: ExportMetadata, labels) -> None:
    import pyreadstat

    data, value_labels = coded(frame)
    note = [_clip_bytes(f"{k}: {v}", 80) for k, v in metadata.as_dict().items()]
    with atomic_output(path) as tmp:
        pyreadstat.write_sav(
            data,
            tmp,
            file_label=metadata.label[:64],
            column_labels=_stats_labels(frame, labels),
            variable_value_labels=value_labels,
            note=note,
        )


def _clip_bytes(text: str, limit: int) -> str:
    """Cut ``text`` to at most ``limit`` UTF-8 bytes without splitting a character (SPSS notes)."""
    return text.encode("utf-8")[:limit].decode("utf-8", errors="ignore")


def _field_type(series: pd.Series) -> str:
    if pd.api.types.is_bool_dtype(series):
        return "boolean"
    if pd.api.types.is_integer_dtype(series):
        return "integer"
    if pd.api.types.is_numeric_dtype(series):
        return "number"
    return "string"


def _write_datapackage(frame, path: Path, metadata: ExportMetadata, labels) -> None:
    from frictionless import Package, Resource, Schema, fields

    kinds = {
        "integer": fields.IntegerField,
        "number": fields.NumberField,
        "boolean": fields.BooleanField,
        "string": fields.StringField,
    }
    schema = Schema(
        fields=[
            kinds[_field_type(frame[c])](name=c, description=labels.get(c, ""))
            for c in frame.columns
        ]
    )
    if path.suffix == ".json":
        raise ExportError(f"{path}: a data package is a directory; give a directory path")
    with atomic_directory(path) as tmp:
        frame.to_csv(tmp / "data.csv", index=False)
        resource = Resource(path="data.csv", name="data", schema=schema)
        package = Package(
            name=_slug(metadata.title),
            title=metadata.label,
            description=metadata.description,
            resources=[resource],
        )
        package.custom.update({"migdex": metadata.as_dict()})
        package.to_json(str(tmp / "datapackage.json"))


def _slug(text: str) -> str:
    import re

    return re.sub(r"[^a-z0-9._-]+", "-", text.lower()).strip("-") or "data"


def copy_framework(framework_path: str, out_dir: Path) -> None:
    """Keep the framework file next to an output so the run can be replayed."""
    shutil.copyfile(framework_path, out_dir / "framework.yaml")
