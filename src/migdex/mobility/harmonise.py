"""Harmonising recording practices so that the published figures mean the same everywhere.

Three practices are supported:

``person crossings``
    every crossing with a person id, several a day for commuters: the rule's
    own input (ties ordered by ``seq``, exact duplicates removed).
``anonymous counts``
    crossings counted by date and direction without person ids: the rule
    cannot run, so long-term and person-based figures are reported as *not
    available* (empty), never estimated.
``stay register``
    stays ``person_id, start, end`` that do not say whether a stay is seasonal
    or permanent: turned into crossings, the rule and the categories decide.
"""

from __future__ import annotations

import os
from typing import Any

import duckdb
import pandas as pd

from migdex.errors import InputError
from migdex.io import read_table, require_columns
from migdex.mobility.summary import PERSON_COLUMNS, Summary, period_sql

PRACTICES = {
    "person crossings": "every crossing recorded with a person id",
    "anonymous counts": "crossings counted by date and direction, without person ids",
    "stay register": "stays (person_id, start, end) without a seasonal/permanent distinction",
}
NOT_AVAILABLE = (
    "the input has no person ids: the 12/16-month rule and person-based figures cannot be "
    "produced; long_term and persons columns are left empty, not estimated"
)


def _frame(source: pd.DataFrame | str | os.PathLike) -> tuple[pd.DataFrame, str]:
    """A table and the name messages use for it."""
    if isinstance(source, pd.DataFrame):
        return source, "table"
    return read_table(source), os.path.basename(os.fspath(source))


def stays_to_crossings(stays: pd.DataFrame | str | os.PathLike) -> pd.DataFrame:
    """Crossings from a register of stays: an arrival at ``start``, a departure at ``end``.

    An empty ``end`` means the stay is ongoing (no departure).

    Examples
    --------
    >>> stays = pd.DataFrame({"person_id": ["a"], "start": ["2022-04-01"], "end": ["2022-09-30"]})
    >>> stays_to_crossings(stays)[["date", "direction", "seq"]].values.tolist()
    [['2022-04-01', 'arrival', 1], ['2022-09-30', 'departure', 2]]
    """
    frame, name = _frame(stays)
    require_columns(frame, ["person_id", "start", "end"], source=name)
    frame = frame.reset_index(drop=True)
    order = frame.groupby("person_id").cumcount() * 2
    arrivals = pd.DataFrame(
        {
            "person_id": frame.person_id,
            "date": frame.start,
            "direction": "arrival",
            "seq": order + 1,
        }
    )
    ended = frame["end"].notna() & (frame["end"].astype(str).str.strip() != "")
    departures = pd.DataFrame(
        {
            "person_id": frame.person_id[ended],
            "date": frame["end"][ended],
            "direction": "departure",
            "seq": order[ended] + 2,
        }
    )
    crossings = pd.concat([arrivals, departures], ignore_index=True)
    return crossings.sort_values(["person_id", "seq"], kind="stable").reset_index(drop=True)


def summarise_counts(counts: pd.DataFrame | str | os.PathLike, *, period: str = "month") -> Summary:
    """Arrivals and departures by period from anonymous counts; the rest marked unavailable.

    Examples
    --------
    >>> counts = pd.DataFrame({"date": ["2022-01-03", "2022-01-04"],
    ...                        "direction": ["arrival", "departure"], "count": [10, 4]})
    >>> out = summarise_counts(counts, period="year")
    >>> out.periods[["arrivals", "departures", "net_crossings"]].values.tolist()
    [[10, 4, 6]]
    >>> out.periods["long_term_arrivals"].isna().all(), out.metadata["person_ids"]
    (np.True_, False)
    """
    frame, name = _frame(counts)
    require_columns(frame, ["date", "direction", "count"], source=name)
    frame = frame.assign(direction=frame["direction"].astype("string").str.strip().str.lower())
    bad = ~frame["direction"].isin(["arrival", "departure"]).fillna(False).astype(bool)
    if bad.any():
        row = int(bad.to_numpy().nonzero()[0][0]) + 1
        raise InputError(
            f'{name} row {row}: direction = "{frame["direction"].iloc[row - 1]}"; '
            "expected arrival or departure"
        )
    with duckdb.connect() as con:
        con.register("counts_frame", frame)
        periods = con.execute(f"""
            SELECT {period_sql(period)} AS period,
              CAST(COALESCE(sum(n) FILTER (WHERE direction = 'arrival'), 0) AS BIGINT)
                AS arrivals,
              CAST(COALESCE(sum(n) FILTER (WHERE direction = 'departure'), 0) AS BIGINT)
                AS departures,
              CAST(COALESCE(sum(n) FILTER (WHERE direction = 'arrival'), 0)
                - COALESCE(sum(n) FILTER (WHERE direction = 'departure'), 0) AS BIGINT)
                AS net_crossings
            FROM (SELECT CAST(date AS DATE) AS date, direction, CAST(count AS BIGINT) AS n
                  FROM counts_frame) c
            GROUP BY ALL ORDER BY period""").df()
    for column in ("long_term_arrivals", "long_term_departures", "net_migration", *PERSON_COLUMNS):
        periods[column] = pd.array([pd.NA] * len(periods), dtype="Int64")
    return Summary(periods, pd.DataFrame(), counts_metadata(period))


def counts_metadata(period: str) -> dict[str, Any]:
    """Comparability metadata of figures built from anonymous counts."""
    return {
        "recording_practice": "anonymous counts",
        "unit": "crossings",
        "period": period,
        "person_ids": False,
        "not_available": NOT_AVAILABLE,
        "rule": None,
        "provisional_share": None,
    }
