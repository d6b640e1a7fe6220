"""The rule's three passes as vectorised array work over crossings sorted once.

The SQL in :mod:`migdex.mobility.rule_sql` needs three window passes, each a
sort of every crossing. Sorted once by ``(person_id, day, seq, arrival
first)``, the same quantities are prefix sums, shifts and running maxima that
restart at each person, and the as-of lookups are binary searches on
``(person, day)``; this module computes them with numpy, column for column as
the SQL does (the tests compare both with the sequential reference in
:mod:`migdex.mobility.rule`). ``-1`` stands for SQL's NULL in the small
integer columns (``q``, statuses, ``long_term``); ``0`` does in running maxima
of positions ``k >= 1``.
"""

from __future__ import annotations

import itertools
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from typing import TypedDict

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from migdex.mobility.rule import RuleSettings
from migdex.mobility.rule_sql import COUNT_NAMES

NULL = -1
PIECE_ROWS = 1 << 18
"""Crossings per run of persons: int64 temporaries of 2 MiB, reused rather than mapped afresh."""


@dataclass(frozen=True)
class Kernel:
    """Per-crossing results (in input order, ``-1`` for NULL) and the run's counts."""

    status_before: np.ndarray
    status_after: np.ndarray
    long_term: np.ndarray
    counts: dict[str, int]
    gap_person_rows: np.ndarray


class _RunOptions(TypedDict):
    """:func:`classify_sorted`'s keyword arguments, the same for every run of persons."""

    settings: RuleSettings
    obs_start_day: int
    obs_end_day: int


def boundaries(person_id: pa.Array) -> np.ndarray:
    """True where a sorted ``person_id`` column starts a new person."""
    n = len(person_id)
    new_person = np.ones(n, dtype=bool)
    if n > 1:
        same = pc.equal(person_id.slice(1), person_id.slice(0, n - 1))
        new_person[1:] = ~same.to_numpy(zero_copy_only=False)
    return new_person


def first_of_each(new_person: np.ndarray, *keys: np.ndarray) -> np.ndarray:
    """True on the first of each run of rows equal in person and ``keys`` (sorted input)."""
    first = new_person.copy()
    for key in keys:
        first[1:] |= key[1:] != key[:-1]
    return first


def _shift_back(values: np.ndarray, new_person: np.ndarray, fill: int) -> np.ndarray:
    """The previous row's value within the same person, ``fill`` on a person's first row."""
    out = np.empty_like(values)
    out[1:] = values[:-1]
    out[new_person] = fill
    return out


def _running_max(values: np.ndarray, pidx: np.ndarray, stride: int) -> np.ndarray:
    """Running maximum of ``values`` in ``[0, stride)`` that restarts at each person."""
    offset = pidx * stride
    out = np.maximum.accumulate(values + offset)
    out -= offset
    return out


