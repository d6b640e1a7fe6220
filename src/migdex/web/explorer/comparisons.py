"""Comparisons computed once per dataset version and kept per process.

A country page used to rerun pandas group-bys (group means, ranks, changes, one
country's rows) on every request, about half its CPU time. Their results depend
only on the stored scores, keyed like the score frames on the dataset's
``updated_at`` (an import bumps it), and on the group memberships, which are part
of the key. Each function calls the same :mod:`migdex.index.compare` function on
the same frame as before, so the numbers are identical (``tests/web/test_perf_cache.py``
compares them). The API's ``/comparisons/*`` endpoints read the same kept results, so
the API and the pages give the same numbers to the last bit. The frames returned are
shared: callers filter them, never mutate.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import numpy as np
import pandas as pd

from migdex.index.compare import add_bands, changes, group_means, rank_countries
from migdex.index.framework import Framework
from migdex.web.explorer.models import Dataset

_memo_size = 512


class _Store:
    """An LRU of computed comparisons; its own lock, like the score frames' memo."""

    def __init__(self) -> None:
        self.memo = None

    def get(self, dataset: Dataset, parts: tuple, build):
        if self.memo is None:  # services imports this module: take its memo class late
            from migdex.web.explorer.services import _Memo

            self.memo = _Memo(_memo_size)
        return self.memo.get((dataset.pk, dataset.updated_at, *parts), build)

    def clear(self) -> None:
        if self.memo is not None:
            with self.memo.lock:
                self.memo.items.clear()


_store = _Store()


def clear() -> None:
    """Forget every kept comparison (tests; an import never needs it: the key changes)."""
    _store.clear()


def _members_key(members: Mapping[str, Sequence[str]]) -> tuple:
    return tuple((name, tuple(m)) for name, m in members.items())


def _plain(key) -> tuple:
    parts = key if isinstance(key, tuple) else (key,)
    return tuple(k.item() if hasattr(k, "item") else k for k in parts)


def part(dataset: Dataset, frame: pd.DataFrame, by: tuple[str, ...], key: tuple) -> pd.DataFrame:
    """The rows of ``frame`` whose ``by`` columns equal ``key``: the same rows, order and
    index as a boolean mask would give. Row positions are kept (small), not the rows."""

    def build() -> dict[tuple, np.ndarray]:
        return {_plain(k): rows for k, rows in frame.groupby(list(by), sort=False).indices.items()}

    positions = _store.get(dataset, ("split", by), build).get(key)
    return frame.iloc[positions] if positions is not None else frame.iloc[0:0]


def country_rows(dataset: Dataset, frame: pd.DataFrame, iso3: str) -> pd.DataFrame:
    """``frame[frame["iso3"] == iso3]``."""
    return part(dataset, frame, ("iso3",), (iso3,))


def years(dataset: Dataset, frame: pd.DataFrame) -> tuple[int, ...]:
    """Years with overall scores, sorted."""

    def build() -> tuple[int, ...]:
        return tuple(
            sorted(int(y) for y in frame.loc[frame["level"] == "overall", "year"].unique())
        )

    return _store.get(dataset, ("years",), build)


def all_members(dataset: Dataset, frame: pd.DataFrame) -> list[str]:
    """Every country in the frame, sorted: the ALL group."""
    return _store.get(dataset, ("all",), lambda: sorted(frame["iso3"].unique()))


def year_means(
    dataset: Dataset, frame: pd.DataFrame, year: int, members: Mapping[str, Sequence[str]]
) -> pd.DataFrame:
    """:func:`group_means` of every score in one year."""
    return _store.get(
        dataset,
        ("year-means", year, _members_key(members)),
        lambda: group_means(frame[frame["year"] == year], members),
    )


def score_means(
    dataset: Dataset,
    frame: pd.DataFrame,
    members: Mapping[str, Sequence[str]],
    *,
    level: str,
    code: str,
) -> pd.DataFrame:
    """:func:`group_means` of one score over every year (the time-series means)."""
    return _store.get(
        dataset,
        ("score-means", level, code, _members_key(members)),
        lambda: group_means(frame[(frame["level"] == level) & (frame["code"] == code)], members),
    )


def year_mean_of(
    dataset: Dataset, frame: pd.DataFrame, year: int, members: Mapping[str, Sequence[str]]
) -> dict[tuple[str, str], float]:
    """(group, code) → mean in one year, as the country page looks them up."""

    def build() -> dict:
        means = year_means(dataset, frame, year, members)
        return means.set_index(["group", "code"])["score"].to_dict() if len(means) else {}

    return _store.get(dataset, ("year-mean-of", year, _members_key(members)), build)


def ranks(
    dataset: Dataset,
    frame: pd.DataFrame,
    fw: Framework,
    lang: str,
    *,
    year: int,
    level: str = "overall",
    code: str = "overall",
) -> pd.DataFrame:
    """:func:`rank_countries` with :func:`add_bands` (band titles in ``lang``)."""
    framework = (dataset.framework_id, dataset.framework.updated_at)  # bands come from it
    return _store.get(
        dataset,
        ("ranks", year, level, code, lang, framework),
        lambda: add_bands(rank_countries(frame, year=year, level=level, code=code), fw, lang),
    )


def change_table(
    dataset: Dataset,
    frame: pd.DataFrame,
    *,
    year_from: int,
    year_to: int,
    level: str = "overall",
    code: str = "overall",
) -> pd.DataFrame:
    """:func:`changes` of one score (the overall by default) between two years."""
    return _store.get(
        dataset,
        ("changes", year_from, year_to, level, code),
        lambda: changes(frame, year_from=year_from, year_to=year_to, level=level, code=code),
    )
