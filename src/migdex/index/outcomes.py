"""Policies against outcomes: import outcome indicators, merge with scores, regress, mediate.

Outcome tables are tidy: ``iso3, year, variable, value, source`` (CSV or XLSX;
an optional ``dataset`` column labels synthetic data). :func:`merge_scores`
puts one policy score next to every outcome variable, one row per
country-year. The models use statsmodels' formula API:

- OLS on one year's cross-section and pooled over all years (HC1 standard errors);
- panel fixed effects: OLS with country and year dummies (``C(iso3) + C(year)``),
  standard errors clustered by country — the within estimator, as in
  ``linearmodels.PanelOLS(entity_effects=True, time_effects=True)``;
- mediation (policy → mediator → outcome, e.g. perceived threat → trust) as a
  product of coefficients, ``a·b`` from ``M ~ X`` and ``Y ~ X + M``, with a
  seeded nonparametric bootstrap (countries resampled with replacement,
  percentile intervals). statsmodels' ``Mediation`` class simulates from the
  fitted models and was slow and noisy on country-level data, so the bootstrap
  is done here, vectorised over replicates.
"""

from __future__ import annotations

import os
import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np
import pandas as pd

from migdex.errors import InputError
from migdex.io import read_table, require_columns

if TYPE_CHECKING:  # mediation imports this module
    from migdex.index.mediation import MediationResult

COLUMNS = ["iso3", "year", "variable", "value", "source"]
MAX_REPORTED = 20
NAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")
# Model names as written in tables; ``{year}`` is the cross-section's year. Callers may pass
# translations (same keys) to :func:`analyse_outcomes`.
MODEL_LABELS = {
    "ols_cross_section": "OLS, cross-section {year}",
    "ols_pooled": "OLS, pooled years",
    "fixed_effects": "Fixed effects (country + year)",
}


class OutcomesError(InputError):
    """An outcome table or a model request is invalid; the message says where."""


def read_outcomes(path: str | os.PathLike[str]) -> pd.DataFrame:
    """Read and validate an outcome table (CSV/XLSX); see :func:`validate_outcomes`."""
    return validate_outcomes(read_table(path), source=Path(path).name)


def validate_outcomes(frame: pd.DataFrame, *, source: str = "outcomes") -> pd.DataFrame:
    """Clean types and check every row; raise :class:`OutcomesError` listing the problems.

    Examples
    --------
    >>> raw = pd.DataFrame({"iso3": ["rus"], "year": ["2019"], "variable": ["trust"],
    ...                     "value": ["4.2"], "source": ["ESS"]})
    >>> validate_outcomes(raw).to_dict("records")
    [{'iso3': 'RUS', 'year': 2019, 'variable': 'trust', 'value': 4.2, 'source': 'ESS', \
'dataset': ''}]
    """
    require_columns(frame, COLUMNS, source=source)
    df = frame.reset_index(drop=True).copy()
    df["iso3"] = df["iso3"].astype("string").str.strip().str.upper()
    df["variable"] = df["variable"].astype("string").str.strip()
    year = pd.to_numeric(df["year"], errors="coerce")
    value = pd.to_numeric(df["value"], errors="coerce")
    checks = [
        (~df["iso3"].fillna("").str.fullmatch(r"[A-Z]{3}"), "iso3 = {iso3!r} is not an ISO3 code"),
        (year.isna() | (year % 1 != 0), "year = {year!r} is not a year"),
        (
            ~df["variable"].fillna("").str.fullmatch(NAME.pattern),
            "variable = {variable!r} is not a name (letters, digits, _; no leading digit)",
        ),
        (value.isna() & df["value"].notna(), "value = {value!r} is not a number"),
        (df.duplicated(["iso3", "year", "variable"]) & year.notna(), "{variable} given twice"),
    ]
    problems = [
        f"row {i + 2} ({row['iso3']} {row['year']}): {template.format(**row)}"
        for mask, template in checks
        for i, row in df[mask.fillna(True).astype(bool)].iterrows()
    ]
    if problems:
        head = f"{source}: {len(problems)} problem(s) in the outcome table"
        shown = [f"  {source} {p}" for p in sorted(problems, key=_row_number)[:MAX_REPORTED]]
        raise OutcomesError("\n".join([head, *shown]))
    out = df.assign(year=year.astype("int64"), value=value.astype(float))
    out["dataset"] = out["dataset"].fillna("") if "dataset" in out.columns else ""
    return out[[*COLUMNS, "dataset"]].dropna(subset=["value"]).reset_index(drop=True)


