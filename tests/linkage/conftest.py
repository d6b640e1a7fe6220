"""Fixtures for the linkage tests: the checked-in synthetic register and a local Spark session."""

from __future__ import annotations

import shutil
from pathlib import Path

import pandas as pd
import pytest

from migdex.io import read_table

FIXTURES = Path(__file__).parents[1] / "fixtures" / "linkage"
REGISTER_CSV = FIXTURES / "register_500.csv"  # SYNTHETIC: bench/linkage/generate.py, seed 3


@pytest.fixture(scope="session")
def register_with_truth() -> pd.DataFrame:
    """About 500 synthetic ban records from nine agencies, with a ``true_person`` column."""
    return read_table(REGISTER_CSV)


@pytest.fixture(scope="session")
def spark():
    """A local Spark session with Splink's similarity functions; skips without pyspark or Java."""
    pyspark = pytest.importorskip("pyspark", reason="pyspark is not installed (migdex[spark])")
    if shutil.which("java") is None:
        pytest.skip("Java is not installed; Spark needs Java 17")
    from splink.backends.spark import similarity_jar_location

    session = (
        pyspark.sql.SparkSession.builder.master("local[2]")
        .appName("migdex-linkage-tests")
        .config("spark.jars", similarity_jar_location())
        .config("spark.sql.shuffle.partitions", "2")
        .config("spark.default.parallelism", "2")
        .config("spark.ui.enabled", "false")
        .config("spark.ui.showConsoleProgress", "false")
        .config("spark.driver.memory", "1g")
        .getOrCreate()
    )
    session.sparkContext.setLogLevel("ERROR")
    yield session
    session.stop()
