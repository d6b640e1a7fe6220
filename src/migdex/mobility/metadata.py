"""Comparability metadata: what every mobility output carries so countries can be compared.

The dictionary is written as a JSON sidecar (``OUT.csv.meta.json``) beside
each output and embedded in summaries.
"""

from __future__ import annotations

import datetime as dt
import json
import os
from pathlib import Path
from typing import Any

from migdex.io import atomic_output
from migdex.mobility.rule import RuleSettings

DAY_COUNT = (
    "a spell from crossing j covers [date_j, date_j+1): the arrival day counts as in the "
    "country, the departure day as abroad; a same-day round trip is 0 days; leap days count; "
    "the last spell runs to obs_end (exclusive)"
)
DERIVATION = (
    "derived: resident = (first crossing is a departure) when the first crossing is at least "
    "threshold_days after obs_start; otherwise unknown"
)
GAP_NOTES = {
    "midpoint": (
        "two crossings in the same direction in a row: the gap is split at its midpoint "
        "(rounded down); the imputed crossing only changes day counts and has no output row, "
        "so a migration it would carry is counted at the next real crossing"
    ),
    "reject": "histories with two crossings in the same direction in a row are refused",
}
TIES = "crossings on the same date are ordered by seq as a number, then arrival before departure"


def sidecar_path(out: str | os.PathLike[str]) -> Path:
    """Where the metadata of ``out`` is written: ``OUT.meta.json``."""
    out = Path(out)
    return out.with_name(out.name + ".meta.json")


def initial_status_method(counts: dict[str, int]) -> str:
    """``given``, ``derived`` or ``given+derived`` from the per-person counts.

    Examples
    --------
    >>> initial_status_method({"persons": 4, "initial_given": 4})
    'given'
    >>> initial_status_method({"persons": 4, "initial_given": 1})
    'given+derived'
    """
    given, persons = counts.get("initial_given", 0), counts.get("persons", 0)
    if not given:
        return "derived"
    return "given" if given >= persons else "given+derived"


def classification_metadata(
    counts: dict[str, int],
    *,
    settings: RuleSettings,
    obs_start: dt.date,
    obs_end: dt.date,
    engine: str,
) -> dict[str, Any]:
    """The comparability dictionary of a classification run.

    Examples
    --------
    >>> counts = {"rows_read": 3, "duplicates_removed": 1, "crossings": 2, "provisional": 1}
    >>> meta = classification_metadata(counts, settings=RuleSettings(),
    ...     obs_start=dt.date(2022, 1, 1), obs_end=dt.date(2025, 1, 1), engine="duckdb")
    >>> meta["provisional_share"], meta["duplicates"]["removed"]
    (0.5, 1)
    """
    crossings = counts.get("crossings", 0)
    return {
        "rule": {"name": "12/16-month rule (outcome-based)", **settings.as_dict()},
        "day_count": DAY_COUNT,
        "obs_start": obs_start.isoformat(),
        "obs_end": obs_end.isoformat(),
        "obs_end_exclusive": True,
        "initial_status": {
            "method": initial_status_method(counts),
            "given": counts.get("initial_given", 0),
            "derived": counts.get("initial_derived", 0),
            "unknown": counts.get("initial_unknown", 0),
            "derivation": DERIVATION,
        },
        "duplicates": {
            "policy": "exact duplicate rows removed before classification",
            "removed": counts.get("duplicates_removed", 0),
        },
        "gaps": {
            "policy": settings.gap_policy,
            "note": GAP_NOTES[settings.gap_policy],
            "persons_affected": counts.get("gap_persons", 0),
            "crossings_affected": counts.get("gap_crossings", 0),
        },
        "ties": TIES,
        "unit": "crossing",
        "counts": dict(counts),
        "provisional_share": round(counts.get("provisional", 0) / crossings, 6) if crossings else 0,
        "engine": engine,
    }


def write_sidecar(out: str | os.PathLike[str], metadata: dict[str, Any]) -> Path:
    """Write ``metadata`` as JSON beside ``out`` (atomically); return its path."""
    path = sidecar_path(out)
    with atomic_output(path) as tmp:
        tmp.write_text(json.dumps(metadata, indent=2, sort_keys=False) + "\n", encoding="utf-8")
    return path
