"""Engines for the mobility tests: DuckDB always, Spark (one local session) when asked for."""

from __future__ import annotations

import importlib.util
import shutil

import pytest

SPARK_MARKS = [pytest.mark.spark, pytest.mark.xdist_group("spark")]


def spark_missing_reason() -> str | None:
    """Why Spark cannot run here, or ``None`` when it can."""
    if importlib.util.find_spec("pyspark") is None:
        return "pyspark is not installed (pip install 'migdex[spark]')"
    if shutil.which("java") is None:
        return "Java is not on PATH (Spark needs Java 17)"
    return None


@pytest.fixture(scope="session")
def spark_session():
    """One local SparkSession for the whole run: 2 cores, few shuffle partitions, no UI."""
    reason = spark_missing_reason()
    if reason:
        print(f"skipping Spark tests: {reason}")
        pytest.skip(reason)
    from migdex.mobility.spark_engine import local_session

    session = local_session()
    yield session
    session.stop()


@pytest.fixture(
    params=["duckdb", pytest.param("spark", marks=SPARK_MARKS)],
)
def engine(request):
    """Each engine in turn, DuckDB by default and Spark under the ``spark`` marker."""
    from migdex.mobility import get_engine

    if request.param == "spark":
        from migdex.mobility.spark_engine import SparkEngine

        yield SparkEngine(session=request.getfixturevalue("spark_session"))
        return
    runner = get_engine("duckdb")
    yield runner
    runner.close()


@pytest.fixture(scope="module")
def duckdb_engine():
    """One DuckDB engine shared by a module's tests (fast: no reconnect per example)."""
    from migdex.mobility import get_engine

    runner = get_engine("duckdb")
    yield runner
    runner.close()
