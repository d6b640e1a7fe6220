"""The sequential reference and the set-based engines against the reference's worked cases."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import pytest

from migdex.mobility import RuleSettings, RuleSettingsError, classify_crossings
from migdex.mobility.rule import Crossing, classify_sequential

from .cases import CASES, observed

IDS = [c.name for c in CASES]


def reference(case):
    rows = [
        Crossing(case.name, dt.date.fromisoformat(d), x, i + 1)
        for i, (d, x) in enumerate(case.history)
    ]
    results = classify_sequential(rows, obs_end=case.end, initial_status={case.name: case.initial})
    return [(r.status_before, r.status_after, r.long_term) for r in results]


@pytest.mark.parametrize("case", CASES, ids=IDS)
def test_sequential_reference_gives_the_worked_answer(case):
    assert reference(case) == case.expected


@pytest.mark.parametrize("case", CASES, ids=IDS)
def test_duckdb_gives_the_worked_answer(case, duckdb_engine):
    result = classify_crossings(
        case.crossings(), obs_end=case.end, initial_status=case.status(), engine=duckdb_engine
    )
    assert observed(result.crossings) == case.expected


@pytest.mark.parametrize("obs_end", sorted({c.obs_end for c in CASES}))
def test_engine_gives_the_worked_answers_together(obs_end, engine):
    """The cases sharing an obs_end run as one input: one run per obs_end on every engine."""
    same_end = [c for c in CASES if c.obs_end == obs_end]
    crossings = pd.concat([c.crossings() for c in same_end], ignore_index=True)
    status = pd.concat([c.status() for c in same_end], ignore_index=True)
    result = classify_crossings(
        crossings, obs_end=same_end[0].end, initial_status=status, engine=engine
    ).crossings
    for case in same_end:
        assert observed(result[result.person_id == case.name]) == case.expected, case.name


@pytest.mark.parametrize(("v", "w"), [(365, 487), (183, 365), (270, 365)])
def test_settings_accept_the_documented_variants(v, w):
    settings = RuleSettings(threshold_days=v, window_days=w)
    assert settings.shortcut_days == 2 * v - w


def test_settings_refuse_a_threshold_longer_than_the_window():
    with pytest.raises(RuleSettingsError, match="threshold_days = 500, window_days = 487"):
        RuleSettings(threshold_days=500)
