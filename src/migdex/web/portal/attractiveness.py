"""Destination-attractiveness scores for one origin, computed once per answers file.

The scores come from :mod:`migdex.index` (framework ``destination-attractiveness``) run on a
per-origin answers file; a run is kept per process and keyed on the file's path and
modification time, so replacing the file is seen without a restart.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

import pandas as pd

from migdex.index.framework import Framework, load_framework
from migdex.index.pipeline import run_index
from migdex.io import read_table

FRAMEWORK = "destination-attractiveness"
# Origin (ISO3) → its answers file. The bundled one is SYNTHETIC (every row says so).
ORIGIN_FILES: dict[str, Path] = {
    "UZB": Path(str(resources.files("migdex.data") / "destination_example.csv")),
}


@dataclass(frozen=True)
class Figure:
    """One score with where it comes from and for which year."""

    score: float | None
    year: int
    source: str
    is_synthetic: bool


@dataclass(frozen=True)
class AttractivenessTable:
    """Area and overall scores per destination for one origin, latest year of each."""

    origin: str
    framework: Framework
    area_codes: list[str]
    label: str  # the synthetic label ("" for real data)
    figures: dict[str, dict[str, Figure]] = field(default_factory=dict)  # iso3 → code → figure

    @property
    def is_synthetic(self) -> bool:
        return bool(self.label)

    def of(self, iso3: str) -> dict[str, Figure]:
        """The destination's figures (empty when the file has none for it)."""
        return self.figures.get(iso3.upper(), {})


def attractiveness_for(origin: str) -> AttractivenessTable | None:
    """The table for ``origin``, or None when no answers file covers that origin."""
    path = ORIGIN_FILES.get(origin.upper())
    if path is None or not path.exists():
        return None
    return _computed(str(path), path.stat().st_mtime, origin.upper())


@functools.lru_cache(maxsize=8)
def _computed(path: str, mtime: float, origin: str) -> AttractivenessTable:
    """Score the file once per (path, mtime); ``mtime`` is only part of the key."""
    framework = load_framework(FRAMEWORK)
    answers = read_table(path)
    run = run_index(answers, framework, source=Path(path).name)
    sources = _sources(answers, framework)
    return AttractivenessTable(
        origin=origin,
        framework=framework,
        area_codes=list(framework.area_codes),
        label=run.dataset_label,
        figures=_figures(run.scores, sources, Path(path).name, run.is_synthetic),
    )


def _sources(answers: pd.DataFrame, framework: Framework) -> dict:
    """(iso3, year, area) → the distinct sources of that area's answers (if the file says)."""
    if "source" not in answers.columns:
        return {}
    area_of = {place.indicator.code: place.area for place in framework.places}
    frame = answers.assign(area=answers["indicator"].map(area_of))
    frame = frame[frame["source"].fillna("").astype(str).str.strip() != ""]
    out: dict = {}
    for (iso3, year, area), group in frame.groupby(["iso3", "year", "area"]):
        out[(iso3, int(year), area)] = "; ".join(sorted(set(group["source"].astype(str))))
    return out


def _figures(scores: pd.DataFrame, sources: dict, file_name: str, is_synthetic: bool) -> dict:
    """Latest year per destination; area and overall figures with their source (or file)."""
    kept = scores[scores["level"].isin(["area", "overall"])]
    out: dict[str, dict[str, Figure]] = {}
    for iso3, rows in kept.groupby("iso3"):
        year = int(rows["year"].max())
        latest = rows[rows["year"] == year]
        out[str(iso3)] = {
            str(r.code): Figure(
                score=None if pd.isna(r.score) else float(r.score),
                year=year,
                source=sources.get((iso3, year, r.code), file_name),
                is_synthetic=is_synthetic,
            )
            for r in latest.itertuples()
        }
    return out
