"""DuckDB and Spark give the same persons (Spark in local mode, small register)."""

from __future__ import annotations

import pytest

from migdex.linkage import REGISTER_COLUMNS, LinkageSettings, link_records

pytestmark = [
    pytest.mark.spark,
    pytest.mark.xdist_group("spark"),
    pytest.mark.filterwarnings(
        "ignore::FutureWarning", "ignore::DeprecationWarning"
    ),  # pyspark on pandas 3
]


def test_duckdb_and_spark_give_the_same_clusters(spark, register_with_truth):
    register = register_with_truth[list(REGISTER_COLUMNS)].head(250)
    settings = LinkageSettings.load()  # a small register: the stored parameters, no training
    on_duckdb = link_records(register, settings)
    on_spark = link_records(register, settings, backend="spark", backend_options={"spark": spark})
    duck = on_duckdb.records.set_index("record_id")
    sparked = on_spark.records.set_index("record_id")
    assert duck["person_id"].nunique() < len(duck)  # some records do link
    assert (duck["person_id"] == sparked["person_id"]).all()
    assert (duck["review"] == sparked["review"]).all()
    assert duck["match_probability"].sub(sparked["match_probability"]).abs().max() < 1e-9
    assert len(on_duckdb.links) == len(on_spark.links)
