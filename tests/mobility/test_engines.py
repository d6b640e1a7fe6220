"""Every engine gives the same output on the same data; buckets change nothing."""

from __future__ import annotations

import datetime as dt
import random

import pandas as pd
import pytest

from migdex.mobility import EngineUnavailableError, classify_crossings, get_engine
from migdex.mobility.duckdb_engine import DuckDBEngine

from .conftest import SPARK_MARKS
from .histories import START, as_frame


def random_rows(seed: int, persons: int = 150) -> list[tuple]:
    rng = random.Random(seed)
    rows = []
    for p in range(persons):
        for _ in range(rng.randint(1, 12)):
            rows.append(
                (
                    f"p{p:03d}",
                    rng.randint(0, rng.choice([60, 500, 1500])),
                    rng.choice(["arrival", "departure"]),
                    rng.randint(0, 2),
                )
            )
    return rows + rng.sample(rows, 10)


@pytest.fixture(scope="module")
def data():
    rows = random_rows(7)
    status = pd.DataFrame(
        {
            "person_id": [f"p{p:03d}" for p in range(0, 150, 3)],
            "status": ["1", "0", ""] * 16 + ["1", "0"],
        }
    )
    return as_frame(rows), status, START + dt.timedelta(days=1550)


@pytest.fixture(scope="module")
def duckdb_result(data):
    crossings, status, obs_end = data
    return classify_crossings(crossings, obs_end=obs_end, initial_status=status)


@pytest.mark.parametrize("engine_name", [pytest.param("spark", marks=SPARK_MARKS)])
def test_spark_gives_the_same_output_as_duckdb(engine_name, data, duckdb_result, spark_session):
    from migdex.mobility.spark_engine import SparkEngine

    crossings, status, obs_end = data
    spark = classify_crossings(
        crossings, obs_end=obs_end, initial_status=status, engine=SparkEngine(session=spark_session)
    )
    pd.testing.assert_frame_equal(spark.crossings, duckdb_result.crossings)
    assert spark.metadata["counts"] == duckdb_result.metadata["counts"]


def test_buckets_of_persons_give_the_same_output(data, duckdb_result, tmp_path):
    crossings, status, obs_end = data
    engine = DuckDBEngine(bucket_rows=200)
    bucketed = classify_crossings(crossings, obs_end=obs_end, initial_status=status, engine=engine)
    engine.close()
    key = ["person_id", "date", "seq", "direction"]
    pd.testing.assert_frame_equal(
        bucketed.crossings.sort_values(key).reset_index(drop=True),
        duckdb_result.crossings.sort_values(key).reset_index(drop=True),
    )
    assert bucketed.metadata["counts"] == duckdb_result.metadata["counts"]


def test_bucketed_file_output_joins_the_parts(data, duckdb_result, tmp_path):
    from migdex.mobility import classify_file, read_classified

    crossings, status, obs_end = data
    for suffix in ("csv", "parquet"):
        out = tmp_path / f"out.{suffix}"
        engine = DuckDBEngine(bucket_rows=300)
        classify_file(crossings, out=out, obs_end=obs_end, initial_status=status, engine=engine)
        engine.close()
        assert len(read_classified(out)) == len(duckdb_result.crossings)
        assert sorted(p.name for p in tmp_path.iterdir()) == sorted(
            [f"out.{suffix}", f"out.{suffix}.meta.json"]
            + ([] if suffix == "csv" else ["out.csv", "out.csv.meta.json"])
        )


def test_metadata_counts_gaps_duplicates_and_initial_status(duckdb_result):
    meta = duckdb_result.metadata
    counts = meta["counts"]
    assert meta["duplicates"]["removed"] == counts["rows_read"] - counts["crossings"] >= 10
    assert meta["gaps"]["persons_affected"] > 0 and meta["gaps"]["policy"] == "midpoint"
    assert meta["initial_status"]["method"] == "given+derived"
    assert 0 < meta["provisional_share"] < 1


def test_unknown_engine_is_named():
    with pytest.raises(EngineUnavailableError, match="engine 'polars'; expected one of"):
        get_engine("polars")
