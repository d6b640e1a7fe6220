"""DuckDB's two kernels (array passes after one sort, SQL window passes) agree everywhere."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import pyarrow.parquet as pq
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from migdex.mobility import RuleSettings, classify_crossings, classify_file, read_classified
from migdex.mobility.duckdb_engine import DuckDBEngine

from .histories import (
    START,
    as_frame,
    assert_matches_sequential,
    scenarios,
)
from .test_engines import random_rows


@pytest.fixture(scope="module")
def sql_engine():
    runner = DuckDBEngine(kernel="sql")
    yield runner
    runner.close()


@settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(scenario=scenarios(), with_status=st.booleans())
def test_sql_kernel_equals_sequential_reference(sql_engine, scenario, with_status):
    assert_matches_sequential(sql_engine, scenario, with_status=with_status)


@pytest.mark.parametrize("seed", [3, 11])
def test_array_and_sql_kernels_give_identical_frames_and_counts(seed):
    rows = random_rows(seed, persons=300)
    status = pd.DataFrame(
        {"person_id": [f"p{p:03d}" for p in range(0, 300, 4)], "status": ["1", "0", ""] * 25}
    )
    obs_end = START + dt.timedelta(days=1550)
    results = {}
    for kernel in ("arrays", "sql"):
        engine = DuckDBEngine(kernel=kernel)
        results[kernel] = classify_crossings(
            as_frame(rows), obs_end=obs_end, initial_status=status, engine=engine
        )
        engine.close()
    pd.testing.assert_frame_equal(results["arrays"].crossings, results["sql"].crossings)
    assert results["arrays"].metadata == results["sql"].metadata


@pytest.mark.parametrize("suffix", ["csv", "parquet"])
def test_array_and_sql_kernels_write_identical_files(suffix, tmp_path):
    rows = random_rows(5)
    obs_end = START + dt.timedelta(days=1550)
    paths = {}
    for kernel in ("arrays", "sql"):
        paths[kernel] = tmp_path / f"{kernel}.{suffix}"
        engine = DuckDBEngine(kernel=kernel)
        classify_file(as_frame(rows), out=paths[kernel], obs_end=obs_end, engine=engine)
        engine.close()
    if suffix == "csv":
        assert paths["arrays"].read_bytes() == paths["sql"].read_bytes()
    else:
        assert pq.read_table(paths["arrays"]).equals(pq.read_table(paths["sql"]))
        assert pq.read_schema(paths["arrays"]) == pq.read_schema(paths["sql"])
    pd.testing.assert_frame_equal(read_classified(paths["arrays"]), read_classified(paths["sql"]))


def test_kernels_agree_when_some_buckets_hold_no_crossings():
    frame = as_frame(random_rows(9, persons=3))
    results = []
    for kernel in ("arrays", "sql"):
        engine = DuckDBEngine(bucket_rows=1, kernel=kernel)  # more buckets than persons
        results.append(
            classify_crossings(frame, obs_end=START + dt.timedelta(days=1550), engine=engine)
        )
        engine.close()
    pd.testing.assert_frame_equal(results[0].crossings, results[1].crossings)
    assert results[0].metadata == results[1].metadata


def test_unknown_kernel_is_refused():
    with pytest.raises(ValueError, match="kernel 'numba'"):
        DuckDBEngine(kernel="numba")


@pytest.mark.parametrize(("threads", "piece_rows"), [(2, 10**6), (3, 10**6), (7, 10**6), (2, 40)])
def test_runs_of_persons_in_threads_give_the_same_result(threads, piece_rows):
    import numpy as np

    from migdex.mobility import kernel

    rows = sorted(
        (p, d, s, 1 if direction == "arrival" else 0)
        for p, d, direction, s in set(random_rows(13, persons=200))
    )
    rows.sort(key=lambda r: (r[0], r[1], r[2], -r[3]))
    new_person = np.array([i == 0 or r[0] != rows[i - 1][0] for i, r in enumerate(rows)])
    day = np.array([r[1] for r in rows], dtype=np.int64)
    is_arr = np.array([r[3] for r in rows], dtype=np.int64)
    given = np.where(day % 3 == 0, 1, kernel.NULL)
    is_given = (day % 2).astype(np.int64)
    options = {"settings": RuleSettings(), "obs_start_day": 0, "obs_end_day": 1550}
    one = kernel.classify_sorted(new_person, day, is_arr, given, is_given, **options)
    split = kernel.classify_sorted_parallel(
        new_person,
        day,
        is_arr,
        given,
        is_given,
        threads=threads,
        min_rows=0,
        piece_rows=piece_rows,
        **options,
    )
    for name in ("status_before", "status_after", "long_term", "gap_person_rows"):
        np.testing.assert_array_equal(getattr(split, name), getattr(one, name))
    assert split.counts == one.counts
    assert one.counts["gap_persons"] > 0
