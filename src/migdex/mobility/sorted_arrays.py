"""From DuckDB's sorted Arrow batches to the kernel's arrays and back, without copying ids.

The sorted ``person_id`` column is the largest thing a bucket holds. It is
never combined, filtered or rebuilt row by row here: each person's id is kept
once, duplicates are dropped from the integer columns only, and the output
column is one ``take`` of those ids by person number. Large columns stay
narrow (``int32`` days and person numbers) or in Arrow's pool (``seq``, the
output statuses): on Linux, numpy's 80 MB ``int64`` arrays are mapped afresh
each time, and their page faults cost more than the arithmetic on them.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from migdex.mobility.kernel import NULL, Kernel, boundaries, first_of_each

CLASSIFIED_SCHEMA = pa.schema(
    [
        pa.field("person_id", pa.string(), nullable=False),
        pa.field("date", pa.date32(), nullable=False),
        pa.field("direction", pa.string(), nullable=False),
        pa.field("seq", pa.int64(), nullable=False),
        pa.field("status_before", pa.int64()),
        pa.field("status_after", pa.int64()),
        pa.field("long_term", pa.int32()),
    ]
)
"""The output columns with the types the SQL passes give them."""

DIRECTIONS = pa.array(["departure", "arrival"], pa.string())


@dataclass(frozen=True)
class SortedCrossings:
    """Distinct crossings in rule order; ``persons`` holds each person's id once."""

    persons: pa.Array
    new_person: np.ndarray
    day: np.ndarray
    seq: pa.Array
    is_arr: np.ndarray
    given: np.ndarray
    is_given: np.ndarray

    def person_number(self) -> np.ndarray:
        """Each row's index into :attr:`persons`."""
        number = np.cumsum(self.new_person, dtype=np.int32)
        number -= 1
        return number


def sorted_crossings(table: pa.Table) -> SortedCrossings:
    """Split a table sorted by ``(person_id, day, seq, is_arr DESC)``; drop exact duplicates.

    ``table`` has ``person_id, day, seq, is_arr`` and optionally ``is_given,
    given`` (the initial status; ``-1`` where unknown or not given).
    """
    ids = table.column("person_id")
    new_person = boundaries(ids)
    persons = pc.filter(ids, pa.array(new_person)).combine_chunks()
    day, is_arr = _numpy(table, "day"), _numpy(table, "is_arr")
    seq = _combined(table, "seq")
    given: np.ndarray | None
    is_given: np.ndarray | None
    if "given" in table.column_names:
        given, is_given = _numpy(table, "given", fill=NULL), _numpy(table, "is_given")
    else:
        given = is_given = None
    first = first_of_each(new_person, day, seq.to_numpy(), is_arr)
    if not first.all():  # exact duplicates sit next to each other
        seq = seq.filter(pa.array(first))
        new_person, day, is_arr = new_person[first], day[first], is_arr[first]
        if given is not None and is_given is not None:  # both given, or neither
            given, is_given = given[first], is_given[first]
    if given is None or is_given is None:
        given = is_given = np.zeros(len(day), dtype=np.int8)
    return SortedCrossings(persons, new_person, day, seq, is_arr, given, is_given)


def classified_table(crossings: SortedCrossings, result: Kernel) -> tuple[pa.Table, list[str]]:
    """The output table of a bucket, and the ids of its persons with gaps."""
    number = crossings.person_number()
    person_id = crossings.persons.take(pa.array(number))
    day = pa.array(crossings.day.astype(np.int32, copy=False)).view(pa.date32())
    columns = [
        person_id,
        day,
        DIRECTIONS.take(pa.array(crossings.is_arr.astype(np.int8, copy=False))),
        crossings.seq,
        _nullable(result.status_before, pa.int64()),
        _nullable(result.status_after, pa.int64()),
        _nullable(result.long_term, pa.int32()),
    ]
    gap_ids = crossings.persons.take(pa.array(number[result.gap_person_rows])).to_pylist()
    return pa.Table.from_arrays(columns, schema=CLASSIFIED_SCHEMA), [str(x) for x in gap_ids]


def _numpy(table: pa.Table, column: str, *, fill: int = 0) -> np.ndarray:
    """An integer column as one numpy array, nulls as ``fill``."""
    values = table.column(column)
    if values.null_count:
        values = values.fill_null(fill)
    if values.num_chunks == 0:
        return np.zeros(0, dtype=values.type.to_pandas_dtype())
    return values.to_numpy()


def _combined(table: pa.Table, column: str) -> pa.Array:
    """A column without nulls as one Arrow array (in Arrow's pool, not numpy's)."""
    values = table.column(column)
    if values.num_chunks == 1:
        return values.chunk(0)
    return pa.concat_arrays(values.chunks) if values.num_chunks else pa.array([], values.type)


def _nullable(values: np.ndarray, kind: pa.DataType) -> pa.Array:
    """Small kernel integers as a wider Arrow column, ``-1`` as null."""
    return pa.array(values, mask=values == NULL).cast(kind)
