"""DuckDB backend: the default engine, embedded, two threads and a memory limit by default."""

from __future__ import annotations

import math
import os
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import duckdb
import pandas as pd

from migdex.errors import InputFileError, MissingColumnError
from migdex.mobility.engine import Dialect, RuleEngine
from migdex.mobility.inputs import MAX_REPORTED, problems_sql

DUCKDB = Dialect(
    parse_date=lambda c: f"TRY_CAST(try_strptime({c}, '%Y-%m-%d') AS DATE)",
    day_number=lambda d: f"CAST(({d} - DATE '1970-01-01') AS INTEGER)",
    try_int=lambda c: f"TRY_CAST({c} AS BIGINT)",
    to_text=lambda c: f"CAST({c} AS VARCHAR)",
    bucket=lambda c: f"CAST(hash({c}) % 65536 AS INTEGER)",
)


def _quote(path: Path) -> str:
    """A path as an SQL string literal."""
    return "'" + str(path).replace("'", "''") + "'"


def file_scan(path: Path) -> str:
    """DuckDB table function reading ``path`` (CSV as text, or Parquet)."""
    suffix = path.suffix.lower()
    if suffix == ".csv":
        return f"read_csv({_quote(path)}, all_varchar = true, header = true)"
    if suffix == ".parquet":
        return f"read_parquet({_quote(path)})"
    raise InputFileError(f"{path}: unknown file type {suffix!r}; use .csv or .parquet")


class DuckDBEngine(RuleEngine):
    """Run the rule in an embedded DuckDB.

    Parameters
    ----------
    threads
        Worker threads (2 by default, the benchmark's budget).
    memory_limit
        DuckDB's memory limit; larger intermediate results spill to
        ``temp_directory``.
    temp_directory
        Where DuckDB spills; DuckDB's default when ``None``.
    bucket_rows
        Crossings per bucket of persons classified at a time.
    """

    name = "duckdb"
    dialect = DUCKDB

    def __init__(
        self,
        *,
        threads: int = 2,
        memory_limit: str = "4GB",
        temp_directory: str | os.PathLike[str] | None = None,
        bucket_rows: int = 30_000_000,
    ) -> None:
        config: dict[str, Any] = {
            "threads": threads,
            "memory_limit": memory_limit,
            "preserve_insertion_order": False,
        }
        if temp_directory is not None:
            config["temp_directory"] = str(temp_directory)
        self.con = duckdb.connect(config=config)
        self.bucket_rows = bucket_rows
        self._frames: dict[str, pd.DataFrame] = {}

    def close(self) -> None:
        """Release the connection."""
        self.con.close()

    def register_raw(self, name: str, source: Any, *, columns: Sequence[str], label: str) -> None:
        """Expose a file or frame as view ``name`` with exactly ``columns``."""
        scan = self._scan(name, source)
        found = [row[0] for row in self._run(f"DESCRIBE SELECT * FROM {scan}", source).fetchall()]
        missing = [c for c in columns if c not in found]
        if missing:
            where = source_name(source, label)
            raise MissingColumnError(
                f"{where}: missing column(s) {', '.join(missing)}; "
                f"found {', '.join(found) or 'none'}"
            )
        cols = ", ".join(f'"{c}"' for c in columns)
        self._run(f"CREATE OR REPLACE TEMP VIEW {name} AS SELECT {cols} FROM {scan}", source)

    def locate_problems(
        self, source: Any, *, columns: Sequence[str], checks_for: Callable[[Dialect], dict]
    ) -> list[tuple[Any, ...]]:
        """Find bad cells with their 1-based data-row numbers (one thread keeps file order)."""
        with duckdb.connect(config={"threads": 1, "preserve_insertion_order": True}) as con:
            locator = DuckDBEngine.__new__(DuckDBEngine)
            locator.con, locator._frames = con, {}
            scan = locator._scan("located", source)
            cols = ", ".join(f'TRIM(CAST("{c}" AS VARCHAR)) AS {c}' for c in columns)
            raw = f"SELECT row_number() OVER () AS row_nr, {cols} FROM {scan}"
            sql = problems_sql(raw, checks_for(DUCKDB), MAX_REPORTED)
            return locator._run(sql, source).fetchall()

    def bucket_count(self, rows: int) -> int:
        """Enough buckets that each holds about ``bucket_rows`` crossings."""
        return max(1, math.ceil(rows / self.bucket_rows))

    def bucket_filter(self, bucket: int, buckets: int) -> str:
        """Rows whose person hash falls in ``bucket``."""
        return "TRUE" if buckets == 1 else f"bucket % {buckets} = {bucket}"

    def materialise(self, name: str, sql: str) -> None:
        """Keep the result as a temporary table (spilled to disk under the memory limit)."""
        self.con.execute(f"CREATE OR REPLACE TEMP TABLE {name} AS {sql}")

    def materialise_input(self, name: str, sql: str, source: Any) -> None:
        """Materialise a step that reads ``source``; reading failures name the file."""
        self._run(f"CREATE OR REPLACE TEMP TABLE {name} AS {sql}", source)

    def fetch(self, sql: str) -> list[tuple[Any, ...]]:
        """All rows of ``sql``."""
        return self.con.execute(sql).fetchall()

    def to_frame(self, sql: str) -> pd.DataFrame:
        """Rows of ``sql`` as pandas."""
        return self.con.execute(sql).df()

    def copy_to(self, sql: str, path: Path, *, fmt: str) -> None:
        """``COPY`` the rows of ``sql`` to ``path``."""
        options = "FORMAT csv, HEADER true" if fmt == "csv" else "FORMAT parquet"
        self.con.execute(f"COPY ({sql}) TO {_quote(path)} ({options})")

    def _scan(self, name: str, source: Any) -> str:
        """A FROM-clause item for ``source``: a registered frame or a file scan."""
        if isinstance(source, pd.DataFrame):
            self._frames[name] = source
            self.con.register(f"{name}_frame", source)
            return f"{name}_frame"
        path = Path(source)
        if not path.exists():
            raise InputFileError(f"{path}: no such file")
        return file_scan(path)

    def _run(self, sql: str, source: Any) -> duckdb.DuckDBPyConnection:
        """Execute SQL that reads ``source``; reading failures name the file."""
        try:
            return self.con.execute(sql)
        except (
            duckdb.IOException,
            duckdb.InvalidInputException,
            duckdb.ConversionException,
        ) as exc:
            first_line = str(exc).strip().splitlines()[0]
            raise InputFileError(
                f"{source_name(source, 'input')}: cannot be read ({first_line})"
            ) from exc


def source_name(source: Any, default: str) -> str:
    """File name of ``source``, or ``default`` for an in-memory frame."""
    return default if isinstance(source, pd.DataFrame) else Path(source).name