def _row_number(problem: str) -> int:
    return int(problem.split()[1])


def merge_scores(
    outcomes: pd.DataFrame,
    scores: pd.DataFrame,
    *,
    policy: str = "overall",
    lag: int = 0,
) -> pd.DataFrame:
    """One row per country-year: ``iso3, year, policy`` and one column per outcome variable.

    ``policy`` is ``overall``, an overall variant or an area code from the tidy
    ``scores``; ``lag`` pairs the outcome in year t with the policy in t − lag.
    Only country-years with both a policy score and some outcome are kept.

    Examples
    --------
    >>> s = pd.DataFrame({"iso3": ["A", "B"], "year": 2019, "level": "overall",
    ...                   "code": "overall", "score": [60.0, 40.0]})
    >>> o = pd.DataFrame({"iso3": ["A", "B"], "year": 2019, "variable": "trust",
    ...                   "value": [5.0, 4.0]})
    >>> merge_scores(o, s).to_dict("records")
    [{'iso3': 'A', 'year': 2019, 'policy': 60.0, 'trust': 5.0}, \
{'iso3': 'B', 'year': 2019, 'policy': 40.0, 'trust': 4.0}]
    """
    chosen = scores[scores["code"] == policy]
    if chosen.empty:
        known = ", ".join(
            sorted(scores.loc[scores["level"].isin(["overall", "area"]), "code"].unique())
        )
        raise OutcomesError(f"no policy score {policy!r} in the scores; choose one of {known}")
    pol = chosen[["iso3", "year", "score"]].rename(columns={"score": "policy"})
    pol = pol.assign(year=pol["year"].astype("int64") + lag, iso3=pol["iso3"].astype(str))
    wide = outcomes.pivot_table(index=["iso3", "year"], columns="variable", values="value")
    wide = wide.reset_index().rename_axis(columns=None)
    merged = pol.merge(wide, on=["iso3", "year"], how="inner").dropna(subset=["policy"])
    if merged.empty:
        raise OutcomesError("no country-year has both a policy score and an outcome")
    return merged.sort_values(["iso3", "year"]).reset_index(drop=True)


# -- regressions --------------------------------------------------------------------------------


@dataclass(frozen=True)
class ModelFit:
    """One fitted model: its name, the coefficient table (no dummies) and fit statistics.

    ``code`` is the language-free key of :data:`MODEL_LABELS` (empty for a bare fit).
    """

    name: str
    formula: str
    coefficients: pd.DataFrame
    n: int
    r2: float
    n_countries: int
    code: str = ""


def _check_columns(frame: pd.DataFrame, names: list[str]) -> None:
    missing = [n for n in names if n not in frame.columns]
    if missing:
        known = ", ".join(c for c in frame.columns if c not in ("iso3", "year"))
        raise OutcomesError(f"unknown variable(s) {', '.join(missing)}; available: {known}")


def _coefficients(result, keep: list[str]) -> pd.DataFrame:
    ci = result.conf_int()
    return pd.DataFrame(
        {
            "term": keep,
            "coef": result.params[keep].to_numpy(),
            "std_err": result.bse[keep].to_numpy(),
            "t": result.tvalues[keep].to_numpy(),
            "p_value": result.pvalues[keep].to_numpy(),
            "ci_low": ci.loc[keep, 0].to_numpy(),
            "ci_high": ci.loc[keep, 1].to_numpy(),
        }
    )


def fit_ols(
    frame: pd.DataFrame, outcome: str, *, x: str = "policy", controls: tuple[str, ...] = ()
) -> ModelFit:
    """OLS of ``outcome`` on ``x`` and controls with HC1 (robust) standard errors.

    Examples
    --------
    >>> rng = np.random.default_rng(0)
    >>> d = pd.DataFrame({"iso3": [f"C{i:02d}" for i in range(200)], "year": 2019,
    ...                   "policy": rng.uniform(0, 100, 200)})
    >>> d["trust"] = 1 + 0.05 * d["policy"] + rng.normal(0, 0.5, 200)
    >>> round(float(fit_ols(d, "trust").coefficients.set_index("term").loc["policy", "coef"]), 2)
    0.05
    """
    import statsmodels.formula.api as smf

    terms = [x, *controls]
    _check_columns(frame, [outcome, *terms])
    data = frame.dropna(subset=[outcome, *terms])
    formula = f"{outcome} ~ {' + '.join(terms)}"
    result = smf.ols(formula, data).fit(cov_type="HC1")
    return ModelFit(
        "OLS",
        formula,
        _coefficients(result, ["Intercept", *terms]),
        int(result.nobs),
        float(result.rsquared),
        int(data["iso3"].nunique()),
    )


