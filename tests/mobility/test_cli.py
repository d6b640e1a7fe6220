"""``migdex mobility ...``: exit codes, exact messages, no partial output on failure."""

from __future__ import annotations

import json

import pandas as pd
import pytest

from migdex.mobility import read_classified

from .cases import CASES, observed

FIXTURES = __import__("pathlib").Path(__file__).parents[1] / "fixtures" / "mobility"
HEADER = "person_id,date,direction,seq\n"


def write(path, text):
    path.write_text(text, encoding="utf-8")
    return path


def classify(run_cli, crossings, out, *extra):
    return run_cli(
        "mobility", "classify", crossings, "--obs-end", "2024-12-31", "--out", out, *extra
    )


def test_classify_writes_one_row_per_crossing_and_metadata(run_cli, tmp_path):
    out = tmp_path / "out.csv"
    result = classify(
        run_cli, FIXTURES / "crossings.csv", out, "--initial-status", FIXTURES / "status.csv"
    )
    assert result.exit_code == 0, result.stderr
    assert out.read_text().splitlines()[0] == (
        "person_id,date,direction,seq,status_before,status_after,long_term"
    )
    frame = read_classified(out)
    for case in [c for c in CASES if c.obs_end == "2024-12-31" and c.name != "TC5"]:
        assert observed(frame[frame.person_id == case.name]) == case.expected
    meta = json.loads((tmp_path / "out.csv.meta.json").read_text())
    assert meta["rule"]["threshold_days"] == 365 and meta["initial_status"]["method"] == "given"
    assert "provisional share" in result.stdout and "duplicates removed" in result.stdout


def test_unknown_is_an_empty_cell_in_csv(run_cli, tmp_path):
    crossings = write(tmp_path / "c.csv", HEADER + "p,2024-09-01,arrival,1\n")
    out = tmp_path / "out.csv"
    assert classify(run_cli, crossings, out).exit_code == 0
    assert out.read_text().splitlines()[1] == "p,2024-09-01,arrival,1,,,"


def test_parquet_in_and_out(run_cli, tmp_path):
    source = tmp_path / "c.parquet"
    pd.read_csv(FIXTURES / "crossings.csv", dtype=str).to_parquet(source)
    out = tmp_path / "out.parquet"
    result = classify(run_cli, source, out, "--initial-status", FIXTURES / "status.csv")
    assert result.exit_code == 0, result.stderr
    from_csv_out = tmp_path / "out.csv"
    classify(
        run_cli,
        FIXTURES / "crossings.csv",
        from_csv_out,
        "--initial-status",
        FIXTURES / "status.csv",
    )
    pd.testing.assert_frame_equal(read_classified(out), read_classified(from_csv_out))


@pytest.mark.parametrize(
    ("body", "message"),
    [
        (
            "p,2022-01-01,arival,1\n",
            'c.csv row 1 (line 2): direction = "arival"; expected arrival or departure',
        ),
        (
            "p,2022-01-01,arrival,1\np,2022-02-30,departure,2\n",
            'c.csv row 2 (line 3): date = "2022-02-30"; expected a date before --obs-end 2024-12-31'
            " (YYYY-MM-DD)",
        ),
        ("p,2022-01-01,arrival,x\n", 'c.csv row 1 (line 2): seq = "x"; expected an integer'),
        (
            ",2022-01-01,arrival,1\n",
            'c.csv row 1 (line 2): person_id = ""; expected a non-empty person id',
        ),
        (
            "p,2025-01-01,arrival,1\n",
            'c.csv row 1 (line 2): date = "2025-01-01"; expected a date before --obs-end 2024-12-31'
            " (YYYY-MM-DD)",
        ),
    ],
)
def test_bad_values_name_row_and_column_and_leave_no_output(run_cli, tmp_path, body, message):
    out = tmp_path / "out.csv"
    result = classify(run_cli, write(tmp_path / "c.csv", HEADER + body), out)
    assert result.exit_code == 2
    assert result.stderr.strip() == f"Error: {message}"
    assert list(tmp_path.iterdir()) == [tmp_path / "c.csv"]


def test_many_bad_rows_report_the_first_few_and_the_count(run_cli, tmp_path):
    body = "".join(f"p,2022-01-{d:02d},sideways,{d}\n" for d in range(1, 21))
    result = classify(run_cli, write(tmp_path / "c.csv", HEADER + body), tmp_path / "o.csv")
    assert result.exit_code == 2
    lines = result.stderr.strip().splitlines()
    assert (
        lines[0]
        == 'Error: c.csv row 1 (line 2): direction = "sideways"; expected arrival or departure'
    )
    assert lines[-1] == "... and 15 more problem(s); 20 in all"
    assert not (tmp_path / "o.csv").exists()


def test_missing_column_is_named(run_cli, tmp_path):
    crossings = write(tmp_path / "c.csv", "person_id,date,seq\np,2022-01-01,1\n")
    result = classify(run_cli, crossings, tmp_path / "o.csv")
    assert result.exit_code == 2
    assert result.stderr.strip() == (
        "Error: c.csv: missing column(s) direction; found person_id, date, seq"
    )
    assert not (tmp_path / "o.csv").exists()


