"""Group means, ranks with ties, changes against the average, bands and approaches."""

from __future__ import annotations

import pandas as pd
import pytest

from migdex.errors import InputError
from migdex.index.answers import validate_answers
from migdex.index.approaches import agreement_with_published, classify_approaches
from migdex.index.compare import (
    add_bands,
    builtin_groups,
    changes,
    group_means,
    rank_countries,
    resolve_group,
)
from migdex.index.framework import load_framework
from migdex.index.scoring import score_answers

from ..conftest import FIXTURES

TOY = load_framework(FIXTURES / "index" / "toy-framework.yaml")


def overall(rows: list[tuple[str, int, float]]) -> pd.DataFrame:
    return pd.DataFrame(
        [(i, y, "overall", "overall", s) for i, y, s in rows],
        columns=["iso3", "year", "level", "code", "score"],
    )


def test_eu_groups_have_27_and_28_members():
    groups = builtin_groups()
    assert len(groups["EU27"]) == 27 and len(groups["EU28"]) == 28
    assert set(groups["EU28"]) - set(groups["EU27"]) == {"GBR"}


def test_group_means_and_all_group():
    s = overall([("AUT", 2019, 60), ("RUS", 2019, 30), ("GBR", 2019, 57)])
    members = {"ALL": resolve_group("ALL", s), "EU27": resolve_group("eu27", s)}
    m = group_means(s, members).set_index("group")
    assert m.loc["ALL", "score"] == pytest.approx(49)
    assert (m.loc["EU27", "score"], m.loc["EU27", "n_countries"]) == (60, 1)


def test_unknown_group_is_named():
    with pytest.raises(InputError, match="unknown group 'EU29'"):
        resolve_group("EU29", overall([("AUT", 2019, 1)]))


def test_rank_from_the_bottom_like_the_slides():
    s = overall(
        [
            ("RUS", 2019, 31),
            ("CHN", 2019, 32),
            ("IND", 2019, 24),
            ("IDN", 2019, 26),
            ("SWE", 2019, 86),
        ]
    )
    r = rank_countries(s, year=2019).set_index("iso3")
    assert r.loc["RUS", "bottom_label"] == "3rd from the bottom"
    assert r.loc["RUS", "rank_label"] == "3rd of 5"


def test_change_against_average_change():
    s = overall(
        [
            ("RUS", 2014, 29),
            ("RUS", 2019, 31),
            ("A", 2014, 50),
            ("A", 2019, 53),
            ("B", 2014, 40),
            ("B", 2019, 41),
        ]
    )
    c = changes(s, year_from=2014, year_to=2019).set_index("iso3")
    assert c.loc["RUS", "change"] == 2 and c.loc["RUS", "average_change"] == 2
    assert c.loc["RUS", "versus_average"] == "similar"


def test_bands_follow_the_framework_and_round_for_display():
    # toy bands: high from 60, middle from 30, low from 0; the displayed (rounded) score decides
    s = overall([("A", 2019, 59.5), ("B", 2019, 29.4), ("C", 2019, 29.5), ("D", 2019, 0.2)])
    assert add_bands(s, TOY)["band"].tolist() == ["high", "low", "middle", "low"]


def toy_scores(options: dict[str, str]) -> pd.DataFrame:
    raw = pd.DataFrame(
        {"iso3": "AAA", "year": 2019, "indicator": list(options), "option": list(options.values())}
    )
    return score_answers(validate_answers(raw, TOY), TOY)


@pytest.mark.parametrize(
    ("options", "group"),
    [
        ({c: "a" for c in "1234567"}, "both_top"),
        ({"1": "b", "2": "b", "3": "a", "4": "b", "5": "b", "6": "b", "7": "b"}, "both"),
        ({"1": "a", "2": "a", "3": "c", "4": "c", "5": "a", "6": "a", "7": "a"}, "rights_only"),
        ({c: "c" for c in "1234567"}, "neither"),
    ],
)
def test_approach_groups_and_reasons(options, group):
    result = classify_approaches(toy_scores(options), TOY).iloc[0]
    assert result["group"] == group
    assert "50" in result["reason"]  # the limit is shown with the result


def test_reason_names_the_dimension_below_the_limit():
    options = {"1": "a", "2": "a", "3": "c", "4": "c", "5": "a", "6": "a", "7": "a"}
    reason = classify_approaches(toy_scores(options), TOY)["reason"].iloc[0]
    security = TOY.text(TOY.spec.approach_dimensions[1].title)
    assert f"{security} 0 < 50" in reason


def test_agreement_with_published_cross_tab():
    classified = pd.DataFrame(
        {
            "iso3": ["RUS", "SWE"],
            "year": 2019,
            "group": ["immigration_without_integration", "comprehensive"],
        }
    )
    published = pd.DataFrame(
        {
            "iso3": ["RUS", "SWE"],
            "year": 2019,
            "approach": ["immigration_without_integration", "comprehensive_top_ten"],
        }
    )
    table = agreement_with_published(classified, published)
    assert table["n"].sum() == 2
    assert len(table) == 2
