"""The 12/16-month rule as three window passes, in the SQL of Spark and DuckDB (kernel="sql").

``ordered`` — one pass in crossing order ``(date, seq, arrival first)``:
    row number ``k``, neighbours, the first crossing (for a derived initial
    status). Each crossing gets ``c``, its term in a running sum such that
    ``C(t) = sum(c up to the last crossing <= t) + correction(t)`` is the
    cumulative number of days in the country; a same-direction pair adds its
    imputed midpoint, so presence alternates again. ``packed`` encodes, for the
    last crossing of each day, what the correction needs (direction, midpoint).
``measured`` — one pass ordered by day with range frames (an as-of join):
    ``C`` at the crossing's date and at the end of its window give ``h``, the
    days in the country, and from it ``q``.
``status`` — one pass in crossing order with running maxima:
    the last qualifying crossing (``q = 1``) sets the status; an undetermined
    crossing that would change it makes it unknown until the next one.
``open_groups`` / ``classified``:
    the first undetermined crossing of each group (a small aggregate) for the
    2V - W shortcut, then ``long_term``.
"""

from __future__ import annotations

from migdex.mobility.rule import RuleSettings

DAY_OFFSET = 1_000_000  # keeps packed day numbers positive for any plausible date
SLOT = 1 << 22  # packed = (day + DAY_OFFSET) * SLOT + midpoint offset * 4 + has_mid * 2 + is_arr


def _floor_div(expr: str, divisor: int) -> str:
    """Integer floor division both engines read alike (exact below 2**53)."""
    return f"CAST(FLOOR(({expr}) / {divisor}) AS BIGINT)"


def ordered_sql(
    source: str, settings: RuleSettings, *, obs_start_day: int, initial: str | None
) -> str:
    """Crossing order, neighbours, running-sum terms and the initial status of each person."""
    derived = (
        f"CASE WHEN first_day - {obs_start_day} >= {settings.threshold_days} THEN 1 - first_arr END"
    )
    given_col, join = ("NULL", "")
    if initial is not None:
        given_col = "g.status"
        join = f" LEFT JOIN {initial} g ON g.person_id = c.person_id"
    windows = f"""
    SELECT c.person_id, c.date, c.direction, c.seq, c.day, c.is_arr,
      {"CASE WHEN g.person_id IS NULL THEN 0 ELSE 1 END" if initial else "0"} AS is_given,
      {given_col} AS given_status,
      row_number() OVER w AS k,
      lag(c.is_arr) OVER w AS prev_arr, lag(c.day) OVER w AS prev_day,
      lead(c.is_arr) OVER w AS next_arr, lead(c.day) OVER w AS next_day,
      first_value(c.is_arr) OVER w AS first_arr, first_value(c.day) OVER w AS first_day
    FROM {source} c{join}
    WINDOW w AS (PARTITION BY c.person_id ORDER BY c.day, c.seq, c.is_arr DESC)"""
    mid_prev = f"prev_day + {_floor_div('day - prev_day', 2)}"
    mid_next_offset = _floor_div("next_day - day", 2)
    return f"""
    SELECT person_id, date, direction, seq, day, is_arr, k, first_arr, is_given,
      CASE WHEN prev_arr = is_arr THEN 1 ELSE 0 END AS is_gap,
      CASE WHEN is_given = 1 THEN given_status ELSE {derived} END AS initial_status,
      CASE WHEN is_arr = 1 THEN -day ELSE day END
        + CASE WHEN prev_arr = is_arr THEN (2 * is_arr - 1) * ({mid_prev}) ELSE 0 END AS c,
      CASE WHEN next_day IS NULL OR next_day <> day THEN
        (CAST(day AS BIGINT) + {DAY_OFFSET}) * {SLOT}
        + CASE WHEN next_arr = is_arr THEN {mid_next_offset} * 4 + 2 ELSE 0 END + is_arr
      END AS packed
    FROM ({windows}) w"""


def _presence(s: str, packed: str, t: str) -> str:
    """``C(t)`` from the running sum and packed last crossing on or before ``t``."""
    rest = f"({packed} - ({_floor_div(packed, SLOT)}) * {SLOT})"
    day = f"({_floor_div(packed, SLOT)} - {DAY_OFFSET})"
    is_arr = f"({rest} % 2)"
    has_mid = f"({_floor_div(rest, 2)} % 2)"
    mid = f"({day} + {_floor_div(rest, 4)})"
    return f"""({s} + CASE
        WHEN {is_arr} = 1 AND {has_mid} = 1 THEN LEAST({t}, {mid})
        WHEN {is_arr} = 1 THEN {t}
        WHEN {has_mid} = 1 THEN GREATEST(0, {t} - {mid})
        ELSE 0 END)"""


def _by_day(end: str) -> str:
    """A window over a person's crossings on days up to ``end`` (a range frame)."""
    return f"(PARTITION BY person_id ORDER BY day RANGE BETWEEN UNBOUNDED PRECEDING AND {end})"


