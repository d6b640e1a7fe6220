"""Typed Parquet columns skip the text round trip; results and errors stay those of text."""

from __future__ import annotations

import datetime as dt

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from migdex.mobility import classify_file, read_classified
from migdex.mobility.duckdb_engine import DuckDBEngine
from migdex.mobility.inputs import CrossingValueError
from migdex.mobility.sorted_arrays import sorted_crossings

from .histories import START, as_frame
from .test_engines import random_rows

OBS_END = START + dt.timedelta(days=1550)


def typed_table(frame: pd.DataFrame, *, date_type: pa.DataType = pa.date32()) -> pa.Table:
    """``frame`` (text columns) as Parquet would store it natively."""
    dates = pd.to_datetime(frame["date"]).dt.date
    return pa.table(
        {
            "person_id": pa.array(frame["person_id"], pa.string()),
            "date": pa.array(dates, pa.date32()).cast(date_type),
            "direction": pa.array(frame["direction"], pa.string()),
            "seq": pa.array(frame["seq"].astype("int64"), pa.int64()),
        }
    )


def classify_both(tmp_path, frame: pd.DataFrame, **options) -> tuple:
    """Classify ``frame`` from a text CSV and from a typed Parquet; return both results."""
    text, typed = tmp_path / "text.csv", tmp_path / "typed.parquet"
    frame.to_csv(text, index=False)
    pq.write_table(typed_table(frame), typed)
    outputs = []
    for source in (text, typed):
        engine = DuckDBEngine(**options)
        out = tmp_path / f"out-{source.suffix[1:]}.parquet"
        metadata = classify_file(source, out=out, obs_end=OBS_END, engine=engine)
        engine.close()
        outputs.append((pq.read_table(out), metadata))
    return outputs


@pytest.mark.parametrize("bucket_rows", [10_000_000, 50])
def test_typed_parquet_gives_the_same_output_as_text(tmp_path, bucket_rows):
    frame = as_frame(random_rows(21, persons=200))
    (text, text_meta), (typed, typed_meta) = classify_both(tmp_path, frame, bucket_rows=bucket_rows)
    assert typed.equals(text)
    assert typed_meta["counts"] == text_meta["counts"]
    assert typed_meta["counts"]["duplicates_removed"] > 0


def test_engine_reads_date_and_integer_seq_as_they_are(tmp_path):
    frame = as_frame(random_rows(2, persons=5))
    typed = tmp_path / "typed.parquet"
    stamped = tmp_path / "stamped.parquet"
    pq.write_table(typed_table(frame), typed)
    pq.write_table(typed_table(frame, date_type=pa.timestamp("s")), stamped)
    engine = DuckDBEngine()
    engine.register_raw("typed", typed, columns=["date", "seq"], label="crossings")
    engine.register_raw("stamped", stamped, columns=["date", "seq"], label="crossings")
    assert engine.native_columns("typed") == {"date", "seq"}
    assert engine.native_columns("stamped") == {"seq"}  # timestamps still go through text
    engine.close()


@pytest.mark.parametrize(
    ("row", "message"),
    [
        (
            {"date": dt.date(2025, 1, 1)},
            'row 3: date = "2025-01-01"; expected a date before --obs-end',
        ),
        ({"date": None}, 'row 3: date = ""; expected a date before --obs-end'),
        ({"seq": None}, 'row 3: seq = ""; expected an integer'),
    ],
)
def test_bad_typed_values_are_named_as_in_text(tmp_path, row, message):
    table = pa.table(
        {
            "person_id": ["a", "a", "b"],
            "date": pa.array([dt.date(2021, 1, 1), dt.date(2021, 2, 1), dt.date(2021, 3, 1)]),
            "direction": ["arrival", "departure", "arrival"],
            "seq": pa.array([1, 2, 3], pa.int64()),
        }
    )
    for column, value in row.items():
        values = table.column(column).to_pylist()
        values[2] = value
        index = table.column_names.index(column)
        table = table.set_column(index, column, pa.array(values, table.schema.field(column).type))
    source = tmp_path / "c.parquet"
    pq.write_table(table, source)
    with pytest.raises(CrossingValueError, match=message):
        classify_file(source, out=tmp_path / "out.parquet", obs_end=dt.date(2024, 12, 31))
    assert not (tmp_path / "out.parquet").exists()


