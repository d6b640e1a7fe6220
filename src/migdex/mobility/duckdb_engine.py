"""DuckDB backend: the default engine, embedded, two threads and a memory limit by default.

By default DuckDB sorts each bucket's crossings once and the rule runs as array
passes over the sorted columns (:mod:`migdex.mobility.kernel`), about ten times
faster than the three window passes of :mod:`migdex.mobility.rule_sql`, which
``kernel="sql"`` still runs (as Spark does); the tests hold both to the
sequential reference and to each other.
"""

from __future__ import annotations

import contextlib
import math
import os
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Any

import duckdb
import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

from migdex.errors import InputFileError, MissingColumnError
from migdex.mobility.engine import OUTPUT_COLUMNS, Dialect, RuleEngine
from migdex.mobility.inputs import MAX_REPORTED, problems_sql, text_sql
from migdex.mobility.kernel import classify_sorted_parallel
from migdex.mobility.rule import RuleSettings
from migdex.mobility.sorted_arrays import classified_table, sorted_crossings

DUCKDB = Dialect(
    parse_date=lambda c: f"TRY_CAST(try_strptime({c}, '%Y-%m-%d') AS DATE)",
    day_number=lambda d: f"CAST(({d} - DATE '1970-01-01') AS INTEGER)",
    try_int=lambda c: f"TRY_CAST({c} AS BIGINT)",
    to_text=lambda c: f"CAST({c} AS VARCHAR)",
    bucket=lambda c: f"CAST(hash({c}) % 65536 AS INTEGER)",
)

