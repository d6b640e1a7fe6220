"""The CLI contracts of ``migdex index`` and ``migdex framework``: exit codes and exact messages."""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
import pytest
import yaml

from migdex.index.framework import load_framework
from migdex.index.synthetic import make_synthetic_answers

PUBLISHED = Path(__file__).resolve().parents[2] / "src/migdex/data/published_scores.csv"


@pytest.fixture(scope="module")
def answers_csv(tmp_path_factory) -> Path:
    fw = load_framework("mipex-2015-reconstructed")
    path = tmp_path_factory.mktemp("answers") / "answers.csv"
    make_synthetic_answers(fw, iso3=["RUS", "SWE", "DEU", "CHN"], years=(2014, 2019)).to_csv(
        path, index=False
    )
    return path


def test_check_on_bundled_file_flags_russia_2017_and_exits_1(run_cli):
    result = run_cli("index", "check", PUBLISHED)
    assert result.exit_code == 1
    lines = [line for line in result.stdout.splitlines() if line.startswith("published_scores.csv")]
    assert lines and all("RUS 2017" in line for line in lines)
    assert any("overall 40 but the mean of the 8 areas is 32.25" in line for line in lines)
    assert "mixes 3 series" in result.stderr


def test_check_clean_table_exits_0(run_cli, tmp_path):
    t = pd.read_csv(PUBLISHED)
    t = t[t["edition"] == "MIPEX 2015"]
    t.to_csv(tmp_path / "clean.csv", index=False)
    result = run_cli("index", "check", tmp_path / "clean.csv")
    assert result.exit_code == 0, result.stdout
    assert "No inconsistencies in 9 rows." in result.stdout


def test_check_missing_file_is_one_line_exit_2(run_cli, tmp_path):
    result = run_cli("index", "check", tmp_path / "nope.csv")
    assert result.exit_code == 2
    assert result.stderr.strip() == f"Error: {tmp_path / 'nope.csv'}: no such file"
    assert "Traceback" not in result.stderr


def test_compute_writes_the_run_directory(run_cli, answers_csv, tmp_path):
    out = tmp_path / "run"
    result = run_cli("index", "compute", answers_csv, "--out", out)
    assert result.exit_code == 0, result.stderr
    assert "SYNTHETIC DATA" in result.stdout
    assert "RECONSTRUCTION" in result.stdout
    assert sorted(p.name for p in out.iterdir()) == [
        "approaches.csv",
        "framework.yaml",
        "run.json",
        "scores.csv",
        "scores_wide.csv",
    ]
    meta = json.loads((out / "run.json").read_text())
    assert meta["synthetic"] is True and meta["missing_rule"] == "renormalise"
    wide = pd.read_csv(out / "scores_wide.csv")
    assert len(wide) == 8 and wide["dataset"].str.startswith("SYNTHETIC").all()
    replay = load_framework(out / "framework.yaml")
    assert len(replay.indicators) == 167
    # The computed table is consistent by construction.
    assert run_cli("index", "check", out, "--tolerance", "0.000001").exit_code == 0


def test_compute_bad_option_reports_row_and_leaves_nothing(run_cli, answers_csv, tmp_path):
    bad = pd.read_csv(answers_csv, dtype=str)
    bad.loc[5, "option"] = "d"
    bad.to_csv(tmp_path / "bad.csv", index=False)
    out = tmp_path / "run"
    result = run_cli("index", "compute", tmp_path / "bad.csv", "--out", out)
    assert result.exit_code == 2
    ind = bad.loc[5, "indicator"]
    assert (
        f"bad.csv row 7 (RUS 2014): indicator {ind} = 'd'; mipex-2015-reconstructed allows a, b, c"
        in result.stderr
    )
    assert not out.exists()
    assert "Traceback" not in result.stderr


def test_compute_refuse_rule_with_gaps_is_a_user_error(run_cli, answers_csv, tmp_path):
    gappy = pd.read_csv(answers_csv, dtype=str).iloc[1:]
    gappy.to_csv(tmp_path / "gappy.csv", index=False)
    result = run_cli(
        "index",
        "compute",
        tmp_path / "gappy.csv",
        "--out",
        tmp_path / "o",
        "--missing-rule",
        "refuse",
    )
    assert result.exit_code == 2
    assert "missing rule 'refuse': 1 indicator(s) missing" in result.stderr


def test_compare_tells_the_story(run_cli, answers_csv, tmp_path):
    run_cli("index", "compute", answers_csv, "--out", tmp_path / "run")
    result = run_cli("index", "compare", tmp_path / "run", "--country", "rus", "--year", "2019")
    assert result.exit_code == 0, result.stderr
    assert "Russia (RUS) 2019" in result.stdout
    assert "of 4" in result.stdout and "from the bottom" in result.stdout
    assert "Change 2014→2019" in result.stdout


