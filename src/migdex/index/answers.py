"""Answers in: a tidy table of one chosen option (or value) per country, year and indicator.

Columns: ``iso3, year, indicator`` and ``option`` or ``value`` (or both), with
optional ``justification``, ``source`` and ``dataset``. ``option = na`` marks
"not applicable". Numeric indicators (``kind: numeric``) take their raw
number in ``value`` (any finite number; it is normalised when scored), option
indicators an option or a value 0–100. Validation against the framework collects every problem,
each naming the row, the country-year and what the framework allows.
"""

from __future__ import annotations

import os
from pathlib import Path

import numpy as np
import pandas as pd

from migdex.errors import InputError
from migdex.index.framework import NOT_APPLICABLE, Framework
from migdex.io import read_table, require_columns

KEY = ["iso3", "year", "indicator"]
OPTIONAL = ["option", "value", "justification", "source", "dataset"]
MAX_REPORTED = 20


class AnswersError(InputError):
    """An answers table does not fit its framework; the message lists the rows."""


def read_answers(path: str | os.PathLike[str], framework: Framework) -> pd.DataFrame:
    """Read an answers CSV/XLSX/Parquet file and validate it against ``framework``."""
    frame = read_table(path)
    return validate_answers(frame, framework, source=Path(path).name)


def validate_answers(
    frame: pd.DataFrame, framework: Framework, *, source: str = "answers"
) -> pd.DataFrame:
    """Return a clean answers frame with numeric ``score`` and ``is_not_applicable`` columns.

    ``score`` is the option's value (or the given value); NaN for not-applicable
    and for numeric indicators, whose number is in ``raw_value`` (NaN elsewhere)
    until :func:`migdex.index.scoring.score_answers` normalises it.
    Raises :class:`AnswersError` listing every problem, nothing partially applied.

    Examples
    --------
    >>> from migdex.index.framework import load_framework
    >>> fw = load_framework("mipex-2015-reconstructed")
    >>> raw = pd.DataFrame({"iso3": ["rus"], "year": ["2019"], "indicator": ["1"], "option": ["b"]})
    >>> validate_answers(raw, fw)[["iso3", "year", "indicator", "score"]].to_dict("records")
    [{'iso3': 'RUS', 'year': 2019, 'indicator': '1', 'score': 50.0}]
    """
    require_columns(frame, KEY, source=source)
    if "option" not in frame.columns and "value" not in frame.columns:
        raise AnswersError(f"{source}: needs an 'option' or a 'value' column")
    df = frame.reset_index(drop=True).copy()
    for col in OPTIONAL:
        if col not in df.columns:
            df[col] = pd.NA
    df["row"] = np.arange(2, len(df) + 2)  # the spreadsheet row, counting the header as 1
    df["iso3"] = df["iso3"].astype("string").str.strip().str.upper()
    df["indicator"] = df["indicator"].astype("string").str.strip()
    df["option"] = df["option"].astype("string").str.strip()
    year = pd.to_numeric(df["year"], errors="coerce")
    problems: list[str] = []
    problems += _where(
        df, year.isna() | (year % 1 != 0), lambda r: f"year = {r.year!r} is not a year"
    )
    bad_iso = ~df["iso3"].fillna("").str.fullmatch(r"[A-Z]{3}")
    problems += _where(df, bad_iso, lambda r: f"iso3 = {r.iso3!r} is not a three-letter ISO code")
    df["year"] = year.fillna(-1).astype("int64")
    df = _attach_scores(df, framework, problems, source)
    dup = df.duplicated(KEY, keep="first") & df["indicator"].isin(framework.indicators)
    problems += _where(df, dup, lambda r: f"indicator {r.indicator} answered twice")
    if problems:
        shown = problems[:MAX_REPORTED]
        more = len(problems) - len(shown)
        tail = [f"... and {more} more problem(s)"] if more else []
        head = f"{source}: {len(problems)} problem(s); nothing was computed"
        raise AnswersError("\n".join([head, *(f"  {source} {p}" for p in shown), *tail]))
    columns = [*KEY, "option", "score", "raw_value", "is_not_applicable", *OPTIONAL[2:]]
    return df[columns].reset_index(drop=True)