def measured_sql(settings: RuleSettings, *, obs_end_day: int) -> str:
    """Days observed (``o``) and in the country (``h``) in each window, then ``q``."""
    v, w = settings.threshold_days, settings.window_days
    upto_end = _by_day(f"{w} FOLLOWING")
    upto_start = _by_day("1 PRECEDING")
    frames = f"""
    SELECT *, LEAST(day + {w}, {obs_end_day}) AS end_day,
      sum(c) OVER {upto_end} AS s_end, max(packed) OVER {upto_end} AS p_end,
      sum(c) OVER {upto_start} AS s_start, max(packed) OVER {upto_start} AS p_start
    FROM ordered"""
    before_first = "CASE WHEN first_arr = 1 THEN 0 ELSE day END"
    at_start = (
        f"CASE WHEN p_start IS NULL THEN {before_first} "
        f"ELSE {_presence('s_start', 'p_start', 'day')} END"
    )
    measured = f"""
    SELECT person_id, date, direction, seq, day, is_arr, k, is_gap, is_given, initial_status,
      end_day - day AS o,
      {_presence("s_end", "p_end", "end_day")} - ({at_start}) AS h
    FROM ({frames}) f"""
    return f"""
    SELECT *,
      CASE WHEN is_arr = 1 THEN
             CASE WHEN h >= {v} THEN 1 WHEN o - h > {w - v} THEN 0 END
           ELSE
             CASE WHEN o - h >= {v} THEN 1 WHEN h > {w - v} THEN 0 END
      END AS q
    FROM ({measured}) m"""


def _status(suffix: str) -> str:
    """Status from running maxima ``r``, ``ua``, ``ud`` named with ``suffix``."""
    base = f"CASE WHEN r{suffix} IS NULL THEN initial_status ELSE r{suffix} % 2 END"
    reset = f"COALESCE({_floor_div(f'r{suffix}', 2)}, 0)"
    last_open = f"CASE ({base}) WHEN 1 THEN ud{suffix} WHEN 0 THEN ua{suffix} END"
    return f"""
      {base} AS base{suffix}, {reset} AS reset{suffix},
      CASE WHEN {last_open} > {reset} THEN NULL ELSE {base} END AS status{suffix}"""


def status_sql() -> str:
    """Status before and after each crossing from the last qualifying crossing."""
    frames = {"_after": "CURRENT ROW", "_before": "1 PRECEDING"}
    aggregates = []
    for suffix, end in frames.items():
        frame = (
            f"OVER (PARTITION BY person_id ORDER BY k ROWS BETWEEN UNBOUNDED PRECEDING AND {end})"
        )
        aggregates += [
            f"max(CASE WHEN q = 1 THEN 2 * k + is_arr END) {frame} AS r{suffix}",
            f"max(CASE WHEN q IS NULL AND is_arr = 1 THEN k END) {frame} AS ua{suffix}",
            f"max(CASE WHEN q IS NULL AND is_arr = 0 THEN k END) {frame} AS ud{suffix}",
        ]
    running = f"SELECT *, {', '.join(aggregates)} FROM measured"
    return f"""
    SELECT person_id, date, direction, seq, day, is_arr, k, q, is_gap,
      {_status("_before")}, {_status("_after")}
    FROM ({running}) r"""


def open_groups_sql() -> str:
    """Per person and group (reset crossing): the first undetermined arrival and departure."""
    return """
    SELECT person_id, reset_after AS reset,
      MIN(CASE WHEN is_arr = 1 THEN day END) AS open_arr_day,
      MIN(CASE WHEN is_arr = 0 THEN day END) AS open_dep_day
    FROM status WHERE q IS NULL GROUP BY person_id, reset_after"""


def classified_sql(settings: RuleSettings) -> str:
    """``long_term`` from q and the statuses, with the 2V - W shortcut for reverse crossings."""
    open_day = "CASE s.base_before WHEN 1 THEN g.open_dep_day WHEN 0 THEN g.open_arr_day END"
    return f"""
    SELECT s.person_id, s.date, s.direction, s.seq, s.status_before, s.status_after,
      CASE WHEN s.q = 0 THEN 0
           WHEN s.status_before IS NOT NULL AND s.status_after IS NOT NULL
             THEN CASE WHEN s.status_before <> s.status_after THEN 1 ELSE 0 END
           WHEN s.status_before IS NULL AND s.is_arr = s.base_before
             AND s.day - ({open_day}) < {settings.shortcut_days} THEN 0
      END AS long_term,
      s.day, s.k
    FROM status s LEFT JOIN open_groups g
      ON g.person_id = s.person_id AND g.reset = s.reset_before
      AND s.status_before IS NULL AND s.base_before IS NOT NULL"""


def counts_sql() -> str:
    """Totals for the metadata of one run (or one bucket of it), in two scans."""
    return """
    SELECT c.*, o.* FROM
    (SELECT count(*) AS crossings,
       sum(CASE WHEN long_term IS NULL THEN 1 ELSE 0 END) AS provisional,
       sum(CASE WHEN long_term = 1 THEN 1 ELSE 0 END) AS long_term,
       sum(CASE WHEN status_after IS NULL THEN 1 ELSE 0 END) AS status_unknown
     FROM classified) c
    CROSS JOIN
    (SELECT sum(is_gap) AS gap_crossings,
       count(DISTINCT CASE WHEN is_gap = 1 THEN person_id END) AS gap_persons,
       sum(CASE WHEN k = 1 THEN 1 ELSE 0 END) AS persons,
       sum(CASE WHEN k = 1 THEN is_given ELSE 0 END) AS initial_given,
       sum(CASE WHEN k = 1 AND is_given = 0 AND initial_status IS NOT NULL THEN 1 ELSE 0 END)
         AS initial_derived,
       sum(CASE WHEN k = 1 AND initial_status IS NULL THEN 1 ELSE 0 END) AS initial_unknown
     FROM ordered) o"""


COUNT_NAMES = (
    "crossings",
    "provisional",
    "long_term",
    "status_unknown",
    "gap_crossings",
    "gap_persons",
    "persons",
    "initial_given",
    "initial_derived",
    "initial_unknown",
)
