"""Random crossing histories for property tests (hypothesis strategies)."""

from __future__ import annotations

import datetime as dt

import pandas as pd
from hypothesis import strategies as st

from migdex.mobility import RuleSettings, classify_crossings
from migdex.mobility.rule import Crossing, classify_sequential

START = dt.date(2020, 1, 1)


@st.composite
def crossing_rows(draw, *, max_persons: int = 12, max_crossings: int = 10):
    """Rows ``(person, day offset, direction, seq)``: gaps, ties and exact duplicates included."""
    persons = draw(st.integers(1, max_persons))
    rows = []
    for p in range(persons):
        n = draw(st.integers(1, draw(st.sampled_from([3, max_crossings]))))
        span = draw(st.sampled_from([30, 250, 400, 1200]))  # dense to sparse histories
        for _ in range(n):
            rows.append(
                (
                    f"p{p:02d}",
                    draw(st.integers(0, span)),
                    draw(st.sampled_from(["arrival", "departure"])),
                    draw(st.integers(0, 2)),
                )
            )
    duplicates = draw(st.lists(st.sampled_from(rows), max_size=3))
    return rows + duplicates


@st.composite
def scenarios(draw):
    """Crossings, initial statuses (1, 0, unknown or absent), obs_end near the last crossing."""
    rows = draw(crossing_rows())
    last = max(r[1] for r in rows)
    after_last = draw(st.one_of(st.integers(1, 200), st.integers(1, 700)))  # often censored
    obs_end = START + dt.timedelta(days=last + after_last)
    status = {}
    for person in sorted({r[0] for r in rows}):
        choice = draw(st.sampled_from(["1", "0", "", None]))
        if choice is not None:
            status[person] = choice
    settings = draw(st.sampled_from([(365, 487), (183, 365), (270, 365)]))
    return rows, status, obs_end, settings


def as_frame(rows) -> pd.DataFrame:
    """Rows as the crossings table the library reads."""
    return pd.DataFrame(
        {
            "person_id": [r[0] for r in rows],
            "date": [(START + dt.timedelta(days=r[1])).isoformat() for r in rows],
            "direction": [r[2] for r in rows],
            "seq": [str(r[3]) for r in rows],
        }
    )


def as_crossings(rows) -> list[Crossing]:
    """Rows as reference :class:`Crossing` objects."""
    return [Crossing(r[0], START + dt.timedelta(days=r[1]), r[2], r[3]) for r in rows]


def status_frame(status: dict[str, str]) -> pd.DataFrame:
    """The initial status table."""
    return pd.DataFrame({"person_id": list(status), "status": list(status.values())})


def status_values(status: dict[str, str]) -> dict[str, int | None]:
    """Statuses as the reference takes them."""
    return {p: (None if s == "" else int(s)) for p, s in status.items()}


def result_rows(frame: pd.DataFrame) -> list[tuple]:
    """Engine output as comparable tuples, in output order."""

    def val(v):
        return None if pd.isna(v) else int(v)

    return [
        (
            r.person_id,
            r.date.date(),
            r.direction,
            int(r.seq),
            val(r.status_before),
            val(r.status_after),
            val(r.long_term),
        )
        for r in frame.itertuples(index=False)
    ]


def reference_rows(results) -> list[tuple]:
    """Reference output as comparable tuples."""
    return [
        (
            r.crossing.person_id,
            r.crossing.date,
            r.crossing.direction,
            r.crossing.seq,
            r.status_before,
            r.status_after,
            r.long_term,
        )
        for r in results
    ]


def assert_matches_sequential(engine, scenario, *, with_status: bool) -> None:
    """The engine's classification of ``scenario`` equals the sequential reference's."""
    rows, status, obs_end, (v, w) = scenario
    rule = RuleSettings(threshold_days=v, window_days=w)
    result = classify_crossings(
        as_frame(rows),
        obs_end=obs_end,
        initial_status=status_frame(status) if with_status else None,
        settings=rule,
        engine=engine,
    )
    expected = classify_sequential(
        as_crossings(rows),
        obs_end=obs_end,
        initial_status=status_values(status) if with_status else None,
        settings=rule,
    )
    assert result_rows(result.crossings) == reference_rows(expected)
