"""The worked examples of the reference (TC1–TC8d), as data shared by every engine's test."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import pandas as pd

A, D = "arrival", "departure"
U = None  # unknown (provisional)


@dataclass(frozen=True)
class Case:
    """One reference case: a history, the initial status, obs_end and the expected rows."""

    name: str
    history: list[tuple[str, str]]  # (date, direction), in order; seq is the position
    initial: int | None
    obs_end: str
    expected: list[tuple[int | None, int | None, int | None]]  # before, after, long_term

    def crossings(self) -> pd.DataFrame:
        """The history as a crossings table of person ``self.name``."""
        return pd.DataFrame(
            {
                "person_id": [self.name] * len(self.history),
                "date": [d for d, _ in self.history],
                "direction": [x for _, x in self.history],
                "seq": [str(i + 1) for i in range(len(self.history))],
            }
        )

    def status(self) -> pd.DataFrame:
        """The initial status table of this case."""
        status = "" if self.initial is None else str(self.initial)
        return pd.DataFrame({"person_id": [self.name], "status": [status]})

    @property
    def end(self) -> dt.date:
        return dt.date.fromisoformat(self.obs_end)


def seasons(day_in: str, day_out: str, years=(2022, 2023, 2024)) -> list[tuple[str, str]]:
    return [h for y in years for h in ((f"{y}-{day_in}", A), (f"{y}-{day_out}", D))]


def commuter(days: int = 300) -> list[tuple[str, str]]:
    start = dt.date(2023, 1, 2)
    out = []
    for i in range(days):
        day = (start + dt.timedelta(days=i)).isoformat()
        out += [(day, A), (day, D)]
    return out


TC8C = [("2024-09-01", A), ("2025-03-01", D)]

CASES = [
    Case("TC1", [("2022-03-01", A), ("2022-03-15", D)], 0, "2024-12-31", [(0, 0, 0), (0, 0, 0)]),
    Case("TC2", [("2022-01-10", A)], 0, "2024-12-31", [(0, 1, 1)]),
    Case(
        "TC3",
        [
            ("2022-01-01", A),
            ("2022-06-01", D),
            ("2022-07-01", A),
            ("2022-12-20", D),
            ("2023-01-20", A),
        ],
        0,
        "2024-12-31",
        [(0, 1, 1)] + [(1, 1, 0)] * 4,
    ),
    Case("TC4a", seasons("04-01", "09-30"), 0, "2026-01-01", [(0, 0, 0)] * 6),
    Case(
        "TC4b",
        seasons("04-01", "11-30"),
        0,
        "2026-01-01",
        [(0, 1, 1)] + [(1, 1, 0)] * 4 + [(1, 0, 1)],
    ),
    Case("TC4c", seasons("04-01", "11-29"), 0, "2026-01-01", [(0, 0, 0)] * 6),
    Case("TC5", commuter(), 0, "2024-12-31", [(0, 0, 0)] * 600),
    Case(
        "TC6",
        [("2022-02-01", D), ("2022-12-15", A), ("2023-01-05", D)],
        1,
        "2024-12-31",
        [(1, 0, 1), (0, 0, 0), (0, 0, 0)],
    ),
    Case("TC7a", [("2022-01-01", D), ("2022-12-31", A)], 1, "2024-12-31", [(1, 1, 0), (1, 1, 0)]),
    Case("TC7b", [("2022-01-01", D), ("2023-01-01", A)], 1, "2024-12-31", [(1, 0, 1), (0, 1, 1)]),
    Case("TC8a", [("2024-09-01", A)], 0, "2024-12-31", [(0, U, U)]),
    Case("TC8b", [("2024-09-01", A)], 0, "2025-09-01", [(0, 1, 1)]),
    Case("TC8c", TC8C, 0, "2025-06-01", [(0, U, U), (U, U, 0)]),
    Case("TC8d", TC8C, 0, "2025-07-03", [(0, 0, 0), (0, 0, 0)]),
]


def observed(frame: pd.DataFrame) -> list[tuple[int | None, int | None, int | None]]:
    """``(status_before, status_after, long_term)`` per row, ``None`` for unknown."""
    cols = ["status_before", "status_after", "long_term"]
    return [
        tuple(None if pd.isna(v) else int(v) for v in row)
        for row in frame[cols].itertuples(index=False)
    ]
