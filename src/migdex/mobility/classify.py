"""The verbs: classify crossings held in memory or in a file, on the engine you name."""

from __future__ import annotations

import datetime as dt
import importlib
import os
from typing import Any

import pandas as pd

from migdex.errors import MigdexError
from migdex.mobility import metadata as meta
from migdex.mobility.engine import RuleEngine
from migdex.mobility.pipeline import Classification, Progress, Source, run_classification
from migdex.mobility.rule import RuleSettings
from migdex.mobility.sinks import FrameSink, file_sink

ENGINES = {
    "duckdb": ("migdex.mobility.duckdb_engine", "DuckDBEngine", None),
    "spark": ("migdex.mobility.spark_engine", "SparkEngine", "pyspark"),
}


class EngineUnavailableError(MigdexError):
    """The engine asked for is unknown or its package is not installed."""


def get_engine(name: str = "duckdb", **options: Any) -> RuleEngine:
    """Create the engine called ``name``; Spark is imported only when asked for.

    Examples
    --------
    >>> get_engine("duckdb").name
    'duckdb'
    """
    if name not in ENGINES:
        raise EngineUnavailableError(f"engine {name!r}; expected one of {', '.join(ENGINES)}")
    module, cls, needs = ENGINES[name]
    if needs and importlib.util.find_spec(needs) is None:
        raise EngineUnavailableError(
            f"the {name} engine needs {needs}: pip install 'migdex[{name}]'"
        )
    engine: RuleEngine = getattr(importlib.import_module(module), cls)(**options)
    return engine


def _engine(engine: str | RuleEngine) -> tuple[RuleEngine, bool]:
    """An engine object, and whether this call created it (and so must close it)."""
    if isinstance(engine, RuleEngine):
        return engine, False
    return get_engine(engine), True


def classify_crossings(
    crossings: Source,
    *,
    obs_end: dt.date,
    initial_status: Source | None = None,
    obs_start: dt.date | None = None,
    settings: RuleSettings = RuleSettings(),
    engine: str | RuleEngine = "duckdb",
) -> Classification:
    """Classify every distinct crossing with the 12/16-month rule; results in memory.

    Parameters
    ----------
    crossings
        Frame or file with ``person_id, date, direction, seq``.
    obs_end
        First date with no data (exclusive).
    initial_status
        Frame or file with ``person_id, status`` (1, 0 or empty); persons
        absent from it get a derived status.
    obs_start
        Start of the data for deriving statuses; the earliest crossing by default.
    settings
        Threshold, window and gap policy.
    engine
        ``"duckdb"`` (default), ``"spark"`` or an engine object.

    Examples
    --------
    >>> frame = pd.DataFrame({"person_id": ["a"], "date": ["2022-01-10"],
    ...                       "direction": ["arrival"], "seq": [1]})
    >>> result = classify_crossings(frame, obs_end=dt.date(2024, 12, 31),
    ...     initial_status=pd.DataFrame({"person_id": ["a"], "status": ["0"]}))
    >>> result.crossings[["status_before", "status_after", "long_term"]].iloc[0].tolist()
    [0, 1, 1]
    """
    runner, owned = _engine(engine)
    try:
        sink = FrameSink()
        metadata = run_classification(
            runner,
            crossings,
            obs_end=obs_end,
            initial_status=initial_status,
            obs_start=obs_start,
            settings=settings,
            sink=sink,
        )
        return Classification(sink.result(), metadata)
    finally:
        if owned:
            runner.close()


def classify_file(
    crossings: Source,
    *,
    out: str | os.PathLike[str],
    obs_end: dt.date,
    initial_status: Source | None = None,
    obs_start: dt.date | None = None,
    settings: RuleSettings = RuleSettings(),
    engine: str | RuleEngine = "duckdb",
    progress: Progress | None = None,
) -> dict[str, Any]:
    """Classify crossings into ``out`` (CSV or Parquet) plus ``out.meta.json``.

    A failed run leaves neither file. Returns the metadata written.
    """
    runner, owned = _engine(engine)
    try:
        with file_sink(out) as sink:
            metadata = run_classification(
                runner,
                crossings,
                obs_end=obs_end,
                initial_status=initial_status,
                obs_start=obs_start,
                settings=settings,
                sink=sink,
                progress=progress,
            )
            sink.finish()
        meta.write_sidecar(out, metadata)
        return metadata
    finally:
        if owned:
            runner.close()


def read_classified(path: str | os.PathLike[str]) -> pd.DataFrame:
    """Read a classification written by :func:`classify_file` with stable column types."""
    from migdex.mobility.sinks import normalise_frame, output_format

    if output_format(path) == "parquet":
        return normalise_frame(pd.read_parquet(path))
    frame = pd.read_csv(path, dtype={"person_id": str}, keep_default_na=False, na_values=[""])
    return normalise_frame(frame)
