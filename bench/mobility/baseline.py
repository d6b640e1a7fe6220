"""The straightforward implementation a benchmark compares against: pandas, person by person.

Reads the file with pandas, drops exact duplicates, sorts, and runs the
sequential rule on each person's group (``groupby`` + a Python loop).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pandas as pd

from migdex.mobility.rule import Crossing, RuleSettings, classify_history, derive_initial_status


def classify_with_pandas(path: str | Path, out: str | Path, *, obs_end: dt.date) -> int:
    """Classify every person with a per-person loop; write ``out``; return the rows read."""
    frame = pd.read_parquet(path) if str(path).endswith(".parquet") else pd.read_csv(path)
    rows_read = len(frame)
    frame = frame.drop_duplicates()
    frame["date"] = pd.to_datetime(frame["date"]).dt.date
    frame["dir_order"] = (frame["direction"] != "arrival").astype(int)
    frame = frame.sort_values(["person_id", "date", "seq", "dir_order"])
    obs_start = frame["date"].min()
    settings = RuleSettings()
    rows = []
    for _, group in frame.groupby("person_id", sort=False):
        history = [
            Crossing(p, d, x, int(s))
            for p, d, x, s in zip(
                group.person_id, group.date, group.direction, group.seq, strict=True
            )
        ]
        initial = derive_initial_status(history[0], obs_start=obs_start, settings=settings)
        for r in classify_history(history, obs_end=obs_end, initial_status=initial):
            c = r.crossing
            rows.append(
                (
                    c.person_id,
                    c.date,
                    c.direction,
                    c.seq,
                    r.status_before,
                    r.status_after,
                    r.long_term,
                )
            )
    result = pd.DataFrame(
        rows,
        columns=[
            "person_id",
            "date",
            "direction",
            "seq",
            "status_before",
            "status_after",
            "long_term",
        ],
    )
    for column in ("status_before", "status_after", "long_term"):
        result[column] = result[column].astype("Int8")
    result.to_parquet(out) if str(out).endswith(".parquet") else result.to_csv(out, index=False)
    return rows_read