def fit_fixed_effects(
    frame: pd.DataFrame, outcome: str, *, x: str = "policy", controls: tuple[str, ...] = ()
) -> ModelFit:
    """Two-way fixed effects: ``outcome ~ x + controls + C(iso3) + C(year)``, clustered by country.

    Country dummies absorb everything constant within a country, so only
    changes over time identify the coefficient; ``r2`` is the within R².
    """
    import statsmodels.formula.api as smf

    terms = [x, *controls]
    _check_columns(frame, [outcome, *terms])
    data = frame.dropna(subset=[outcome, *terms]).reset_index(drop=True)
    if data["year"].nunique() < 2:
        raise OutcomesError("fixed effects need at least two years per country")
    formula = f"{outcome} ~ {' + '.join(terms)} + C(iso3) + C(year)"
    groups = pd.factorize(data["iso3"])[0]
    result = smf.ols(formula, data).fit(cov_type="cluster", cov_kwds={"groups": groups})
    return ModelFit(
        "Fixed effects (country + year)",
        formula,
        _coefficients(result, terms),
        int(result.nobs),
        _within_r2(data, outcome, result),
        int(data["iso3"].nunique()),
    )


def _within_r2(data: pd.DataFrame, outcome: str, result) -> float:
    """R² of the demeaned outcome (variation within countries) explained by the model."""
    within = data[outcome] - data.groupby("iso3")[outcome].transform("mean")
    resid = result.resid
    return float(1 - (resid**2).sum() / (within**2).sum()) if (within**2).sum() > 0 else np.nan


def coefficient_table(fits: list[ModelFit]) -> pd.DataFrame:
    """Stack the models' coefficients with ``model, n, n_countries, r2`` columns."""
    return pd.concat(
        [
            f.coefficients.assign(
                model=f.name, formula=f.formula, n=f.n, n_countries=f.n_countries, r2=f.r2
            )
            for f in fits
        ],
        ignore_index=True,
    )[
        [
            "model",
            "term",
            "coef",
            "std_err",
            "t",
            "p_value",
            "ci_low",
            "ci_high",
            "n",
            "n_countries",
            "r2",
            "formula",
        ]
    ]


def fit_line(
    frame: pd.DataFrame, outcome: str, *, x: str = "policy", n_points: int = 50
) -> pd.DataFrame:
    """The OLS line of ``outcome`` on ``x`` and its 95% confidence band, for a scatter chart.

    Returns ``x, fit, lower, upper`` over the observed range of ``x``.
    """
    import statsmodels.formula.api as smf

    data = frame.dropna(subset=[outcome, x])
    result = smf.ols(f"{outcome} ~ {x}", data).fit()
    grid = pd.DataFrame({x: np.linspace(data[x].min(), data[x].max(), n_points)})
    band = result.get_prediction(grid).summary_frame(alpha=0.05)
    return pd.DataFrame(
        {
            "x": grid[x].to_numpy(),
            "fit": band["mean"].to_numpy(),
            "lower": band["mean_ci_lower"].to_numpy(),
            "upper": band["mean_ci_upper"].to_numpy(),
        }
    )


# -- one analysis, as the CLI and the explorer run it -------------------------------------------


@dataclass(frozen=True)
class OutcomeAnalysis:
    """Merged data, fitted models, the scatter's line and the optional mediation."""

    outcome: str
    policy: str
    year: int
    merged: pd.DataFrame
    fits: list[ModelFit]
    line: pd.DataFrame
    mediation: MediationResult | None

    @property
    def coefficients(self) -> pd.DataFrame:
        return coefficient_table(self.fits)

    @property
    def cross_section(self) -> pd.DataFrame:
        """The scatter's points: one row per country in ``year``."""
        sub = self.merged[self.merged["year"] == self.year].dropna(subset=[self.outcome])
        return sub.assign(x=sub["policy"], y=sub[self.outcome], label=sub["iso3"])


