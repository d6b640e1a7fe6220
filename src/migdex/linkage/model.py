"""The Splink model: settings, unsupervised training, scored and clustered pairs.

A register large enough to learn from is trained without labels (the prior,
u by random sampling, m by EM). A small one uses the parameters stored with the
settings (``training.parameters``), because EM needs many true matches to see.
"""

from __future__ import annotations

import contextlib
import json
import logging
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pandas as pd
from splink import Linker, SettingsCreator, block_on

from migdex.linkage.backends import Backend
from migdex.linkage.comparisons import Parameters, build_comparisons
from migdex.linkage.settings import LinkageSettings

if TYPE_CHECKING:  # Splink exports block_on, not the type of what it returns
    from splink.internals.blocking_rule_creator import BlockingRuleCreator

__all__ = ["TrainedModel", "parameters_from_model", "score_pairs", "splink_settings", "train_model"]

_LOG_LEVEL = logging.ERROR  # untrained levels are visible in the saved model instead
# Records sampled to estimate the size of an EM block before capping it at em_max_pairs.
_EM_PROBE_RECORDS = 20_000


def splink_settings(
    settings: LinkageSettings, *, parameters: dict[str, Any] | None = None
) -> SettingsCreator:
    """Splink's settings for a linkage model: a dedupe of one register of agency records.

    ``parameters`` (from :func:`parameters_from_model`) fixes the prior and every m and u.
    """
    known: Parameters = (parameters or {}).get("comparisons", {})
    prior = (parameters or {}).get("probability_two_random_records_match", 1e-4)
    return SettingsCreator(
        link_type="dedupe_only",
        unique_id_column_name="unique_id",
        comparisons=build_comparisons(settings, parameters=known),
        blocking_rules_to_generate_predictions=[block_on(*rule) for rule in settings.blocking],
        probability_two_random_records_match=prior,
        max_iterations=settings.max_iterations,
        retain_matching_columns=True,  # the only way to keep each comparison's level (gamma)
        retain_intermediate_calculation_columns=True,
    )


def parameters_from_model(model: dict[str, Any]) -> dict[str, Any]:
    """The prior and each level's (m, u) from a saved Splink model, by comparison and label."""
    comparisons = {
        c["output_column_name"]: {
            level["label_for_charts"]: (level["m_probability"], level["u_probability"])
            for level in c["comparison_levels"]
            if not level.get("is_null_level") and "m_probability" in level
        }
        for c in model["comparisons"]
    }
    prior = model["probability_two_random_records_match"]
    return {"probability_two_random_records_match": prior, "comparisons": comparisons}


@dataclass
class TrainedModel:
    """A linker with trained parameters, ready to score pairs."""

    linker: Linker
    backend: Backend

    def to_json(self) -> dict[str, Any]:
        """The trained model (Splink's JSON layout), for audit and replay."""
        return self.linker.misc.save_model_to_json()

    def tf_comparisons(self) -> set[str]:
        """Comparisons with a term-frequency adjustment on some level."""
        return {
            c["output_column_name"]
            for c in self.to_json()["comparisons"]
            if any(lvl.get("tf_adjustment_column") for lvl in c["comparison_levels"])
        }

    def level_labels(self) -> dict[str, dict[int, str]]:
        """For each comparison, its level labels by comparison-vector value (gamma)."""
        labels = {}
        for comparison in self.to_json()["comparisons"]:
            levels = comparison["comparison_levels"]
            non_null = [lvl for lvl in levels if not lvl.get("is_null_level")]
            by_gamma = {
                len(non_null) - 1 - i: lvl["label_for_charts"] for i, lvl in enumerate(non_null)
            }
            by_gamma[-1] = "missing on one side"
            labels[comparison["output_column_name"]] = by_gamma
        return labels


