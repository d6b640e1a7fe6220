"""Register validation and feature engineering."""

from __future__ import annotations

import pandas as pd
import pytest

from migdex.errors import InputError, MissingColumnError
from migdex.linkage import REGISTER_COLUMNS, RegisterError, validate_register
from migdex.linkage.features import build_features


def _register(*rows: dict[str, str | None]) -> pd.DataFrame:
    return pd.DataFrame([{c: None for c in REGISTER_COLUMNS} | row for row in rows])


def test_missing_columns_are_named():
    with pytest.raises(
        MissingColumnError, match=r"bans.csv: missing column\(s\) agency, birth_date;"
    ):
        validate_register(
            pd.DataFrame(
                columns=[c for c in REGISTER_COLUMNS if c not in ("birth_date", "agency")]
            ),
            source="bans.csv",
        )


def test_every_bad_row_is_listed_with_row_and_column():
    register = _register(
        {"record_id": "a", "birth_date": "1990-05-03"},
        {"record_id": "b", "birth_date": "31.02.1990"},
        {"record_id": "a", "birth_date": "03/05/1990"},
        {"record_id": None},
    )
    with pytest.raises(RegisterError) as caught:
        validate_register(register, source="bans.csv")
    assert isinstance(caught.value, InputError | ValueError)
    assert str(caught.value).splitlines() == [
        "bans.csv row 3 (record_id b): birth_date = '31.02.1990' is not a date; "
        "write YYYY-MM-DD or DD.MM.YYYY",
        "bans.csv row 4 (record_id a): record_id already used on row 2",
        "bans.csv row 5: record_id is empty; every record needs one",
    ]


def test_features_from_any_script_and_mrz():
    register = _register(
        {"record_id": "1", "surname": "Тожиев", "given_name": "Фарход", "birth_date": "03.05.1990"},
        {"record_id": "2", "surname": "TOJIEV<<FARKHOD<<<<", "birth_date": "19900503"},
        {
            "record_id": "3",
            "surname": "Farhod",
            "given_name": "Tadjiyev",
            "birth_date": "1990-05-03",
        },
    )
    features = build_features(register)
    assert features["name_skel"].nunique() == 1  # swapped order keeps the joined key
    assert set(features["birth_date"]) == {"1990-05-03"}
    assert features.loc[1, "given_name_skel"] == "FRHD"
    assert features["unique_id"].tolist() == ["1", "2", "3"]


def test_missing_values_stay_missing():
    features = build_features(_register({"record_id": "1"}))
    row = features.iloc[0]
    assert row["surname_variants"] is None and row["surname_skel"] is None
    assert row["name_skel"] is None and row["birth_date"] is None


def test_features_do_not_mutate_the_register():
    register = _register({"record_id": "1", "surname": "A<<B"})
    before = register.copy()
    build_features(register)
    pd.testing.assert_frame_equal(register, before)
