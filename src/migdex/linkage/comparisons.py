"""Comparison methods by name: each builds the Splink levels of one field's comparison.

The levels use Splink's level library (or plain SQL both engines read), so
the same comparison runs on DuckDB and Spark. Every level has a label, which
names it in explanations and in stored parameters.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, Any, cast

import splink.comparison_level_library as cll
from splink.comparison_library import CustomComparison

from migdex.linkage.settings import LinkageSettings

if TYPE_CHECKING:  # Splink exports the levels and comparisons, not their base classes
    from splink.internals.comparison_creator import ComparisonCreator
    from splink.internals.comparison_level_creator import ComparisonLevelCreator

__all__ = ["LEVEL_BUILDERS", "UNSEEN_M_PROBABILITY", "build_comparisons"]

# m of a level that EM may never see among matches (e.g. a wholly different birth date
# when EM is blocked on the document number): rare, but not impossible.
UNSEEN_M_PROBABILITY = 0.01

# (comparison, level label) -> (m, u): parameters learned elsewhere, used as given.
Parameters = Mapping[str, Mapping[str, tuple[float, float]]]


def _null(column: str) -> ComparisonLevelCreator:
    return cll.NullLevel(column).configure(label_for_charts="missing on one side")


def _else(*, m_probability: float | None = None) -> ComparisonLevelCreator:
    """The last level; ``m_probability`` is kept when training never sees a match in it."""
    level = cll.ElseLevel().configure(label_for_charts="different")
    return level.configure(m_probability=m_probability) if m_probability else level


def _tf(level: ComparisonLevelCreator, column: str, *, enabled: bool) -> Any:
    return (
        level.configure(tf_adjustment_column=column, tf_adjustment_weight=1.0) if enabled else level
    )


def name_variants_levels(
    column: str, *, jaro_winkler: float = 0.9, term_frequency: bool = False, swap_with: str = ""
) -> list[ComparisonLevelCreator]:
    """Names through their variant sets, then their skeletons, then a swapped order."""
    skel, variants = f"{column}_skel", f"{column}_variants"
    levels = [
        _null(skel),
        _tf(cll.ArrayIntersectLevel(variants, 1), skel, enabled=term_frequency).configure(
            label_for_charts="same spelling under some romanisation"
        ),
        _tf(cll.ExactMatchLevel(skel), skel, enabled=term_frequency).configure(
            label_for_charts="same skeleton"
        ),
    ]
    if swap_with:
        levels.append(
            cll.CustomLevel(f"{skel}_l = {swap_with}_skel_r").configure(
                label_for_charts=f"equals the other's {swap_with} (name order swapped)"
            )
        )
    levels += [
        cll.JaroWinklerLevel(skel, jaro_winkler).configure(
            label_for_charts=f"skeletons close (Jaro-Winkler >= {jaro_winkler})"
        ),
        _else(),
    ]
    return levels


def plain_name_levels(
    column: str, *, jaro_winkler: float = 0.9, term_frequency: bool = False
) -> list[ComparisonLevelCreator]:
    """Names as written (one romanisation): exact, then Jaro-Winkler. The baseline's comparison."""
    plain = f"{column}_plain"
    levels = [
        _null(plain),
        _tf(cll.ExactMatchLevel(plain), plain, enabled=term_frequency).configure(
            label_for_charts="same spelling"
        ),
        cll.JaroWinklerLevel(plain, jaro_winkler).configure(
            label_for_charts=f"close (Jaro-Winkler >= {jaro_winkler})"
        ),
        cll.JaroWinklerLevel(plain, 0.8).configure(
            label_for_charts="similar (Jaro-Winkler >= 0.8)"
        ),
        _else(),
    ]
    return levels


def birth_date_levels(column: str = "birth_date") -> list[ComparisonLevelCreator]:
    """Exact date, day and month swapped, one of day/month/year mistyped, else different."""
    parts = ("birth_year", "birth_month", "birth_day")
    swapped = (
        "birth_year_l = birth_year_r AND birth_month_l = birth_day_r "
        "AND birth_day_l = birth_month_r"
    )
    two_of_three = " + ".join(f"CASE WHEN {p}_l = {p}_r THEN 1 ELSE 0 END" for p in parts)
    levels = [
        _null(column),
        cll.ExactMatchLevel(column).configure(label_for_charts="same date"),
        cll.CustomLevel(swapped).configure(label_for_charts="day and month swapped"),
        cll.CustomLevel(f"({two_of_three}) >= 2").configure(
            label_for_charts="two of day, month and year the same"
        ),
        _else(m_probability=UNSEEN_M_PROBABILITY),
    ]
    return levels


def document_levels(column: str = "document_number") -> list[ComparisonLevelCreator]:
    """Same document number, one character off, else different (a new passport is common)."""
    levels = [
        _null(column),
        cll.ExactMatchLevel(column).configure(label_for_charts="same number"),
        cll.LevenshteinLevel(column, 1).configure(
            label_for_charts="one character off", m_probability=UNSEEN_M_PROBABILITY
        ),
        _else(),
    ]
    return levels


def exact_levels(column: str, *, term_frequency: bool = False) -> list[ComparisonLevelCreator]:
    """Same value or not."""
    levels = [
        _null(column),
        _tf(cll.ExactMatchLevel(column), column, enabled=term_frequency).configure(
            label_for_charts="same"
        ),
        _else(m_probability=UNSEEN_M_PROBABILITY),
    ]
    return levels


LEVEL_BUILDERS: dict[str, Callable[..., list[ComparisonLevelCreator]]] = {
    "name_variants": name_variants_levels,
    "plain_name": plain_name_levels,
    "birth_date": birth_date_levels,
    "document": document_levels,
    "exact": exact_levels,
}


def build_comparisons(
    settings: LinkageSettings, *, parameters: Parameters | None = None
) -> list[ComparisonCreator | dict[str, Any]]:
    """The comparisons of a settings file, with known m and u filled in from ``parameters``.

    The list has the element type of Splink's ``SettingsCreator(comparisons=...)`` (invariant).
    """
    comparisons: list[ComparisonCreator | dict[str, Any]] = []
    for spec in settings.comparisons:
        column = spec["column"]
        options = {k: v for k, v in spec.items() if k not in ("column", "method")}
        levels = LEVEL_BUILDERS[spec["method"]](column, **options)
        known = (parameters or {}).get(column, {})
        for level in levels:
            label = getattr(level, "label_for_charts", None)
            if label is not None and label in known:  # narrows the type: None is never a key
                m, u = known[label]
                level.configure(m_probability=m, u_probability=u)
        # Splink types the levels as a list though it only reads them: a list of creators fits.
        creators = cast("list[ComparisonLevelCreator | dict[str, Any]]", levels)
        comparisons.append(CustomComparison(creators, output_column_name=column))
    return comparisons
