"""One classification run on any engine: stage and check the input, classify bucket by bucket.

Memory stays bounded because persons are split into buckets by a hash of
``person_id`` and the rule runs on one bucket at a time (a person's crossings
never span two buckets).
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeAlias

import pandas as pd

from migdex.mobility import metadata as meta
from migdex.mobility.engine import RuleEngine
from migdex.mobility.inputs import (
    CROSSING_COLUMNS,
    MAX_REPORTED,
    STATUS_COLUMNS,
    CrossingValueError,
    GapError,
    any_bad,
    conflicting_status_sql,
    crossing_checks,
    native_dialect,
    raise_problems,
    staged_sql,
    status_checks,
    trimmed_sql,
)
from migdex.mobility.rule import RuleSettings

Source: TypeAlias = str | os.PathLike[str] | pd.DataFrame
Progress: TypeAlias = Callable[[str, int, int], None]


@dataclass(frozen=True)
class Classification:
    """Per-crossing results and the comparability metadata of the run."""

    crossings: pd.DataFrame
    metadata: dict[str, Any]


def source_label(source: Source, default: str) -> str:
    """How messages name an input: its file name, or ``default`` for a frame."""
    return default if isinstance(source, pd.DataFrame) else Path(source).name


def header_lines(source: Source) -> int | None:
    """Lines before the first data row of a text file (its header); None for other sources."""
    if isinstance(source, pd.DataFrame):
        return None
    suffixes = [s.lower() for s in Path(source).suffixes]
    return 1 if any(s in (".csv", ".tsv", ".txt") for s in suffixes) else None


def stage_crossings(
    engine: RuleEngine, source: Source, *, obs_end: dt.date, obs_start: dt.date | None
) -> int:
    """Load, type and check the crossings into table ``staged``; return the rows read."""
    engine.register_raw("raw_crossings", source, columns=CROSSING_COLUMNS, label="crossings")
    native = engine.native_columns("raw_crossings")
    dialect = native_dialect(engine.dialect, native)
    checks = crossing_checks(dialect, obs_end=obs_end, obs_start=obs_start)
    raw = trimmed_sql("raw_crossings", CROSSING_COLUMNS, engine.dialect, native=native)
    buckets = f", {engine.dialect.bucket('person_id')} AS bucket"
    staged = staged_sql(raw, dialect, bad=any_bad(checks), buckets=buckets)
    engine.materialise_input("staged", staged, source)
    rows, bad = engine.fetch("SELECT count(*), sum(is_bad) FROM staged")[0]
    if bad:
        rows_found = engine.locate_problems(
            source,
            columns=CROSSING_COLUMNS,
            checks_for=lambda d: crossing_checks(d, obs_end=obs_end, obs_start=obs_start),
        )
        raise_problems(
            source_label(source, "crossings"),
            rows_found,
            crossing_checks(engine.dialect, obs_end=obs_end, obs_start=obs_start),
            header_lines=header_lines(source),
        )
    return int(rows)


def stage_status(engine: RuleEngine, source: Source) -> None:
    """Load and check a table of initial statuses into table ``initial_given``."""
    engine.register_raw("raw_status", source, columns=STATUS_COLUMNS, label="initial status")
    checks = status_checks()
    raw = trimmed_sql("raw_status", STATUS_COLUMNS, engine.dialect)
    engine.materialise_input("status_text", raw, source)
    (bad,) = engine.fetch(f"SELECT count(*) FROM status_text WHERE {any_bad(checks)}")[0]
    if bad:
        rows = engine.locate_problems(source, columns=STATUS_COLUMNS, checks_for=lambda d: checks)
        raise_problems(
            source_label(source, "initial status"),
            rows,
            checks,
            header_lines=header_lines(source),
        )
    conflicts = [r[0] for r in engine.fetch(conflicting_status_sql("status_text"))]
    if conflicts:
        raise CrossingValueError(
            f"{source_label(source, 'initial status')}: person(s) {', '.join(conflicts)} "
            "listed with different statuses; give one status per person"
        )
    engine.materialise(
        "initial_given",
        "SELECT DISTINCT person_id, CAST(NULLIF(status, '') AS INT) AS status FROM status_text",
    )


def observation_start(
    engine: RuleEngine, obs_start: dt.date | None, *, obs_end: dt.date
) -> dt.date:
    """The given start of the data, or the earliest crossing date."""
    if obs_start is not None:
        return obs_start
    (first,) = engine.fetch("SELECT min(date) FROM staged")[0]
    if first is None:  # no crossings at all
        return obs_end
    return first if isinstance(first, dt.date) else dt.date.fromisoformat(str(first)[:10])


def day_number(day: dt.date) -> int:
    """Days since 1970-01-01, the integer day used inside the SQL."""
    return (day - dt.date(1970, 1, 1)).days


def check_gaps(engine: RuleEngine, counts: dict[str, int], settings: RuleSettings) -> None:
    """Under the ``reject`` policy, refuse histories with a missing crossing."""
    if settings.gap_policy != "reject" or not counts["gap_persons"]:
        return
    examples = ", ".join(engine.gap_persons(limit=MAX_REPORTED))
    raise GapError(
        f"{counts['gap_persons']} person(s) have two crossings in the same direction in a row "
        f"(e.g. {examples}); fix the records or use the midpoint gap policy"
    )


def run_classification(
    engine: RuleEngine,
    crossings: Source,
    *,
    obs_end: dt.date,
    initial_status: Source | None,
    obs_start: dt.date | None,
    settings: RuleSettings,
    sink: Any,
    progress: Progress | None = None,
) -> dict[str, Any]:
    """Classify ``crossings`` with ``engine``, handing each bucket's result to ``sink``.

    Returns the comparability metadata (see :mod:`migdex.mobility.metadata`).
    """
    rows_read = stage_crossings(engine, crossings, obs_end=obs_end, obs_start=obs_start)
    if initial_status is not None:
        stage_status(engine, initial_status)
    start = observation_start(engine, obs_start, obs_end=obs_end)
    n_buckets = engine.bucket_count(rows_read)
    totals: dict[str, int] = {}
    for bucket in range(n_buckets):
        if progress:
            progress("classify", bucket, n_buckets)
        engine.stage_bucket("crossings", engine.bucket_filter(bucket, n_buckets))
        counts = engine.classify_table(
            "crossings",
            settings=settings,
            obs_end_day=day_number(obs_end),
            obs_start_day=day_number(start),
            initial="initial_given" if initial_status is not None else None,
        )
        check_gaps(engine, counts, settings)
        sink.add(engine, engine.output_sql())
        totals = {k: totals.get(k, 0) + v for k, v in counts.items()}
    if progress:
        progress("classify", n_buckets, n_buckets)
    totals = {
        "rows_read": rows_read,
        "duplicates_removed": rows_read - totals.get("crossings", 0),
        **totals,
    }
    return meta.classification_metadata(
        totals, settings=settings, obs_start=start, obs_end=obs_end, engine=engine.name
    )
