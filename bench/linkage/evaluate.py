"""Clustering quality against known truth: pairwise and B-cubed precision, recall and F1."""

from __future__ import annotations

import pandas as pd


def _f1(precision: float, recall: float) -> float:
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


def _pairs(sizes: pd.Series) -> int:
    return int((sizes * (sizes - 1) // 2).sum())


def score_clusters(predicted: pd.Series, truth: pd.Series) -> dict[str, float]:
    """Pairwise and B-cubed scores of a clustering (one label per record, aligned with truth).

    Examples
    --------
    >>> scores = score_clusters(pd.Series([1, 1, 2, 2]), pd.Series(["a", "a", "a", "b"]))
    >>> scores["pairwise_precision"], round(scores["pairwise_recall"], 3)
    (0.5, 0.333)
    >>> round(scores["bcubed_precision"], 3), round(scores["bcubed_recall"], 3)
    (0.75, 0.667)
    """
    frame = pd.DataFrame({"p": predicted.to_numpy(), "t": truth.to_numpy()})
    cells = frame.groupby(["p", "t"]).size().rename("n").reset_index()
    cells["n_p"] = cells["p"].map(frame["p"].value_counts())
    cells["n_t"] = cells["t"].map(frame["t"].value_counts())
    together = _pairs(cells["n"])
    pairwise_p = together / max(_pairs(frame["p"].value_counts()), 1)
    pairwise_r = together / max(_pairs(frame["t"].value_counts()), 1)
    bcubed_p = float((cells["n"] ** 2 / cells["n_p"]).sum() / len(frame))
    bcubed_r = float((cells["n"] ** 2 / cells["n_t"]).sum() / len(frame))
    return {
        "pairwise_precision": pairwise_p,
        "pairwise_recall": pairwise_r,
        "pairwise_f1": _f1(pairwise_p, pairwise_r),
        "bcubed_precision": bcubed_p,
        "bcubed_recall": bcubed_r,
        "bcubed_f1": _f1(bcubed_p, bcubed_r),
    }
