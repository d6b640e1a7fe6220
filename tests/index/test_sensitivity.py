"""Sensitivity analysis: known Sobol indices, nominal ranks, vectorised = loop, CLI contract."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from SALib.sample import sobol as saltelli

from migdex.errors import InputError
from migdex.index.answers import validate_answers
from migdex.index.framework import load_framework
from migdex.index.scoring import score_answers
from migdex.index.sensitivity import (
    SensitivitySpec,
    decode_design,
    draw_design,
    run_sensitivity,
    sobol_indices,
)
from migdex.index.sensitivity_model import build_model, loop_ranks, rank_desc
from migdex.index.synthetic import make_synthetic_answers

from .helpers import small_framework

FW = small_framework()
COUNTRIES = ["AAA", "BBB", "CCC", "DDD", "EEE", "FFF"]
FIXED = dict(
    weight_noise=0.0, aggregations=("arithmetic",), missing_rules=("renormalise",), drop=()
)


def value_answers(seed: int, *, missing_share: float = 0.0, fw=FW) -> pd.DataFrame:
    """Continuous values (0–100) for every country × indicator, some missing."""
    rng = np.random.default_rng(seed)
    codes = list(fw.indicators)
    frame = pd.DataFrame(
        {
            "iso3": np.repeat(COUNTRIES, len(codes)),
            "year": 2019,
            "indicator": np.tile(codes, len(COUNTRIES)),
            "value": rng.uniform(0, 100, len(COUNTRIES) * len(codes)).round(3),
        }
    )
    keep = rng.random(len(frame)) >= missing_share
    keep[:: len(codes)] = True  # every country keeps at least one answer
    return score_answers(validate_answers(frame[keep], fw), fw)


def test_sobol_of_a_known_additive_model():
    # Y = 3·X1 + X2 with X uniform: S1 = 9/10 and 1/10; additive, so ST = S1.
    problem = {"num_vars": 2, "names": ["x1", "x2"], "bounds": [[0, 1], [0, 1]]}
    x = saltelli.sample(problem, 2**13, calc_second_order=False, seed=3)
    s = sobol_indices(problem, 3 * x[:, 0] + x[:, 1], seed=3).set_index("factor")
    assert s.loc["x1", "S1"] == pytest.approx(0.9, abs=0.03)
    assert s.loc["x2", "S1"] == pytest.approx(0.1, abs=0.03)
    assert s.loc["x1", "ST"] == pytest.approx(0.9, abs=0.03)
    assert s.loc["x2", "ST"] == pytest.approx(0.1, abs=0.03)


def test_sobol_of_grouped_variables_sums_the_group():
    # Y = X1 + X2 + 2·X3; group {X1, X2} carries (1 + 1) / (1 + 1 + 4) = 1/3 of the variance.
    problem = {
        "num_vars": 3,
        "names": ["a", "b", "c"],
        "bounds": [[0, 1]] * 3,
        "groups": ["g", "g", "c"],
    }
    x = saltelli.sample(problem, 2**13, calc_second_order=False, seed=5)
    s = sobol_indices(problem, x[:, 0] + x[:, 1] + 2 * x[:, 2], seed=5).set_index("factor")
    assert s.loc["g", "S1"] == pytest.approx(1 / 3, abs=0.03)
    assert s.loc["c", "S1"] == pytest.approx(2 / 3, abs=0.03)


def test_constant_output_gives_nan_indices():
    problem = {"num_vars": 1, "names": ["x"], "bounds": [[0, 1]]}
    s = sobol_indices(problem, np.ones(6))
    assert s["S1"].isna().all()


def test_no_perturbation_gives_the_nominal_ranks_in_every_run():
    scores = value_answers(1)
    result = run_sensitivity(scores, FW, spec=SensitivitySpec(runs=25, **FIXED))
    overall = scores.query("level == 'overall' and code == 'overall'").set_index("iso3")["score"]
    expected = rank_desc(overall.loc[result.summary["iso3"]].to_numpy())
    assert result.summary["nominal_rank"].tolist() == expected.tolist()
    assert (result.ranks == result.summary.sort_values("iso3")["nominal_rank"].to_numpy()).all()
    s = result.summary
    assert (s["median_rank"] == s["nominal_rank"]).all()
    assert (s["rank_p05"] == s["rank_p95"]).all() and (s["mean_abs_rank_shift"] == 0).all()
    assert result.sobol is None and result.settings["factors"] == []


@pytest.mark.parametrize("weight_level", ["area", "indicator"])
@pytest.mark.parametrize("framework", ["small", "mipex-2020-core-reconstructed"])
def test_vectorised_runs_equal_a_loop_over_score_answers(weight_level, framework):
    fw = FW if framework == "small" else load_framework(framework)
    scores = value_answers(7, missing_share=0.2, fw=fw)
    spec = SensitivitySpec(runs=40, weight_level=weight_level, sobol=False, seed=11)
    model = build_model(
        scores[scores["level"] == "indicator"].rename(columns={"code": "indicator"}),
        fw,
        year=None,
        spec=spec,
    )
    assumptions = decode_design(draw_design(model, spec)[0], model, spec)
    fast, _ = model.evaluate(assumptions)
    assert set(assumptions.aggregation) == {"arithmetic", "geometric"}
    assert set(assumptions.missing_rule) == {"renormalise", "zero"}
    np.testing.assert_array_equal(fast, loop_ranks(model, assumptions))


def test_nominal_matches_score_answers_on_the_full_framework():
    fw = load_framework("mipex-2015-reconstructed")
    answers = make_synthetic_answers(fw, iso3=["RUS", "SWE", "CHN", "DEU"], years=(2019,))
    scores = score_answers(validate_answers(answers, fw), fw)
    model = build_model(
        scores[scores["level"] == "indicator"].rename(columns={"code": "indicator"}),
        fw,
        year=2019,
        spec=None,
    )
    overall = scores.query("level == 'overall' and code == 'overall'").set_index("iso3")["score"]
    np.testing.assert_allclose(model.nominal_scores, overall.loc[model.iso3], rtol=1e-12)


def test_only_aggregation_varies_so_it_explains_everything():
    spec = SensitivitySpec(runs=600, **{**FIXED, "aggregations": ("arithmetic", "geometric")})
    result = run_sensitivity(value_answers(3), FW, spec=spec)
    row = result.sobol.set_index("factor").loc["aggregation"]
    if not np.isnan(row["S1"]):  # ranks may not move at all for some draws of answers
        assert row["S1"] == pytest.approx(1.0, abs=1e-9) and row["ST"] == pytest.approx(1.0)


def test_group_probabilities_sum_to_one_per_country():
    result = run_sensitivity(value_answers(5), FW, spec=SensitivitySpec(runs=120))
    totals = result.groups.groupby("iso3")["probability"].sum()
    np.testing.assert_allclose(totals, 1.0)
    assert result.groups.groupby("iso3")["is_nominal"].sum().eq(1).all()


@settings(max_examples=15, deadline=None)
@given(
    seed=st.integers(0, 10_000),
    noise=st.floats(0.0, 0.9),
    level=st.sampled_from(["area", "indicator"]),
)
def test_ranks_are_permutations_and_intervals_hold(seed, noise, level):
    spec = SensitivitySpec(runs=30, weight_noise=noise, weight_level=level, seed=seed)
    result = run_sensitivity(value_answers(seed), FW, spec=spec)
    n = len(COUNTRIES)
    assert (np.sort(result.ranks, axis=1) == np.arange(1, n + 1)).all()
    s = result.summary
    assert s["median_rank"].between(1, n).all()
    assert (s["rank_p05"] <= s["median_rank"]).all() and (s["median_rank"] <= s["rank_p95"]).all()


def test_bad_settings_and_missing_year_are_input_errors():
    with pytest.raises(InputError, match=r"runs = 0; choose 1 to 100,000"):
        SensitivitySpec(runs=0).check()
    with pytest.raises(InputError, match=r"aggregation median"):
        SensitivitySpec(aggregations=("median",)).check()
    with pytest.raises(InputError, match=r"no indicator scores for 2001; years present: \[2019\]"):
        run_sensitivity(value_answers(1), FW, year=2001, spec=SensitivitySpec(runs=5))


# -- CLI ------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def answers_csv(tmp_path_factory):
    fw = load_framework("mipex-2020-core-reconstructed")
    path = tmp_path_factory.mktemp("sens") / "answers.csv"
    iso3 = ["RUS", "SWE", "DEU", "CHN", "FRA", "IND"]
    make_synthetic_answers(fw, iso3=iso3, years=(2018, 2019)).to_csv(path, index=False)
    return path


def test_cli_sensitivity_writes_the_directory(run_cli, answers_csv, tmp_path):
    out = tmp_path / "sens"
    result = run_cli(
        "index", "sensitivity", answers_csv, "--framework", "mipex-2020-core-reconstructed",
        "--runs", "70", "--year", "2018", "--out", out,
    )  # fmt: skip
    assert result.exit_code == 0, result.stderr
    stdout = " ".join(result.stdout.split())  # rich wraps at the console's width
    assert "SYNTHETIC DATA" in stdout
    assert "runs (Saltelli sample, SALib) for 6 countries in 2018" in stdout
    assert sorted(p.name for p in out.iterdir()) == [
        "groups.csv",
        "rank_uncertainty.svg",
        "rank_uncertainty.vl.json",
        "runs.csv",
        "settings.json",
        "sobol.csv",
        "sobol_countries.csv",
        "summary.csv",
    ]
    summary = pd.read_csv(out / "summary.csv")
    assert len(summary) == 6 and summary["dataset"].str.startswith("SYNTHETIC").all()
    assert "<svg" in (out / "rank_uncertainty.svg").read_text()


def test_cli_sensitivity_missing_file_exit_2_and_no_output(run_cli, tmp_path):
    result = run_cli("index", "sensitivity", tmp_path / "nope.csv", "--out", tmp_path / "o")
    assert result.exit_code == 2
    assert result.stderr.strip() == f"Error: {tmp_path / 'nope.csv'}: no such file"
    assert not (tmp_path / "o").exists()


def test_cli_sensitivity_rejects_area_scores(run_cli, tmp_path):
    wide = tmp_path / "wide.csv"
    pd.DataFrame({"iso3": ["RUS"], "year": [2019], "overall": [31]}).to_csv(wide, index=False)
    result = run_cli("index", "sensitivity", wide, "--runs", "10", "--out", tmp_path / "o")
    assert result.exit_code == 2
    assert "sensitivity needs indicator-level data" in result.stderr
    assert not (tmp_path / "o").exists()


def test_cli_sensitivity_bad_runs_exit_2(run_cli, answers_csv, tmp_path):
    result = run_cli("index", "sensitivity", answers_csv, "--runs", "0", "--out", tmp_path / "o")
    assert result.exit_code == 2
    assert "runs = 0; choose 1 to 100,000" in result.stderr
