"""The vectorised index model behind :mod:`migdex.index.sensitivity`.

:func:`build_model` turns one year's indicator scores and a framework into a
:class:`RankModel`: the (countries × indicators) matrix, built once, and the
membership matrices of :func:`migdex.index.scoring.build_levels`. A chunk of
runs is then evaluated at once: per-run child weights (runs × children) times
the score matrix, one matrix product per level, so no Python loop runs over
countries, indicators or runs inside a chunk. Chunks bound the memory to about
``CHUNK_CELLS`` floats per chunk.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cached_property

import numpy as np
import pandas as pd
from scipy.stats import rankdata

from migdex.errors import InputError
from migdex.index.approaches import choose_approaches
from migdex.index.framework import Framework
from migdex.index.scoring import _indicator_matrix, build_levels

AGGREGATIONS = ("arithmetic", "geometric")
CHUNK_CELLS = 4_000_000
NOT_CLASSIFIED = "not_classified"


def rank_desc(scores: np.ndarray) -> np.ndarray:
    """Rank along the last axis, 1 = highest; ties share the best rank; NaN ranks last.

    Examples
    --------
    >>> rank_desc(np.array([[50.0, 70.0, 50.0, np.nan]])).tolist()
    [[2, 1, 2, 4]]
    """
    filled = np.where(np.isnan(scores), -np.inf, scores)
    return rankdata(-filled, method="min", axis=-1).astype(np.int32)


@dataclass(frozen=True)
class Assumptions:
    """The assumption each run makes: weight multipliers and choices (index −1 = drop nothing)."""

    weight_level: str
    multipliers: np.ndarray  # runs × weights (areas or indicators)
    aggregation: np.ndarray  # runs, "arithmetic" | "geometric"
    missing_rule: np.ndarray  # runs, "renormalise" | "zero"
    drop_area: np.ndarray  # runs, area index or −1
    drop_indicator: np.ndarray  # runs, indicator index or −1
    geometric_floor: float = 1.0

    def __len__(self) -> int:
        return len(self.aggregation)

    def take(self, rows: slice) -> Assumptions:
        """The assumptions of a contiguous block of runs."""
        return Assumptions(
            self.weight_level,
            self.multipliers[rows],
            self.aggregation[rows],
            self.missing_rule[rows],
            self.drop_area[rows],
            self.drop_indicator[rows],
            self.geometric_floor,
        )

    def table(self, model: RankModel) -> pd.DataFrame:
        """One row per run, naming each choice (area weights as ``w_<area>`` columns)."""
        areas = np.asarray(["", *model.area_codes], dtype=object)
        inds = np.asarray(["", *model.indicator_codes], dtype=object)
        out = pd.DataFrame(
            {
                "run": np.arange(1, len(self) + 1),
                "aggregation": self.aggregation,
                "missing_rule": self.missing_rule,
                "drop_area": areas[self.drop_area + 1],
                "drop_indicator": inds[self.drop_indicator + 1],
            }
        )
        if self.weight_level == "area":
            for k, code in enumerate(model.area_codes):
                out[f"w_{code}"] = self.multipliers[:, k]
        return out


def nominal_assumptions(model: RankModel, n: int = 1) -> Assumptions:
    """``n`` runs with the framework's own choices: nominal weights, arithmetic, no drop."""
    return Assumptions(
        weight_level="area",
        multipliers=np.ones((n, len(model.area_codes))),
        aggregation=np.full(n, "arithmetic"),
        missing_rule=np.full(n, model.nominal_rule),
        drop_area=np.full(n, -1),
        drop_indicator=np.full(n, -1),
    )


