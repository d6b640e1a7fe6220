"""SQL engines behind one interface: DuckDB by default, Spark chosen by name.

The algorithm lives in :mod:`migdex.linkage.model`; a backend only says how to
open Splink's database API and hand it a table. Spark is imported only when
asked for.
"""

from __future__ import annotations

from typing import Any

import pandas as pd

from migdex.errors import MigdexError

__all__ = ["BACKENDS", "Backend", "BackendUnavailableError", "DuckDBBackend", "SparkBackend"]


class BackendUnavailableError(MigdexError):
    """The chosen engine is not installed or cannot start; the message says how to get it."""


class Backend:
    """Base class: subclasses fill in :meth:`open_db_api`."""

    name = "base"

    def open_db_api(self) -> Any:
        """A fresh Splink database API for one linkage run."""
        raise NotImplementedError

    def register(self, db_api: Any, frame: pd.DataFrame) -> Any:
        """Hand a feature frame to the engine; returns Splink's table handle."""
        return db_api.register(frame)


class DuckDBBackend(Backend):
    """DuckDB in process: the default for every register that fits one machine."""

    name = "duckdb"

    def __init__(self, *, threads: int | None = None) -> None:
        self.threads = threads

    def open_db_api(self) -> Any:
        import duckdb
        from splink import DuckDBAPI

        connection = duckdb.connect()
        connection.execute("SET enable_progress_bar = false")
        if self.threads:
            connection.execute(f"SET threads = {int(self.threads)}")
        return DuckDBAPI(connection=connection)


class SparkBackend(Backend):
    """Apache Spark: the given session, or a local one with Splink's similarity functions."""

    name = "spark"

    def __init__(self, *, spark: Any = None, shuffle_partitions: int = 8) -> None:
        self.spark = spark
        self.shuffle_partitions = shuffle_partitions

    def open_db_api(self) -> Any:
        try:
            from splink.backends.spark import SparkAPI
        except ImportError as exc:
            raise BackendUnavailableError(
                "the Spark backend needs pyspark: pip install 'migdex[spark]'"
            ) from exc
        spark = self.spark or self._local_session()
        return SparkAPI(spark_session=spark, break_lineage_method="persist")

    def register(self, db_api: Any, frame: pd.DataFrame) -> Any:
        from pyspark.sql import types

        def spark_type(column: str) -> types.DataType:
            is_list = column.endswith("_variants")
            return types.ArrayType(types.StringType()) if is_list else types.StringType()

        schema = types.StructType([types.StructField(c, spark_type(c)) for c in frame.columns])
        rows = frame.astype(object).where(frame.notna(), None).to_dict("records")
        return db_api.register(db_api.spark.createDataFrame(rows, schema=schema))

    def _local_session(self) -> Any:
        from pyspark.sql import SparkSession
        from splink.backends.spark import similarity_jar_location

        try:
            return (
                SparkSession.builder.master("local[*]")
                .appName("migdex-linkage")
                .config("spark.jars", similarity_jar_location())
                .config("spark.sql.shuffle.partitions", str(self.shuffle_partitions))
                .config("spark.ui.enabled", "false")
                .config("spark.ui.showConsoleProgress", "false")
                .getOrCreate()
            )
        except Exception as exc:  # Java missing or misconfigured: py4j raises various errors
            raise BackendUnavailableError(
                f"Spark could not start a local session ({exc}); it needs Java 17"
            ) from exc


BACKENDS: dict[str, type[Backend]] = {"duckdb": DuckDBBackend, "spark": SparkBackend}


def get_backend(backend: str | Backend, **options: Any) -> Backend:
    """A backend by name (``duckdb`` or ``spark``), or the given instance unchanged.

    Examples
    --------
    >>> get_backend("duckdb").name
    'duckdb'
    >>> get_backend("oracle")
    Traceback (most recent call last):
    ...
    migdex.linkage.backends.BackendUnavailableError: unknown backend 'oracle'; use one of duckdb, spark
    """  # noqa: E501
    if isinstance(backend, Backend):
        return backend
    if backend not in BACKENDS:
        raise BackendUnavailableError(
            f"unknown backend {backend!r}; use one of {', '.join(BACKENDS)}"
        )
    return BACKENDS[backend](**options)
