"""Checking crossings and initial-status tables: typed columns, and messages that say where.

Validation is SQL over the raw text columns so that it runs at scale on any
engine; :func:`problem_messages` turns the first few bad cells into lines such
as ``crossings.csv row 214: direction = "arival"; expected arrival or departure``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass, replace
from typing import Any

from migdex.errors import InputError
from migdex.mobility.engine import Dialect

CROSSING_COLUMNS = ("person_id", "date", "direction", "seq")
STATUS_COLUMNS = ("person_id", "status")
MAX_REPORTED = 5


class CrossingValueError(InputError):
    """A crossing or status row holds a value the rule cannot use."""


class GapError(InputError):
    """Two crossings in the same direction in a row while the gap policy is ``reject``."""


@dataclass(frozen=True)
class Problem:
    """One bad cell: where it is, what it holds and what was expected."""

    row: int
    column: str
    value: Any
    expected: str


def crossing_checks(
    dialect: Dialect, *, obs_end: dt.date, obs_start: dt.date | None
) -> dict[str, tuple[str, str]]:
    """Per column: SQL that is true for a bad value, and what a good one looks like."""
    date = dialect.parse_date("date")
    range_check = f"{date} >= DATE '{obs_end}'"
    expected = f"a date before --obs-end {obs_end} (YYYY-MM-DD)"
    if obs_start is not None:
        range_check += f" OR {date} < DATE '{obs_start}'"
        expected = f"a date in [--obs-start {obs_start}, --obs-end {obs_end}) (YYYY-MM-DD)"
    return {
        "person_id": ("person_id IS NULL OR person_id = ''", "a non-empty person id"),
        "date": (f"{date} IS NULL OR {range_check}", expected),
        "direction": (
            "direction IS NULL OR direction NOT IN ('arrival', 'departure')",
            "arrival or departure",
        ),
        "seq": (f"{dialect.try_int('seq')} IS NULL", "an integer"),
    }


def text_sql(column: str, as_text: str) -> str:
    """A column read as text: trimmed, and ``direction`` in lower case ("Arrival" is
    arrival; a value that is neither is still refused)."""
    trimmed = f"TRIM({as_text})"
    return f"LOWER({trimmed})" if column == "direction" else trimmed


def trimmed_sql(
    source: str,
    columns: Sequence[str],
    dialect: Dialect,
    extra: str = "",
    *,
    native: Collection[str] = (),
) -> str:
    """The columns of ``source`` as trimmed text (empty text stays empty).

    ``native`` columns already have the type the rule needs and pass as they are.
    """
    cols = ", ".join(
        f"{c} AS {c}" if c in native else f"{text_sql(c, dialect.to_text(c))} AS {c}"
        for c in columns
    )
    return f"SELECT {cols}{extra} FROM {source}"


def native_dialect(dialect: Dialect, native: Collection[str]) -> Dialect:
    """``dialect`` for a source whose ``native`` columns are already typed.

    A ``DATE`` column needs no parsing and an integer ``seq`` no text round
    trip; both give the same values and the same checks as their text, faster.
    """
    changes: dict[str, Callable[[str], str]] = {}
    if "date" in native:
        changes["parse_date"] = lambda c: c
    if "seq" in native:
        changes["try_int"] = lambda c: f"CAST({c} AS BIGINT)"
    return replace(dialect, **changes)


def staged_sql(raw: str, dialect: Dialect, *, bad: str, buckets: str = "") -> str:
    """Typed crossings from trimmed text, with a flag for rows that fail a check."""
    date = dialect.parse_date("date")
    return f"""
    SELECT person_id, {date} AS date, direction, {dialect.try_int("seq")} AS seq,
      {dialect.day_number(date)} AS day,
      CASE WHEN direction = 'arrival' THEN 1 ELSE 0 END AS is_arr,
      CASE WHEN {bad} THEN 1 ELSE 0 END AS is_bad{buckets}
    FROM ({raw}) r"""


def any_bad(checks: dict[str, tuple[str, str]]) -> str:
    """One SQL condition true when any check fails."""
    return " OR ".join(f"({cond})" for cond, _ in checks.values())


def problems_sql(raw_with_row: str, checks: dict[str, tuple[str, str]], limit: int) -> str:
    """The first bad cells (row, column, value) and, in every row, the total count."""
    parts = [
        f"SELECT row_nr, '{col}' AS col, CAST({col} AS VARCHAR) AS value FROM ({raw_with_row}) r "
        f"WHERE {cond}"
        for col, (cond, _) in checks.items()
    ]
    union = " UNION ALL ".join(parts)
    return f"""
    SELECT row_nr, col, value, count(*) OVER () AS total
    FROM ({union}) p ORDER BY row_nr, col LIMIT {limit}"""


def problem_messages(
    source: str, problems: Sequence[Problem], total: int, *, header_lines: int | None = None
) -> str:
    """Say where, what and how to fix; the first few problems and how many in all.

    Rows count data rows from 1; for a text file, ``header_lines`` adds the line number an
    editor shows (the header being line 1).

    Examples
    --------
    >>> p = Problem(214, "direction", "arival", "arrival or departure")
    >>> print(problem_messages("crossings.csv", [p], 1, header_lines=1))
    crossings.csv row 214 (line 215): direction = "arival"; expected arrival or departure
    """

    def where(p: Problem) -> str:
        return f"row {p.row}" + ("" if header_lines is None else f" (line {p.row + header_lines})")

    lines = [
        f'{source} {where(p)}: {p.column} = "{"" if p.value is None else p.value}"; '
        f"expected {p.expected}"
        for p in problems
    ]
    if total > len(problems):
        lines.append(f"... and {total - len(problems)} more problem(s); {total} in all")
    return "\n".join(lines)


def raise_problems(
    source: str,
    rows: Sequence[tuple[Any, ...]],
    checks: dict,
    *,
    header_lines: int | None = None,
) -> None:
    """Raise :class:`CrossingValueError` for rows from :func:`problems_sql` (if any)."""
    if not rows:
        return
    problems = [Problem(int(r[0]), str(r[1]), r[2], checks[r[1]][1]) for r in rows]
    message = problem_messages(source, problems, int(rows[0][3]), header_lines=header_lines)
    raise CrossingValueError(message)


def status_checks() -> dict[str, tuple[str, str]]:
    """Checks of an initial-status table: ids present, status 1, 0 or empty (unknown)."""
    return {
        "person_id": ("person_id IS NULL OR person_id = ''", "a non-empty person id"),
        "status": (
            "status IS NOT NULL AND status NOT IN ('', '1', '0')",
            "1 (resident), 0 (not resident) or empty (unknown)",
        ),
    }


def conflicting_status_sql(table: str) -> str:
    """Persons listed more than once with different statuses."""
    return f"""
    SELECT person_id FROM {table} GROUP BY person_id
    HAVING count(DISTINCT COALESCE(status, '')) > 1 ORDER BY person_id LIMIT {MAX_REPORTED}"""
