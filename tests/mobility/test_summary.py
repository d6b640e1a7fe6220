"""Summaries by period, residents on a date, categories and recording practices."""

from __future__ import annotations

import datetime as dt

import pandas as pd

from migdex.mobility import (
    categorise,
    classify_crossings,
    stays_to_crossings,
    summarise,
    summarise_counts,
)

from .cases import CASES, commuter, seasons


def classified(history, initial="0", obs_end="2026-01-01", person="x"):
    crossings = pd.DataFrame(
        {
            "person_id": person,
            "date": [d for d, _ in history],
            "direction": [x for _, x in history],
            "seq": range(1, len(history) + 1),
        }
    )
    status = pd.DataFrame({"person_id": [person], "status": [initial]})
    return classify_crossings(
        crossings, obs_end=dt.date.fromisoformat(obs_end), initial_status=status
    )


def test_migrations_are_dated_by_crossing_and_counted_in_persons_too():
    tc3 = next(c for c in CASES if c.name == "TC3")
    result = classified(tc3.history, obs_end=tc3.obs_end)
    summary = summarise(result.crossings, period="quarter", metadata=result.metadata)
    first = summary.periods.iloc[0]
    assert first.period == "2022-Q1" and first.long_term_arrivals == 1
    assert first.persons_arriving == 1 and summary.periods.net_migration.sum() == 1
    assert summary.metadata["classification"]["rule"]["threshold_days"] == 365


def test_residents_on_a_date_use_the_status_after_the_last_crossing():
    tc8c = next(c for c in CASES if c.name == "TC8c")
    result = classified(tc8c.history, obs_end=tc8c.obs_end)
    residents = summarise(
        result.crossings, residents_on=[dt.date(2024, 1, 1), dt.date(2024, 10, 1)]
    ).residents
    assert residents[["not_resident", "unknown"]].values.tolist() == [[1, 0], [0, 1]]


def test_provisional_crossings_lower_the_final_share():
    result = classified([("2025-09-01", "arrival")], obs_end="2026-01-01")
    period = summarise(result.crossings).periods.iloc[0]
    assert (period.provisional_arrivals, period.final_share) == (1, 0.0)


def test_categories_of_persons():
    runs = {
        "tourist": (CASES[0].history, "0", "2024-12-31"),
        "seasonal": (seasons("04-01", "09-30"), "0", "2026-01-01"),
        "commuter": (commuter(60), "0", "2024-12-31"),
        "migrant": (seasons("04-01", "11-30"), "0", "2026-01-01"),
        "stayer": ([("2022-01-01", "arrival"), ("2022-07-01", "departure")], "0", "2024-12-31"),
    }
    found = {}
    for name, (history, initial, obs_end) in runs.items():
        result = classified(history, initial, obs_end, person=name)
        found[name] = categorise(result.crossings, obs_end=dt.date.fromisoformat(obs_end)).iloc[0]
    assert found["tourist"].category == "visitor"
    assert found["seasonal"].category == "seasonal_mover"
    assert found["commuter"].category == "frontier_commuter"
    assert found["stayer"].category == "short_term_mover"
    assert (found["migrant"].category, found["migrant"].is_seasonal) == ("long_term_migrant", 1)


def test_stay_register_becomes_crossings_the_rule_can_classify():
    stays = pd.DataFrame(
        {
            "person_id": ["a", "a", "b"],
            "start": ["2022-04-01", "2023-04-01", "2022-01-10"],
            "end": ["2022-11-30", "2023-11-30", None],
        }
    )
    crossings = stays_to_crossings(stays)
    assert crossings.direction.tolist() == [
        "arrival",
        "departure",
        "arrival",
        "departure",
        "arrival",
    ]
    result = classify_crossings(
        crossings,
        obs_end=dt.date(2024, 12, 31),
        initial_status=pd.DataFrame({"person_id": ["a", "b"], "status": ["0", "0"]}),
    )
    assert result.crossings.long_term.tolist()[-1] == 1  # b's open stay is long-term


def test_counts_without_person_ids_never_invent_persons():
    counts = pd.DataFrame(
        {
            "date": ["2022-01-03", "2022-04-04"],
            "direction": ["arrival", "departure"],
            "count": [7, 3],
        }
    )
    summary = summarise_counts(counts, period="quarter")
    assert summary.periods[["arrivals", "departures"]].values.tolist() == [[7, 0], [0, 3]]
    assert summary.periods[["persons_arriving", "long_term_arrivals"]].isna().all().all()
    assert summary.metadata["person_ids"] is False
