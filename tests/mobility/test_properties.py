"""Properties: the set-based engine equals the sequential reference on random histories."""

from __future__ import annotations

import datetime as dt

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from migdex.mobility import classify_crossings

from .histories import (
    START,
    as_frame,
    assert_matches_sequential,
    result_rows,
    scenarios,
)

FAST = settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)


@FAST
@given(scenario=scenarios(), with_status=st.booleans())
def test_set_based_equals_sequential_reference(duckdb_engine, scenario, with_status):
    assert_matches_sequential(duckdb_engine, scenario, with_status=with_status)


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(scenario=scenarios(), seed=st.randoms(use_true_random=False))
def test_one_row_per_distinct_crossing_whatever_the_input_order(duckdb_engine, scenario, seed):
    rows, _status, obs_end, _ = scenario
    shuffled = list(rows)
    seed.shuffle(shuffled)
    first = classify_crossings(as_frame(rows), obs_end=obs_end, engine=duckdb_engine)
    second = classify_crossings(as_frame(shuffled), obs_end=obs_end, engine=duckdb_engine)
    assert len(first.crossings) == len(set(rows))
    assert first.metadata["duplicates"]["removed"] == len(rows) - len(set(rows))
    assert result_rows(first.crossings) == result_rows(second.crossings)


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(scenario=scenarios())
def test_a_persons_result_does_not_depend_on_anyone_else(duckdb_engine, scenario):
    rows, _status, obs_end, _ = scenario
    start = START  # derived statuses depend on obs_start, so fix it for both runs
    everyone = classify_crossings(
        as_frame(rows), obs_end=obs_end, obs_start=start, engine=duckdb_engine
    ).crossings
    person = rows[0][0]
    alone = classify_crossings(
        as_frame([r for r in rows if r[0] == person]),
        obs_end=obs_end,
        obs_start=start,
        engine=duckdb_engine,
    ).crossings
    assert result_rows(alone) == result_rows(everyone[everyone.person_id == person])


def test_dates_are_days_since_epoch_consistently():
    assert START - dt.date(1970, 1, 1) == dt.timedelta(days=18262)
