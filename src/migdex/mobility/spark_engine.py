"""Spark backend: the same SQL on pyspark, for data beyond one machine.

Imported only when asked for (``engine="spark"``); it needs
``pip install 'migdex[spark]'`` and Java 17.
"""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import pandas as pd
from pyspark.sql import DataFrame, SparkSession

from migdex.errors import InputFileError, MissingColumnError
from migdex.mobility.duckdb_engine import DuckDBEngine
from migdex.mobility.engine import Dialect, RuleEngine

SPARK = Dialect(
    parse_date=lambda c: f"CAST(try_to_timestamp({c}, 'yyyy-MM-dd') AS DATE)",
    day_number=lambda d: f"unix_date({d})",
    try_int=lambda c: f"try_cast({c} AS BIGINT)",
    to_text=lambda c: f"CAST({c} AS STRING)",
    bucket=lambda c: f"CAST(pmod(xxhash64({c}), 65536) AS INT)",
)


def local_session(cores: int = 2, shuffle_partitions: int = 4) -> SparkSession:
    """A local SparkSession for tests and single machines: no UI, few shuffle partitions."""
    session = (
        SparkSession.builder.master(f"local[{cores}]")
        .appName("migdex-mobility")
        .config("spark.ui.enabled", "false")
        .config("spark.sql.shuffle.partitions", str(shuffle_partitions))
        .config("spark.sql.session.timeZone", "UTC")
        .config("spark.sql.execution.arrow.pyspark.enabled", "true")
        .getOrCreate()
    )
    session.sparkContext.setLogLevel("ERROR")
    return session


def text_frame(frame: pd.DataFrame, columns: Sequence[str]) -> pd.DataFrame:
    """``columns`` of ``frame`` as text, missing values as ``None`` (Spark's null)."""
    out = pd.DataFrame(index=frame.index)
    for column in columns:
        values = frame[column]
        text = values.astype(object).where(values.notna(), None)
        out[column] = [None if v is None else str(v) for v in text]
    return out


class SparkEngine(RuleEngine):
    """Run the rule with Spark SQL; each step is checkpointed and kept as a temp view."""

    name = "spark"
    dialect = SPARK

    def __init__(self, *, session: SparkSession | None = None) -> None:
        self.session = session or local_session()

    def register_raw(self, name: str, source: Any, *, columns: Sequence[str], label: str) -> None:
        """Expose a file or frame as temp view ``name`` with exactly ``columns`` as text."""
        frame = self._read(source, columns, label)
        frame.select(*[f"`{c}`" for c in columns]).createOrReplaceTempView(name)

    def locate_problems(
        self, source: Any, *, columns: Sequence[str], checks_for: Callable[[Dialect], dict]
    ) -> list[tuple[Any, ...]]:
        """Row numbers need file order, which Spark does not keep: DuckDB finds them."""
        locator = DuckDBEngine(threads=1)
        try:
            return locator.locate_problems(source, columns=columns, checks_for=checks_for)
        finally:
            locator.close()

    def bucket_count(self, rows: int) -> int:
        """Spark partitions the work itself: one bucket."""
        return 1

    def bucket_filter(self, bucket: int, buckets: int) -> str:
        """Every row."""
        return "TRUE"

    def materialise(self, name: str, sql: str) -> None:
        """Compute the step now (local checkpoint) and keep it as temp view ``name``."""
        self.session.sql(sql).localCheckpoint().createOrReplaceTempView(name)

    def fetch(self, sql: str) -> list[tuple[Any, ...]]:
        """All rows of ``sql`` as tuples."""
        return [tuple(row) for row in self.session.sql(sql).collect()]

    def to_frame(self, sql: str) -> pd.DataFrame:
        """Rows of ``sql`` as pandas."""
        return self.session.sql(sql).toPandas()

    def copy_to(self, sql: str, path: Path, *, fmt: str) -> None:
        """Write one file: Spark writes a directory, whose single part is moved to ``path``."""
        scratch = Path(tempfile.mkdtemp(prefix=".spark-", dir=path.parent))
        try:
            writer = self.session.sql(sql).coalesce(1).write.mode("overwrite")
            target = str(scratch / "out")
            if fmt == "csv":
                writer.option("header", True).option("emptyValue", "").csv(target)
            else:
                writer.parquet(target)
            (part,) = sorted((scratch / "out").glob(f"part-*.{fmt}"))
            shutil.move(part, path)
        finally:
            shutil.rmtree(scratch, ignore_errors=True)

    def _read(self, source: Any, columns: Sequence[str], label: str) -> DataFrame:
        """A Spark frame of ``source`` after checking that it has ``columns``."""
        if isinstance(source, pd.DataFrame):
            missing = [c for c in columns if c not in source.columns]
            if not missing:
                return self.session.createDataFrame(
                    text_frame(source, columns), schema=", ".join(f"`{c}` string" for c in columns)
                )
            found, where = list(source.columns), label
        else:
            path = Path(source)
            if not path.exists():
                raise InputFileError(f"{path}: no such file")
            reader = self.session.read
            suffix = path.suffix.lower()
            if suffix not in (".csv", ".parquet"):
                raise InputFileError(f"{path}: unknown file type {suffix!r}; use .csv or .parquet")
            frame = (
                reader.option("header", True).csv(str(path))
                if suffix == ".csv"
                else reader.parquet(str(path))
            )
            missing = [c for c in columns if c not in frame.columns]
            if not missing:
                return frame
            found, where = frame.columns, path.name
        raise MissingColumnError(
            f"{where}: missing column(s) {', '.join(missing)}; found {', '.join(found) or 'none'}"
        )
