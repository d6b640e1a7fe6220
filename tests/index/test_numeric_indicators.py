"""Numeric indicators: normalisation, validation, scoring, and the destination framework."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from migdex.index.answers import AnswersError, validate_answers
from migdex.index.examples import EXAMPLE_LABEL, make_destination_example
from migdex.index.framework import FrameworkError, Indicator, load_framework, parse_framework
from migdex.index.normalise import normalise_values
from migdex.index.scoring import score_answers

from .helpers import indicator, text

DATA = load_framework("destination-attractiveness")
EXAMPLE = (
    __import__("pathlib").Path(__file__).resolve().parents[2]
    / "src/migdex/data/destination_example.csv"
)


def numeric(code: str, **keys) -> dict:
    return {"code": code, "title": text(f"Numeric {code}"), "kind": "numeric", **keys}


def framework(*indicators: dict, name: str = "num-test"):
    raw = {
        "schema_version": 1,
        "name": name,
        "version": "1",
        "edition": "test",
        "series": "test",
        "reconstruction": False,
        "title": text("Numeric test"),
        "languages": ["en", "ru"],
        "areas": [{"code": "a", "title": text("A"), "indicators": list(indicators)}],
    }
    return parse_framework(raw, source="num.yaml")


def ind(**keys) -> Indicator:
    return Indicator(code="x", title={"en": "x"}, kind="numeric", **keys)


# -- normalisation known values ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("keys", "raw", "expected"),
    [
        ({}, [10, 20, 30], [0, 50, 100]),
        ({"direction": "lower_is_better"}, [10, 20, 30], [100, 50, 0]),
        ({"bounds": (0, 40)}, [10, 20, 50], [25, 50, 100]),  # clipped at the upper bound
        ({"normalisation": "zscore"}, [10, 20, 30], [40, 50, 60]),  # sd = 10 → ±1 z = ±10
        ({"normalisation": "zscore", "direction": "lower_is_better"}, [10, 20, 30], [60, 50, 40]),
        ({"normalisation": "target", "target": 8, "bounds": (0, 10)}, [4, 8, 10], [50, 100, 100]),
        (
            {"normalisation": "target", "target": 3, "direction": "lower_is_better"},
            [3, 7.5, 12],
            [100, 50, 0],
        ),
        ({}, [5, 5, 5], [50, 50, 50]),  # no spread: nobody is better
    ],
)
def test_normalisation_known_values(keys, raw, expected):
    np.testing.assert_allclose(normalise_values(np.array(raw, float), ind(**keys)), expected)


@settings(max_examples=60, deadline=None)
@given(
    values=st.lists(
        st.floats(-1e9, 1e9, allow_nan=False, allow_infinity=False), min_size=1, max_size=30
    ),
    method=st.sampled_from(["minmax", "zscore", "target"]),
    lower=st.booleans(),
)
def test_normalised_scores_stay_within_0_100_and_keep_order(values, method, lower):
    keys = {"normalisation": method, "direction": "lower_is_better" if lower else None}
    if method == "target":
        keys["target"] = float(np.median(values))
    x = np.array(values)
    s = normalise_values(x, ind(**keys))
    assert ((s >= 0) & (s <= 100)).all()
    order = np.argsort(x, kind="stable")
    diffs = np.diff(s[order])
    assert (diffs <= 1e-9).all() if lower else (diffs >= -1e-9).all()


# -- framework validation -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("bad", "message"),
    [
        (
            numeric("n", options=indicator("z")["options"]),
            "num.yaml: indicator 'n' (area a).options: a numeric indicator has no options",
        ),
        (
            {**indicator("o"), "direction": "lower_is_better"},
            "indicator 'o' (area a): direction: for numeric indicators only (kind: numeric)",
        ),
        (
            {**indicator("o"), "options": []},
            "indicator 'o' (area a).options: give at least one option (or set kind: numeric)",
        ),
        (
            numeric("n", normalisation="target"),
            "indicator 'n' (area a).target: normalisation 'target' needs a target value",
        ),
        (
            numeric("n", bounds=[10, 0]),
            "indicator 'n' (area a).bounds: [10, 0]; the lower bound must be below the upper",
        ),
        (
            numeric("n", normalisation="target", target=20, bounds=[0, 10]),
            "indicator 'n' (area a).target: 20 lies outside bounds [0, 10]",
        ),
        (
            numeric("n", normalisation="median"),
            "areas[0 'a'].indicators[0 'n'].normalisation: Input should be 'minmax', 'zscore' or",
        ),
    ],
)
def test_framework_rejects_inconsistent_numeric_keys(bad, message):
    with pytest.raises(FrameworkError) as err:
        framework(bad)
    assert message in str(err.value)


def test_option_indicators_keep_their_defaults():
    fw = load_framework("mipex-2015-reconstructed")
    assert all(i.kind == "option" and not i.is_numeric for i in fw.indicators.values())


# -- answers and scoring ------------------------------------------------------------------------

FW = framework(
    numeric("wage"),
    numeric("risk", direction="lower_is_better", bounds=[0, 100]),
    {**indicator("opt"), "not_applicable_allowed": True},
    {**numeric("sat", normalisation="target", target=8), "not_applicable_allowed": True},
)


def answers(rows: list[tuple]) -> pd.DataFrame:
    return pd.DataFrame(rows, columns=["iso3", "year", "indicator", "option", "value"])


def test_numeric_values_are_raw_and_scored_across_country_years():
    raw = answers(
        [
            ("AAA", 2018, "wage", None, "1000"),
            ("BBB", 2018, "wage", None, "3000"),
            ("AAA", 2019, "wage", None, "5000"),
            ("AAA", 2019, "risk", None, "25"),
            ("AAA", 2019, "opt", "b", None),
        ]
    )
    clean = validate_answers(raw, FW)
    assert clean["raw_value"].tolist()[:3] == [1000, 3000, 5000]
    assert clean["score"].isna().tolist() == [True, True, True, True, False]
    s = score_answers(clean, FW).query("level == 'indicator'").set_index(["iso3", "year", "code"])
    # min-max over the three country-years present, pooled across years
    assert s.loc[("AAA", 2018, "wage"), "score"] == 0
    assert s.loc[("BBB", 2018, "wage"), "score"] == 50
    assert s.loc[("AAA", 2019, "wage"), "score"] == 100
    assert s.loc[("AAA", 2019, "risk"), "score"] == 75  # fixed bounds, lower is better
    overall = score_answers(clean, FW).query("code == 'overall'").set_index(["iso3", "year"])
    assert overall.loc[("AAA", 2019), "score"] == pytest.approx((100 + 75 + 50) / 3)


def test_numeric_answer_problems_name_rows():
    raw = answers(
        [
            ("AAA", 2019, "wage", "b", None),
            ("AAA", 2019, "risk", None, "lots"),
            ("AAA", 2019, "opt", None, "150"),
            ("AAA", 2019, "sat", "na", None),
        ]
    )
    with pytest.raises(AnswersError) as err:
        validate_answers(raw, FW)
    msg = str(err.value)
    assert "answers: 3 problem(s); nothing was computed" in msg
    assert "row 2 (AAA 2019): indicator wage is numeric; give its number in 'value'" in msg
    assert "row 3 (AAA 2019): indicator risk: value = 'lots' is not a number" in msg
    assert "row 4 (AAA 2019): indicator opt: value = '150' is not a number from 0 to 100" in msg


def test_large_raw_values_are_accepted_for_numeric_only():
    clean = validate_answers(answers([("AAA", 2019, "wage", None, "35000.5")]), FW)
    assert clean["raw_value"].iloc[0] == 35000.5


# -- the destination framework and its example --------------------------------------------------


def test_destination_framework_is_this_projects_own_and_general():
    spec = DATA.spec
    assert spec.reconstruction is False and spec.approach_rule is None
    assert "own framework" in spec.notice["en"] and "Собственная структура" in spec.notice["ru"]
    assert set(spec.languages) == {"en", "ru"}
    kinds = {i.kind for i in DATA.indicators.values()}
    methods = {i.method for i in DATA.indicators.values() if i.is_numeric}
    assert kinds == {"option", "numeric"} and methods == {"minmax", "zscore", "target"}
    assert len(DATA.area_codes) == 6


def test_shipped_example_is_reproducible_and_labelled_synthetic():
    assert make_destination_example().to_csv(index=False) == EXAMPLE.read_text(encoding="utf-8")
    shipped = pd.read_csv(EXAMPLE)
    assert shipped["dataset"].eq(EXAMPLE_LABEL).all() and "SYNTHETIC" in EXAMPLE_LABEL


def test_compute_runs_unchanged_on_the_example(run_cli, tmp_path):
    out = tmp_path / "dest"
    result = run_cli(
        "index", "compute", EXAMPLE, "--framework", "destination-attractiveness", "--out", out
    )
    assert result.exit_code == 0, result.stderr
    assert "SYNTHETIC DATA" in result.stdout and "RECONSTRUCTION" not in result.stdout
    wide = pd.read_csv(out / "scores_wide.csv")
    assert len(wide) == 60 and wide["dataset"].eq(EXAMPLE_LABEL).all()
    assert wide[[*DATA.area_codes, "overall"]].stack().between(0, 100).all()
    assert not (out / "approaches.csv").exists()
    assert len(load_framework(out / "framework.yaml").indicators) == 15
