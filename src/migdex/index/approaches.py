"""Approach to integration from the approach-dimension scores, by a rule written in the framework.

MIPEX 2020 derived its approaches from a categorical PCA and published no
thresholds. This classifier is this project's transparent stand-in: an
approach dimension is *favourable* when its score is at least
``favourable_min``; the first approach whose requirements all hold wins (the
last one is the fallback); a country whose every dimension reaches
``top_min`` under the first approach gets the ``top_suffix`` group.
Every result carries the reason in words.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from migdex.errors import InputError
from migdex.index.framework import Framework
from migdex.index.scoring import round_half_up


def classify_approaches(
    scores: pd.DataFrame, framework: Framework, lang: str = "en"
) -> pd.DataFrame:
    """One row per country-year: approach-dimension scores, approach, group and the reason.

    Columns: ``iso3, year, <dimension codes>, approach, group, approach_title, reason``.
    Country-years lacking any approach-dimension score get an empty approach and say why.
    """
    rule = framework.spec.approach_rule
    dims = [d.code for d in framework.spec.approach_dimensions]
    if rule is None or not dims:
        raise InputError(f"{framework.name} defines no approach rule; nothing to classify")
    sub = scores[scores["level"] == "approach_dimension"]
    wide = sub.pivot_table(index=["iso3", "year"], columns="code", values="score", dropna=False)
    wide = wide.reindex(columns=dims).reset_index().rename_axis(columns=None)
    values = wide[dims].to_numpy(dtype="float64")
    complete = ~np.isnan(values).any(axis=1)
    chosen, is_top = choose_approaches(values, framework)
    codes = np.array([a.code for a in rule.approaches], dtype=object)[chosen]
    out = wide.copy()
    out["approach"] = np.where(complete, codes, "")
    out["group"] = np.where(is_top & complete, codes + "_" + rule.top_suffix, out["approach"])
    titles = {a.code: framework.text(a.title, lang) for a in rule.approaches}
    out["approach_title"] = [titles.get(c, "") for c in out["approach"]]
    out["reason"] = [
        _reason(framework, dims, row, k, bool(top), lang) if ok else _incomplete(dims, row)
        for row, k, top, ok in zip(values, chosen, is_top, complete)
    ]
    return out


def choose_approaches(values: np.ndarray, framework: Framework) -> tuple[np.ndarray, np.ndarray]:
    """Apply the approach rule to approach-dimension scores of any leading shape.

    ``values`` has the framework's approach dimensions on its last axis. Returns
    the index of the chosen approach (first match wins, the last is the
    fallback) and whether the top group applies, both shaped like
    ``values[..., 0]``. Used row by row by :func:`classify_approaches` and over
    many runs at once by :mod:`migdex.index.sensitivity`.

    Examples
    --------
    >>> from migdex.index.framework import load_framework
    >>> fw = load_framework("mipex-2015-reconstructed")
    >>> chosen, top = choose_approaches(np.array([[90.0, 90, 90], [20, 20, 20]]), fw)
    >>> [fw.spec.approach_rule.approaches[k].code for k in chosen], top.tolist()
    (['comprehensive', 'immigration_without_integration'], [True, False])
    """
    rule = framework.spec.approach_rule
    if rule is None:
        raise InputError(f"{framework.name} defines no approach rule; nothing to classify")
    dims = [d.code for d in framework.spec.approach_dimensions]
    favourable = values >= rule.favourable_min
    chosen = np.full(values.shape[:-1], len(rule.approaches) - 1)
    for k in range(len(rule.approaches) - 2, -1, -1):  # first match wins: fill from the back
        ok = np.ones(values.shape[:-1], dtype=bool)
        for code, wanted in rule.approaches[k].requires.items():
            ok &= favourable[..., dims.index(code)] == wanted
        chosen = np.where(ok, k, chosen)
    top_min = rule.top_min if rule.top_min is not None else np.inf
    is_top = (chosen == 0) & (values >= top_min).all(axis=-1)
    return chosen, is_top


def _incomplete(dims: list[str], row: np.ndarray) -> str:
    missing = [d for d, v in zip(dims, row) if np.isnan(v)]
    return f"not classified: no score for {', '.join(missing)}"


def _reason(framework: Framework, dims, row, k: int, top: bool, lang: str) -> str:
    """Say which dimension is above or below which limit, and which requirement matched."""
    rule = framework.spec.approach_rule
    assert rule is not None
    titles = {d.code: framework.text(d.title, lang) for d in framework.spec.approach_dimensions}
    parts = []
    for code, v in zip(dims, row):
        sign = "≥" if v >= rule.favourable_min else "<"
        parts.append(f"{titles[code]} {round_half_up(v, 1):g} {sign} {rule.favourable_min:g}")
    approach = rule.approaches[k]
    if approach.requires:
        why = "matches " + ", ".join(
            f"{titles[c]} {'favourable' if w else 'not favourable'}"
            for c, w in approach.requires.items()
        )
    else:
        why = "no other approach's requirements hold (fallback)"
    text = f"{'; '.join(parts)} → {framework.text(approach.title, lang)}: {why}"
    if top:
        text += f"; every dimension ≥ {rule.top_min:g} → {rule.top_suffix}"
    return text


def agreement_with_published(classified: pd.DataFrame, published: pd.DataFrame) -> pd.DataFrame:
    """Cross-tabulate computed groups against published ones where both exist.

    ``published`` needs ``iso3, year, approach``; rows without a published
    approach are ignored. An empty result means there is nothing to compare.
    """
    pub = published.dropna(subset=["approach"])[["iso3", "year", "approach"]]
    pub = pub.rename(columns={"approach": "published"})
    both = classified.merge(pub, on=["iso3", "year"], how="inner")
    both = both[both["group"] != ""]
    if both.empty:
        return pd.DataFrame(columns=["published", "computed", "n"])
    both["computed"] = both["group"]
    return both.groupby(["published", "computed"]).size().rename("n").reset_index()
