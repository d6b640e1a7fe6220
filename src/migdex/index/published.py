"""Published MIPEX figures bundled with migdex, each row with its edition, series and source."""

from __future__ import annotations

from importlib import resources

import pandas as pd

AREA_COLUMNS = [
    "labour_market",
    "family_reunion",
    "education",
    "political_participation",
    "permanent_residence",
    "access_to_nationality",
    "anti_discrimination",
    "health",
]


def published_scores(
    *, series: str | None = None, edition: str | None = None, iso3: str | None = None
) -> pd.DataFrame:
    """The bundled published scores (wide: overall and areas), optionally filtered.

    Examples
    --------
    >>> p = published_scores(series="full", iso3="RUS")
    >>> p[["edition", "year", "overall"]].values.tolist()
    [['MIPEX 2015', 2014, 28], ['slides 2017', 2017, 40]]
    """
    path = resources.files("migdex") / "data" / "published_scores.csv"
    frame = pd.read_csv(str(path), dtype={"approach": "string"})
    for col in ["overall", *AREA_COLUMNS]:
        frame[col] = frame[col].astype("Int64")
    if series is not None:
        frame = frame[frame["series"] == series]
    if edition is not None:
        frame = frame[frame["edition"] == edition]
    if iso3 is not None:
        frame = frame[frame["iso3"] == iso3.upper()]
    return frame.reset_index(drop=True)


def published_tidy(frame: pd.DataFrame | None = None) -> pd.DataFrame:
    """Published figures in the tidy scores shape (level ``overall`` or ``area``), sources kept."""
    frame = published_scores() if frame is None else frame
    long = frame.melt(
        id_vars=["edition", "series", "country", "iso3", "year", "source"],
        value_vars=["overall", *AREA_COLUMNS],
        var_name="code",
        value_name="score",
    ).dropna(subset=["score"])
    long["level"] = long["code"].map(lambda c: "overall" if c == "overall" else "area")
    long["score"] = long["score"].astype("float64")
    return long.reset_index(drop=True)
