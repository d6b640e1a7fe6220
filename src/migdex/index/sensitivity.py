"""Robustness of an index: Monte Carlo over its assumptions, rank intervals and Sobol indices.

The analysis follows the JRC's COINr (``get_sensitivity``): each assumption of
the index is an uncertain *factor*, every run draws one value of each factor,
recomputes the index and ranks the countries. The factors are

- ``weights``: each area's (or each indicator's) weight multiplied by a draw
  from ``U(1 - weight_noise, 1 + weight_noise)`` around its nominal weight;
- ``aggregation``: the areas → overall mean, arithmetic or geometric (logs of
  scores floored at ``geometric_floor``, so a 0 does not zero the index);
- ``missing_rule``: ``renormalise`` or ``zero`` for missing answers;
- ``drop_area`` / ``drop_indicator``: none, or one area / one indicator left
  out (each alternative equally likely).

Runs follow a Saltelli design (SALib) so the same runs give both the rank
distribution (median and 5–95% interval per country, probability of each
approach group) and first- and total-order Sobol indices of each factor on
the mean absolute rank shift (COINr's summary output) and on each country's
rank. The computation is vectorised: the indicator matrix is built once and
each chunk of runs is a few matrix products (:mod:`migdex.index.sensitivity_model`).

Ranks use full-precision scores (1 = highest; ties share the best rank), so
no ties appear from rounding.
"""

from __future__ import annotations

import json
import os
import warnings
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from pathlib import Path

import numpy as np
import pandas as pd

from migdex.errors import InputError
from migdex.index.framework import MISSING_RULES, Framework
from migdex.index.sensitivity_model import (
    AGGREGATIONS,
    Assumptions,
    RankModel,
    build_model,
    rank_desc,
)
from migdex.io import atomic_directory

MAX_RUNS = 100_000
DROP_LEVELS = ("area", "indicator")
Progress = Callable[[int, int], None]


@dataclass(frozen=True)
class SensitivitySpec:
    """Which assumptions vary and how; the defaults follow COINr's usual set-up.

    Examples
    --------
    >>> SensitivitySpec(runs=500).factor_names(n_weights=8)
    ['weights', 'aggregation', 'missing_rule', 'drop_area', 'drop_indicator']
    >>> SensitivitySpec(weight_noise=0, aggregations=("arithmetic",), drop=()).factor_names(8)
    ['missing_rule']
    """

    runs: int = 1000
    weight_noise: float = 0.25
    weight_level: str = "area"
    aggregations: tuple[str, ...] = AGGREGATIONS
    missing_rules: tuple[str, ...] = ("renormalise", "zero")
    drop: tuple[str, ...] = DROP_LEVELS
    geometric_floor: float = 1.0
    seed: int = 2020
    sobol: bool = True

    def check(self) -> None:
        """Raise :class:`InputError` naming each setting that is out of range."""
        problems = []
        if not 1 <= self.runs <= MAX_RUNS:
            problems.append(f"runs = {self.runs}; choose 1 to {MAX_RUNS:,}")
        if not 0 <= self.weight_noise < 1:
            problems.append(f"weight noise = {self.weight_noise}; choose 0 ≤ noise < 1")
        if self.weight_level not in DROP_LEVELS:
            problems.append(f"weight level {self.weight_level!r}; choose area or indicator")
        for name, given, allowed in (
            ("aggregation", self.aggregations, AGGREGATIONS),
            ("missing rule", self.missing_rules, tuple(r for r in MISSING_RULES if r != "refuse")),
            ("drop", self.drop, DROP_LEVELS),
        ):
            bad = [g for g in given if g not in allowed]
            if bad or (name != "drop" and not given):
                problems.append(f"{name} {', '.join(bad) or '(none)'}; choose from {allowed}")
        if self.geometric_floor <= 0:
            problems.append("geometric floor must be above 0 (the log of 0 is undefined)")
        if problems:
            raise InputError("sensitivity settings: " + "; ".join(problems))

    def factor_names(self, n_weights: int) -> list[str]:
        """The factors that vary under this spec, in design order."""
        names = ["weights"] if self.weight_noise > 1e-9 and n_weights else []
        names += ["aggregation"] if len(self.aggregations) > 1 else []
        names += ["missing_rule"] if len(self.missing_rules) > 1 else []
        return names + [f"drop_{level}" for level in DROP_LEVELS if level in self.drop]


