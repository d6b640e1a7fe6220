"""Border crossings → persons, spells, the 12/16-month rule, categories and counts (no Django).

Examples
--------
>>> import datetime as dt, pandas as pd
>>> from migdex.mobility import RuleSettings, classify_crossings
>>> frame = pd.DataFrame({"person_id": ["a", "a"], "date": ["2022-03-01", "2022-03-15"],
...                       "direction": ["arrival", "departure"], "seq": [1, 2]})
>>> status = pd.DataFrame({"person_id": ["a"], "status": ["0"]})
>>> result = classify_crossings(frame, obs_end=dt.date(2024, 12, 31), initial_status=status)
>>> result.crossings["long_term"].tolist()
[0, 0]
"""

from migdex.mobility.categories import CategorySettings, categorise
from migdex.mobility.classify import (
    EngineUnavailableError,
    classify_crossings,
    classify_file,
    get_engine,
    read_classified,
)
from migdex.mobility.harmonise import stays_to_crossings, summarise_counts
from migdex.mobility.inputs import CrossingValueError, GapError
from migdex.mobility.pipeline import Classification
from migdex.mobility.rule import RuleSettings, RuleSettingsError
from migdex.mobility.summary import Summary, summarise

__all__ = [
    "CategorySettings",
    "Classification",
    "CrossingValueError",
    "EngineUnavailableError",
    "GapError",
    "RuleSettings",
    "RuleSettingsError",
    "Summary",
    "categorise",
    "classify_crossings",
    "classify_file",
    "get_engine",
    "read_classified",
    "stays_to_crossings",
    "summarise",
    "summarise_counts",
]