def train_model(
    features: pd.DataFrame,
    settings: LinkageSettings,
    backend: Backend,
    *,
    progress: Callable[[str], None] | None = None,
) -> TrainedModel:
    """A model for ``features``: trained on them, or the stored parameters for a small register.

    The stored parameters (``training.parameters``) are also the starting point of
    training, and remain for any level that training never sees among matches.

    Training is unsupervised: the prior from deterministic rules, u by random
    sampling, m by EM blocked on document number and on birth date, never on
    names alone, so that namesakes are not learned as the match class.
    """
    report = progress or (lambda _: None)
    db_api = backend.open_db_api()
    table = backend.register(db_api, features)
    # Stored parameters start training (and stay for any level training never sees).
    stored = _stored_parameters(settings)
    linker = Linker(table, splink_settings(settings, parameters=stored), log_level=_LOG_LEVEL)
    if stored is None or len(features) >= settings.min_records_to_train:
        _train(linker, settings, n_records=len(features), report=report)
    return TrainedModel(linker=linker, backend=backend)


def _stored_parameters(settings: LinkageSettings) -> dict[str, Any] | None:
    if settings.parameters is None:
        return None
    return json.loads(Path(settings.parameters).read_text(encoding="utf-8"))


def _train(
    linker: Linker, settings: LinkageSettings, *, n_records: int, report: Callable[[str], None]
) -> None:
    report("estimating the share of matching pairs")
    _estimate_prior(linker, settings)
    report("estimating u by random sampling")
    linker.training.estimate_u_using_random_sampling(
        max_pairs=settings.u_max_pairs, seed=settings.seed, min_count_per_level=None
    )
    probe = min(1.0, _EM_PROBE_RECORDS / max(n_records, 1))
    for rule in settings.em_blocking:
        report(f"estimating m by EM, blocked on {' + '.join(rule)}")
        linker.training.estimate_parameters_using_expectation_maximisation(
            block_on(*rule), max_pairs=settings.em_max_pairs, record_sample_proportion=probe
        )


def _estimate_prior(linker: Linker, settings: LinkageSettings) -> None:
    # Splink's parameter type (a list, so invariant), though every rule here is a creator
    rules: list[str | BlockingRuleCreator] = [block_on(*rule) for rule in settings.prior_rules]
    # a register with (almost) every pair matching raises: keep the stored or default prior
    with contextlib.suppress(ValueError):
        linker.training.estimate_probability_two_random_records_match(
            rules, recall=settings.prior_recall
        )


def score_pairs(
    model: TrainedModel, *, review_probability: float, match_probability: float
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Score candidate pairs and cluster them: ``(pairs, clusters)``.

    ``pairs`` holds the pairs at or above ``review_probability``: ``unique_id_l``,
    ``unique_id_r``, ``match_probability``, ``match_weight``, and for each comparison
    ``gamma_<c>`` (its level) and ``mw_<c>`` (log2 Bayes factor, term-frequency
    adjustment included). ``clusters`` maps every ``unique_id`` to a ``cluster_id``:
    the connected components of the pairs at or above ``match_probability``.
    """
    linker = model.linker
    predictions = linker.inference.predict(
        threshold_match_probability=review_probability, warning_mode="never"
    )
    clustered = linker.clustering.cluster_pairwise_predictions_at_threshold(
        predictions, threshold_match_probability=match_probability
    )
    clusters = linker.misc.query_sql(
        f"select unique_id, cluster_id from {clustered.physical_name}", output_type="pandas"
    )
    pairs = linker.misc.query_sql(
        _pairs_sql(predictions.physical_name, model.level_labels(), model.tf_comparisons()),
        output_type="pandas",
    )
    for table in (clustered, predictions):
        table.drop_table_from_database_and_remove_from_cache()
    return pairs, clusters


def _pairs_sql(table: str, comparisons: Iterable[str], tf_comparisons: set[str]) -> str:
    """Select ids, probability, and each comparison's level and weight (TF adjustment added)."""
    parts = ["unique_id_l", "unique_id_r", "match_probability", "match_weight"]
    for name in comparisons:
        tf = f" + coalesce(mw_tf_adj_{name}, 0)" if name in tf_comparisons else ""
        parts += [f"gamma_{name}", f"mw_{name}{tf} as mw_{name}"]
    return f"select {', '.join(parts)} from {table}"
