"""From scored pairs and clusters to what people read: person ids, the review band, explanations.

Pure pandas: the same tables come out whichever engine scored the pairs.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import pandas as pd

from migdex.linkage.settings import LinkageSettings

__all__ = ["Clusters", "assign_person_ids", "explain_links", "summarise_records"]

PERSON_PREFIX = "P-"


@dataclass(frozen=True)
class Clusters:
    """The result of a linkage run.

    Attributes
    ----------
    records
        One row per input record: ``record_id``, ``person_id``, ``match_probability``
        (the record's strongest link inside its person, empty when alone),
        ``review`` (1 when a link in the review band points to another person) and
        ``review_with`` (that other record).
    links
        Every scored pair at or above the review threshold, with its decision and,
        for each comparison, the level reached and its match weight.
    settings
        The resolved settings of the run.
    model
        The trained Splink model (JSON layout).
    """

    records: pd.DataFrame
    links: pd.DataFrame
    settings: LinkageSettings
    model: dict[str, Any] = field(default_factory=dict)

    def summary(self) -> dict[str, int]:
        """Counts for a report: records, persons, persons with several records, records to review.

        Examples
        --------
        >>> records = pd.DataFrame({"record_id": ["a", "b", "c"],
        ...                         "person_id": ["P-a", "P-a", "P-c"],
        ...                         "review": [0, 0, 1]})
        >>> Clusters(records, pd.DataFrame(), LinkageSettings.load()).summary()
        {'records': 3, 'persons': 2, 'persons_with_several_records': 1, 'records_to_review': 1}
        """
        sizes = self.records["person_id"].value_counts()
        return {
            "records": len(self.records),
            "persons": len(sizes),
            "persons_with_several_records": int((sizes > 1).sum()),
            "records_to_review": int(self.records["review"].sum()),
        }


def assign_person_ids(clusters: pd.DataFrame) -> pd.Series:
    """A readable, stable person id per record: ``P-`` and the smallest record id of its cluster.

    Examples
    --------
    >>> clusters = pd.DataFrame({"unique_id": ["b7", "a2", "c1"], "cluster_id": [1, 1, 2]})
    >>> assign_person_ids(clusters).tolist()
    ['P-a2', 'P-a2', 'P-c1']
    """
    smallest = clusters.groupby("cluster_id")["unique_id"].transform("min")
    return PERSON_PREFIX + smallest.astype(str)


def summarise_records(
    record_ids: pd.Series, clusters: pd.DataFrame, pairs: pd.DataFrame, *, match_probability: float
) -> pd.DataFrame:
    """One output row per record, in input order (see :class:`Clusters`)."""
    person = dict(zip(clusters["unique_id"], assign_person_ids(clusters), strict=True))
    person_ids = record_ids.map(lambda rid: person.get(rid, PERSON_PREFIX + str(rid)))
    ends = _pair_ends(pairs, person)
    inside = ends[ends["same_person"]].groupby("record_id")["match_probability"].max()
    band = ends[~ends["same_person"]].sort_values(
        ["match_probability", "other"], ascending=[False, True]
    )
    band = band.drop_duplicates("record_id").set_index("record_id")["other"]
    return pd.DataFrame({
        "record_id": record_ids.to_numpy(),
        "person_id": person_ids.to_numpy(),
        "match_probability": record_ids.map(inside).round(6).to_numpy(),
        "review": record_ids.isin(band.index).astype(int).to_numpy(),
        "review_with": record_ids.map(band).to_numpy(),
    })  # fmt: skip


def _pair_ends(pairs: pd.DataFrame, person: dict[str, str]) -> pd.DataFrame:
    """Each pair twice, once from each end: ``record_id``, ``other``, probability, same person."""
    halves = [
        pairs[[a, b, "match_probability"]].set_axis(
            ["record_id", "other", "match_probability"], axis=1
        )
        for a, b in (("unique_id_l", "unique_id_r"), ("unique_id_r", "unique_id_l"))
    ]
    ends = pd.concat(halves, ignore_index=True)
    ends["same_person"] = ends["record_id"].map(person) == ends["other"].map(person)
    return ends


def explain_links(
    pairs: pd.DataFrame,
    clusters: pd.DataFrame,
    labels: dict[str, dict[int, str]],
    *,
    match_probability: float,
) -> pd.DataFrame:
    """Every scored pair with its decision and, per comparison, the level reached and its weight.

    ``decision`` is ``match`` (linked automatically), ``review`` (in the review band,
    between two persons) or ``same person`` (in the band, but joined through other links).
    A comparison's ``<c>_weight`` is its match weight (log2 Bayes factor): positive when
    the field agreed, negative when it disagreed, 0 when it was missing.
    """
    person = dict(zip(clusters["unique_id"], assign_person_ids(clusters), strict=True))
    out = pd.DataFrame({
        "record_id_l": pairs["unique_id_l"],
        "record_id_r": pairs["unique_id_r"],
        "person_id_l": pairs["unique_id_l"].map(person),
        "person_id_r": pairs["unique_id_r"].map(person),
        "match_probability": pairs["match_probability"].round(6),
        "match_weight": pairs["match_weight"].round(3),
    })  # fmt: skip
    same = out["person_id_l"] == out["person_id_r"]
    strong = out["match_probability"] >= match_probability
    out["decision"] = [
        "match" if s else ("same person" if p else "review")
        for s, p in zip(strong, same, strict=True)
    ]
    for name, by_gamma in labels.items():
        out[name] = pairs[f"gamma_{name}"].map(by_gamma)
        out[f"{name}_weight"] = pairs[f"mw_{name}"].round(3)
    return out.sort_values(
        ["match_probability", "record_id_l", "record_id_r"],
        ascending=[False, True, True],
        ignore_index=True,
    )
