"""Synthetic border crossings: tourists, residents' trips, seasonal workers, migrants, commuters.

Generated with DuckDB SQL straight into a Parquet (or CSV) file, so 10^8 rows
take a minute or two. Shares are of crossings, not persons. Dates run over ten
years up to ``OBS_END`` so that recent histories are censored. A small share
of exact duplicates and of dropped crossings (gaps) is added on purpose.

Run ``python -m bench.mobility.generate 1e6 out.parquet``.
"""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

import duckdb

FIRST_DAY = dt.date(2015, 1, 1)
OBS_END = dt.date(2025, 1, 1)
SPAN = (OBS_END - FIRST_DAY).days

# category: (share of crossings, mean crossings per person)
MIX = {
    "tourist": (0.30, 2),
    "trips": (0.20, 8),
    "seasonal": (0.10, 10),
    "migrant": (0.10, 5),
    "commuter": (0.30, 500),
}


def h(expr: str, salt: int, modulo: int) -> str:
    """A deterministic pseudo-random integer in [0, modulo) from ``expr``."""
    return f"CAST(hash({expr}, {salt}) % {modulo} AS INTEGER)"


def tourists(n: int) -> str:
    """Two crossings: arrival, departure 2 to 30 days later."""
    start = h("i", 1, SPAN - 30)
    return f"""
    SELECT 'T' || i AS person_id, {start} AS day, 'arrival' AS direction, 1 AS seq
    FROM range({n}) t(i)
    UNION ALL
    SELECT 'T' || i, {start} + 2 + {h("i", 2, 28)}, 'departure', 2 FROM range({n}) t(i)"""


def trips(n: int) -> str:
    """Residents' trips abroad: 4 departures each followed by a return 3 to 40 days later."""
    start = f"{h('i', 3, SPAN - 40)} - j * 90"
    return f"""
    SELECT 'R' || i AS person_id, d AS day, dir AS direction, s AS seq FROM (
      SELECT i, j, GREATEST(0, {start}) AS d0 FROM range({n}) t(i), range(4) u(j)
    ) x, LATERAL (SELECT d0 AS d, 'departure' AS dir, 2 * j + 1 AS s
                  UNION ALL SELECT d0 + 3 + {h("i * 7 + j", 4, 37)}, 'arrival', 2 * j + 2) y
    WHERE d < {SPAN}"""


def seasonal(n: int) -> str:
    """Five seasons: arrival in spring, departure after 150 to 250 days."""
    first_year = h("i", 5, 9)
    return f"""
    SELECT 'S' || i AS person_id, d AS day, dir AS direction, s AS seq FROM (
      SELECT i, j, (({first_year} + j) * 365) + 80 + {h("i * 11 + j", 6, 30)} AS d0
      FROM range({n}) t(i), range(5) u(j)
    ) x, LATERAL (SELECT d0 AS d, 'arrival' AS dir, 2 * j + 1 AS s
                  UNION ALL SELECT d0 + 150 + {h("i * 13 + j", 7, 100)}, 'departure', 2 * j + 2) y
    WHERE d < {SPAN}"""


def migrants(n: int) -> str:
    """Arrival, then two visits abroad of 10 to 60 days a year or more apart."""
    start = h("i", 8, SPAN)
    return f"""
    SELECT 'M' || i AS person_id, {start} AS day, 'arrival' AS direction, 0 AS seq
    FROM range({n}) t(i)
    UNION ALL
    SELECT 'M' || i, d, dir, s FROM (
      SELECT i, j, {start} + 400 * (j + 1) + {h("i * 5 + j", 9, 200)} AS d0
      FROM range({n}) t(i), range(2) u(j)
    ) x, LATERAL (SELECT d0 AS d, 'departure' AS dir, 2 * j + 1 AS s
                  UNION ALL SELECT d0 + 10 + {h("i * 17 + j", 10, 50)}, 'arrival', 2 * j + 2) y
    WHERE d < {SPAN}"""


def commuters(n: int) -> str:
    """Daily same-day trips on weekdays for 250 working days (one person, 500 crossings)."""
    start = h("i", 11, SPAN - 360)
    return f"""
    SELECT 'C' || i AS person_id, d AS day, dir AS direction, s AS seq FROM (
      SELECT i, {start} + j AS d FROM range({n}) t(i), range(350) u(j)
      WHERE (({start} + j) % 7) < 5
    ) x, LATERAL (SELECT 'arrival' AS dir, 1 AS s UNION ALL SELECT 'departure', 2) y
    WHERE d < {SPAN}"""


GENERATORS = {
    "tourist": tourists,
    "trips": trips,
    "seasonal": seasonal,
    "migrant": migrants,
    "commuter": commuters,
}


def crossings_sql(size: int) -> str:
    """All categories for about ``size`` crossings; 0.2 % dropped (gaps), 0.5 % duplicated."""
    parts = []
    for name, (share, per_person) in MIX.items():
        persons = max(1, round(size * share / per_person))
        parts.append(GENERATORS[name](persons))
    union = " UNION ALL ".join(f"({p})" for p in parts)
    return f"""
    SELECT person_id, DATE '{FIRST_DAY}' + CAST(day AS INTEGER) AS date, direction, seq
    FROM ({union}) c
    WHERE hash(person_id, day, seq, 12) % 500 <> 0
    UNION ALL
    SELECT person_id, DATE '{FIRST_DAY}' + CAST(day AS INTEGER), direction, seq FROM ({union}) c
    WHERE hash(person_id, day, seq, 13) % 200 = 0"""


def generate(size: int, path: str | Path, *, threads: int = 2) -> int:
    """Write about ``size`` crossings to ``path`` (``.parquet`` or ``.csv``); return the rows."""
    path = Path(path)
    fmt = "FORMAT parquet" if path.suffix == ".parquet" else "FORMAT csv, HEADER true"
    with duckdb.connect(config={"threads": threads, "preserve_insertion_order": False}) as con:
        con.execute(f"COPY ({crossings_sql(size)}) TO '{path}' ({fmt})")
        if path.suffix == ".parquet":
            return int(con.execute(f"SELECT count(*) FROM read_parquet('{path}')").fetchone()[0])
        return int(con.execute(f"SELECT count(*) FROM read_csv('{path}')").fetchone()[0])


if __name__ == "__main__":
    print(generate(int(float(sys.argv[1])), sys.argv[2]))