@dataclass(frozen=True)
class SensitivityResult:
    """Everything one analysis produced; tables are tidy frames ready to write or chart."""

    year: int
    summary: pd.DataFrame
    groups: pd.DataFrame | None
    sobol: pd.DataFrame | None
    sobol_countries: pd.DataFrame | None
    runs: pd.DataFrame
    ranks: np.ndarray = field(repr=False)
    settings: dict = field(default_factory=dict)


def run_sensitivity(
    indicator_scores: pd.DataFrame,
    framework: Framework,
    *,
    year: int | None = None,
    spec: SensitivitySpec | None = None,
    progress: Progress | None = None,
) -> SensitivityResult:
    """Rank uncertainty and Sobol indices of ``framework``'s index over ``spec``'s assumptions.

    ``indicator_scores`` holds ``iso3, year, indicator, score`` (0–100; the
    ``indicator`` level of :func:`migdex.index.scoring.score_answers`, where
    ``code`` may stand for ``indicator``). ``year`` defaults to the latest.
    ``progress(done, total)`` is called after each chunk of runs.

    Examples
    --------
    >>> from migdex.index.framework import load_framework
    >>> from migdex.index.synthetic import make_synthetic_answers
    >>> from migdex.index.pipeline import run_index
    >>> fw = load_framework("mipex-2020-core-reconstructed")
    >>> run = run_index(make_synthetic_answers(fw, iso3=["RUS", "SWE", "CHN", "DEU"],
    ...                                        years=(2019,)), fw)
    >>> res = run_sensitivity(run.scores, fw, spec=SensitivitySpec(runs=140))
    >>> res.summary[["iso3", "nominal_rank"]].values.tolist()
    [['SWE', 1], ['DEU', 2], ['RUS', 3], ['CHN', 4]]
    >>> res.summary["rank_p05"].between(1, 4).all(), len(res.ranks)
    (np.True_, 140)
    """
    spec = spec or SensitivitySpec()
    spec.check()
    model = build_model(as_indicator_table(indicator_scores), framework, year=year, spec=spec)
    design, problem = draw_design(model, spec)
    assumptions = decode_design(design, model, spec)
    nominal = model.nominal_ranks()
    ranks, group_counts = model.evaluate(assumptions, progress=progress)
    shift = np.abs(ranks - nominal[None, :]).mean(axis=1)
    sobol, per_country = (None, None)
    if problem is not None:
        sobol = sobol_indices(problem, shift, seed=spec.seed).assign(output="mean_abs_rank_shift")
        per_country = _sobol_per_country(problem, ranks, model.iso3, spec.seed)
    return SensitivityResult(
        year=model.year,
        summary=summarise_ranks(model.iso3, model.nominal_scores, nominal, ranks),
        groups=_group_table(model, group_counts, len(ranks)),
        sobol=sobol,
        sobol_countries=per_country,
        runs=assumptions.table(model).assign(mean_abs_rank_shift=shift),
        ranks=ranks,
        settings=_settings(spec, model, framework, len(ranks), problem),
    )


def as_indicator_table(scores: pd.DataFrame) -> pd.DataFrame:
    """Accept the tidy scores table (indicator level) or an ``indicator, score`` table."""
    frame = scores
    if "level" in frame.columns:
        frame = frame[frame["level"] == "indicator"]
    if "indicator" not in frame.columns and "code" in frame.columns:
        frame = frame.rename(columns={"code": "indicator"})
    missing = [c for c in ("iso3", "year", "indicator", "score") if c not in frame.columns]
    if missing or frame.empty:
        raise InputError(
            "sensitivity needs indicator scores (iso3, year, indicator, score): give answers "
            "or a `migdex index compute` directory, not a table of area scores"
        )
    return frame.assign(indicator=frame["indicator"].astype(str))


