"""One run of the index: answers + framework → a directory of scores, approaches and metadata.

The directory holds ``scores.csv`` (tidy), ``scores_wide.csv`` (one row per
country-year), ``approaches.csv``, ``framework.yaml`` (the exact framework
used) and ``run.json`` (rule, weights, coverage, synthetic flag), so a run can
be replayed and audited. It appears whole or not at all.
"""

from __future__ import annotations

import json
import os
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

import pandas as pd
import yaml

from migdex.index.answers import validate_answers
from migdex.index.approaches import classify_approaches
from migdex.index.framework import Framework
from migdex.index.scoring import score_answers, wide_scores
from migdex.index.synthetic import SYNTHETIC_LABEL, is_synthetic
from migdex.io import atomic_directory


@dataclass(frozen=True)
class IndexRun:
    """Everything one computation produced, in memory."""

    framework: Framework
    scores: pd.DataFrame
    approaches: pd.DataFrame | None
    missing_rule: str
    weights: Mapping[str, float]
    is_synthetic: bool
    dataset: str = ""  # the input's own synthetic label, if it has one

    @property
    def dataset_label(self) -> str:
        """The label every output row carries when the data is synthetic ("" otherwise)."""
        return (self.dataset or SYNTHETIC_LABEL) if self.is_synthetic else ""

    @property
    def wide(self) -> pd.DataFrame:
        return wide_scores(self.scores)

    def metadata(self) -> dict:
        """What makes the run reproducible and honest (synthetic or not, coverage)."""
        overall = self.scores[self.scores["level"] == "overall"]
        spec = self.framework.spec
        return {
            "framework": spec.name,
            "framework_version": spec.version,
            "edition": spec.edition,
            "series": spec.series,
            "reconstruction": spec.reconstruction,
            "missing_rule": self.missing_rule,
            "weights": dict(self.weights),
            "synthetic": self.is_synthetic,
            "dataset": self.dataset_label,
            "country_years": int(self.scores[["iso3", "year"]].drop_duplicates().shape[0]),
            "min_overall_coverage": float(overall["coverage"].min()) if len(overall) else None,
        }


def run_index(
    answers: pd.DataFrame,
    framework: Framework,
    *,
    missing_rule: str | None = None,
    weights: Mapping[str, float] | None = None,
    source: str = "answers",
) -> IndexRun:
    """Validate ``answers`` against ``framework``, score them and classify approaches."""
    clean = validate_answers(answers, framework, source=source)
    rule = missing_rule or framework.spec.aggregation.missing_rule
    scores = score_answers(clean, framework, missing_rule=rule, weights=weights)
    synthetic = is_synthetic(clean)
    label = _synthetic_label(clean) if synthetic else ""
    if synthetic:
        scores["dataset"] = label
    approaches = None
    if framework.spec.approach_rule is not None:
        approaches = classify_approaches(scores, framework)
        if synthetic:
            approaches["dataset"] = label
    return IndexRun(framework, scores, approaches, rule, dict(weights or {}), synthetic, label)


def _synthetic_label(answers: pd.DataFrame) -> str:
    """The input's first label that says SYNTHETIC (its own words, not a fixed demo label)."""
    labels = answers["dataset"].astype("string")
    return str(labels[labels.str.contains("SYNTHETIC", na=False)].iloc[0])


def write_run(run: IndexRun, out_dir: str | os.PathLike[str]) -> Path:
    """Write the run's files into ``out_dir`` atomically; return the directory."""
    out_dir = Path(out_dir)
    with atomic_directory(out_dir) as tmp:
        run.scores.to_csv(tmp / "scores.csv", index=False)
        wide = run.wide
        if run.is_synthetic:
            wide["dataset"] = run.dataset_label
        wide.to_csv(tmp / "scores_wide.csv", index=False)
        if run.approaches is not None:
            run.approaches.to_csv(tmp / "approaches.csv", index=False)
        resolved = run.framework.spec.model_dump(mode="json", exclude_defaults=False)
        (tmp / "framework.yaml").write_text(
            yaml.safe_dump(resolved, allow_unicode=True, sort_keys=False), encoding="utf-8"
        )
        (tmp / "run.json").write_text(
            json.dumps(run.metadata(), indent=2, ensure_ascii=False), encoding="utf-8"
        )
    return out_dir