def test_sorted_crossings_do_not_depend_on_how_duckdb_chunks_the_batch():
    ids = ["a", "a", "a", "b", "b", "c", "c", "c"]
    day = np.array([1, 1, 2, 2, 2, 3, 4, 4], dtype=np.int32)
    seq = np.zeros(8, dtype=np.int64)
    is_arr = np.array([1, 1, 0, 1, 1, 1, 0, 0], dtype=np.int8)  # exact duplicates at chunk edges
    whole = pa.table({"person_id": ids, "day": day, "seq": seq, "is_arr": is_arr})
    chunked = pa.concat_tables([whole.slice(0, 2), whole.slice(2, 2), whole.slice(4, 4)])
    assert chunked.column("person_id").num_chunks == 3
    one, many = sorted_crossings(whole), sorted_crossings(chunked)
    assert many.persons.to_pylist() == one.persons.to_pylist() == ["a", "b", "c"]
    for name in ("new_person", "day", "seq", "is_arr", "given", "is_given"):
        np.testing.assert_array_equal(getattr(many, name), getattr(one, name))
    np.testing.assert_array_equal(many.day, [1, 2, 2, 3, 4])
    np.testing.assert_array_equal(many.person_number(), [0, 0, 1, 2, 2])
    assert not many.is_given.any()


def test_typed_input_with_initial_status_matches_text(tmp_path):
    frame = as_frame(random_rows(4, persons=60))
    status = pd.DataFrame({"person_id": [f"p{p:03d}" for p in range(0, 60, 2)]})
    status["status"] = ["1", "0", ""] * 10
    status_path = tmp_path / "status.csv"
    status.to_csv(status_path, index=False)
    text, typed = tmp_path / "text.csv", tmp_path / "typed.parquet"
    frame.to_csv(text, index=False)
    pq.write_table(typed_table(frame), typed)
    results = []
    for source in (text, typed):
        out = tmp_path / f"out-{source.suffix[1:]}.csv"
        classify_file(source, out=out, obs_end=OBS_END, initial_status=status_path)
        results.append(read_classified(out))
    pd.testing.assert_frame_equal(results[0], results[1])
    assert results[1]["status_before"].notna().any()


def test_streamed_buckets_write_the_file_the_parts_and_join_wrote(tmp_path):
    frame = as_frame(random_rows(8, persons=200))
    outputs = {}
    for kernel in ("arrays", "sql"):  # the SQL kernel still writes parts and joins them
        outputs[kernel] = tmp_path / f"{kernel}.parquet"
        engine = DuckDBEngine(bucket_rows=150, kernel=kernel)
        metadata = classify_file(frame, out=outputs[kernel], obs_end=OBS_END, engine=engine)
        engine.close()
    assert pq.ParquetFile(outputs["arrays"]).metadata.num_row_groups > 1
    assert pq.read_table(outputs["arrays"]).equals(pq.read_table(outputs["sql"]))
    assert pq.read_schema(outputs["arrays"]) == pq.read_schema(outputs["sql"])
    assert metadata["counts"]["rows_read"] == len(frame)


def test_a_bucket_failing_after_others_were_streamed_leaves_no_file(tmp_path, monkeypatch):
    from migdex.mobility import RuleSettings
    from migdex.mobility.inputs import GapError
    from migdex.mobility.sinks import FileSink

    streamed = []
    stream = FileSink._stream
    monkeypatch.setattr(FileSink, "_stream", lambda self, t: (streamed.append(1), stream(self, t)))

    rows = [(f"p{p:03d}", 10 * p, "arrival", 0) for p in range(40)]
    rows += [(f"p{p:03d}", 10 * p + 5, "departure", 0) for p in range(40)]
    rows += [("p999", 1, "arrival", 0), ("p999", 2, "arrival", 1)]  # a gap, in some bucket
    engine = DuckDBEngine(bucket_rows=10)
    out = tmp_path / "out.parquet"
    with pytest.raises(GapError, match="p999"):
        classify_file(
            as_frame(rows),
            out=out,
            obs_end=OBS_END,
            settings=RuleSettings(gap_policy="reject"),
            engine=engine,
        )
    engine.close()
    assert streamed  # some buckets were already on the writer thread
    assert list(tmp_path.iterdir()) == []