@dataclass(frozen=True)
class RankModel:
    """One year's index as matrices; :meth:`evaluate` ranks countries under many assumptions."""

    framework: Framework
    year: int
    iso3: list[str]
    values: np.ndarray  # countries × indicators, NaN where unscored
    nominal_rule: str
    chunk_cells: int = CHUNK_CELLS
    _levels: list = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_levels", build_levels(self.framework))

    @property
    def area_codes(self) -> list[str]:
        return self.framework.area_codes

    @property
    def indicator_codes(self) -> list[str]:
        return [p.indicator.code for p in self.framework.places]

    def weight_codes(self, level: str) -> list[str]:
        """Codes whose weights the ``weights`` factor perturbs."""
        return self.area_codes if level == "area" else self.indicator_codes

    @cached_property
    def _mats(self) -> dict[str, np.ndarray]:
        dim, area, overall, approach = self._levels
        places = self.framework.places
        direct = np.array([i for i, p in enumerate(places) if p.dimension is None], dtype=int)
        return {
            "x": np.nan_to_num(self.values),
            "present": (~np.isnan(self.values)).astype(float),
            "ind_w": np.array([p.indicator.weight for p in places], dtype=float),
            "dim_bin": (dim.weights > 0).astype(float),
            "dim_w": area.weights[: len(dim.codes)].sum(axis=1),
            "area_bin": (area.weights > 0).astype(float),
            "area_w": overall.weights[:, 0],
            "direct": direct,
            "approach_bin": (approach.weights > 0).astype(float),
            "dim_area": np.array(
                [self.area_codes.index(c.split(".")[0]) for c in dim.codes], dtype=int
            ),
        }

    @cached_property
    def nominal_scores(self) -> np.ndarray:
        overall, _ = self._chunk(nominal_assumptions(self))
        return overall[0]

    def nominal_ranks(self) -> np.ndarray:
        return rank_desc(self.nominal_scores)

    @property
    def has_approaches(self) -> bool:
        return self.framework.spec.approach_rule is not None and bool(
            self.framework.spec.approach_dimensions
        )

    def group_labels(self) -> list[str]:
        """Group codes in count order: approaches, approaches with the top suffix, unclassified."""
        rule = self.framework.spec.approach_rule
        assert rule is not None
        codes = [a.code for a in rule.approaches]
        return [*codes, *(f"{c}_{rule.top_suffix}" for c in codes), NOT_CLASSIFIED]

    def nominal_groups(self) -> list[str]:
        _, approach = self._chunk(nominal_assumptions(self))
        labels = self.group_labels()
        assert approach is not None  # callers ask for groups only when has_approaches
        return [labels[k] for k in self._group_index(approach)[0]]

    def evaluate(
        self, assumptions: Assumptions, *, progress: Callable[[int, int], None] | None = None
    ) -> tuple[np.ndarray, np.ndarray | None]:
        """Ranks (runs × countries); with an approach rule, group counts (countries × groups)."""
        n = len(assumptions)
        n_dims, n_areas = self._mats["dim_bin"].shape[1], len(self.area_codes)
        step = max(1, self.chunk_cells // (len(self.iso3) * (2 * n_dims + 4 * n_areas + 8)))
        ranks = np.empty((n, len(self.iso3)), dtype=np.int32)
        counts = np.zeros((len(self.iso3), 2 * self._n_approaches + 1), dtype=np.int64)
        for start in range(0, n, step):
            block = slice(start, min(n, start + step))
            overall, approach = self._chunk(assumptions.take(block))
            ranks[block] = rank_desc(overall)
            if approach is not None:
                counts += self._count_groups(approach)
            if progress is not None:
                progress(block.stop, n)
        return ranks, (counts if self.has_approaches else None)

    @property
    def _n_approaches(self) -> int:
        rule = self.framework.spec.approach_rule
        return len(rule.approaches) if rule is not None else 0

    def _group_index(self, approach: np.ndarray) -> np.ndarray:
        chosen, is_top = choose_approaches(np.nan_to_num(approach, nan=-1.0), self.framework)
        index = chosen + self._n_approaches * is_top
        return np.where(np.isnan(approach).any(axis=-1), 2 * self._n_approaches, index)

    def _count_groups(self, approach: np.ndarray) -> np.ndarray:
        n_labels = 2 * self._n_approaches + 1
        flat = self._group_index(approach) + np.arange(len(self.iso3))[None, :] * n_labels
        return np.bincount(flat.ravel(), minlength=len(self.iso3) * n_labels).reshape(
            len(self.iso3), n_labels
        )

    def _chunk(self, a: Assumptions) -> tuple[np.ndarray, np.ndarray | None]:
        """Overall scores (runs × countries) and approach-dimension scores for a block of runs."""
        m = self._mats
        n = len(a)
        zero = a.missing_rule == "zero"
        w_ind = np.tile(m["ind_w"], (n, 1))
        if a.weight_level == "indicator":
            w_ind *= a.multipliers
        dropped = np.nonzero(a.drop_indicator >= 0)[0]
        w_ind[dropped, a.drop_indicator[dropped]] = 0.0
        dims = _weighted_mean([(m["x"], m["present"], w_ind, m["dim_bin"])], zero)
        w_dim = m["dim_w"] * ((w_ind @ m["dim_bin"]) > 0)
        d = m["direct"]
        n_dims = m["dim_bin"].shape[1]
        areas = _weighted_mean(
            [
                _part(dims, w_dim, m["area_bin"][:n_dims]),
                (m["x"][:, d], m["present"][:, d], w_ind[:, d], m["area_bin"][n_dims:]),
            ],
            zero,
        )
        alive = (w_dim @ m["area_bin"][:n_dims] + w_ind[:, d] @ m["area_bin"][n_dims:]) > 0
        kept = np.ones_like(alive)
        rows = np.nonzero(a.drop_area >= 0)[0]
        kept[rows, a.drop_area[rows]] = False
        w_area = m["area_w"] * alive * kept
        if a.weight_level == "area":
            w_area = w_area * a.multipliers
        overall = _overall(areas, w_area, zero, a.aggregation == "geometric", a.geometric_floor)
        if not self.has_approaches:
            return overall, None
        dim_kept = (w_dim > 0) & kept[:, m["dim_area"]]
        children = np.concatenate([areas, dims], axis=-1)
        weights = np.concatenate([alive & kept, dim_kept], axis=-1).astype(float)
        approach = _weighted_mean([_part(children, weights, m["approach_bin"])], zero)
        return overall, approach


def _part(scores: np.ndarray, weights: np.ndarray, membership: np.ndarray):
    """A (values, present, weights, membership) part from scores that may hold NaN."""
    present = ~np.isnan(scores)
    return np.where(present, scores, 0.0), present.astype(float), weights, membership


def _weighted_mean(parts, zero: np.ndarray) -> np.ndarray:
    """Per-run weighted means of children per parent, summed over parts (runs × countries × p).

    Each part: values (countries × k, or runs × countries × k; 0 where missing),
    present (same shape), per-run weights (runs × k) and a (k × parents)
    membership matrix. Under ``zero`` runs a missing child counts as 0;
    otherwise the weights renormalise over the present children. Each parent
    is one matrix product over its own children, so no (runs × countries × k)
    temporary is formed for 2-D values.
    """
    n_runs = parts[0][2].shape[0]
    n_countries = parts[0][0].shape[-2]
    n_parents = parts[0][3].shape[1]
    num = np.zeros((n_parents, n_runs, n_countries))  # parent-major: contiguous writes
    den = np.zeros_like(num)
    den_all = np.zeros((n_parents, n_runs, 1))
    for values, present, weights, membership in parts:
        for p in range(n_parents):
            children = np.flatnonzero(membership[:, p])
            if not len(children):
                continue
            w = weights[:, children] * membership[children, p]
            num[p] += _dot(values[..., children], w)
            den[p] += _dot(present[..., children], w)
            den_all[p, :, 0] += w.sum(axis=1)
    if zero.any():
        den[:, zero, :] = den_all[:, zero, :]
    positive = den > 0
    np.divide(num, den, out=num, where=positive)
    num[~positive] = np.nan
    return num.transpose(1, 2, 0)


def _dot(values: np.ndarray, weights: np.ndarray) -> np.ndarray:
    """Σ_k values[..., c, k] · weights[r, k] → (runs × countries)."""
    if values.ndim == 2:
        return weights @ values.T
    return np.einsum("rck,rk->rc", values, weights)


def _overall(areas, weights, zero, geometric, floor: float) -> np.ndarray:
    """Areas → overall, arithmetic or geometric per run (geometric: exp of mean log, floored)."""
    present = ~np.isnan(areas)
    ones = np.ones((areas.shape[-1], 1))
    arith = _weighted_mean([_part(areas, weights, ones)], zero)[..., 0]
    if not geometric.any():
        return arith
    missing_log = np.where(zero, np.log(floor), 0.0)[:, None, None]
    logs = np.where(present, np.log(np.maximum(np.nan_to_num(areas), floor)), missing_log)
    geo = np.exp(_weighted_mean([(logs, present.astype(float), weights, ones)], zero)[..., 0])
    return np.where(geometric[:, None], geo, arith)


def build_model(
    indicators: pd.DataFrame, framework: Framework, *, year: int | None, spec
) -> RankModel:
    """One year's (countries × indicators) matrix; countries with no overall score are left out."""
    known = indicators["indicator"].isin(framework.indicators)
    if not known.all():
        unknown = sorted(set(indicators.loc[~known, "indicator"]))[:10]
        raise InputError(f"indicator(s) not in {framework.name}: {', '.join(unknown)}")
    frame = indicators.assign(year=pd.to_numeric(indicators["year"]).astype("int64"))
    years = sorted(int(y) for y in frame["year"].unique())
    year = int(years[-1]) if year is None else int(year)
    if year not in years:
        raise InputError(f"no indicator scores for {year}; years present: {years}")
    sub = frame[frame["year"] == year].assign(
        score=lambda f: pd.to_numeric(f["score"], errors="coerce")
    )
    keys, values = _indicator_matrix(sub, [p.indicator.code for p in framework.places])
    rule = framework.spec.aggregation.missing_rule
    model = RankModel(
        framework=framework,
        year=year,
        iso3=keys["iso3"].astype(str).tolist(),
        values=values,
        nominal_rule="renormalise" if rule == "refuse" else rule,
    )
    scored = ~np.isnan(model.nominal_scores)
    if scored.sum() < 2:
        raise InputError(f"{year}: fewer than 2 countries have an overall score; nothing to rank")
    if scored.all():
        return model
    return RankModel(
        framework, year, list(np.asarray(model.iso3)[scored]), values[scored], model.nominal_rule
    )


def loop_ranks(model: RankModel, assumptions: Assumptions) -> np.ndarray:
    """The same ranks by a plain Python loop over runs, one :func:`score_answers` call each.

    The slow, obviously-correct reference that the tests and ``bench/sensitivity``
    compare :meth:`RankModel.evaluate` against.
    """
    from migdex.index.scoring import score_answers

    rows, cols = np.nonzero(~np.isnan(model.values))
    codes = np.asarray(model.indicator_codes, dtype=object)
    answers = pd.DataFrame(
        {
            "iso3": np.asarray(model.iso3, dtype=object)[rows],
            "year": model.year,
            "indicator": codes[cols],
            "score": model.values[rows, cols],
        }
    )
    areas = model.area_codes
    out = np.empty((len(assumptions), len(model.iso3)), dtype=np.int32)
    for run in range(len(assumptions)):
        weights = _run_weights(model, assumptions, run)
        rule = str(assumptions.missing_rule[run])
        scores = score_answers(answers, model.framework, missing_rule=rule, weights=weights)
        area = scores[scores["level"] == "area"].pivot(index="iso3", columns="code", values="score")
        area = area.reindex(index=model.iso3, columns=areas).to_numpy()
        w = np.array([weights.get(a, 1.0) for a in areas])
        if assumptions.aggregation[run] == "geometric":
            floor = assumptions.geometric_floor
            logs = np.log(np.maximum(np.nan_to_num(area, nan=floor), floor))
            den = (~np.isnan(area) * w).sum(axis=1) if rule != "zero" else w.sum()
            overall = np.exp((logs * w).sum(axis=1) / den)
        else:
            overall = (
                scores[(scores["level"] == "overall") & (scores["code"] == "overall")]
                .set_index("iso3")["score"]
                .reindex(model.iso3)
                .to_numpy()
            )
        out[run] = rank_desc(overall)
    return out


def _run_weights(model: RankModel, a: Assumptions, run: int) -> dict[str, float]:
    """The weight overrides that one run's assumptions amount to."""
    weights: dict[str, float] = {}
    if a.weight_level == "indicator":
        for k, p in enumerate(model.framework.places):
            weights[p.indicator.code] = p.indicator.weight * a.multipliers[run, k]
    for k, area in enumerate(model.framework.areas):
        mult = a.multipliers[run, k] if a.weight_level == "area" else 1.0
        weights[area.code] = area.weight * mult
    if a.drop_indicator[run] >= 0:
        weights[model.indicator_codes[a.drop_indicator[run]]] = 0.0
    if a.drop_area[run] >= 0:
        weights[model.area_codes[a.drop_area[run]]] = 0.0
    return weights
