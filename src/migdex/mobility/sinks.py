"""Where a run's per-bucket results go: a pandas frame, or one file written atomically.

Engines that hand over each bucket as Arrow (DuckDB's array kernel) stream
into one Parquet writer on a background thread, so that a bucket is written
while the next is sorted and classified (pyarrow releases the GIL), and no
part files are read back and joined at the end.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import tempfile
from collections.abc import Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path
from typing import Any

import pandas as pd

from migdex.errors import InputFileError
from migdex.io import atomic_output

FORMATS = {".csv": "csv", ".parquet": "parquet"}
NULLABLE_INTS = {
    "seq": "Int64",
    "status_before": "Int8",
    "status_after": "Int8",
    "long_term": "Int8",
}


def output_format(path: str | os.PathLike[str]) -> str:
    """``csv`` or ``parquet`` from the file name; anything else is an input error."""
    suffix = Path(path).suffix.lower()
    if suffix not in FORMATS:
        raise InputFileError(f"{path}: unknown output type {suffix!r}; use .csv or .parquet")
    return FORMATS[suffix]


def normalise_frame(frame: pd.DataFrame) -> pd.DataFrame:
    """Stable column types whatever the engine: nullable ints, dates as ``datetime64``."""
    frame = frame.copy()
    for column, dtype in NULLABLE_INTS.items():
        if column in frame.columns:
            frame[column] = frame[column].astype(dtype)
    if "date" in frame.columns:
        frame["date"] = pd.to_datetime(frame["date"]).astype("datetime64[s]")
    if "person_id" in frame.columns:
        frame["person_id"] = frame["person_id"].astype(str)
    return frame.reset_index(drop=True)


class FrameSink:
    """Collect every bucket's rows into one pandas frame."""

    def __init__(self) -> None:
        self.frames: list[pd.DataFrame] = []

    def add(self, engine: Any, sql: str) -> None:
        """Append the rows of ``sql``."""
        self.frames.append(engine.to_frame(sql))

    def result(self) -> pd.DataFrame:
        """All rows, normalised."""
        return normalise_frame(pd.concat(self.frames, ignore_index=True))


class FileSink:
    """Write every bucket to a part file (or one Parquet stream), then move it to ``out``.

    Nothing appears at ``out`` unless :meth:`finish` completes.
    """

    def __init__(self, out: str | os.PathLike[str], parts_dir: Path) -> None:
        self.out = Path(out)
        self.fmt = output_format(out)
        self.parts_dir = parts_dir
        self.parts: list[Path] = []
        self._writer: Any = None
        # Starts its thread only on the first write.
        self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="parquet-writer")
        self._pending: Future | None = None

    def add(self, engine: Any, sql: str) -> None:
        """Write the rows of ``sql`` as the next part (or the next row groups of the stream)."""
        table = engine.arrow_result(sql) if self.fmt == "parquet" else None
        if table is not None:
            self._stream(table)
            return
        part = self.parts_dir / f"part-{len(self.parts):05d}.{self.fmt}"
        engine.copy_to(sql, part, fmt=self.fmt)
        self.parts.append(part)

    def _stream(self, table: Any) -> None:
        """Append ``table`` to the one Parquet file, on the writer thread."""
        import pyarrow.parquet as pq

        if self._writer is None:
            part = self.parts_dir / "stream.parquet"
            # pyarrow keeps the non-null columns required, as DuckDB does from a table.
            self._writer = pq.ParquetWriter(part, table.schema)
            self.parts.append(part)
        self._wait()
        self._pending = self._pool.submit(self._writer.write_table, table)

    def _wait(self) -> None:
        """Let the previous write finish; its error, if any, is raised here."""
        pending, self._pending = self._pending, None
        if pending is not None:
            pending.result()

    def close(self) -> None:
        """Finish or abandon the writer thread and close the stream (idempotent)."""
        try:
            self._wait()
        finally:
            self._pool.shutdown(wait=True)
            if self._writer is not None:
                self._writer.close()
                self._writer = None

    def finish(self) -> None:
        """Join the parts into ``out``; nothing appears there unless this completes."""
        self.close()
        with atomic_output(self.out) as tmp:
            if len(self.parts) == 1:
                os.replace(self.parts[0], tmp)
            elif self.fmt == "csv":
                join_csv(self.parts, tmp)
            else:
                join_parquet(self.parts, tmp)


@contextlib.contextmanager
def file_sink(out: str | os.PathLike[str]) -> Iterator[FileSink]:
    """A :class:`FileSink` whose scratch directory sits beside ``out`` and is always removed."""
    target = Path(out)
    output_format(target)
    target.parent.mkdir(parents=True, exist_ok=True)
    scratch = Path(tempfile.mkdtemp(prefix=f".{target.name}.", suffix=".parts", dir=target.parent))
    sink = FileSink(target, scratch)
    try:
        yield sink
    finally:
        with contextlib.suppress(Exception):  # the run's own error is the one to report
            sink.close()
        shutil.rmtree(scratch, ignore_errors=True)


def join_csv(parts: list[Path], target: Path) -> None:
    """Concatenate CSV parts, keeping the header of the first only."""
    with target.open("wb") as dst:
        for index, part in enumerate(parts):
            with part.open("rb") as src:
                header = src.readline()
                if index == 0:
                    dst.write(header)
                shutil.copyfileobj(src, dst, length=16 << 20)


def join_parquet(parts: list[Path], target: Path) -> None:
    """Stream Parquet parts into one file, batch by batch (bounded memory)."""
    import pyarrow.parquet as pq

    schema = pq.read_schema(parts[0])
    with pq.ParquetWriter(target, schema) as writer:
        for part in parts:
            for batch in pq.ParquetFile(part).iter_batches(batch_size=1 << 20):
                writer.write_batch(batch.cast(schema) if batch.schema != schema else batch)
