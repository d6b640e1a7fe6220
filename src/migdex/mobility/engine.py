"""The rule's engine interface: a base class owns the algorithm, backends fill in hooks.

The SQL lives in :mod:`migdex.mobility.rule_sql`, written in the dialect that
DuckDB and Spark share. Dialect differences are a table of names
(:class:`Dialect`), never ``if engine == ...`` branches."""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pandas as pd

from migdex.mobility import rule_sql as steps
from migdex.mobility.rule import RuleSettings

OUTPUT_COLUMNS = (
    "person_id",
    "date",
    "direction",
    "seq",
    "status_before",
    "status_after",
    "long_term",
)


@dataclass(frozen=True)
class Dialect:
    """SQL spellings that differ between engines."""

    parse_date: Callable[[str], str]
    day_number: Callable[[str], str]
    try_int: Callable[[str], str]
    to_text: Callable[[str], str]
    bucket: Callable[[str], str]


class RuleEngine(ABC):
    """Runs the rule's SQL steps; a backend says how to run SQL and keep a table.

    Subclasses set :attr:`dialect` and implement :meth:`materialise` and
    :meth:`fetch`.
    """

    name: str
    dialect: Dialect

    @abstractmethod
    def register_raw(self, name: str, source: Any, *, columns: Sequence[str], label: str) -> None:
        """Make ``source`` (a file or a frame) readable as table ``name`` of text columns.

        Raises :class:`~migdex.errors.MissingColumnError` naming ``label`` when a
        column is missing.
        """

    @abstractmethod
    def locate_problems(
        self, source: Any, *, columns: Sequence[str], checks_for: Callable[[Dialect], dict]
    ) -> list[tuple[Any, ...]]:
        """Rows of :func:`~migdex.mobility.inputs.problems_sql` for ``source`` (1-based rows)."""

    @abstractmethod
    def bucket_count(self, rows: int) -> int:
        """How many buckets of persons to classify one after the other."""

    @abstractmethod
    def bucket_filter(self, bucket: int, buckets: int) -> str:
        """SQL condition selecting the staged rows of one bucket."""

    @abstractmethod
    def to_frame(self, sql: str) -> pd.DataFrame:
        """Run ``sql`` and return a pandas frame with nullable integer columns."""

    @abstractmethod
    def copy_to(self, sql: str, path: Path, *, fmt: str) -> None:
        """Write the result of ``sql`` to ``path`` as ``csv`` (with header) or ``parquet``."""

    @abstractmethod
    def materialise(self, name: str, sql: str) -> None:
        """Make the result of ``sql`` available to later steps as table ``name``."""

    def arrow_result(self, sql: str) -> Any:
        """The rows of ``sql`` as an Arrow table when the engine holds them so (else ``None``)."""
        return None

    def native_columns(self, name: str) -> frozenset[str]:
        """Columns of raw table ``name`` already typed as the rule needs (none by default)."""
        return frozenset()

    def close(self) -> None:  # noqa: B027 (optional hook: most engines hold nothing)
        """Release the engine's resources (nothing by default)."""

    def materialise_input(self, name: str, sql: str, source: Any) -> None:
        """Like :meth:`materialise` for a step that reads the user's ``source``."""
        self.materialise(name, sql)

    @abstractmethod
    def fetch(self, sql: str) -> list[tuple[Any, ...]]:
        """Run ``sql`` and return its rows."""

    def classify_table(
        self,
        source: str,
        *,
        settings: RuleSettings,
        obs_end_day: int,
        obs_start_day: int,
        initial: str | None = None,
    ) -> dict[str, int]:
        """Classify the distinct crossings in table ``source`` into table ``classified``.

        ``source`` has ``person_id, date, direction, seq, day, is_arr``;
        ``initial`` (optional) has ``person_id, status``. Returns the counts
        that go into the metadata.
        """
        self.materialise(
            "ordered",
            steps.ordered_sql(source, settings, obs_start_day=obs_start_day, initial=initial),
        )
        self.materialise("measured", steps.measured_sql(settings, obs_end_day=obs_end_day))
        self.materialise("status", steps.status_sql())
        self.materialise("open_groups", steps.open_groups_sql())
        self.materialise("classified", steps.classified_sql(settings))
        (row,) = self.fetch(steps.counts_sql())
        return {name: int(value or 0) for name, value in zip(steps.COUNT_NAMES, row, strict=True)}

    def output_sql(self) -> str:
        """The output columns of table ``classified``, person by person in crossing order."""
        return f"SELECT {', '.join(OUTPUT_COLUMNS)} FROM classified ORDER BY person_id, day, k"

    def stage_bucket(self, name: str, where: str) -> None:
        """The distinct staged crossings that satisfy ``where`` as table ``name``."""
        self.materialise(
            name,
            "SELECT DISTINCT person_id, date, direction, seq, day, is_arr FROM staged "
            f"WHERE {where}",
        )

    def gap_persons(self, *, limit: int = 5) -> list[str]:
        """A few persons with two crossings in the same direction in a row."""
        rows = self.fetch(
            "SELECT DISTINCT person_id FROM ordered WHERE is_gap = 1 "
            f"ORDER BY person_id LIMIT {limit}"
        )
        return [str(r[0]) for r in rows]
