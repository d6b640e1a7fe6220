"""The ``migdex link`` contract: columns, one row per record, exit codes, messages.

A failed run leaves no output file.
"""

from __future__ import annotations

import pandas as pd
import yaml

from migdex.io import read_table
from migdex.linkage import REGISTER_COLUMNS

from .conftest import REGISTER_CSV


def _write(tmp_path, rows, name="bans.csv"):
    path = tmp_path / name
    pd.DataFrame(rows).to_csv(path, index=False)
    return path


def test_link_writes_one_row_per_record(run_cli, tmp_path):
    out = tmp_path / "clusters.csv"
    links = tmp_path / "links.csv"
    result = run_cli("link", REGISTER_CSV, "--out", out, "--explain", links)
    assert result.exit_code == 0, result.stderr
    clusters = read_table(out)
    register = read_table(REGISTER_CSV)
    assert list(clusters.columns) == [
        "record_id", "person_id", "match_probability", "review", "review_with",
    ]  # fmt: skip
    assert clusters["record_id"].tolist() == register["record_id"].tolist()
    assert clusters["person_id"].notna().all()
    assert f"Records                         │ {len(register)}" in result.stdout
    assert "Records to review" in result.stdout
    explained = read_table(links)
    assert {"record_id_l", "record_id_r", "decision", "surname", "surname_weight"} <= set(explained)
    saved = yaml.safe_load((tmp_path / "clusters.csv.settings.yaml").read_text())
    assert saved["name"] == "linkage-v1" and saved["thresholds"]["match_probability"] == 0.99
    assert (tmp_path / "clusters.csv.model.json").exists()


def test_missing_column_exits_2_and_writes_nothing(run_cli, tmp_path):
    path = _write(tmp_path, [{"record_id": "a", "surname": "Tojiev"}])
    out = tmp_path / "clusters.csv"
    result = run_cli("link", path, "--out", out)
    assert result.exit_code == 2
    assert result.stderr.strip() == (
        "Error: bans.csv: missing column(s) agency, given_name, patronymic, birth_date, "
        "citizenship, document_number; the register needs " + ",".join(REGISTER_COLUMNS)
    )
    assert list(tmp_path.iterdir()) == [path]


def test_bad_date_names_row_and_column(run_cli, tmp_path):
    rows = [dict.fromkeys(REGISTER_COLUMNS, "") | {"record_id": r, "birth_date": d}
            for r, d in [("a", "1990-05-03"), ("b", "1990-13-01")]]  # fmt: skip
    path = _write(tmp_path, rows)
    result = run_cli("link", path, "--out", tmp_path / "clusters.csv")
    assert result.exit_code == 2
    assert result.stderr.strip() == (
        "Error: bans.csv row 3 (record_id b): birth_date = '1990-13-01' is not a date; "
        "write YYYY-MM-DD or DD.MM.YYYY"
    )
    assert not (tmp_path / "clusters.csv").exists()


def test_missing_file_exits_2(run_cli, tmp_path):
    result = run_cli("link", tmp_path / "nope.csv", "--out", tmp_path / "c.csv")
    assert result.exit_code == 2
    assert result.stderr.strip() == f"Error: {tmp_path / 'nope.csv'}: no such file"


def test_unknown_backend_is_a_usage_error(run_cli, tmp_path):
    result = run_cli("link", REGISTER_CSV, "--out", tmp_path / "c.csv", "--backend", "oracle")
    assert result.exit_code == 2
    assert "use one of duckdb, spark" in result.stderr
    assert not (tmp_path / "c.csv").exists()


def test_bad_settings_file_exits_2(run_cli, tmp_path):
    settings = tmp_path / "s.yaml"
    settings.write_text("version: 1\n")
    result = run_cli("link", REGISTER_CSV, "--out", tmp_path / "c.csv", "--settings", settings)
    assert result.exit_code == 2
    assert result.stderr.startswith(f"Error: {settings}: thresholds.match_probability is required")


def test_link_help_is_listed(run_cli):
    result = run_cli("--help")
    assert "link" in result.stdout
    assert run_cli("link", "--help").exit_code == 0
