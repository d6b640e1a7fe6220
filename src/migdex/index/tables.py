"""Reading score tables in either shape: tidy (``level, code, score``) or wide (published style)."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pandas as pd

from migdex.index.synthetic import is_synthetic
from migdex.io import read_table, require_columns

ID_COLUMNS = ["edition", "series", "country", "iso3", "year", "source", "dataset"]


def load_scores(path: str | os.PathLike[str]) -> tuple[pd.DataFrame, bool]:
    """Load scores from a ``compute`` output directory, a tidy file or a wide file.

    Returns the tidy frame and whether the data is synthetic.
    """
    path = Path(path)
    synthetic = False
    if path.is_dir():
        meta = path / "run.json"
        if meta.exists():
            synthetic = bool(json.loads(meta.read_text(encoding="utf-8")).get("synthetic"))
        path = path / "scores.csv"
    frame = read_table(path)
    require_columns(frame, ["iso3", "year"], source=path.name)
    tidy = frame if "level" in frame.columns else wide_to_tidy(frame)
    tidy = tidy.copy()
    tidy["iso3"] = tidy["iso3"].astype("string").str.upper()
    tidy["year"] = pd.to_numeric(tidy["year"], errors="raise").astype("int64")
    tidy["score"] = pd.to_numeric(tidy["score"], errors="coerce")
    return tidy, synthetic or is_synthetic(tidy)


def wide_to_tidy(frame: pd.DataFrame) -> pd.DataFrame:
    """Melt a wide table (``overall`` plus area columns) into the tidy shape."""
    ids = [c for c in ID_COLUMNS if c in frame.columns]
    value_cols = [c for c in frame.columns if c not in ids and c != "approach"]
    long = frame.melt(id_vars=ids, value_vars=value_cols, var_name="code", value_name="score")
    long["score"] = pd.to_numeric(long["score"], errors="coerce")
    long = long.dropna(subset=["score"])
    long["level"] = long["code"].map(lambda c: "overall" if c.startswith("overall") else "area")
    return long.reset_index(drop=True)