def classify_sorted(
    new_person: np.ndarray,
    day: np.ndarray,
    is_arr: np.ndarray,
    initial: np.ndarray,
    is_given: np.ndarray,
    *,
    settings: RuleSettings,
    obs_start_day: int,
    obs_end_day: int,
) -> Kernel:
    """Classify distinct crossings sorted by ``(person_id, day, seq, is_arr DESC)``.

    ``new_person`` marks each person's first row (see :func:`boundaries`);
    ``initial`` is the given status (``-1`` unknown) where ``is_given`` is 1.
    """
    n = len(day)
    v, w = settings.threshold_days, settings.window_days
    if n == 0:
        empty = np.zeros(0, dtype=np.int8)
        return Kernel(empty, empty, empty, dict.fromkeys(COUNT_NAMES, 0), np.zeros(0, np.int64))
    day = day.astype(np.int64, copy=False)
    arr = is_arr.astype(bool)
    idx = np.arange(n, dtype=np.int64)
    starts = np.flatnonzero(new_person)
    sizes = np.diff(np.append(starts, n))
    pidx = np.repeat(np.arange(len(starts), dtype=np.int64), sizes)
    start_of = np.repeat(starts, sizes)
    k = idx - start_of + 1

    # ``ordered``: initial status per person, gaps, running-sum terms ``c`` and ``C``.
    first_arr = arr[starts]
    given = is_given[starts] == 1
    derived = np.where(day[starts] - obs_start_day >= v, 1 - first_arr.astype(np.int8), NULL)
    initial_person = np.where(given, initial[starts], derived).astype(np.int8)
    is_gap = np.zeros(n, dtype=bool)
    is_gap[1:] = arr[1:] == arr[:-1]
    is_gap &= ~new_person
    gaps = np.flatnonzero(is_gap)
    mid_gap = day[gaps - 1] + (day[gaps] - day[gaps - 1]) // 2
    c = np.where(arr, -day, day)
    c[gaps] += np.where(arr[gaps], mid_gap, -mid_gap)
    cum = np.cumsum(c)
    cum -= np.repeat(cum[starts] - c[starts], sizes)
    del c
    # A day's last crossing followed by one in the same direction: its midpoint.
    has_mid = np.zeros(n, dtype=bool)
    has_mid[gaps - 1] = True
    mid = np.zeros(n, dtype=np.int64)
    mid[gaps - 1] = mid_gap

    def presence(j: np.ndarray, t: np.ndarray) -> np.ndarray:
        """``C(t)`` from the last crossing ``j`` on or before ``t`` (a day's last crossing)."""
        out = cum[j]
        out += np.where(arr[j], t, 0)
        rows = np.flatnonzero(has_mid[j])
        if len(rows):
            jm, tm = j[rows], t[rows]
            out[rows] += np.where(
                arr[jm], np.minimum(tm, mid[jm]) - tm, np.maximum(0, tm - mid[jm])
            )
        return out

    # ``measured``: as-of lookups at the window's end and just before its start.
    # Most windows reach past a person's last crossing; search only for the others.
    last_row = np.repeat(starts + sizes - 1, sizes)
    j_end = last_row
    inside = np.flatnonzero(day[last_row] - day > w)
    if len(inside):
        first = int(day.min())
        stride = int(day.max()) - first + w + 2
        key = pidx * stride + (day - first)
        j_end[inside] = np.searchsorted(key, key[inside] + w, side="right") - 1
        del key
    day_starts = np.flatnonzero(first_of_each(new_person, day))
    day_start = np.repeat(day_starts, np.diff(np.append(day_starts, n)))
    end_day = np.minimum(day + w, obs_end_day)
    at_start = presence(np.maximum(day_start - 1, 0), day)
    first_day = np.flatnonzero(day_start == start_of)
    at_start[first_day] = np.where(first_arr[pidx[first_day]], 0, day[first_day])
    del day_start
    h = presence(j_end, end_day)
    h -= at_start
    del at_start, j_end
    o = end_day - day
    away = o - h
    q = np.full(n, NULL, dtype=np.int8)
    q[np.where(arr, away > w - v, h > w - v)] = 0
    q[np.where(arr, h >= v, away >= v)] = 1
    del h, o, away, end_day

    # ``status``: the last qualifying crossing, and undetermined ones since.
    undetermined = q == NULL
    kstride = 2 * int(k.max()) + 2
    r_after = _running_max(np.where(q == 1, 2 * k + arr, 0), pidx, kstride)
    ua_after = _running_max(np.where(undetermined & arr, k, 0), pidx, kstride)
    ud_after = _running_max(np.where(undetermined & ~arr, k, 0), pidx, kstride)
    initial_status = initial_person[pidx]

    def status(r: np.ndarray, ua: np.ndarray, ud: np.ndarray):
        base = np.where(r == 0, initial_status, (r & 1).astype(np.int8))
        reset = r >> 1
        unknown = np.where(base == 1, ud > reset, (base == 0) & (ua > reset))
        return base, np.where(unknown, np.int8(NULL), base)

    _, status_after = status(r_after, ua_after, ud_after)
    base_before, status_before = status(
        *(_shift_back(x, new_person, 0) for x in (r_after, ua_after, ud_after))
    )
    del r_after, ua_after, ud_after

    # ``open_groups``: the first undetermined arrival or departure since the last reset.
    candidates = np.flatnonzero(
        (status_before == NULL) & (base_before != NULL) & (arr == (base_before == 1))
    )
    shortcut = np.zeros(0, dtype=np.int64)
    if len(candidates):
        group_start = new_person | (q == 1)
        group_starts = np.flatnonzero(group_start)
        group = np.cumsum(group_start) - 1
        never = np.iinfo(np.int64).max
        open_arr = np.minimum.reduceat(np.where(undetermined & arr, day, never), group_starts)
        open_dep = np.minimum.reduceat(np.where(undetermined & ~arr, day, never), group_starts)
        cand_group = group[candidates - 1]  # a candidate is never a person's first row
        open_day = np.where(
            base_before[candidates] == 1, open_dep[cand_group], open_arr[cand_group]
        )
        found = open_day != never
        close = day[candidates] - np.where(found, open_day, 0) < settings.shortcut_days
        shortcut = candidates[found & close]

    known = (status_before != NULL) & (status_after != NULL)
    long_term = np.full(n, NULL, dtype=np.int8)
    long_term[shortcut] = 0
    long_term[known] = (status_before[known] != status_after[known]).astype(np.int8)
    long_term[q == 0] = 0

    gap_persons = np.unique(pidx[gaps])
    counts = {
        "crossings": n,
        "provisional": int(np.count_nonzero(long_term == NULL)),
        "long_term": int(np.count_nonzero(long_term == 1)),
        "status_unknown": int(np.count_nonzero(status_after == NULL)),
        "gap_crossings": len(gaps),
        "gap_persons": len(gap_persons),
        "persons": len(starts),
        "initial_given": int(np.count_nonzero(given)),
        "initial_derived": int(np.count_nonzero(~given & (initial_person != NULL))),
        "initial_unknown": int(np.count_nonzero(initial_person == NULL)),
    }
    return Kernel(status_before, status_after, long_term, counts, starts[gap_persons])