# -- the design: which value each factor takes in each run -----------------------------------


def draw_design(model: RankModel, spec: SensitivitySpec) -> tuple[np.ndarray, dict | None]:
    """Draw the unit design (runs × variables) and the SALib problem (None without factors).

    With ``spec.sobol`` the design is SALib's Saltelli sample over ``base =
    runs // (factors + 2)`` points, so slightly fewer than ``runs`` runs may
    be made; otherwise it is plain Monte Carlo with exactly ``runs`` rows.
    """
    problem = make_problem(model, spec)
    if problem is None:
        return np.empty((spec.runs, 0)), None
    n_groups = len(dict.fromkeys(problem["groups"]))
    if not spec.sobol or spec.runs < n_groups + 2:
        rng = np.random.default_rng(spec.seed)
        bounds = np.asarray(problem["bounds"], dtype=float)
        unit = rng.random((spec.runs, problem["num_vars"]))
        return bounds[:, 0] + unit * (bounds[:, 1] - bounds[:, 0]), (
            problem if spec.sobol else None
        )
    from SALib.sample import sobol as saltelli

    with warnings.catch_warnings():
        warnings.simplefilter("ignore", UserWarning)  # base not a power of 2: still valid
        design = saltelli.sample(
            problem, spec.runs // (n_groups + 2), calc_second_order=False, seed=spec.seed
        )
    return design, problem


def make_problem(model: RankModel, spec: SensitivitySpec) -> dict | None:
    """The SALib problem: one variable per weight (grouped as ``weights``), one per other factor."""
    names, bounds, groups = [], [], []
    for factor in spec.factor_names(len(model.weight_codes(spec.weight_level))):
        if factor == "weights":
            for code in model.weight_codes(spec.weight_level):
                names.append(f"weight:{code}")
                bounds.append([1 - spec.weight_noise, 1 + spec.weight_noise])
                groups.append("weights")
        else:
            names.append(factor)
            bounds.append([0.0, 1.0])
            groups.append(factor)
    if not names:
        return None
    return {"num_vars": len(names), "names": names, "bounds": bounds, "groups": groups}


def decode_design(design: np.ndarray, model: RankModel, spec: SensitivitySpec) -> Assumptions:
    """Turn design rows into per-run assumptions (weight multipliers and choice indices)."""
    problem = make_problem(model, spec)
    names = problem["names"] if problem else []
    n = len(design)
    n_weights = len(model.weight_codes(spec.weight_level))
    cols = [i for i, name in enumerate(names) if name.startswith("weight:")]
    mult = design[:, cols] if cols else np.ones((n, n_weights))

    def pick(name: str, n_choices: int) -> np.ndarray:
        if name not in names:
            return np.zeros(n, dtype=np.int64)
        u = design[:, names.index(name)]
        return np.minimum((u * n_choices).astype(np.int64), n_choices - 1)

    return Assumptions(
        weight_level=spec.weight_level,
        multipliers=mult,
        aggregation=np.asarray(spec.aggregations)[pick("aggregation", len(spec.aggregations))],
        missing_rule=np.asarray(spec.missing_rules)[pick("missing_rule", len(spec.missing_rules))],
        drop_area=pick("drop_area", len(model.area_codes) + 1) - 1,
        drop_indicator=pick("drop_indicator", len(model.indicator_codes) + 1) - 1,
        geometric_floor=spec.geometric_floor,
    )


# -- Sobol indices ------------------------------------------------------------------------------


