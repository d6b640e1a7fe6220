"""Small I/O edges shared by the libraries: reading tables, writing atomically.

Every writer goes through :func:`atomic_output` so that a failed run leaves
nothing at the target path (no half-written files).
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Iterator, Sequence
from pathlib import Path

import pandas as pd

from migdex.errors import InputFileError, MissingColumnError

TABLE_SUFFIXES = (".csv", ".xlsx", ".parquet")


@contextlib.contextmanager
def atomic_output(target: str | os.PathLike[str]) -> Iterator[Path]:
    """Yield a temporary path beside ``target``; rename it onto ``target`` only on success.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> d = pathlib.Path(tempfile.mkdtemp())
    >>> with atomic_output(d / "out.txt") as tmp:
    ...     _ = tmp.write_text("done")
    >>> (d / "out.txt").read_text()
    'done'
    """
    target = Path(target)
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".part", dir=target.parent)
    os.close(fd)
    tmp = Path(name)
    try:
        yield tmp
        os.replace(tmp, target)
    finally:
        if tmp.exists():
            tmp.unlink()


@contextlib.contextmanager
def atomic_directory(target: str | os.PathLike[str]) -> Iterator[Path]:
    """Yield a temporary directory beside ``target``; move it onto ``target`` only on success.

    An existing ``target`` directory is replaced as a whole, so readers never
    see a mixture of old and new files.
    """
    import shutil

    target = Path(target)
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=f".{target.name}.", suffix=".part", dir=target.parent))
    try:
        yield tmp
        if target.exists():
            old = target.with_name(f".{target.name}.old")
            shutil.rmtree(old, ignore_errors=True)
            os.replace(target, old)
            os.replace(tmp, target)
            shutil.rmtree(old, ignore_errors=True)
        else:
            os.replace(tmp, target)
    finally:
        if tmp.exists():
            shutil.rmtree(tmp, ignore_errors=True)


def read_table(path: str | os.PathLike[str], *, dtype: type | None = str) -> pd.DataFrame:
    """Read a CSV, XLSX or Parquet table; empty strings become missing values.

    Raises :class:`InputFileError` naming the file when it is absent or unreadable.
    """
    path = Path(path)
    if not path.exists():
        raise InputFileError(f"{path}: no such file")
    suffix = path.suffix.lower()
    try:
        if suffix == ".csv":
            frame = pd.read_csv(path, dtype=dtype, keep_default_na=False, na_values=[""])
        elif suffix in (".xlsx", ".xlsm"):
            frame = pd.read_excel(path, dtype=dtype, engine="openpyxl")
        elif suffix == ".parquet":
            frame = pd.read_parquet(path)
        else:
            raise InputFileError(
                f"{path}: unknown file type {suffix!r}; use one of {', '.join(TABLE_SUFFIXES)}"
            )
    except InputFileError:
        raise
    except Exception as exc:  # parser errors differ per format; report them in one way
        raise InputFileError(f"{path}: cannot be read ({exc})") from exc
    frame.columns = [str(c).strip() for c in frame.columns]
    if dtype is str:
        frame = frame.apply(lambda col: col.str.strip() if col.dtype == object else col)
        frame = frame.replace({"": pd.NA})
    return frame


def require_columns(frame: pd.DataFrame, columns: Sequence[str], *, source: str) -> None:
    """Raise :class:`MissingColumnError` listing every required column ``frame`` lacks."""
    missing = [c for c in columns if c not in frame.columns]
    if missing:
        raise MissingColumnError(
            f"{source}: missing column(s) {', '.join(missing)}; "
            f"found {', '.join(map(str, frame.columns)) or 'none'}"
        )
