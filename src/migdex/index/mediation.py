"""Mediation (policy → mediator → outcome) with a seeded, vectorised bootstrap.

Product of coefficients for linear models (Baron–Kenny paths, Preacher–Hayes
bootstrap): ``a`` from ``M ~ X (+ controls)``, ``b`` and the direct effect
``c'`` from ``Y ~ X + M (+ controls)``, the total effect ``c`` from
``Y ~ X (+ controls)``; the indirect effect is ``a·b`` (and ``c = c' + a·b``
exactly). Intervals are bootstrap percentiles over rows resampled with
replacement; all replicates are solved at once as a batch of least-squares
problems. The two-sided p-value of each effect is twice the smaller share of
replicates on either side of 0.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

import numpy as np
import pandas as pd

from migdex.index.outcomes import OutcomesError, _check_columns

EFFECTS = ("a", "b", "direct", "total", "indirect", "proportion_mediated")
LABELS = {
    "a": "a: exposure → mediator",
    "b": "b: mediator → outcome, exposure held",
    "direct": "direct effect c' (exposure → outcome, mediator held)",
    "total": "total effect c",
    "indirect": "indirect effect a·b",
    "proportion_mediated": "proportion mediated a·b / c",
}


@dataclass(frozen=True)
class MediationResult:
    """Effects with bootstrap intervals, and what was modelled."""

    exposure: str
    mediator: str
    outcome: str
    table: pd.DataFrame
    n: int
    n_boot: int

    def effect(self, name: str) -> float:
        return float(self.table.set_index("effect").loc[name, "estimate"])


def _ols_batch(x: np.ndarray, y: np.ndarray) -> np.ndarray:
    """Least squares for a batch: x (B × n × k), y (B × n) → coefficients (B × k)."""
    xtx = np.einsum("bnk,bnl->bkl", x, x)
    xty = np.einsum("bnk,bn->bk", x, y)
    return np.einsum("bkl,bl->bk", np.linalg.pinv(xtx), xty)


def _paths(data: np.ndarray) -> np.ndarray:
    """Effects for a batch of samples; data (B × n × 3+c) holds x, m, y, controls."""
    ones = np.ones((*data.shape[:2], 1))
    x, m, y, ctrl = data[..., :1], data[..., 1], data[..., 2], data[..., 3:]
    a = _ols_batch(np.concatenate([ones, x, ctrl], axis=-1), m)[:, 1]
    with_m = _ols_batch(np.concatenate([ones, x, m[..., None], ctrl], axis=-1), y)
    total = _ols_batch(np.concatenate([ones, x, ctrl], axis=-1), y)[:, 1]
    direct, b = with_m[:, 1], with_m[:, 2]
    with np.errstate(divide="ignore", invalid="ignore"):
        proportion = np.where(total != 0, a * b / total, np.nan)
    return np.stack([a, b, direct, total, a * b, proportion], axis=1)


def mediate(
    frame: pd.DataFrame,
    *,
    mediator: str,
    outcome: str,
    exposure: str = "policy",
    controls: tuple[str, ...] = (),
    n_boot: int = 2000,
    seed: int = 0,
    level: float = 0.95,
    labels: Mapping[str, str] | None = None,
) -> MediationResult:
    """Estimate a, b, direct, total and indirect effects with bootstrap intervals.

    ``labels`` words the table's ``label`` column (keys of :data:`LABELS`, English by
    default), e.g. in the reader's language.

    Examples
    --------
    Simulated: a = 0.5, b = −0.3, so the indirect effect is −0.15.

    >>> rng = np.random.default_rng(1)
    >>> x = rng.uniform(0, 100, 2000)
    >>> m = 0.5 * x + rng.normal(0, 5, 2000)
    >>> y = -0.3 * m + 0.2 * x + rng.normal(0, 5, 2000)
    >>> d = pd.DataFrame({"policy": x, "threat": m, "trust": y})
    >>> r = mediate(d, mediator="threat", outcome="trust", n_boot=500)
    >>> row = r.table.set_index("effect").loc["indirect"]
    >>> bool(row.ci_low < -0.15 < row.ci_high), round(r.effect("a"), 1)
    (True, 0.5)
    """
    unknown = sorted(set(labels or {}) - set(LABELS))
    if unknown:
        raise OutcomesError(f"unknown effect label(s) {unknown}; known: {sorted(LABELS)}")
    words = {**LABELS, **(labels or {})}
    columns = [exposure, mediator, outcome, *controls]
    _check_columns(frame, columns)
    data = frame[columns].dropna().to_numpy(dtype=float)
    if len(data) < len(columns) + 3:
        raise OutcomesError(f"mediation needs more rows than {len(data)} complete ones")
    estimate = _paths(data[None])[0]
    rng = np.random.default_rng(seed)
    boot = np.concatenate(
        [
            _paths(data[rng.integers(0, len(data), (size, len(data)))])
            for size in _batches(n_boot, max(1, 2_000_000 // data.size))
        ]
    )
    tail = (1 - level) / 2
    low, high = np.nanquantile(boot, [tail, 1 - tail], axis=0)
    below, above = np.mean(boot <= 0, axis=0), np.mean(boot >= 0, axis=0)
    table = pd.DataFrame(
        {
            "effect": EFFECTS,
            "label": [words[e] for e in EFFECTS],
            "estimate": estimate,
            "ci_low": low,
            "ci_high": high,
            "p_value": np.minimum(1.0, 2 * np.minimum(below, above)),
        }
    )
    return MediationResult(exposure, mediator, outcome, table, len(data), n_boot)


def _batches(total: int, size: int) -> list[int]:
    return [min(size, total - start) for start in range(0, total, size)]