def sobol_indices(problem: dict, outputs: np.ndarray, *, seed: int = 0) -> pd.DataFrame:
    """First- and total-order Sobol indices (SALib) of ``outputs`` from a Saltelli design.

    Returns one row per factor (group): ``factor, S1, S1_conf, ST, ST_conf``;
    NaN where the output does not vary.

    Examples
    --------
    Y = 2·X1 + X2 with X uniform: S1 = 4/5 and 1/5, and ST = S1 (no interactions).

    >>> from SALib.sample import sobol as saltelli
    >>> problem = {"num_vars": 2, "names": ["x1", "x2"], "bounds": [[0, 1], [0, 1]]}
    >>> x = saltelli.sample(problem, 4096, calc_second_order=False, seed=1)
    >>> s = sobol_indices(problem, 2 * x[:, 0] + x[:, 1], seed=1)
    >>> s[["S1", "ST"]].round(2).values.tolist()
    [[0.8, 0.8], [0.2, 0.2]]
    """
    from SALib.analyze import sobol as sobol_analyze

    groups = list(dict.fromkeys(problem.get("groups") or problem["names"]))
    if np.var(outputs) == 0:
        nan = np.full(len(groups), np.nan)
        return pd.DataFrame(
            {"factor": groups, "S1": nan, "S1_conf": nan, "ST": nan, "ST_conf": nan}
        )
    with warnings.catch_warnings(), np.errstate(all="ignore"):
        warnings.simplefilter("ignore")
        s = sobol_analyze.analyze(
            problem, np.asarray(outputs, dtype=float), calc_second_order=False, seed=seed
        )
    return pd.DataFrame(
        {"factor": groups, **{k: np.asarray(s[k]) for k in ("S1", "S1_conf", "ST", "ST_conf")}}
    )


def _sobol_per_country(problem: dict, ranks: np.ndarray, iso3: list[str], seed: int):
    frames = [
        sobol_indices(problem, ranks[:, j], seed=seed).assign(iso3=code)
        for j, code in enumerate(iso3)
    ]
    out = pd.concat(frames, ignore_index=True)
    return out[["iso3", "factor", "S1", "S1_conf", "ST", "ST_conf"]]


# -- summaries ----------------------------------------------------------------------------------


def summarise_ranks(
    iso3: list[str], scores: np.ndarray, nominal: np.ndarray, ranks: np.ndarray
) -> pd.DataFrame:
    """Per country: nominal score and rank, median rank, 5–95% interval, mean shift.

    Quantiles are observed ranks (``inverted_cdf``), so they are whole numbers.

    Examples
    --------
    >>> r = np.array([[1, 2], [2, 1], [1, 2], [1, 2]])
    >>> summarise_ranks(["A", "B"], np.array([60.0, 50.0]), np.array([1, 2]), r)[
    ...     ["iso3", "median_rank", "rank_p05", "rank_p95", "mean_abs_rank_shift"]
    ... ].values.tolist()
    [['A', 1, 1, 2, 0.25], ['B', 2, 1, 2, 0.25]]
    """
    q = np.quantile(ranks, [0.5, 0.05, 0.95], axis=0, method="inverted_cdf").astype(int)
    out = pd.DataFrame(
        {
            "iso3": iso3,
            "nominal_score": scores,
            "nominal_rank": nominal.astype(int),
            "median_rank": q[0],
            "rank_p05": q[1],
            "rank_p95": q[2],
            "mean_rank": ranks.mean(axis=0),
            "mean_abs_rank_shift": np.abs(ranks - nominal[None, :]).mean(axis=0),
            "n_countries": len(iso3),
        }
    )
    return out.sort_values(["nominal_rank", "iso3"], kind="stable").reset_index(drop=True)


def _group_table(model: RankModel, counts: np.ndarray | None, n_runs: int):
    if counts is None:
        return None
    labels, nominal = model.group_labels(), model.nominal_groups()
    rows = [
        (code, label, counts[j, k] / n_runs, label == nominal[j])
        for j, code in enumerate(model.iso3)
        for k, label in enumerate(labels)
        if counts[j, k] > 0
    ]
    return pd.DataFrame(rows, columns=["iso3", "group", "probability", "is_nominal"])


def _settings(spec, model: RankModel, framework: Framework, n_runs: int, problem) -> dict:
    return {
        **asdict(spec),
        "runs_requested": spec.runs,
        "runs": n_runs,
        "design": "Saltelli sample, SALib" if problem is not None and spec.sobol else "Monte Carlo",
        "factors": list(dict.fromkeys(problem["groups"])) if problem else [],
        "year": model.year,
        "countries": len(model.iso3),
        "indicators": len(model.indicator_codes),
        "framework": framework.name,
        "framework_version": framework.spec.version,
        "reconstruction": framework.spec.reconstruction,
    }


