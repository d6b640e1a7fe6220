"""XLSX round trip: export with dropdowns, import applies all or nothing with a row report."""

from __future__ import annotations

import io

import pytest
from openpyxl import load_workbook

from migdex.web.survey.xlsx import COLUMNS, export_workbook, import_workbook

pytestmark = pytest.mark.django_db
OPTION = COLUMNS.index("option")


def _book(assignment):
    return load_workbook(io.BytesIO(export_workbook(assignment, "ru")))


def _bytes(wb) -> bytes:
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def _fill(wb, **by_indicator):
    ws = wb["questionnaire"]
    for row in ws.iter_rows(min_row=2):
        code = str(row[2].value)
        option = by_indicator.get(code, "b")
        row[OPTION].value = option
        row[COLUMNS.index("justification")].value = f"offline {code}"
        row[COLUMNS.index("sources")].value = "115-FZ | 13 | 2002-07-25 | https://law.example/115"
    return wb


def _snapshot(assignment):
    return list(assignment.answers.order_by("pk").values_list("option", "justification", "version"))


def test_export_has_a_dropdown_of_option_codes_per_row_in_the_users_language(assignment):
    wb = _book(assignment)
    ws = wb["questionnaire"]
    assert [c.value for c in ws[1]] == COLUMNS
    assert ws.cell(row=2, column=5).value == "Равный доступ к работе"
    formulas = {dv.formula1: str(dv.sqref) for dv in ws.data_validations.dataValidation}
    assert formulas['"a,b,c"'] and formulas['"a,b,c,na"'] == "H5"  # indicator 4 allows na


def test_round_trip_applies_every_row(people, assignment):
    result = import_workbook(
        assignment, _bytes(_fill(_book(assignment), **{"4": "na"})), people.expert_x, {"expert"}
    )
    assert result.is_applied and not result.problems and len(result.changed) == 7
    four = assignment.answers.get(indicator="4")
    assert four.option == "na" and four.justification == "offline 4" and four.version == 2
    assert four.sources == [
        {
            "law": "115-FZ",
            "article": "13",
            "date": "2002-07-25",
            "url": "https://law.example/115",
            "attachment": "",
        }
    ]
    again = import_workbook(assignment, _bytes(_book(assignment)), people.expert_x, {"expert"})
    assert again.is_applied and again.changed == []  # re-importing the export changes nothing


def _refused(assignment, people, wb):
    before = _snapshot(assignment)
    result = import_workbook(assignment, _bytes(wb), people.expert_x, {"expert"})
    assert not result.is_applied
    assert _snapshot(assignment) == before
    return result.problems


def test_wrong_option_codes_change_nothing(people, assignment):
    problems = _refused(assignment, people, _fill(_book(assignment), **{"2": "z", "3": "na"}))
    assert any(p.startswith("row 3:") and "'z'" in p for p in problems), problems
    assert any(p.startswith("row 4:") and "'na'" in p for p in problems), problems


def test_unknown_indicators_change_nothing(people, assignment):
    wb = _fill(_book(assignment))
    wb["questionnaire"].cell(row=8, column=3).value = "99"
    problems = _refused(assignment, people, wb)
    assert problems == ["row 8: indicator 99 is not in toy"]


def test_wrong_country_changes_nothing(people, assignment):
    wb = _fill(_book(assignment))
    wb["questionnaire"].cell(row=2, column=1).value = "FIN"
    problems = _refused(assignment, people, wb)
    assert problems == ["row 2: country-year FIN 2019; this questionnaire is RUS 2019"]


def test_answers_changed_online_since_the_export_are_not_overwritten(people, assignment):
    from migdex.web.survey.answering import save_answer

    wb = _fill(_book(assignment))
    a = assignment.answers.get(indicator="6")
    save_answer(
        assignment,
        "6",
        people.expert_x,
        {"expert"},
        version=a.version,
        option="c",
        value=None,
        justification="online",
        sources=[],
    )
    problems = _refused(assignment, people, wb)
    assert problems == ["row 7: indicator 6 was changed online since the export"]


def test_not_a_workbook_and_wrong_user_change_nothing(people, assignment, client_for):
    c = client_for(people.expert_x)
    bad = io.BytesIO(b"iso3,year\nRUS,2019\n")
    bad.name = "answers.xlsx"
    response = c.post(f"/en/survey/{assignment.pk}/import/", {"file": bad})
    assert response.status_code == 400 and "not an XLSX workbook" in response.content.decode()
    good = io.BytesIO(_bytes(_fill(_book(assignment))))
    good.name = "q.xlsx"
    assert (
        client_for(people.reviewer)
        .post(f"/en/survey/{assignment.pk}/import/", {"file": good})
        .status_code
        == 403
    )
    good.seek(0)
    response = c.post(f"/en/survey/{assignment.pk}/import/", {"file": good})
    assert response.status_code == 200 and 'data-import="applied"' in response.content.decode()