def classify_sorted_parallel(
    new_person: np.ndarray,
    day: np.ndarray,
    is_arr: np.ndarray,
    initial: np.ndarray,
    is_given: np.ndarray,
    *,
    threads: int,
    settings: RuleSettings,
    obs_start_day: int,
    obs_end_day: int,
    min_rows: int = 1_000_000,
    piece_rows: int = PIECE_ROWS,
) -> Kernel:
    """:func:`classify_sorted` on runs of whole persons, ``threads`` runs at a time.

    Persons are independent, and numpy releases the GIL in its loops, so runs
    of persons classified in threads and joined give the same result. Runs of
    about ``piece_rows`` crossings keep every temporary array small enough for
    the allocator to reuse its memory instead of mapping (and page-faulting)
    fresh pages for each of the kernel's dozens of temporaries, which cost
    more system time than the arithmetic itself at 10^7 crossings.
    """
    n = len(day)
    options: _RunOptions = {
        "settings": settings,
        "obs_start_day": obs_start_day,
        "obs_end_day": obs_end_day,
    }
    if n < min_rows:
        return classify_sorted(new_person, day, is_arr, initial, is_given, **options)
    starts = np.flatnonzero(new_person)
    count = max(threads, -(-n // piece_rows))
    first_person = np.searchsorted(starts, [n * t // count for t in range(count)])
    cuts = np.unique(starts[np.minimum(first_person, len(starts) - 1)])
    pieces = list(itertools.pairwise([*cuts.tolist(), n]))

    def run(piece: tuple[int, int]) -> Kernel:
        lo, hi = piece
        arrays = (new_person, day, is_arr, initial, is_given)
        return classify_sorted(*(a[lo:hi] for a in arrays), **options)

    with ThreadPoolExecutor(max_workers=max(1, threads)) as pool:
        parts = list(pool.map(run, pieces))
    return Kernel(
        np.concatenate([p.status_before for p in parts]),
        np.concatenate([p.status_after for p in parts]),
        np.concatenate([p.long_term for p in parts]),
        {name: sum(p.counts[name] for p in parts) for name in COUNT_NAMES},
        np.concatenate([p.gap_person_rows + lo for p, (lo, _) in zip(parts, pieces, strict=True)]),
    )