def nominal_ranks_table(result: SensitivityResult) -> pd.DataFrame:
    """``iso3, nominal_rank, rank_p05, rank_p95`` with a label such as ``12 (9–15)``.

    What the explorer shows next to each rank.
    """
    s = result.summary
    label = [f"{r} ({lo}–{hi})" for r, lo, hi in zip(s.nominal_rank, s.rank_p05, s.rank_p95)]
    return s[["iso3", "nominal_rank", "rank_p05", "rank_p95"]].assign(rank_interval=label)


def write_sensitivity(
    result: SensitivityResult,
    out_dir: str | os.PathLike[str],
    *,
    is_synthetic: bool = False,
    charts: bool = True,
) -> Path:
    """Write the tables, settings and the rank-uncertainty chart into ``out_dir`` atomically.

    Files: ``summary.csv``, ``groups.csv``, ``sobol.csv``, ``sobol_countries.csv``,
    ``runs.csv``, ``settings.json`` and ``rank_uncertainty.svg`` / ``.vl.json``.
    """
    from migdex.index.synthetic import SYNTHETIC_LABEL

    tag = {"dataset": SYNTHETIC_LABEL} if is_synthetic else {}
    with atomic_directory(out_dir) as tmp:
        tables = {
            "summary": result.summary,
            "groups": result.groups,
            "sobol": result.sobol,
            "sobol_countries": result.sobol_countries,
            "runs": result.runs,
        }
        for name, table in tables.items():
            if table is not None:
                table.assign(**tag).to_csv(tmp / f"{name}.csv", index=False)
        settings = {**result.settings, "synthetic": is_synthetic, **tag}
        (tmp / "settings.json").write_text(
            json.dumps(settings, indent=2, ensure_ascii=False, default=str), encoding="utf-8"
        )
        if charts:
            from migdex.index.charts import SYNTHETIC_NOTE, rank_uncertainty_chart, render_svg

            note = SYNTHETIC_NOTE if is_synthetic else None
            spec = rank_uncertainty_chart(result.summary, note=note)
            (tmp / "rank_uncertainty.svg").write_text(render_svg(spec), encoding="utf-8")
            (tmp / "rank_uncertainty.vl.json").write_text(json.dumps(spec), encoding="utf-8")
    return Path(out_dir)


__all__ = [
    "SensitivityResult",
    "SensitivitySpec",
    "decode_design",
    "draw_design",
    "make_problem",
    "nominal_ranks_table",
    "rank_desc",
    "run_sensitivity",
    "sobol_indices",
    "summarise_ranks",
    "write_sensitivity",
]


def read_sensitivity_input(
    path: str | os.PathLike[str], framework: str | os.PathLike[str] | None = None
) -> tuple[pd.DataFrame, Framework, bool]:
    """Indicator scores, framework and synthetic flag from answers or from computed scores.

    ``path`` is a ``migdex index compute`` directory (its ``framework.yaml`` is
    used unless ``framework`` is given), a tidy scores file with indicator
    rows, or an answers file (scored here with ``framework``).
    """
    from migdex.index.framework import load_framework
    from migdex.index.pipeline import run_index
    from migdex.index.tables import load_scores
    from migdex.io import read_table

    path = Path(path)
    default = "mipex-2015-reconstructed"
    if path.is_dir():
        saved = path / "framework.yaml"
        fw = load_framework(framework or (saved if saved.exists() else default))
        scores, synthetic = load_scores(path)
        return scores, fw, synthetic
    fw = load_framework(framework or default)
    frame = read_table(path)
    if "level" in frame.columns:
        scores, synthetic = load_scores(path)
        return scores, fw, synthetic
    if "indicator" in frame.columns:
        run = run_index(frame, fw, source=path.name)
        return run.scores, fw, run.is_synthetic
    raise InputError(
        f"{path.name}: neither answers (iso3, year, indicator, option|value) nor tidy scores "
        "(iso3, year, level, code, score); sensitivity needs indicator-level data"
    )
