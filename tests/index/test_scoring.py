"""Scoring: the cascade's arithmetic, missing-data rules, coverage and invariants."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from migdex.index.answers import AnswersError, validate_answers
from migdex.index.scoring import MissingAnswersError, round_half_up, score_answers

from .helpers import small_framework

FW = small_framework()
CODES = ["1", "2", "3", "4", "5", "6", "7"]


def answers(options: dict[str, str], iso3="AAA", year=2019) -> pd.DataFrame:
    raw = pd.DataFrame(
        {"iso3": iso3, "year": year, "indicator": list(options), "option": list(options.values())}
    )
    return validate_answers(raw, FW)


def score(scores: pd.DataFrame, level: str, code: str) -> float:
    row = scores[(scores["level"] == level) & (scores["code"] == code)]
    assert len(row) == 1, (level, code)
    return float(row["score"].iloc[0])


def test_cascade_means_indicators_then_dimensions_then_areas():
    s = score_answers(
        answers({"1": "a", "2": "c", "3": "a", "4": "a", "5": "b", "6": "b", "7": "c"}), FW
    )
    assert score(s, "dimension", "a1.d1") == 50
    assert score(s, "dimension", "a1.d2") == 100
    assert score(s, "area", "a1") == 75
    assert score(s, "area", "a2") == pytest.approx(100 / 3)
    assert score(s, "overall", "overall") == pytest.approx((75 + 100 / 3) / 2)
    assert score(s, "overall", "overall_without_a2") == 75
    # approach dimension "rights" = mean of a1.d1 (50) and a2 (33.3)
    assert score(s, "approach_dimension", "rights") == pytest.approx((50 + 100 / 3) / 2)


def test_renormalise_skips_missing_and_reports_coverage():
    s = score_answers(answers({"1": "a", "3": "c", "4": "na", "5": "a", "6": "a", "7": "a"}), FW)
    assert score(s, "dimension", "a1.d1") == 100  # 2 missing: mean over 1
    assert score(s, "dimension", "a1.d2") == 0  # 4 not applicable
    row = s[(s["level"] == "area") & (s["code"] == "a1")].iloc[0]
    assert (row["n_scored"], row["n_indicators"], row["coverage"]) == (2, 4, 0.5)
    overall = s[s["code"] == "overall"].iloc[0]
    assert overall["coverage"] == pytest.approx(5 / 7)


def test_zero_rule_counts_missing_as_zero():
    s = score_answers(
        answers({"1": "a", "3": "a", "4": "a", "5": "a", "6": "a", "7": "a"}),
        FW,
        missing_rule="zero",
    )
    assert score(s, "dimension", "a1.d1") == 50


def test_refuse_rule_names_what_is_missing():
    with pytest.raises(MissingAnswersError, match=r"AAA 2019 indicator 2"):
        score_answers(
            answers({"1": "a", "3": "a", "4": "a", "5": "a", "6": "a", "7": "a"}),
            FW,
            missing_rule="refuse",
        )


def test_weights_override_changes_the_mean():
    a = answers({c: ("a" if c == "1" else "c") for c in CODES})
    s = score_answers(a, FW, weights={"1": 3.0})
    assert score(s, "dimension", "a1.d1") == 75


def test_answers_errors_name_row_country_and_allowed_options():
    raw = pd.DataFrame(
        {
            "iso3": ["AAA", "AAA", "AAA", "ZZ1"],
            "year": [2019, 2019, 2019, 2019],
            "indicator": ["1", "99", "2", "3"],
            "option": ["d", "a", "na", "a"],
        }
    )
    with pytest.raises(AnswersError) as err:
        validate_answers(raw, FW, source="answers.csv")
    msg = str(err.value)
    assert "answers.csv row 2 (AAA 2019): indicator 1 = 'd'; test-small allows a, b, c" in msg
    assert "row 3 (AAA 2019): indicator '99' is not in test-small" in msg
    assert "row 4 (AAA 2019): indicator 2 = 'na'; test-small does not allow" in msg
    assert "row 5 (ZZ1 2019): iso3 = 'ZZ1' is not a three-letter ISO code" in msg


def test_values_may_be_given_instead_of_options():
    raw = pd.DataFrame(
        {"iso3": "AAA", "year": 2019, "indicator": ["1", "2"], "value": ["80", "20"]}
    )
    s = score_answers(validate_answers(raw, FW), FW)
    assert score(s, "dimension", "a1.d1") == 50


@pytest.mark.parametrize(
    ("value", "shown"), [(43.5, 44), (43.375, 43), (32.25, 32), (0.5, 1), (99.5, 100)]
)
def test_round_half_up(value, shown):
    assert round_half_up(value) == shown


option_sets = st.dictionaries(st.sampled_from(CODES), st.sampled_from(["a", "b", "c"]), min_size=1)


@settings(max_examples=80, deadline=None)
@given(option_sets, st.sampled_from(["renormalise", "zero"]))
def test_scores_stay_within_0_100(options, rule):
    s = score_answers(answers(options), FW, missing_rule=rule)
    values = s["score"].dropna()
    assert ((values >= 0) & (values <= 100)).all()
    assert ((s["coverage"] >= 0) & (s["coverage"] <= 1)).all()


@settings(max_examples=80, deadline=None)
@given(option_sets, st.sampled_from(CODES), st.sampled_from(["renormalise", "zero"]))
def test_raising_an_answer_never_lowers_an_aggregate(options, code, rule):
    if code not in options or options[code] == "a":
        return
    higher = {**options, code: "a" if options[code] == "b" else "b"}
    before = score_answers(answers(options), FW, missing_rule=rule).set_index(["level", "code"])
    after = score_answers(answers(higher), FW, missing_rule=rule).set_index(["level", "code"])
    both = before["score"].notna() & after["score"].notna()
    assert (after["score"][both] >= before["score"][both] - 1e-9).all()


@settings(max_examples=40, deadline=None)
@given(st.lists(st.sampled_from(["a", "b", "c"]), min_size=7, max_size=7), st.randoms())
def test_row_order_does_not_matter(opts, rnd):
    full = dict(zip(CODES, opts))
    frames = [answers(full, iso3=c) for c in ("AAA", "BBB")]
    a = pd.concat(frames, ignore_index=True)
    shuffled = a.sample(frac=1.0, random_state=rnd.randint(0, 10**6))
    s1 = score_answers(a, FW).sort_values(["iso3", "level", "code"]).reset_index(drop=True)
    s2 = score_answers(shuffled, FW).sort_values(["iso3", "level", "code"]).reset_index(drop=True)
    pd.testing.assert_frame_equal(s1, s2)


@settings(max_examples=40, deadline=None)
@given(st.lists(st.sampled_from(["a", "b", "c"]), min_size=7, max_size=7))
def test_renormalised_equals_zero_rule_and_plain_mean_when_nothing_is_missing(opts):
    full = answers(dict(zip(CODES, opts)))
    renorm = score_answers(full, FW, missing_rule="renormalise")
    zero = score_answers(full, FW, missing_rule="zero")
    np.testing.assert_allclose(renorm["score"], zero["score"])
    values = {"a": 100, "b": 50, "c": 0}
    d1 = np.mean([values[o] for o in opts[:2]])
    assert score(renorm, "dimension", "a1.d1") == pytest.approx(d1)