def _attach_scores(
    df: pd.DataFrame, framework: Framework, problems: list[str], source: str
) -> pd.DataFrame:
    """Map option codes to values through the framework; check values and allowed options."""
    name = framework.name
    known = df["indicator"].isin(framework.indicators)
    problems += _where(df, ~known, lambda r: f"indicator {r.indicator!r} is not in {name}")
    options = pd.DataFrame(
        [
            (code, o.code, o.value)
            for code, ind in framework.indicators.items()
            for o in ind.options
        ],
        columns=["indicator", "option", "option_value"],
    ).astype({"indicator": "string", "option": "string"})
    df = df.merge(options, on=["indicator", "option"], how="left")
    is_na = df["option"].str.lower().eq(NOT_APPLICABLE).fillna(False)
    na_allowed = df["indicator"].map(
        {c: i.not_applicable_allowed for c, i in framework.indicators.items()}
    )
    problems += _where(
        df,
        known & is_na & ~na_allowed.fillna(False).astype(bool),
        lambda r: f"indicator {r.indicator} = 'na'; {name} does not allow 'not applicable' here",
    )
    numeric = df["indicator"].map({c: i.is_numeric for c, i in framework.indicators.items()})
    numeric = numeric.fillna(False).astype(bool)
    bad_option = known & ~numeric & df["option"].notna() & ~is_na & df["option_value"].isna()
    problems += _where(
        df,
        bad_option,
        lambda r: (
            f"indicator {r.indicator} = {r.option!r}; {name} allows "
            + ", ".join(o.code for o in framework.indicators[r.indicator].options)
            + (", na" if framework.indicators[r.indicator].not_applicable_allowed else "")
        ),
    )
    given = df["value"].notna()
    value = (
        pd.to_numeric(df["value"], errors="coerce")
        if given.any()
        else pd.Series(np.nan, index=df.index)
    )
    problems += _where(
        df,
        given & ~numeric & (value.isna() | (value < 0) | (value > 100)),
        lambda r: f"indicator {r.indicator}: value = {r.value!r} is not a number from 0 to 100",
    )
    problems += _numeric_problems(df, numeric, given, value)
    both = given & df["option_value"].notna() & value.notna() & (value != df["option_value"])
    problems += _where(
        df,
        both,
        lambda r: (
            f"indicator {r.indicator}: value {r.value} contradicts option {r.option!r}"
            f" (worth {r.option_value:g})"
        ),
    )
    neither = known & df["option"].isna() & ~given
    problems += _where(df, neither, lambda r: f"indicator {r.indicator}: no option and no value")
    df["score"] = df["option_value"].where(df["option_value"].notna(), value).astype("float64")
    df["raw_value"] = df["score"].where(numeric)
    df.loc[is_na | numeric, "score"] = np.nan
    df.loc[is_na, "raw_value"] = np.nan
    df["is_not_applicable"] = is_na.astype(bool)
    return df.drop(columns=["option_value"])


def _numeric_problems(
    df: pd.DataFrame, numeric: pd.Series, given: pd.Series, value: pd.Series
) -> list[str]:
    """A numeric indicator takes a finite number in ``value``; its ``option`` may only be ``na``."""
    is_na = df["option"].str.lower().eq(NOT_APPLICABLE).fillna(False)
    has_option = df["option"].notna() & ~is_na
    problems = _where(
        df,
        numeric & has_option,
        lambda r: (
            f"indicator {r.indicator} is numeric; give its number in 'value', "
            f"not option {r.option!r}"
        ),
    )
    problems += _where(
        df,
        numeric & given & ~np.isfinite(value.fillna(np.nan).to_numpy(dtype=float)),
        lambda r: f"indicator {r.indicator}: value = {r.value!r} is not a number",
    )
    return problems


def _where(df: pd.DataFrame, mask: pd.Series, describe) -> list[str]:
    """Describe each flagged row as ``row N (ISO YEAR): ...``."""
    mask = mask.fillna(False).astype(bool)
    if not mask.any():
        return []
    out = []
    for r in df.loc[mask].itertuples(index=False):
        out.append(f"row {r.row} ({r.iso3} {r.year}): {describe(r)}")
    return out