def test_bad_status_value_is_named(run_cli, tmp_path):
    status = write(tmp_path / "s.csv", "person_id,status\nTC1,yes\n")
    result = classify(
        run_cli, FIXTURES / "crossings.csv", tmp_path / "o.csv", "--initial-status", status
    )
    assert result.exit_code == 2
    assert result.stderr.strip() == (
        'Error: s.csv row 1 (line 2): status = "yes"; expected 1 (resident), 0 (not resident) '
        "or empty (unknown)"
    )


def test_reject_gap_policy_names_the_persons(run_cli, tmp_path):
    body = "p,2022-01-01,arrival,1\np,2022-03-01,arrival,2\n"
    result = classify(
        run_cli,
        write(tmp_path / "c.csv", HEADER + body),
        tmp_path / "o.csv",
        "--gap-policy",
        "reject",
    )
    assert result.exit_code == 2
    assert "1 person(s) have two crossings in the same direction in a row (e.g. p)" in (
        result.stderr
    )
    assert not (tmp_path / "o.csv").exists()


def test_bad_option_date_and_missing_file(run_cli, tmp_path):
    result = run_cli(
        "mobility",
        "classify",
        FIXTURES / "crossings.csv",
        "--obs-end",
        "2024-13-01",
        "--out",
        tmp_path / "o.csv",
    )
    assert (result.exit_code, result.stderr.strip()) == (
        2,
        'Error: --obs-end = "2024-13-01"; expected a date as YYYY-MM-DD',
    )
    missing = tmp_path / "nope.csv"
    result = classify(run_cli, missing, tmp_path / "o.csv")
    assert (result.exit_code, result.stderr.strip()) == (2, f"Error: {missing}: no such file")


def test_summarise_and_categorise_read_the_classification(run_cli, tmp_path):
    classified = tmp_path / "out.csv"
    classify(
        run_cli, FIXTURES / "crossings.csv", classified, "--initial-status", FIXTURES / "status.csv"
    )
    summary = tmp_path / "summary.csv"
    result = run_cli(
        "mobility",
        "summarise",
        classified,
        "--period",
        "year",
        "--out",
        summary,
        "--residents-on",
        "2023-06-01",
    )
    assert result.exit_code == 0, result.stderr
    table = pd.read_csv(summary)
    year_2022 = table[table.period == 2022].iloc[0]
    assert year_2022.long_term_arrivals == 2  # TC2, TC3
    assert year_2022.long_term_departures == 2  # TC6, TC7b
    assert table.loc[table.period == 2023, "long_term_arrivals"].item() == 1  # TC7b
    meta = json.loads((tmp_path / "summary.csv.meta.json").read_text())
    assert meta["classification"]["rule"]["window_days"] == 487
    persons = tmp_path / "persons.csv"
    result = run_cli(
        "mobility", "categorise", classified, "--obs-end", "2024-12-31", "--out", persons
    )
    assert result.exit_code == 0, result.stderr
    assert set(pd.read_csv(persons).category) <= {
        "long_term_migrant",
        "visitor",
        "resident",
        "short_term_mover",
        "seasonal_mover",
        "frontier_commuter",
    }


def test_summarise_counts_without_person_ids_says_so(run_cli, tmp_path):
    counts = write(tmp_path / "n.csv", "date,direction,count\n2022-01-03,arrival,10\n")
    out = tmp_path / "s.csv"
    result = run_cli("mobility", "summarise", counts, "--counts", "--out", out)
    assert result.exit_code == 0, result.stderr
    assert "person-based figures cannot be produced" in result.stdout
    assert pd.read_csv(out)["persons_arriving"].isna().all()


def test_every_command_has_help(run_cli):
    result = run_cli("mobility", "--help")
    assert result.exit_code == 0
    for command in ("classify", "summarise", "categorise", "from-stays"):
        assert command in result.stdout


def test_direction_is_read_without_regard_to_case_or_spaces(run_cli, tmp_path):
    """ "Arrival", " DEPARTURE " are arrival and departure; the output says it the same way."""
    plain = "p,2022-01-01,arrival,1\np,2023-06-01,departure,2\n"
    mixed = "p,2022-01-01,Arrival,1\np,2023-06-01, DEPARTURE ,2\n"
    a = classify(run_cli, write(tmp_path / "a.csv", HEADER + plain), tmp_path / "a.out.csv")
    b = classify(run_cli, write(tmp_path / "b.csv", HEADER + mixed), tmp_path / "b.out.csv")
    assert a.exit_code == b.exit_code == 0
    out_a = (tmp_path / "a.out.csv").read_text(encoding="utf-8")
    assert (tmp_path / "b.out.csv").read_text(encoding="utf-8") == out_a
    assert ",arrival," in out_a and ",departure," in out_a


def test_parquet_problems_name_the_row_only(run_cli, tmp_path):
    import pandas as pd

    path = tmp_path / "c.parquet"
    pd.DataFrame(
        {"person_id": ["p"], "date": ["2022-01-01"], "direction": ["in"], "seq": [1]}
    ).to_parquet(path)
    result = classify(run_cli, path, tmp_path / "o.csv")
    assert result.exit_code == 2
    assert result.stderr.strip() == (
        'Error: c.parquet row 1: direction = "in"; expected arrival or departure'
    )
