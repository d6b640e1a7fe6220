"""Numeric indicators → 0–100 scores: min-max, z-score or distance to a target.

A method is a name mapped to a small pure function of one indicator's raw
values (all country-years scored together) and its framework entry. As in
COINr, normalisation depends on the set compared: adding a country or a year
can move everyone's score, unless the framework fixes ``bounds`` (goalposts).
Direction ``lower_is_better`` flips the scale so that 100 is always best.

- ``minmax``: ``100 · (x − lo) / (hi − lo)``, with ``lo, hi`` the ``bounds`` (values
  outside are clipped) or else the observed minimum and maximum;
- ``zscore``: ``50 + 10 · z`` clipped to 0–100, with ``z`` standardised by the
  observed mean and (sample) standard deviation;
- ``target``: COINr's distance to target, ``100 · (x − lo) / (target − lo)`` capped
  to 0–100 (lower is better: ``(hi − x) / (hi − target)``): reaching the target
  scores 100.

A column with no spread scores 50 throughout (nobody is better than anyone).
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np

from migdex.index.framework import Indicator

Z_CENTRE, Z_SCALE = 50.0, 10.0


def _observed(x: np.ndarray, ind: Indicator) -> tuple[float, float]:
    if ind.bounds is not None:
        return float(ind.bounds[0]), float(ind.bounds[1])
    return float(np.nanmin(x)), float(np.nanmax(x))


def _minmax(x: np.ndarray, ind: Indicator) -> np.ndarray:
    lo, hi = _observed(x, ind)
    if hi == lo:
        return np.where(np.isnan(x), np.nan, 50.0)
    scaled = 100.0 * (np.clip(x, lo, hi) - lo) / (hi - lo)
    return scaled if ind.is_higher_better else 100.0 - scaled


def _zscore(x: np.ndarray, ind: Indicator) -> np.ndarray:
    n = np.count_nonzero(~np.isnan(x))
    sd = float(np.nanstd(x, ddof=1)) if n > 1 else 0.0
    if sd == 0:
        return np.where(np.isnan(x), np.nan, Z_CENTRE)
    z = (x - np.nanmean(x)) / sd
    z = z if ind.is_higher_better else -z
    return np.clip(Z_CENTRE + Z_SCALE * z, 0.0, 100.0)


def _target(x: np.ndarray, ind: Indicator) -> np.ndarray:
    assert ind.target is not None  # the framework validator guarantees it
    lo, hi = _observed(x, ind)
    target = float(ind.target)
    if ind.is_higher_better:
        gap, done = target - lo, x - lo
    else:
        gap, done = hi - target, hi - x
    if gap <= 0:  # everyone observed is at or beyond the target
        reached = x >= target if ind.is_higher_better else x <= target
        return np.where(np.isnan(x), np.nan, np.where(reached, 100.0, 0.0))
    return 100.0 * np.clip(done / gap, 0.0, 1.0)


NORMALISERS: dict[str, Callable[[np.ndarray, Indicator], np.ndarray]] = {
    "minmax": _minmax,
    "zscore": _zscore,
    "target": _target,
}


def normalise_values(values: np.ndarray, indicator: Indicator) -> np.ndarray:
    """Raw values of one numeric indicator (NaN = missing) → scores 0–100, NaN kept.

    Examples
    --------
    >>> from migdex.index.framework import Indicator
    >>> wage = Indicator(code="w", title={"en": "Wage"}, kind="numeric")
    >>> normalise_values(np.array([100.0, 300.0, np.nan, 500.0]), wage).tolist()
    [0.0, 50.0, nan, 100.0]
    >>> risk = wage.model_copy(update={"direction": "lower_is_better", "bounds": (0.0, 50.0)})
    >>> normalise_values(np.array([10.0, 60.0]), risk).tolist()
    [80.0, 0.0]
    >>> sat = wage.model_copy(update={"normalisation": "target", "target": 8.0})
    >>> normalise_values(np.array([4.0, 6.0, 9.0]), sat).tolist()
    [0.0, 50.0, 100.0]
    """
    x = np.asarray(values, dtype="float64")
    if np.isnan(x).all():
        return x.copy()
    return np.clip(NORMALISERS[indicator.method](x, indicator), 0.0, 100.0)


def normalise_matrix(raw: np.ndarray, indicators: list[Indicator]) -> np.ndarray:
    """Normalise each column of a (country-years × indicators) matrix by its own indicator."""
    out = np.full(raw.shape, np.nan)
    for j, ind in enumerate(indicators):
        out[:, j] = normalise_values(raw[:, j], ind)
    return out