def test_compare_published_needs_a_series(run_cli):
    result = run_cli("index", "compare", "--published", "--country", "RUS", "--year", "2019")
    assert result.exit_code == 2
    assert "never mix series" in result.stderr


def test_compare_published_core_ranks_russia(run_cli):
    result = run_cli(
        "index", "compare", "--published", "--series", "core", "--country", "RUS", "--year", "2019"
    )
    assert result.exit_code == 0, result.stderr
    assert "Rank: 26th of 27 (2nd from the bottom)" in result.stdout


def test_classify_shows_the_rule(run_cli, answers_csv, tmp_path):
    run_cli("index", "compute", answers_csv, "--out", tmp_path / "run")
    result = run_cli("index", "classify", tmp_path / "run")
    assert result.exit_code == 0
    assert "≥ 50" in result.stdout or "< 50" in result.stdout


@pytest.mark.parametrize("fmt", ["csv", "xlsx", "dta", "sav", "datapackage"])
def test_export_every_format(run_cli, answers_csv, tmp_path, fmt):
    run_cli("index", "compute", answers_csv, "--out", tmp_path / "run")
    target = tmp_path / f"scores.{fmt}"
    result = run_cli(
        "index", "export", tmp_path / "run", "--format", fmt, "--out", target, "--wide"
    )
    assert result.exit_code == 0, result.stderr
    assert target.exists()
    assert "SYNTHETIC DATA" in result.stdout


def test_published_prints_sources(run_cli):
    result = run_cli("index", "published", "--series", "core54")
    assert result.exit_code == 0
    assert "seed slides" in result.stdout


def test_framework_validate_names_file_and_path(run_cli, tmp_path):
    raw = yaml.safe_load(
        (
            Path(__file__).resolve().parents[2]
            / "src/migdex/index/frameworks/mipex-2015-reconstructed.yaml"
        ).read_text()
    )
    raw["areas"][0]["dimensions"][0]["indicators"][0]["options"][0]["value"] = 150
    del raw["areas"][1]["title"]["ru"]
    path = tmp_path / "broken.yaml"
    path.write_text(yaml.safe_dump(raw, allow_unicode=True))
    result = run_cli("framework", "validate", path)
    assert result.exit_code == 2
    assert (
        f"{path}: areas[0 'labour_market'].dimensions[0 'access'].indicators[0 '1']"
        ".options[0 'a'].value: Input should be less than or equal to 100"
    ) in result.stderr.replace("\n", "")


def test_framework_validate_semantic_problems_all_listed(run_cli, tmp_path):
    raw = yaml.safe_load(
        (
            Path(__file__).resolve().parents[2]
            / "src/migdex/index/frameworks/mipex-2015-reconstructed.yaml"
        ).read_text()
    )
    del raw["areas"][1]["title"]["ru"]
    raw["approach_dimensions"][0]["members"].append("nowhere")
    path = tmp_path / "broken.yaml"
    path.write_text(yaml.safe_dump(raw, allow_unicode=True))
    result = run_cli("framework", "validate", path)
    assert result.exit_code == 2
    err = result.stderr
    assert "2 problem(s)" in err
    assert "areas[1 'family_reunion'].title: missing text for language(s) ru" in err
    assert "unknown area or area.dimension 'nowhere'" in err


def test_framework_show_prints_tree_and_reconstruction_notice(run_cli):
    result = run_cli("framework", "show", "mipex-2020-core-reconstructed", "--lang", "ru")
    assert result.exit_code == 0
    assert "РЕКОНСТРУКЦИЯ" in result.stdout
    assert "labour_market" in result.stdout


def test_unknown_framework_lists_bundled(run_cli):
    result = run_cli("framework", "show", "mipex-1999")
    assert result.exit_code == 2
    assert (
        "mipex-1999: no such framework file or bundled name (bundled: destination-attractiveness, "
        "mipex-2015-reconstructed, mipex-2020-core-reconstructed)" in result.stderr
    )


def test_usage_error_exits_2(run_cli):
    assert run_cli("index", "compute").exit_code == 2


GOLDEN = Path(__file__).parent / "golden"


def test_compare_output_matches_golden_file(run_cli):
    """The published 2015-edition story of Russia, as the CLI prints it (update deliberately)."""
    result = run_cli(
        "index",
        "compare",
        "--published",
        "--series",
        "full",
        "--country",
        "RUS",
        "--year",
        "2014",
        "--groups",
        "ALL",
    )
    assert result.exit_code == 0, result.stderr
    expected = (GOLDEN / "compare_published_full_rus_2014.txt").read_text(encoding="utf-8")
    assert result.stdout == expected
