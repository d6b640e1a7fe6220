"""Linkage settings as versioned data: thresholds, training, blocking and comparisons.

A settings file (YAML) is validated once, on load; every problem is listed in
one :class:`LinkageSettingsError`. :meth:`LinkageSettings.to_yaml` writes the
resolved copy that goes next to every output, so a run can be replayed.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import yaml

from migdex.errors import InputError

__all__ = ["COMPARISON_METHODS", "DEFAULT_SETTINGS_PATH", "LinkageSettings", "LinkageSettingsError"]

DEFAULT_SETTINGS_PATH = Path(__file__).with_name("linkage-v1.yaml")
SUPPORTED_VERSIONS = (1,)
# Comparison methods by name, with the options each accepts (see migdex.linkage.model).
COMPARISON_METHODS: dict[str, frozenset[str]] = {
    "name_variants": frozenset({"jaro_winkler", "term_frequency", "swap_with"}),
    "plain_name": frozenset({"jaro_winkler", "term_frequency"}),
    "birth_date": frozenset(),
    "document": frozenset(),
    "exact": frozenset({"term_frequency"}),
}


class LinkageSettingsError(InputError):
    """A linkage settings file is malformed; the message lists every problem."""


@dataclasses.dataclass(frozen=True, kw_only=True)
class LinkageSettings:
    """A linkage model's definition: what to compare, how to block, train and decide.

    Examples
    --------
    >>> settings = LinkageSettings.load()
    >>> settings.name, settings.match_probability, settings.review_probability
    ('linkage-v1', 0.99, 0.8)
    >>> settings.replace(match_probability=0.995).match_probability
    0.995
    >>> LinkageSettings.from_dict({**settings.to_dict(), "thresholds": {"match_probability": 2}})
    Traceback (most recent call last):
    ...
    migdex.linkage.settings.LinkageSettingsError: linkage settings: thresholds.match_probability must be a number in (0, 1), got 2; thresholds.review_probability is required
    """  # noqa: E501

    version: int = 1
    name: str = "linkage-v1"
    description: str = ""
    match_probability: float = 0.99
    review_probability: float = 0.8
    seed: int = 42
    u_max_pairs: float = 1e7
    em_max_pairs: float = 2e6
    em_blocking: tuple[tuple[str, ...], ...] = ()
    prior_rules: tuple[tuple[str, ...], ...] = ()
    prior_recall: float = 0.8
    max_iterations: int = 25
    min_records_to_train: int = 2000
    parameters: str | None = None
    blocking: tuple[tuple[str, ...], ...] = ()
    comparisons: tuple[Mapping[str, Any], ...] = ()

    @classmethod
    def load(cls, path: str | Path | None = None) -> LinkageSettings:
        """Read and validate a settings file; the default is the bundled ``linkage-v1.yaml``."""
        path = Path(path) if path is not None else DEFAULT_SETTINGS_PATH
        try:
            data = yaml.safe_load(path.read_text(encoding="utf-8"))
        except (OSError, yaml.YAMLError) as exc:
            raise LinkageSettingsError(f"{path}: cannot be read as YAML ({exc})") from exc
        training = data.get("training") if isinstance(data, dict) else None
        if isinstance(training, dict) and training.get("parameters"):
            training["parameters"] = str((path.parent / training["parameters"]).resolve())
        return cls.from_dict(data, source=str(path))

    @classmethod
    def from_dict(cls, data: object, *, source: str = "linkage settings") -> LinkageSettings:
        """Validate a parsed settings document and build the settings from it."""
        problems: list[str] = []
        if not isinstance(data, dict):
            raise LinkageSettingsError(f"{source}: expected a mapping at the top level")
        fields = _read_fields(data, problems)
        if problems:
            raise LinkageSettingsError(f"{source}: " + "; ".join(problems))
        return cls(**fields)

    def to_dict(self) -> dict[str, Any]:
        """The settings in the file layout (what :meth:`from_dict` reads)."""
        return {
            "version": self.version,
            "name": self.name,
            "description": self.description,
            "thresholds": {
                "match_probability": self.match_probability,
                "review_probability": self.review_probability,
            },
            "training": {
                "seed": self.seed,
                "u_max_pairs": self.u_max_pairs,
                "em_max_pairs": self.em_max_pairs,
                "em_blocking": [list(rule) for rule in self.em_blocking],
                "prior_rules": [list(rule) for rule in self.prior_rules],
                "prior_recall": self.prior_recall,
                "max_iterations": self.max_iterations,
                "min_records_to_train": self.min_records_to_train,
                "parameters": self.parameters,
            },
            "blocking": [list(rule) for rule in self.blocking],
            "comparisons": [dict(c) for c in self.comparisons],
        }

    def to_yaml(self) -> str:
        """The resolved settings as YAML, to be written next to an output."""
        return yaml.safe_dump(self.to_dict(), sort_keys=False, allow_unicode=True)

    def replace(self, **changes: Any) -> LinkageSettings:
        """A copy with some fields changed (validated again)."""
        return LinkageSettings.from_dict(
            dataclasses.replace(self, **changes).to_dict(), source="linkage settings"
        )


def _read_fields(data: dict[str, Any], problems: list[str]) -> dict[str, Any]:
    thresholds = data.get("thresholds") or {}
    training = data.get("training") or {}
    if data.get("version") not in SUPPORTED_VERSIONS:
        problems.append(f"version must be one of {SUPPORTED_VERSIONS}, got {data.get('version')!r}")
    fields = {
        "version": data.get("version"),
        "name": str(data.get("name") or "unnamed"),
        "description": str(data.get("description") or ""),
        "match_probability": _probability(thresholds, "thresholds", "match_probability", problems),
        "review_probability": _probability(
            thresholds, "thresholds", "review_probability", problems
        ),
        "seed": int(training.get("seed", 42)),
        "u_max_pairs": float(training.get("u_max_pairs", 1e7)),
        "em_max_pairs": float(training.get("em_max_pairs", 2e6)),
        "em_blocking": _rules(training.get("em_blocking"), "training.em_blocking", problems),
        "prior_rules": _rules(training.get("prior_rules"), "training.prior_rules", problems),
        "prior_recall": _probability(training, "training", "prior_recall", problems),
        "max_iterations": int(training.get("max_iterations", 25)),
        "min_records_to_train": int(training.get("min_records_to_train", 2000)),
        "parameters": _existing_file(training.get("parameters"), problems),
        "blocking": _rules(data.get("blocking"), "blocking", problems),
        "comparisons": _comparisons(data.get("comparisons"), problems),
    }
    match, review = fields["match_probability"], fields["review_probability"]
    if isinstance(match, float) and isinstance(review, float) and review > match:
        problems.append("thresholds.review_probability must not exceed match_probability")
    return fields


def _probability(section: dict[str, Any], where: str, key: str, problems: list[str]) -> Any:
    value = section.get(key)
    if value is None:
        problems.append(f"{where}.{key} is required")
    elif not isinstance(value, int | float) or not 0 < value < 1:
        problems.append(f"{where}.{key} must be a number in (0, 1), got {value!r}")
    else:
        return float(value)
    return value


def _existing_file(value: object, problems: list[str]) -> str | None:
    if value is None:
        return None
    if not Path(str(value)).is_file():
        problems.append(f"training.parameters: no such file {value}")
    return str(value)


def _rules(value: object, where: str, problems: list[str]) -> tuple[tuple[str, ...], ...]:
    if not isinstance(value, list) or not value or not all(_is_rule(rule) for rule in value):
        problems.append(f"{where} must be a non-empty list of column lists, got {value!r}")
        return ()
    return tuple(tuple(rule) for rule in value)


def _is_rule(rule: object) -> bool:
    """A blocking rule: a non-empty list of column names."""
    return isinstance(rule, list) and bool(rule) and all(isinstance(c, str) for c in rule)


def _comparisons(value: object, problems: list[str]) -> tuple[Mapping[str, Any], ...]:
    if not isinstance(value, list) or not value:
        problems.append("comparisons must be a non-empty list")
        return ()
    for i, item in enumerate(value):
        method = item.get("method") if isinstance(item, dict) else None
        if method not in COMPARISON_METHODS or "column" not in item:
            problems.append(
                f"comparisons[{i}] needs a column and a method among "
                f"{', '.join(COMPARISON_METHODS)}"
            )
            continue
        unknown = set(item) - {"column", "method"} - COMPARISON_METHODS[method]
        if unknown:
            problems.append(f"comparisons[{i}] ({method}): unknown option(s) {sorted(unknown)}")
    return tuple(value)
