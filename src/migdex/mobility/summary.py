"""Counts statisticians publish: long-term arrivals, departures and net migration by period.

A migration is dated by its crossing (not by when it became final). Crossings
and persons are both counted; the provisional (not yet final) part is shown
beside every figure. Residents on a date come from the status after each
person's last crossing on or before that date.
"""

from __future__ import annotations

import datetime as dt
import json
import os
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import duckdb
import pandas as pd

from migdex.errors import InputError
from migdex.mobility.metadata import sidecar_path

PERIODS = {"month": "%Y-%m", "quarter": None, "year": "%Y"}
PERSON_COLUMNS = ("persons_arriving", "persons_departing", "net_persons")


@dataclass(frozen=True)
class Summary:
    """Counts by period, residents on given dates, and the metadata they carry."""

    periods: pd.DataFrame
    residents: pd.DataFrame
    metadata: dict[str, Any]


def period_sql(period: str) -> str:
    """SQL labelling a crossing date by ``month``, ``quarter`` or ``year``."""
    if period not in PERIODS:
        raise InputError(f"period = {period!r}; expected one of {', '.join(PERIODS)}")
    if period == "quarter":
        return "strftime(date, '%Y') || '-Q' || CAST(quarter(date) AS VARCHAR)"
    return f"strftime(date, '{PERIODS[period]}')"


def periods_sql(period: str) -> str:
    """Long-term flows per period, in crossings and in persons, with provisional parts."""
    label = period_sql(period)
    lt_arr = "direction = 'arrival' AND long_term = 1"
    lt_dep = "direction = 'departure' AND long_term = 1"
    return f"""
    SELECT {label} AS period,
      count(*) FILTER (WHERE {lt_arr}) AS long_term_arrivals,
      count(*) FILTER (WHERE {lt_dep}) AS long_term_departures,
      count(*) FILTER (WHERE {lt_arr}) - count(*) FILTER (WHERE {lt_dep}) AS net_migration,
      count(DISTINCT person_id) FILTER (WHERE {lt_arr}) AS persons_arriving,
      count(DISTINCT person_id) FILTER (WHERE {lt_dep}) AS persons_departing,
      count(DISTINCT person_id) FILTER (WHERE {lt_arr})
        - count(DISTINCT person_id) FILTER (WHERE {lt_dep}) AS net_persons,
      count(*) FILTER (WHERE direction = 'arrival' AND long_term IS NULL) AS provisional_arrivals,
      count(*) FILTER (WHERE direction = 'departure' AND long_term IS NULL)
        AS provisional_departures,
      count(*) AS crossings,
      round(count(long_term) / count(*), 6) AS final_share
    FROM classified GROUP BY ALL ORDER BY period"""


def residents_sql(dates: Sequence[dt.date]) -> str:
    """Persons resident, not resident and unknown on each date (status after last crossing)."""
    values = ", ".join(f"(DATE '{d}')" for d in dates)
    return f"""
    WITH on_date AS (
      SELECT d.on_date, c.person_id,
        arg_max(c.status_after, c.date) FILTER (WHERE c.date <= d.on_date) AS after_last,
        count(*) FILTER (WHERE c.date <= d.on_date) AS crossed,
        arg_min(c.status_before, c.date) AS before_first
      FROM classified c CROSS JOIN (VALUES {values}) d(on_date)
      GROUP BY d.on_date, c.person_id)
    SELECT on_date,
      count(*) FILTER (WHERE status = 1) AS residents,
      count(*) FILTER (WHERE status = 0) AS not_resident,
      count(*) FILTER (WHERE status IS NULL) AS unknown
    FROM (SELECT on_date, CASE WHEN crossed > 0 THEN after_last ELSE before_first END AS status
          FROM on_date) s
    GROUP BY on_date ORDER BY on_date"""


def _load(con: duckdb.DuckDBPyConnection, classified: pd.DataFrame | str | os.PathLike) -> None:
    """Register the classification as view ``classified``."""
    if isinstance(classified, pd.DataFrame):
        con.register("classified_frame", classified)
        source = "classified_frame"
    else:
        path = Path(classified)
        if not path.exists():
            raise InputError(f"{path}: no such file")
        reader = "read_parquet" if path.suffix.lower() == ".parquet" else "read_csv"
        source = f"{reader}('{path}')"
    con.execute(
        "CREATE VIEW classified AS SELECT CAST(person_id AS VARCHAR) AS person_id, "
        "CAST(date AS DATE) AS date, direction, CAST(seq AS BIGINT) AS seq, "
        "CAST(status_before AS INT) AS status_before, "
        "CAST(status_after AS INT) AS status_after, CAST(long_term AS INT) AS long_term "
        f"FROM {source}"
    )


def source_metadata(classified: pd.DataFrame | str | os.PathLike) -> dict[str, Any]:
    """The classification's own metadata: its sidecar, when reading a file that has one."""
    if isinstance(classified, pd.DataFrame):
        return dict(classified.attrs.get("metadata", {}))
    sidecar = sidecar_path(classified)
    return json.loads(sidecar.read_text(encoding="utf-8")) if sidecar.exists() else {}


def summarise(
    classified: pd.DataFrame | str | os.PathLike,
    *,
    period: str = "month",
    residents_on: Sequence[dt.date] = (),
    metadata: dict[str, Any] | None = None,
) -> Summary:
    """Long-term arrivals, departures and net migration by period; residents on dates.

    Examples
    --------
    >>> frame = pd.DataFrame({"person_id": ["a", "b"], "date": ["2022-01-10", "2022-02-01"],
    ...     "direction": ["arrival", "departure"], "seq": [1, 1], "status_before": [0, 1],
    ...     "status_after": [1, 0], "long_term": [1, 1]})
    >>> summarise(frame, period="year").periods[["period", "net_migration"]].values.tolist()
    [['2022', 0]]
    """
    with duckdb.connect() as con:
        _load(con, classified)
        periods = con.execute(periods_sql(period)).df()
        residents = (
            con.execute(residents_sql(residents_on)).df()
            if residents_on
            else pd.DataFrame(columns=["on_date", "residents", "not_resident", "unknown"])
        )
    source = metadata if metadata is not None else source_metadata(classified)
    summary_meta = {
        "unit": "crossings and persons",
        "period": period,
        "dated_by": "crossing date (not the date a migration became final)",
        "person_ids": True,
        "provisional_share": source.get("provisional_share"),
        "classification": source,
    }
    return Summary(periods, residents, summary_meta)
