"""Policies against outcomes: import, merge, known coefficients, fixed effects, mediation, CLI."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from migdex.index.mediation import mediate
from migdex.index.outcomes import (
    OutcomesError,
    analyse_outcomes,
    fit_fixed_effects,
    fit_line,
    fit_ols,
    merge_scores,
    read_outcomes,
    validate_outcomes,
)

EXAMPLE = Path(__file__).resolve().parents[2] / "src/migdex/data/outcomes_example.csv"


def panel(seed: int = 0, *, n_countries: int = 40, n_years: int = 8) -> pd.DataFrame:
    """y = 2·policy + country effect + noise, where the country effect rises with the policy."""
    rng = np.random.default_rng(seed)
    iso3 = [f"C{i:02d}" for i in range(n_countries)]
    base = rng.uniform(20, 80, n_countries)
    rows = []
    for c, code in enumerate(iso3):
        effect = -3.0 * base[c]  # confounder: high-policy countries have low outcomes
        for t in range(n_years):
            policy = base[c] + rng.normal(0, 5)
            rows.append((code, 2010 + t, policy, 2.0 * policy + effect + rng.normal(0, 1)))
    return pd.DataFrame(rows, columns=["iso3", "year", "policy", "y"])


def test_ols_recovers_a_known_coefficient_within_its_interval():
    rng = np.random.default_rng(4)
    d = pd.DataFrame({"iso3": [f"C{i}" for i in range(300)], "year": 2019})
    d["policy"] = rng.uniform(0, 100, 300)
    d["age"] = rng.normal(40, 5, 300)
    d["y"] = 3.0 + 0.25 * d["policy"] - 0.1 * d["age"] + rng.normal(0, 2, 300)
    c = fit_ols(d, "y", controls=("age",)).coefficients.set_index("term")
    assert c.loc["policy", "ci_low"] < 0.25 < c.loc["policy", "ci_high"]
    assert c.loc["policy", "coef"] == pytest.approx(0.25, abs=0.02)
    assert c.loc["age", "ci_low"] < -0.1 < c.loc["age", "ci_high"]


def test_fixed_effects_remove_a_country_effect_that_biases_ols():
    d = panel()
    pooled = fit_ols(d, "y").coefficients.set_index("term").loc["policy"]
    fe = fit_fixed_effects(d, "y").coefficients.set_index("term").loc["policy"]
    assert pooled["coef"] < 0  # confounded: the country effect reverses the sign
    assert fe["ci_low"] < 2.0 < fe["ci_high"]
    assert fe["coef"] == pytest.approx(2.0, abs=0.05)


def test_fixed_effects_need_two_years():
    with pytest.raises(OutcomesError, match="at least two years"):
        fit_fixed_effects(panel(n_years=1), "y")


def test_fit_line_band_contains_the_line():
    line = fit_line(panel(), "y")
    assert len(line) == 50
    assert (line["lower"] <= line["fit"]).all() and (line["fit"] <= line["upper"]).all()


def test_mediation_recovers_a_known_indirect_effect():
    rng = np.random.default_rng(8)
    n = 3000
    x = rng.uniform(0, 100, n)
    m = 10 - 0.04 * x + rng.normal(0, 1, n)  # policy lowers perceived threat
    y = 6 - 0.5 * m + 0.01 * x + rng.normal(0, 1, n)  # threat lowers trust
    d = pd.DataFrame({"policy": x, "threat": m, "trust": y})
    r = mediate(d, mediator="threat", outcome="trust", n_boot=800, seed=2)
    t = r.table.set_index("effect")
    assert t.loc["indirect", "ci_low"] < 0.02 < t.loc["indirect", "ci_high"]
    assert t.loc["a", "estimate"] == pytest.approx(-0.04, abs=0.003)
    assert t.loc["b", "estimate"] == pytest.approx(-0.5, abs=0.05)
    # Linear paths on one sample: the total is the direct plus the indirect effect.
    assert t.loc["total", "estimate"] == pytest.approx(
        t.loc["direct", "estimate"] + t.loc["indirect", "estimate"]
    )
    again = mediate(d, mediator="threat", outcome="trust", n_boot=800, seed=2)
    pd.testing.assert_frame_equal(r.table, again.table)  # seeded


def test_mediation_without_an_effect_has_an_interval_around_zero():
    rng = np.random.default_rng(9)
    d = pd.DataFrame({"policy": rng.normal(size=500), "threat": rng.normal(size=500)})
    d["trust"] = rng.normal(size=500)
    t = mediate(d, mediator="threat", outcome="trust", n_boot=500).table.set_index("effect")
    assert t.loc["indirect", "ci_low"] < 0 < t.loc["indirect", "ci_high"]


def test_outcome_table_problems_are_listed_by_row(tmp_path):
    raw = pd.DataFrame(
        {
            "iso3": ["RUS", "RU", "SWE", "SWE"],
            "year": ["2019", "2019", "20x9", "2019"],
            "variable": ["trust", "trust", "trust", "2nd"],
            "value": ["4.1", "3", "4", "many"],
            "source": "ESS",
        }
    )
    path = tmp_path / "o.csv"
    raw.to_csv(path, index=False)
    with pytest.raises(OutcomesError) as err:
        read_outcomes(path)
    msg = str(err.value)
    assert msg.startswith("o.csv: 4 problem(s) in the outcome table")
    assert "o.csv row 3 (RU 2019): iso3 = 'RU' is not an ISO3 code" in msg
    assert "o.csv row 4 (SWE 20x9): year = '20x9' is not a year" in msg
    assert "o.csv row 5 (SWE 2019): value = 'many' is not a number" in msg


def test_merge_with_lag_and_unknown_policy():
    s = pd.DataFrame(
        {"iso3": "AAA", "year": [2018, 2019], "level": "overall", "code": "overall",
         "score": [40.0, 50.0]}
    )  # fmt: skip
    o = validate_outcomes(
        pd.DataFrame({"iso3": "AAA", "year": [2019], "variable": "y", "value": [1.0],
                      "source": "x"})
    )  # fmt: skip
    assert merge_scores(o, s, lag=1)["policy"].tolist() == [40.0]
    with pytest.raises(
        OutcomesError, match=r"no policy score 'health' in the scores; choose one of overall"
    ):
        merge_scores(o, s, policy="health")


def test_example_outcomes_reproduce_the_generators_truth():
    from migdex.index.demo import demo_run

    scores = demo_run().scores
    a = analyse_outcomes(
        read_outcomes(EXAMPLE), scores, outcome="employment_gap", n_boot=200
    )  # the example's true within-country effect is −0.10, confounded to +0.05 across
    c = a.coefficients.set_index(["model", "term"])["coef"]
    assert c[("Fixed effects (country + year)", "policy")] == pytest.approx(-0.10, abs=0.04)
    assert c[("OLS, pooled years", "policy")] > 0


# -- CLI ---------------------------------------------------------------------------------------


def test_cli_outcomes_with_mediation(run_cli, tmp_path):
    out = tmp_path / "outc"
    result = run_cli(
        "analyse", "outcomes", EXAMPLE, "--demo", "--outcome", "generalised_trust",
        "--mediator", "perceived_threat", "--n-boot", "200", "--out", out,
    )  # fmt: skip
    assert result.exit_code == 0, result.stderr
    stdout = " ".join(result.stdout.split())  # the table may wrap at the console's width
    assert "SYNTHETIC DATA" in stdout and "Mediation via perceived_threat" in stdout
    assert sorted(p.name for p in out.iterdir()) == [
        "coefficients.csv", "fit_line.csv", "mediation.csv", "merged.csv", "scatter.svg",
        "scatter.vl.json",
    ]  # fmt: skip
    coef = pd.read_csv(out / "coefficients.csv")
    assert coef["dataset"].str.startswith("SYNTHETIC").all()
    assert "Fixed effects (country + year)" in set(coef["model"])
    assert "indirect" in set(pd.read_csv(out / "mediation.csv")["effect"])
    assert "SYNTHETIC" in (out / "scatter.svg").read_text()


def test_cli_outcomes_unknown_variable_exit_2_no_output(run_cli, tmp_path):
    out = tmp_path / "outc"
    result = run_cli(
        "analyse", "outcomes", EXAMPLE, "--demo", "--outcome", "happiness", "--out", out
    )
    assert result.exit_code == 2
    assert result.stderr.startswith("Error: unknown variable(s) happiness; available: policy,")
    assert not out.exists()


def test_cli_outcomes_needs_scores(run_cli, tmp_path):
    result = run_cli("analyse", "outcomes", EXAMPLE, "--outcome", "y", "--out", tmp_path / "o")
    assert result.exit_code == 2
    assert "give --scores DIR_OR_FILE" in result.stderr
