"""Person categories beyond the rule: visitors, short-term, seasonal movers, frontier commuters.

Every threshold is a parameter (:class:`CategorySettings`). Categories are
decided per person from the classified crossings, in this order:
long-term migrant (flagged when the history is seasonal), frontier commuter,
resident, seasonal mover, short-term mover, visitor.
"""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import asdict, dataclass

import duckdb
import pandas as pd

from migdex.mobility.summary import _load

CATEGORIES = (
    "long_term_migrant",
    "frontier_commuter",
    "resident",
    "seasonal_mover",
    "short_term_mover",
    "visitor",
)


@dataclass(frozen=True)
class CategorySettings:
    """Thresholds of the person categories (days unless said otherwise).

    Parameters
    ----------
    visitor_max_days
        Stays shorter than this make a visitor; longer ones a short-term mover.
    season_min_days
        Shortest stay that counts as a season.
    season_tolerance_days
        How far apart (day of year) two stays may start and still be the same season.
    min_seasons
        Stays in consecutive years in the same season that make a seasonal mover.
    commuter_max_nights
        Longest round trip (nights) that counts as a commuting trip.
    commuter_every_days
        A commuter makes at least one such trip per this many days of activity.
    commuter_min_trips
        Fewest commuting trips before anyone is called a commuter.
    """

    visitor_max_days: int = 90
    season_min_days: int = 30
    season_tolerance_days: int = 45
    min_seasons: int = 2
    commuter_max_nights: int = 1
    commuter_every_days: int = 7
    commuter_min_trips: int = 8

    def as_dict(self) -> dict[str, int]:
        """Plain dictionary for metadata."""
        return asdict(self)


def spells_sql(obs_end_day: int) -> str:
    """Each crossing with the length of the spell it starts (to the next crossing or obs_end)."""
    return f"""
    SELECT person_id, date, direction, long_term, status_before,
      row_number() OVER w AS k,
      COALESCE(lead(CAST(date - DATE '1970-01-01' AS INTEGER)) OVER w, {obs_end_day})
        - CAST(date - DATE '1970-01-01' AS INTEGER) AS spell_days,
      lead(direction) OVER w AS next_direction
    FROM classified WINDOW w AS (PARTITION BY person_id ORDER BY date, seq, direction)"""


def seasons_sql(settings: CategorySettings) -> str:
    """Stays long enough to be seasons, flagged when they repeat a year later in the same season."""
    return f"""
    SELECT person_id, year(date) AS y, dayofyear(date) AS doy,
      lag(year(date)) OVER w AS prev_y, lag(dayofyear(date)) OVER w AS prev_doy
    FROM spells
    WHERE direction = 'arrival' AND spell_days >= {settings.season_min_days}
      AND next_direction = 'departure'
    WINDOW w AS (PARTITION BY person_id ORDER BY date)"""


def persons_sql(settings: CategorySettings) -> str:
    """One row per person: the facts the categories are decided on."""
    seasons, tol = seasons_sql(settings), settings.season_tolerance_days
    nights = settings.commuter_max_nights
    return f"""
    WITH seasons AS ({seasons}),
    repeats AS (
      SELECT person_id, count(*) AS repeated_seasons FROM seasons
      WHERE y - prev_y = 1 AND LEAST(abs(doy - prev_doy), 365 - abs(doy - prev_doy)) <= {tol}
      GROUP BY person_id)
    SELECT s.person_id,
      count(*) AS crossings,
      max(CASE WHEN long_term = 1 THEN 1 ELSE 0 END) AS is_long_term,
      max(CASE WHEN long_term IS NULL THEN 1 ELSE 0 END) AS is_provisional,
      arg_min(status_before, k) AS initial_status,
      max(CASE WHEN direction = 'arrival' AND next_direction = 'departure'
               THEN spell_days ELSE 0 END) AS longest_stay_days,
      sum(CASE WHEN next_direction IS NOT NULL AND next_direction <> direction
               AND spell_days <= {nights} THEN 1 ELSE 0 END) AS short_trips,
      max(date) - min(date) + 1 AS active_days,
      COALESCE(max(r.repeated_seasons), 0) AS repeated_seasons
    FROM spells s LEFT JOIN repeats r ON r.person_id = s.person_id
    GROUP BY s.person_id"""


def category_sql(settings: CategorySettings) -> str:
    """The category of each person, and the seasonal flag of long-term migrants."""
    is_seasonal = f"repeated_seasons >= {settings.min_seasons - 1}"
    is_commuter = (
        f"short_trips >= {settings.commuter_min_trips} "
        f"AND short_trips * {settings.commuter_every_days} >= active_days"
    )
    return f"""
    SELECT *,
      CASE WHEN is_long_term = 1 THEN 'long_term_migrant'
           WHEN {is_commuter} THEN 'frontier_commuter'
           WHEN initial_status = 1 THEN 'resident'
           WHEN {is_seasonal} THEN 'seasonal_mover'
           WHEN longest_stay_days >= {settings.visitor_max_days} THEN 'short_term_mover'
           ELSE 'visitor' END AS category,
      CASE WHEN {is_seasonal} THEN 1 ELSE 0 END AS is_seasonal
    FROM persons ORDER BY person_id"""


def categorise(
    classified: pd.DataFrame | str | os.PathLike,
    *,
    obs_end: dt.date,
    settings: CategorySettings = CategorySettings(),
) -> pd.DataFrame:
    """One row per person with their category and the facts behind it.

    Examples
    --------
    >>> frame = pd.DataFrame({"person_id": ["a", "a"], "date": ["2022-03-01", "2022-03-15"],
    ...     "direction": ["arrival", "departure"], "seq": [1, 2], "status_before": [0, 0],
    ...     "status_after": [0, 0], "long_term": [0, 0]})
    >>> categorise(frame, obs_end=dt.date(2024, 12, 31))["category"].tolist()
    ['visitor']
    """
    obs_end_day = (obs_end - dt.date(1970, 1, 1)).days
    with duckdb.connect() as con:
        _load(con, classified)
        con.execute(f"CREATE TEMP TABLE spells AS {spells_sql(obs_end_day)}")
        con.execute(f"CREATE TEMP TABLE persons AS {persons_sql(settings)}")
        return con.execute(category_sql(settings)).df()