NATIVE_TYPES = {
    "date": {"DATE"},
    "seq": {"TINYINT", "SMALLINT", "INTEGER", "BIGINT", "UTINYINT", "USMALLINT", "UINTEGER"},
}
"""Column types read as they are (every value fits the rule's DATE and BIGINT)."""


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
        Crossings per bucket of persons classified at a time. A Parquet input
        of at most this many rows is read straight into the sort, not staged.
    kernel
        ``"arrays"`` (default): one sort, then :mod:`migdex.mobility.kernel`
        on the sorted columns; ``"sql"``: the window passes of
        :mod:`migdex.mobility.rule_sql` that Spark runs. Both give the same output.
    """

    name = "duckdb"
    dialect = DUCKDB

    def __init__(
        self,
        *,
        threads: int = 2,
        memory_limit: str = "4GB",
        temp_directory: str | os.PathLike[str] | None = None,
        bucket_rows: int = 10_000_000,
        kernel: str = "arrays",
    ) -> None:
        if kernel not in ("arrays", "sql"):
            raise ValueError(f"kernel {kernel!r}; expected 'arrays' or 'sql'")
        self.kernel = kernel
        self.threads = threads
        self._gap_ids: list[str] = []
        self._classified: pa.Table | None = None
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
        self._types: dict[str, dict[str, str]] = {}

    def close(self) -> None:
        """Release the connection."""
        self.con.close()

    def register_raw(self, name: str, source: Any, *, columns: Sequence[str], label: str) -> None:
        """Expose a file or frame as view ``name`` with exactly ``columns``."""
        scan = self._scan(name, source)
        described = self._run(f"DESCRIBE SELECT * FROM {scan}", source).fetchall()
        found = [row[0] for row in described]
        self._types[name] = {row[0]: str(row[1]) for row in described}
        missing = [c for c in columns if c not in found]
        if missing:
            where = source_name(source, label)
            raise MissingColumnError(
                f"{where}: missing column(s) {', '.join(missing)}; "
                f"found {', '.join(found) or 'none'}"
            )
        cols = ", ".join(f'"{c}"' for c in columns)
        self._run(f"CREATE OR REPLACE TEMP VIEW {name} AS SELECT {cols} FROM {scan}", source)

    def native_columns(self, name: str) -> frozenset[str]:
        """``date`` stored as DATE and ``seq`` as an integer skip the text round trip."""
        types = self._types.get(name, {})
        native = {c for c, kind in NATIVE_TYPES.items() if types.get(c) in kind}
        return frozenset(native)

    def locate_problems(
        self, source: Any, *, columns: Sequence[str], checks_for: Callable[[Dialect], dict]
    ) -> list[tuple[Any, ...]]:
        """Find bad cells with their 1-based data-row numbers (one thread keeps file order)."""
        with duckdb.connect(config={"threads": 1, "preserve_insertion_order": True}) as con:
            locator = DuckDBEngine.__new__(DuckDBEngine)
            locator.con, locator._frames = con, {}
            scan = locator._scan("located", source)
            as_text = {c: f'CAST("{c}" AS VARCHAR)' for c in columns}
            cols = ", ".join(f"{text_sql(c, as_text[c])} AS {c}" for c in columns)
            raw = f"SELECT row_number() OVER () AS row_nr, {cols} FROM {scan}"
            sql = problems_sql(raw, checks_for(DUCKDB), MAX_REPORTED)
            return locator._run(sql, source).fetchall()

    def bucket_count(self, rows: int) -> int:
        """Enough buckets that each holds about ``bucket_rows`` crossings."""
        return max(1, math.ceil(rows / self.bucket_rows))

    def bucket_filter(self, bucket: int, buckets: int) -> str:
        """Rows whose person hash falls in ``bucket``."""
        return "TRUE" if buckets == 1 else f"bucket % {buckets} = {bucket}"

    def stage_bucket(self, name: str, where: str) -> None:
        """For the array kernel a view (duplicates go after its one sort); else a table."""
        if self.kernel == "sql":
            super().stage_bucket(name, where)
        else:
            self.con.execute(
                f"CREATE OR REPLACE TEMP VIEW {name} AS "
                f"SELECT person_id, day, seq, is_arr FROM staged WHERE {where}"
            )

    def classify_table(
        self,
        source: str,
        *,
        settings: RuleSettings,
        obs_end_day: int,
        obs_start_day: int,
        initial: str | None = None,
    ) -> dict[str, int]:
        """One sorted read of ``source``, the array kernel, and ``classified`` as Arrow.

        ``source`` needs ``person_id, day, seq, is_arr``; exact duplicates are
        dropped here (``date`` and ``direction`` follow from ``day`` and ``is_arr``).
        """
        if self.kernel == "sql":
            return super().classify_table(
                source,
                settings=settings,
                obs_end_day=obs_end_day,
                obs_start_day=obs_start_day,
                initial=initial,
            )
        given, join = "", ""
        if initial is not None:
            given = (
                ", CAST(CASE WHEN g.person_id IS NULL THEN 0 ELSE 1 END AS TINYINT) AS is_given"
                ", CAST(g.status AS TINYINT) AS given"
            )
            join = f" LEFT JOIN {initial} g ON g.person_id = c.person_id"
        table = self.con.sql(
            "SELECT c.person_id, CAST(c.day AS INTEGER) AS day, CAST(c.seq AS BIGINT) AS seq, "
            f"CAST(c.is_arr AS TINYINT) AS is_arr{given} FROM {source} c{join} "
            "ORDER BY c.person_id, c.day, c.seq, c.is_arr DESC"
        ).to_arrow_table()
        crossings = sorted_crossings(table)
        del table
        result = classify_sorted_parallel(
            crossings.new_person,
            crossings.day,
            crossings.is_arr,
            crossings.given,
            crossings.is_given,
            threads=self.threads,
            settings=settings,
            obs_start_day=obs_start_day,
            obs_end_day=obs_end_day,
        )
        classified, self._gap_ids = classified_table(crossings, result)
        self._classified = classified
        self.con.register("classified", classified)
        return result.counts

    def output_sql(self) -> str:
        """The kernel's rows are already in crossing order."""
        if self.kernel == "sql":
            return super().output_sql()
        return f"SELECT {', '.join(OUTPUT_COLUMNS)} FROM classified"

    def gap_persons(self, *, limit: int = 5) -> list[str]:
        """A few persons with two crossings in the same direction in a row."""
        if self.kernel == "sql":
            return super().gap_persons(limit=limit)
        return sorted(self._gap_ids)[:limit]

    def materialise(self, name: str, sql: str) -> None:
        """Keep the result as a temporary table (spilled to disk under the memory limit)."""
        self.con.execute(f"CREATE OR REPLACE TEMP TABLE {name} AS {sql}")

    def materialise_input(self, name: str, sql: str, source: Any) -> None:
        """Materialise a step that reads ``source``; reading failures name the file.

        A Parquet file of one bucket stays a view: the array kernel's one sort
        reads it again faster than DuckDB stores and rescans a copy.
        """
        kind = "VIEW" if self._read_twice(source) else "TABLE"
        self._run(f"CREATE OR REPLACE TEMP {kind} {name} AS {sql}", source)

    def _read_twice(self, source: Any) -> bool:
        """Whether ``source`` is a Parquet file the array kernel classifies in one bucket."""
        if self.kernel != "arrays" or isinstance(source, pd.DataFrame):
            return False
        if Path(source).suffix.lower() != ".parquet":
            return False
        try:
            rows = pq.ParquetFile(source).metadata.num_rows
        except (OSError, pa.ArrowException):
            return False  # DuckDB's own read names the problem
        return rows <= self.bucket_rows

    def fetch(self, sql: str) -> list[tuple[Any, ...]]:
        """All rows of ``sql``."""
        return self.con.execute(sql).fetchall()

    def to_frame(self, sql: str) -> pd.DataFrame:
        """Rows of ``sql`` as pandas (in the order the kernel left them)."""
        with self._in_order():
            return self.con.execute(sql).df()

    def arrow_result(self, sql: str) -> pa.Table | None:
        """The array kernel's bucket, as the Arrow table it already is."""
        if self.kernel == "arrays" and sql == self.output_sql():
            return self._classified
        return None

    def copy_to(self, sql: str, path: Path, *, fmt: str) -> None:
        """``COPY`` the rows of ``sql`` to ``path`` (in the order the kernel left them)."""
        if fmt == "parquet" and self.kernel == "arrays" and sql == self.output_sql():
            # pyarrow keeps the non-null columns required, as DuckDB does from a table.
            pq.write_table(self._classified, path)
            return
        options = "FORMAT csv, HEADER true" if fmt == "csv" else "FORMAT parquet"
        with self._in_order():
            self.con.execute(f"COPY ({sql}) TO {_quote(path)} ({options})")

    @contextlib.contextmanager
    def _in_order(self) -> Iterator[None]:
        """Keep the row order of scans while the block runs."""
        self.con.execute("SET preserve_insertion_order = true")
        try:
            yield
        finally:
            self.con.execute("SET preserve_insertion_order = false")

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
