"""End-to-end linkage on synthetic registers with known truth (DuckDB)."""

from __future__ import annotations

import pandas as pd
import pytest

from migdex.linkage import (
    REGISTER_COLUMNS,
    BackendUnavailableError,
    LinkageSettings,
    LinkageSettingsError,
    link_records,
)


def _pairwise(predicted: pd.Series, truth: pd.Series) -> tuple[float, float]:
    def pairs(sizes: pd.Series) -> int:
        return int((sizes * (sizes - 1) // 2).sum())

    cells = pd.DataFrame({"p": predicted.to_numpy(), "t": truth.to_numpy()}).value_counts()
    together = pairs(cells)
    return together / max(pairs(predicted.value_counts()), 1), together / pairs(
        truth.value_counts()
    )


@pytest.fixture(scope="module")
def linked(register_with_truth):
    return link_records(register_with_truth[list(REGISTER_COLUMNS)], source="register_500.csv")


def test_stored_parameters_link_a_small_register_with_high_precision(linked, register_with_truth):
    precision, recall = _pairwise(linked.records["person_id"], register_with_truth["true_person"])
    assert precision >= 0.98
    assert recall >= 0.9


def test_training_by_em_on_the_register_itself(register_with_truth):
    settings = LinkageSettings.load().replace(min_records_to_train=0, u_max_pairs=1e5)
    clusters = link_records(register_with_truth[list(REGISTER_COLUMNS)], settings)
    precision, recall = _pairwise(clusters.records["person_id"], register_with_truth["true_person"])
    assert precision >= 0.98
    assert recall >= 0.8
    levels = clusters.model["comparisons"][3]["comparison_levels"]
    assert all("m_probability" in level for level in levels if not level.get("is_null_level"))


def test_one_row_per_record_in_input_order(linked, register_with_truth):
    records = linked.records
    assert list(records.columns[:4]) == ["record_id", "person_id", "match_probability", "review"]
    assert records["record_id"].tolist() == register_with_truth["record_id"].tolist()


def test_person_id_is_the_smallest_record_id_of_the_cluster(linked):
    records = linked.records
    smallest = records.groupby("person_id")["record_id"].transform("min")
    assert (records["person_id"] == "P-" + smallest).all()


def test_review_band_points_to_another_person(linked):
    records = linked.records.set_index("record_id")
    flagged = records[records["review"] == 1]
    for record_id, row in flagged.iterrows():
        assert records.loc[row["review_with"], "person_id"] != row["person_id"], record_id


def test_every_link_is_explained(linked):
    links = linked.links
    assert set(links["decision"]) <= {"match", "review", "same person"}
    assert (links.loc[links["decision"] == "match", "match_probability"] >= 0.99).all()
    weights = [c for c in links.columns if c.endswith("_weight") and c != "match_weight"]
    assert len(weights) == 6
    assert links["surname"].notna().all()


def _person(record_id, surname, given, patronymic, birth_date, document=None, agency="MVD"):
    return {"record_id": record_id, "agency": agency, "surname": surname, "given_name": given,
            "patronymic": patronymic, "birth_date": birth_date, "citizenship": "UZB",
            "document_number": document}  # fmt: skip


def test_relatives_and_namesakes_are_not_merged():
    register = pd.DataFrame([
        _person("a1", "Тожиев", "Фарход", "Рахимович", "03.05.1990", "AA1234567"),
        _person("a2", "TOZHIEV", "FARKHOD", "RAKHIMOVICH", "1990-05-03", "AA1234567", "FMS"),
        _person("a3", "Tojiev", "Farxod", "Rahim oʻgʻli", "03/05/1990", None, "UZ_CONSULATE"),
        # his twin brother: same surname, patronymic and birth date
        _person("b1", "Тожиев", "Жасур", "Рахимович", "03.05.1990", "AA7654321"),
        # a namesake: every name the same, another birth date
        _person("c1", "Тожиев", "Фарход", "Рахимович", "17.11.1981", "AB1112223"),
        # his sister
        _person("d1", "Тожиева", "Дилноза", "Рахимовна", "22.01.1993"),
    ])  # fmt: skip
    people = link_records(register).records.set_index("record_id")["person_id"]
    assert people["a1"] == people["a2"] == people["a3"]
    assert len({people["a1"], people["b1"], people["c1"], people["d1"]}) == 4


def test_input_order_changes_nothing(register_with_truth, linked):
    shuffled = register_with_truth[list(REGISTER_COLUMNS)].sample(frac=1.0, random_state=5)
    again = link_records(shuffled).records.set_index("record_id")["person_id"]
    first = linked.records.set_index("record_id")["person_id"]
    pd.testing.assert_series_equal(again.sort_index(), first.sort_index())


def test_settings_problems_are_listed(tmp_path):
    path = tmp_path / "bad.yaml"
    path.write_text("version: 9\nthresholds: {match_probability: 0.5, review_probability: 0.9}\n")
    with pytest.raises(LinkageSettingsError) as caught:
        LinkageSettings.load(path)
    message = str(caught.value)
    assert message.startswith(f"{path}: version must be one of (1,), got 9")
    assert "review_probability must not exceed match_probability" in message
    assert "comparisons must be a non-empty list" in message


def test_resolved_settings_round_trip():
    settings = LinkageSettings.load()
    assert LinkageSettings.from_dict(settings.to_dict()) == settings


def test_unknown_backend_is_refused(register_with_truth):
    with pytest.raises(BackendUnavailableError, match="unknown backend 'oracle'"):
        link_records(register_with_truth[list(REGISTER_COLUMNS)], backend="oracle")