def analyse_outcomes(
    outcomes: pd.DataFrame,
    scores: pd.DataFrame,
    *,
    outcome: str,
    policy: str = "overall",
    mediator: str | None = None,
    controls: tuple[str, ...] = (),
    year: int | None = None,
    lag: int = 0,
    n_boot: int = 2000,
    seed: int = 0,
    labels: Mapping[str, str] | None = None,
    effect_labels: Mapping[str, str] | None = None,
) -> OutcomeAnalysis:
    """Merge, then fit OLS (cross-section and pooled), two-way fixed effects and mediation.

    The cross-section (scatter, its OLS and the mediation) uses ``year``,
    by default the latest year with the outcome; pooled OLS and fixed effects
    use every year. ``labels`` names the models (keys of :data:`MODEL_LABELS`,
    English by default), e.g. in the reader's language; ``effect_labels`` words the
    mediation table (see :func:`migdex.index.mediation.mediate`).
    """
    names = _model_labels(labels)
    merged = merge_scores(outcomes, scores, policy=policy, lag=lag)
    _check_columns(merged, [outcome, *controls, *([mediator] if mediator else [])])
    have = merged.dropna(subset=[outcome])
    years = sorted(int(y) for y in have["year"].unique())
    year = years[-1] if year is None else int(year)
    if year not in years:
        raise OutcomesError(f"no {outcome} with a policy score in {year}; years: {years}")
    section = have[have["year"] == year]
    fits = [
        _renamed(fit_ols(section, outcome, controls=controls), "ols_cross_section", names, year),
        _renamed(fit_ols(have, outcome, controls=controls), "ols_pooled", names, year),
    ]
    if len(years) > 1:
        fe = fit_fixed_effects(have, outcome, controls=controls)
        fits.append(_renamed(fe, "fixed_effects", names, year))
    result = None
    if mediator:
        from migdex.index.mediation import mediate

        result = mediate(
            section,
            mediator=mediator,
            outcome=outcome,
            controls=controls,
            n_boot=n_boot,
            seed=seed,
            labels=effect_labels,
        )
    line = fit_line(section, outcome)
    return OutcomeAnalysis(outcome, policy, year, merged, fits, line, result)


def _model_labels(labels: Mapping[str, str] | None) -> dict[str, str]:
    unknown = sorted(set(labels or {}) - set(MODEL_LABELS))
    if unknown:
        raise OutcomesError(f"unknown model label(s) {unknown}; known: {sorted(MODEL_LABELS)}")
    return {**MODEL_LABELS, **(labels or {})}


def _renamed(fit: ModelFit, code: str, names: Mapping[str, str], year: int) -> ModelFit:
    name = names[code].replace("{year}", str(year))
    return ModelFit(name, fit.formula, fit.coefficients, fit.n, fit.r2, fit.n_countries, code)


def write_outcome_analysis(
    analysis: OutcomeAnalysis,
    out_dir: str | os.PathLike[str],
    *,
    dataset: str = "",
    x_title: str = "Policy score",
) -> Path:
    """Write merged data, coefficients, mediation, the line and the scatter chart atomically.

    ``dataset`` (e.g. a SYNTHETIC label) is written on every table and under the chart title.
    """
    import json

    from migdex.index.charts import render_svg, scatter_fit_chart
    from migdex.io import atomic_directory

    tag = {"dataset": dataset} if dataset else {}
    with atomic_directory(out_dir) as tmp:
        analysis.merged.assign(**tag).to_csv(tmp / "merged.csv", index=False)
        analysis.coefficients.assign(**tag).to_csv(tmp / "coefficients.csv", index=False)
        analysis.line.assign(**tag).to_csv(tmp / "fit_line.csv", index=False)
        if analysis.mediation is not None:
            analysis.mediation.table.assign(**tag).to_csv(tmp / "mediation.csv", index=False)
        spec = scatter_fit_chart(
            analysis.cross_section,
            analysis.line,
            x_title=f"{x_title} ({analysis.policy}, {analysis.year})",
            y_title=analysis.outcome,
            title=f"{analysis.outcome} against the policy score, {analysis.year}",
            note=dataset or None,
        )
        (tmp / "scatter.svg").write_text(render_svg(spec), encoding="utf-8")
        (tmp / "scatter.vl.json").write_text(json.dumps(spec), encoding="utf-8")
    return Path(out_dir)
