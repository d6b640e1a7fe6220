"""Consistency checks on wide score tables (computed, imported or published).

Input: one row per country-year with ``iso3, year, overall`` and area
columns (extra columns such as ``edition``, ``series``, ``source`` are kept).
Each finding names the row, the rule and the numbers. Rules:

- ``overall_vs_areas``: the overall differs from the mean of the areas by more
  than rounding can explain (0.5 for a whole-number overall, plus 0.5 when the
  areas are whole numbers too);
- ``out_of_range``: a score outside 0–100;
- ``duplicate``: the same key (edition, series, iso3, year) twice;
- ``missing_series``: a row without a series in a table that names series;
- ``jump``: the overall moves more than ``max_jump`` points between two
  consecutive observed years of the same country and series.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from migdex.io import require_columns

DEFAULT_MAX_JUMP = 10.0


@dataclass(frozen=True)
class Finding:
    """One inconsistency: where it is, which rule, and the numbers behind it."""

    row: int
    iso3: str
    year: int
    rule: str
    message: str
    context: str = ""

    def __str__(self) -> str:
        where = (
            f"row {self.row} ({self.iso3} {self.year}{', ' + self.context if self.context else ''})"
        )
        return f"{where}: {self.rule}: {self.message}"


def _is_whole(values: np.ndarray) -> np.ndarray:
    return np.isclose(values, np.round(values), atol=1e-9) | np.isnan(values)


def _fmt(x: float) -> str:
    return f"{x:.4g}" if x != round(x) else f"{x:.0f}"


def check_scores(
    table: pd.DataFrame,
    *,
    areas: list[str],
    tolerance: float | None = None,
    max_jump: float = DEFAULT_MAX_JUMP,
    jump_columns: tuple[str, ...] = ("overall",),
    source: str = "scores",
) -> list[Finding]:
    """Run every rule on ``table``; return the findings in row order (empty = consistent).

    Examples
    --------
    >>> t = pd.DataFrame({"iso3": ["RUS", "RUS"], "year": [2014, 2017], "overall": [28, 40],
    ...                   "a": [30, 30], "b": [25, 34.5]})
    >>> [f.rule for f in check_scores(t, areas=["a", "b"], max_jump=20)]
    ['overall_vs_areas']
    """
    require_columns(table, ["iso3", "year", "overall", *areas], source=source)
    df = table.reset_index(drop=True).copy()
    df["_row"] = np.arange(2, len(df) + 2)
    for col in ["overall", *areas]:
        df[col] = pd.to_numeric(df[col], errors="coerce")
    df["year"] = pd.to_numeric(df["year"], errors="coerce").fillna(-1).astype(int)
    findings = [
        *_overall_vs_areas(df, areas, tolerance),
        *_out_of_range(df, ["overall", *areas]),
        *_duplicates(df),
        *_missing_series(df),
        *_jumps(df, list(jump_columns), max_jump),
    ]
    return sorted(findings, key=lambda f: (f.row, f.rule))


def _context(r: pd.Series) -> str:
    parts = [str(r[c]) for c in ("edition", "series") if c in r.index and pd.notna(r[c])]
    return "/".join(parts)


def _finding(r: pd.Series, rule: str, message: str) -> Finding:
    return Finding(int(r["_row"]), str(r["iso3"]), int(r["year"]), rule, message, _context(r))


def _overall_vs_areas(df: pd.DataFrame, areas: list[str], tolerance: float | None):
    values = df[areas].to_numpy(dtype="float64")
    complete = ~np.isnan(values).any(axis=1) & df["overall"].notna().to_numpy()
    mean = values.mean(axis=1)
    overall = df["overall"].to_numpy(dtype="float64")
    if tolerance is None:
        tol = 0.5 * _is_whole(overall) + 0.5 * _is_whole(values).all(axis=1)
        tol = np.where(tol == 0, 1e-6, tol)
    else:
        tol = np.full(len(df), tolerance)
    diff = np.abs(overall - mean)
    bad = complete & (diff > tol + 1e-9)
    for i in np.flatnonzero(bad):
        r = df.iloc[i]
        yield _finding(
            r,
            "overall_vs_areas",
            f"overall {_fmt(overall[i])} but the mean of the {len(areas)} areas is "
            f"{mean[i]:.6g} (difference {diff[i]:.6g} > {tol[i]:g}, what rounding can explain)",
        )


def _out_of_range(df: pd.DataFrame, columns: list[str]):
    for col in columns:
        v = df[col]
        for i in np.flatnonzero(((v < 0) | (v > 100)).fillna(False).to_numpy()):
            yield _finding(
                df.iloc[i], "out_of_range", f"{col} = {_fmt(v.iloc[i])} is outside 0–100"
            )


def _key(df: pd.DataFrame) -> list[str]:
    return [c for c in ("edition", "series") if c in df.columns] + ["iso3", "year"]


def _duplicates(df: pd.DataFrame):
    key = _key(df)
    dup = df.duplicated(key, keep="first")
    for i in np.flatnonzero(dup.to_numpy()):
        r = df.iloc[i]
        first = df.loc[(df[key] == r[key]).all(axis=1), "_row"].iloc[0]
        yield _finding(r, "duplicate", f"same {', '.join(key)} as row {first}")


def _missing_series(df: pd.DataFrame):
    if "series" not in df.columns or df["series"].isna().all():
        return
    for i in np.flatnonzero(df["series"].isna().to_numpy()):
        yield _finding(df.iloc[i], "missing_series", "no series given; other rows name theirs")


def _jumps(df: pd.DataFrame, columns: list[str], max_jump: float):
    group = ["series", "iso3"] if "series" in df.columns else ["iso3"]
    ordered = df.sort_values([*group, "year"])
    for col in columns:
        if col not in df.columns:
            continue
        prev_val = ordered.groupby(group, dropna=False)[col].shift()
        prev_year = ordered.groupby(group, dropna=False)["year"].shift()
        jump = (ordered[col] - prev_val).abs()
        for idx in ordered.index[(jump > max_jump).fillna(False).to_numpy()]:
            r = df.loc[idx]
            yield _finding(
                r,
                "jump",
                f"{col} moves from {_fmt(prev_val[idx])} ({int(prev_year[idx])}) to "
                f"{_fmt(r[col])} ({int(r['year'])}), more than {max_jump:g} points",
            )


def series_note(table: pd.DataFrame) -> str | None:
    """A note (not a finding) when a table mixes series: checks then run within each series."""
    if "series" not in table.columns:
        return None
    series = sorted(table["series"].dropna().astype(str).unique())
    if len(series) > 1:
        return (
            f"the table mixes {len(series)} series ({', '.join(series)}); duplicates and jumps "
            "were checked within each series. Never rank or chart series together."
        )
    return None
