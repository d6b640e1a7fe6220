"""Comparisons researchers quote: group means, ranks "Nth of M", changes against the average, bands.

All functions take the tidy scores table (:data:`migdex.index.scoring.SCORE_COLUMNS`)
and return new frames; nothing is mutated.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Mapping
from functools import cache
from importlib import resources
from pathlib import Path

import numpy as np
import pandas as pd

from migdex.errors import InputError
from migdex.index.framework import Framework
from migdex.index.scoring import round_half_up
from migdex.io import read_table, require_columns

ALL = "ALL"


@cache
def countries() -> pd.DataFrame:
    """The bundled country table: iso3, English and Russian names, EU27/EU28 flags."""
    path = resources.files("migdex") / "data" / "countries.csv"
    return pd.read_csv(str(path), dtype={"iso3": str})


def builtin_groups() -> dict[str, list[str]]:
    """EU27 and EU28 member lists (ISO3), from the bundled country table."""
    c = countries()
    return {
        "EU27": c.loc[c["eu27"] == 1, "iso3"].tolist(),
        "EU28": c.loc[c["eu28"] == 1, "iso3"].tolist(),
    }


def read_groups(path: str | os.PathLike[str]) -> dict[str, list[str]]:
    """Custom groups from a CSV/XLSX with columns ``group,iso3`` (one row per member)."""
    frame = read_table(path)
    require_columns(frame, ["group", "iso3"], source=Path(path).name)
    frame = frame.dropna(subset=["group", "iso3"])
    return {
        str(g): sorted(set(m["iso3"].str.upper())) for g, m in frame.groupby("group", sort=True)
    }


def resolve_group(
    name: str, scores: pd.DataFrame, custom: Mapping[str, Iterable[str]] | None = None
) -> list[str]:
    """Members of a named group; ``ALL`` means every country present in ``scores``."""
    if name.upper() == ALL:
        return sorted(scores["iso3"].unique())
    groups = {**builtin_groups(), **{k: list(v) for k, v in (custom or {}).items()}}
    for key, members in groups.items():
        if key.upper() == name.upper():
            return sorted(members)
    raise InputError(f"unknown group {name!r}; known: {', '.join([ALL, *groups])}")


def group_means(
    scores: pd.DataFrame,
    groups: Mapping[str, Iterable[str]],
) -> pd.DataFrame:
    """Mean score of each group per year, level and code, with the number of countries averaged.

    Countries without a score (NaN) are left out of that mean; ``n_countries`` says how many remain.
    """
    frames = []
    for name, members in groups.items():
        sub = scores[scores["iso3"].isin(list(members)) & scores["score"].notna()]
        agg = (
            sub.groupby(["year", "level", "code"], sort=False)["score"]
            .agg(score="mean", n_countries="count")
            .reset_index()
        )
        agg.insert(0, "group", name)
        frames.append(agg)
    return pd.concat(frames, ignore_index=True) if frames else pd.DataFrame()


def _ordinal(n: int) -> str:
    """1st, 2nd, 3rd, 4th, 11th, 21st ..."""
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def rank_countries(
    scores: pd.DataFrame,
    *,
    year: int,
    level: str = "overall",
    code: str = "overall",
    decimals: int = 0,
) -> pd.DataFrame:
    """Rank countries on one score in one year, ties sharing a rank.

    Ranks use the displayed precision (``decimals``, whole numbers by default,
    as published), so countries shown with equal scores share a rank.

    Examples
    --------
    >>> s = pd.DataFrame({"iso3": ["A", "B", "C", "D"], "year": 2019, "level": "overall",
    ...                   "code": "overall", "score": [70.2, 49.6, 50.4, 31.0]})
    >>> rank_countries(s, year=2019)[["iso3", "rank_label", "bottom_label"]].values.tolist()
    [['A', '1st of 4', '4th from the bottom'], ['B', '=2nd of 4', '=2nd from the bottom'], \
['C', '=2nd of 4', '=2nd from the bottom'], ['D', '4th of 4', '1st from the bottom']]
    """
    sub = scores[
        (scores["year"] == year) & (scores["level"] == level) & (scores["code"] == code)
    ].dropna(subset=["score"])
    out = sub[["iso3", "score"]].copy()
    out["shown"] = round_half_up(out["score"].to_numpy(), decimals)
    out["rank"] = out["shown"].rank(method="min", ascending=False).astype(int)
    out["rank_from_bottom"] = out["shown"].rank(method="min", ascending=True).astype(int)
    n = len(out)
    tied = out.duplicated("shown", keep=False)
    mark = np.where(tied, "=", "")
    out["n"] = n
    out["is_tied"] = tied
    out["rank_label"] = [f"{m}{_ordinal(r)} of {n}" for m, r in zip(mark, out["rank"])]
    out["bottom_label"] = [
        f"{m}{_ordinal(r)} from the bottom" for m, r in zip(mark, out["rank_from_bottom"])
    ]
    return out.sort_values(["rank", "iso3"]).reset_index(drop=True)


def changes(
    scores: pd.DataFrame,
    *,
    year_from: int,
    year_to: int,
    level: str = "overall",
    code: str = "overall",
    members: Iterable[str] | None = None,
    similar_within: float = 1.0,
) -> pd.DataFrame:
    """Change of each country between two years against the average change of the group.

    The average is over countries with a score in both years (and in ``members``
    when given). ``versus_average`` reads "above", "below" or "similar" (within
    ``similar_within`` points).
    """
    sub = scores[(scores["level"] == level) & (scores["code"] == code)]
    if members is not None:
        sub = sub[sub["iso3"].isin(list(members))]
    wide = sub.pivot_table(index="iso3", columns="year", values="score")
    for y in (year_from, year_to):
        if y not in wide.columns:
            raise InputError(f"no {level} {code!r} scores for year {y}")
    out = wide[[year_from, year_to]].dropna().rename(columns={year_from: "from", year_to: "to"})
    out["change"] = out["to"] - out["from"]
    out["average_change"] = out["change"].mean()
    diff = out["change"] - out["average_change"]
    out["versus_average"] = np.select(
        [diff > similar_within, diff < -similar_within], ["above", "below"], "similar"
    )
    out.insert(0, "year_from", year_from)
    out.insert(1, "year_to", year_to)
    return out.reset_index().rename_axis(columns=None)


def band_of(score: float, framework: Framework, lang: str = "en") -> tuple[str, str]:
    """The verbal band (code, title) for a displayed score; bands come from the framework.

    Examples
    --------
    >>> from migdex.index.framework import load_framework
    >>> band_of(31.375, load_framework("mipex-2015-reconstructed"))
    ('slightly_unfavourable', 'Slightly unfavourable')
    """
    shown = round_half_up(score)
    for band in framework.spec.bands:
        if shown >= band.min:
            return band.code, framework.text(band.title, lang)
    return "", ""


def add_bands(scores: pd.DataFrame, framework: Framework, lang: str = "en") -> pd.DataFrame:
    """Copy of ``scores`` with ``band`` and ``band_title`` columns (vectorised)."""
    bands = framework.spec.bands
    out = scores.copy()
    if not bands:
        out["band"], out["band_title"] = "", ""
        return out
    shown = round_half_up(out["score"].to_numpy())
    conditions = [shown >= b.min for b in bands]
    out["band"] = np.select(conditions, [b.code for b in bands], "")
    out["band_title"] = np.select(conditions, [framework.text(b.title, lang) for b in bands], "")
    return out
