"""Answers → indicator → dimension → area → overall scores, as weighted means with matrices.

Every level is one matrix product: child scores (country-years × children)
times a membership matrix holding the children's weights. Missing and
not-applicable answers follow one explicit rule:

- ``renormalise`` (default): average over the answered children only;
- ``zero``: count them as 0;
- ``refuse``: raise :class:`MissingAnswersError` naming what is missing.

Numeric indicators are first normalised to 0–100 across every country-year in
the answers (:mod:`migdex.index.normalise`). Scores keep full precision;
rounding is for display (:func:`round_half_up`).
Coverage on every score is the share of the indicators beneath it that were
scored.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

import numpy as np
import pandas as pd

from migdex.errors import InputError
from migdex.index.framework import MISSING_RULES, Framework
from migdex.index.normalise import normalise_matrix

SCORE_COLUMNS = [
    "iso3",
    "year",
    "level",
    "code",
    "score",
    "coverage",
    "n_scored",
    "n_indicators",
]
LEVELS = ("indicator", "dimension", "area", "overall", "approach_dimension")


class MissingAnswersError(InputError):
    """The ``refuse`` rule met a missing or not-applicable answer."""


@dataclass(frozen=True)
class Level:
    """One aggregation step: parent codes and the (children × parents) weight matrix."""

    name: str
    codes: list[str]
    weights: np.ndarray  # children × parents
    below: np.ndarray  # indicators × parents, 1 where the indicator lies beneath


def round_half_up(values: np.ndarray | pd.Series | float, decimals: int = 0):
    """Round halves away from zero for display (published MIPEX figures round 43.5 to 44).

    Examples
    --------
    >>> round_half_up(43.5), round_half_up(43.375), round_half_up(32.25, 1)
    (44.0, 43.0, 32.3)
    """
    factor = 10.0**decimals
    scaled = np.asarray(values, dtype="float64") * factor
    rounded = np.sign(scaled) * np.floor(np.abs(scaled) + 0.5 + 1e-9) / factor
    if isinstance(values, pd.Series):
        return pd.Series(rounded, index=values.index, name=values.name)
    return float(rounded) if np.ndim(rounded) == 0 else rounded


def build_levels(framework: Framework, weights: Mapping[str, float] | None = None) -> list[Level]:
    """Turn a framework (and optional weight overrides by code) into aggregation matrices.

    The levels are: dimensions over indicators, areas over dimensions and
    dimensionless areas' indicators, the overall score and its variants over
    areas, and the approach dimensions over their member areas/dimensions.
    """
    weights = dict(weights or {})
    places = framework.places
    ind_codes = [p.indicator.code for p in places]
    ind_w = np.array([weights.get(p.indicator.code, p.indicator.weight) for p in places])
    dim_codes = [f"{a.code}.{d.code}" for a in framework.areas for d in a.dimensions]
    dim_w = {
        f"{a.code}.{d.code}": weights.get(f"{a.code}.{d.code}", d.weight)
        for a in framework.areas
        for d in a.dimensions
    }
    area_codes = framework.area_codes
    area_w = {a.code: weights.get(a.code, a.weight) for a in framework.areas}

    dim_m = np.zeros((len(ind_codes), len(dim_codes)))
    for i, p in enumerate(places):
        if p.dimension is not None:
            dim_m[i, dim_codes.index(p.dimension)] = ind_w[i]
    dimension = Level("dimension", dim_codes, dim_m, (dim_m > 0).astype(float))

    # Area children: every dimension, then every indicator of a dimensionless area.
    direct = [i for i, p in enumerate(places) if p.dimension is None]
    n_children = len(dim_codes) + len(direct)
    area_m = np.zeros((n_children, len(area_codes)))
    for k, code in enumerate(dim_codes):
        area_m[k, area_codes.index(code.split(".", 1)[0])] = dim_w[code]
    for k, i in enumerate(direct, start=len(dim_codes)):
        area_m[k, area_codes.index(places[i].area)] = ind_w[i]
    area_below = np.array([[p.area == a for a in area_codes] for p in places], dtype=float)
    area = Level("area", area_codes, area_m, area_below)

    overall_codes = ["overall", *(v.code for v in framework.spec.aggregation.variants)]
    excluded = [set(), *(set(v.exclude_areas) for v in framework.spec.aggregation.variants)]
    overall_m = np.array([[0.0 if a in ex else area_w[a] for ex in excluded] for a in area_codes])
    overall = Level("overall", overall_codes, overall_m, area_below @ (overall_m > 0))

    return [dimension, area, overall, _approach_level(framework, area_codes, dim_codes, places)]


def _approach_level(framework: Framework, area_codes, dim_codes, places) -> Level:
    members_of = {d.code: d.members for d in framework.spec.approach_dimensions}
    codes = list(members_of)
    children = [*area_codes, *dim_codes]
    m = np.zeros((len(children), len(codes)))
    below = np.zeros((len(places), len(codes)))
    for j, code in enumerate(codes):
        for member in members_of[code]:
            m[children.index(member), j] = 1.0
            for i, p in enumerate(places):
                if member in (p.area, p.dimension):
                    below[i, j] = 1.0
    return Level("approach_dimension", codes, m, below)


def score_answers(
    answers: pd.DataFrame,
    framework: Framework,
    *,
    missing_rule: str | None = None,
    weights: Mapping[str, float] | None = None,
) -> pd.DataFrame:
    """Score validated answers (see :func:`migdex.index.answers.validate_answers`).

    Returns a tidy frame with :data:`SCORE_COLUMNS`, one row per country-year
    and level/code. Country-years are those present in ``answers``.

    Examples
    --------
    >>> from migdex.index.framework import load_framework
    >>> from migdex.index.answers import validate_answers
    >>> fw = load_framework("mipex-2015-reconstructed")
    >>> raw = pd.DataFrame({"iso3": "RUS", "year": 2019, "indicator": list(fw.indicators),
    ...                     "option": "b"})
    >>> s = score_answers(validate_answers(raw, fw), fw)
    >>> s.query("level == 'overall' and code == 'overall'")[["score", "coverage"]].values.tolist()
    [[50.0, 1.0]]
    """
    rule = missing_rule or framework.spec.aggregation.missing_rule
    if rule not in MISSING_RULES:
        raise InputError(f"missing rule {rule!r}; choose one of {', '.join(MISSING_RULES)}")
    levels = build_levels(framework, weights)
    ind_codes = [p.indicator.code for p in framework.places]
    keys, values = _indicator_matrix(answers, ind_codes)
    values = _normalise_numeric(answers, framework, values)
    _refuse_if_needed(rule, keys, values, ind_codes)
    answered = ~np.isnan(values)
    frames = [_tidy(keys, "indicator", ind_codes, values, answered, None)]
    ind_scores = values
    dim, area, overall, approach = levels
    dim_scores = _aggregate(ind_scores, dim.weights, rule)
    direct = [i for i, p in enumerate(framework.places) if p.dimension is None]
    area_scores = _aggregate(np.hstack([dim_scores, ind_scores[:, direct]]), area.weights, rule)
    overall_scores = _aggregate(area_scores, overall.weights, rule)
    approach_scores = _aggregate(np.hstack([area_scores, dim_scores]), approach.weights, rule)
    for level, scores in (
        (dim, dim_scores),
        (area, area_scores),
        (overall, overall_scores),
        (approach, approach_scores),
    ):
        if level.codes:
            frames.append(_tidy(keys, level.name, level.codes, scores, answered, level.below))
    return pd.concat(frames, ignore_index=True)


def _indicator_matrix(answers: pd.DataFrame, ind_codes: list[str]):
    """Pivot answers to a (country-year × indicator) matrix of scores, NaN where unscored."""
    iso_code, iso_uniq = pd.factorize(answers["iso3"], sort=True)
    year_code, year_uniq = pd.factorize(answers["year"], sort=True)
    combined = iso_code.astype("int64") * len(year_uniq) + year_code
    present, row = np.unique(combined, return_inverse=True)
    keys = pd.DataFrame(
        {
            "iso3": np.asarray(iso_uniq, dtype=object)[present // len(year_uniq)],
            "year": np.asarray(year_uniq, dtype="int64")[present % len(year_uniq)],
        }
    )
    col = pd.Categorical(answers["indicator"], categories=ind_codes).codes
    values = np.full((len(keys), len(ind_codes)), np.nan)
    values[row, col] = answers["score"].to_numpy(dtype="float64", na_value=np.nan)
    return keys, values


def _normalise_numeric(answers: pd.DataFrame, framework: Framework, values: np.ndarray):
    """Put numeric indicators' raw values, normalised to 0–100 over all rows, into ``values``.

    The raw number is ``raw_value`` (from :func:`validate_answers`) or, in a
    frame without that column, ``score``.
    """
    places = framework.places
    numeric = [j for j, p in enumerate(places) if p.indicator.is_numeric]
    if not numeric:
        return values
    raw_col = "raw_value" if "raw_value" in answers.columns else "score"
    _, raw = _indicator_matrix(
        answers.assign(score=answers[raw_col]), [p.indicator.code for p in places]
    )
    out = values.copy()
    out[:, numeric] = normalise_matrix(raw[:, numeric], [places[j].indicator for j in numeric])
    return out


def _refuse_if_needed(rule: str, keys: pd.DataFrame, values: np.ndarray, ind_codes) -> None:
    if rule != "refuse" or not np.isnan(values).any():
        return
    rows, cols = np.nonzero(np.isnan(values))
    listed = [f"{keys.iso3[r]} {keys.year[r]} indicator {ind_codes[c]}" for r, c in zip(rows, cols)]
    shown = "; ".join(listed[:10]) + (f"; and {len(listed) - 10} more" if len(listed) > 10 else "")
    raise MissingAnswersError(
        f"missing rule 'refuse': {len(listed)} indicator(s) missing or not applicable: {shown}. "
        "Answer them, or choose --missing-rule renormalise or zero."
    )


def _aggregate(children: np.ndarray, weights: np.ndarray, rule: str) -> np.ndarray:
    """Weighted means of children per parent; NaN children skipped or counted as 0."""
    present = ~np.isnan(children)
    filled = np.where(present, children, 0.0)
    total = filled @ weights
    if rule == "zero":
        denominator = np.broadcast_to(weights.sum(axis=0), total.shape)
    else:
        denominator = present.astype(float) @ weights
    with np.errstate(invalid="ignore", divide="ignore"):
        return np.where(denominator > 0, total / denominator, np.nan)


def _tidy(keys, level, codes, scores, answered, below) -> pd.DataFrame:
    """Long format: one row per country-year × code."""
    n_keys, n_codes = scores.shape
    if below is not None:
        n_scored = answered.astype(float) @ below
        n_ind = np.broadcast_to(below.sum(axis=0), n_scored.shape)
    else:
        n_scored = answered.astype(float)
        n_ind = np.ones_like(n_scored)
    return pd.DataFrame(
        {
            "iso3": pd.Series(np.repeat(keys["iso3"].to_numpy(), n_codes), dtype=object),
            "year": np.repeat(keys["year"].to_numpy(), n_codes),
            "level": pd.Series(np.full(n_keys * n_codes, level, dtype=object), dtype=object),
            "code": pd.Series(np.tile(np.asarray(codes, dtype=object), n_keys), dtype=object),
            "score": scores.ravel(),
            "coverage": (n_scored / np.where(n_ind > 0, n_ind, 1)).ravel(),
            "n_scored": n_scored.ravel().astype("int64"),
            "n_indicators": n_ind.ravel().astype("int64"),
        }
    )


def wide_scores(
    scores: pd.DataFrame, *, levels: tuple[str, ...] = ("overall", "area")
) -> pd.DataFrame:
    """One row per country-year with ``overall`` (and variants) and area columns.

    The same shape as the published tables and ``migdex index check`` input.
    """
    sub = scores[scores["level"].isin(levels)]
    wide = sub.pivot_table(
        index=["iso3", "year"], columns="code", values="score", sort=False, dropna=False
    )
    order = [c for c in sub["code"].drop_duplicates() if c in wide.columns]
    return wide[order].reset_index().rename_axis(columns=None)
