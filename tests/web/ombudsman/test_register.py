"""The register: imports (all or nothing, idempotent), roles and boundaries, access log."""

from __future__ import annotations

import io

import pandas as pd
import pytest

from migdex.web.ombudsman.models import AccessLog, Agency, AuditEvent, Ban
from migdex.web.ombudsman.services.imports import BanImportError, import_bans, load_mapping

from .conftest import url

pytestmark = pytest.mark.django_db

MAPPING = """
columns: {record_id: "Номер", surname: "Фамилия", given_name: "Имя", birth_date: "Дата рождения",
          document_number: "Паспорт", decision_reference: "Решение", start_date: "Начало",
          length_years: "Срок, лет", status: "Статус"}
defaults: {legal_basis: "114-FZ Art. 27", appeal_body: "court"}
status_values: {"действует": active, "отменён": lifted}
"""


def _frame(rows):
    cols = [
        "Номер",
        "Фамилия",
        "Имя",
        "Дата рождения",
        "Паспорт",
        "Решение",
        "Начало",
        "Срок, лет",
        "Статус",
    ]
    return pd.DataFrame(rows, columns=cols, dtype=str)


GOOD = [
    ["1", "Тожиев", "Фарход", "03.05.1990", "AA1234567", "R-1", "01.03.2024", "5", "действует"],
    ["2", "Каримова", "Дилноза", "20.01.1985", "", "R-2", "2023-09-10", "3", "отменён"],
]


def test_import_is_idempotent_and_updates():
    agency = Agency.objects.create(code="TEST", name="Test agency")
    mapping = load_mapping(MAPPING)
    first = import_bans(agency, _frame(GOOD), mapping, source="t.csv")
    again = import_bans(agency, _frame(GOOD), mapping, source="t.csv")
    changed = [row[:] for row in GOOD]
    changed[0][7] = "7"
    third = import_bans(agency, _frame(changed), mapping, source="t.csv")
    assert (first.created, again.created, again.unchanged, third.updated) == (2, 0, 2, 1)
    assert Ban.objects.filter(agency=agency).count() == 2
    assert Ban.objects.get(agency=agency, record_id="1").length_years == 7
    assert Ban.objects.get(agency=agency, record_id="2").status == "lifted"
    assert AuditEvent.objects.filter(action="import").count() == 3


def test_import_is_all_or_nothing_and_names_every_problem():
    agency = Agency.objects.create(code="TEST", name="Test agency")
    bad = [*GOOD, ["3", "", "X", "31.02.1990", "", "R-3", "никогда", "", "действует"], GOOD[0]]
    with pytest.raises(BanImportError) as caught:
        import_bans(agency, _frame(bad), load_mapping(MAPPING), source="bad.csv")
    text = "\n".join(caught.value.report.problems)
    assert "bad.csv row 4: Фамилия is empty" in text
    assert "row 4: Дата рождения = '31.02.1990' is not a valid birth date" in text
    assert "row 4: Начало = 'никогда' is not a valid start date" in text
    assert "row 5: record_id '1' already used on row 2" in text
    assert Ban.objects.filter(agency=agency).count() == 0


def test_import_view_rejects_bad_file_and_accepts_good(personas):
    csv = _frame(GOOD).to_csv(index=False).encode()
    mvd = Agency.objects.get(code="MVD")
    bad = personas["officer_a"].post(
        url("import"),
        {
            "agency": mvd.pk,
            "file": io.BytesIO(b"x,y\n1,2\n"),
            "mapping": io.BytesIO(MAPPING.encode()),
        },
    )
    assert bad.status_code == 400 and "nothing was imported" in bad.content.decode()
    upload = io.BytesIO(csv)
    upload.name = "mvd.csv"
    mapping = io.BytesIO(MAPPING.encode())
    mapping.name = "m.yaml"
    good = personas["officer_a"].post(
        url("import"), {"agency": mvd.pk, "file": upload, "mapping": mapping}
    )
    assert good.status_code == 302
    assert Ban.objects.filter(agency=mvd, record_id="2").exists()


def test_officer_cannot_import_for_another_agency(personas):
    fsb = Agency.objects.get(code="FSB")
    upload = io.BytesIO(_frame(GOOD).to_csv(index=False).encode())
    upload.name = "x.csv"
    response = personas["officer_a"].post(url("import"), {"agency": fsb.pk, "file": upload})
    assert response.status_code == 400
    assert not Ban.objects.filter(agency=fsb, record_id="1").exists()


def test_officer_sees_only_own_agency_and_gets_404_elsewhere(personas):
    mvd_ban = Ban.objects.get(agency__code="MVD", record_id="M-001")
    fsb_ban = Ban.objects.get(agency__code="FSB", record_id="F-17")
    listing = personas["officer_a"].get(url("register")).content.decode()
    assert "MVD:M-001" in listing and "FSB:F-17" not in listing
    assert personas["officer_a"].get(url("ban", mvd_ban.pk)).status_code == 200
    assert personas["officer_a"].get(url("ban", fsb_ban.pk)).status_code == 404
    assert personas["officer_b"].get(url("ban", fsb_ban.pk)).status_code == 200
    assert personas["officer_b"].get(url("ban", mvd_ban.pk)).status_code == 404


@pytest.mark.parametrize(
    "name", ["register", "conflicts", "dashboard", "statistics", "case_new", "import"]
)
def test_boundaries_of_staff_pages(personas, name):
    expected = {
        "register": {"officer_a": 200, "staff": 200, "admin": 200, "outsider": 403},
        "import": {"officer_a": 200, "staff": 200, "admin": 200, "outsider": 403},
    }.get(name, {"officer_a": 403, "staff": 200, "admin": 200, "outsider": 403})
    for persona, status in expected.items():
        response = personas[persona].get(url(name))
        assert response.status_code == status, (persona, name)
        if status == 200:
            assert "no-store" in response["Cache-Control"]
    anonymous = personas["anonymous"].get(url(name))
    assert anonymous.status_code == 302 and "/accounts/login/" in anonymous["Location"]


def test_person_page_is_staff_only(personas):
    person = Ban.objects.get(agency__code="MVD", record_id="M-001").person
    assert personas["officer_a"].get(url("person", person.pk)).status_code == 403
    assert personas["staff"].get(url("person", person.pk)).status_code == 200


def test_every_read_of_a_record_is_logged(personas):
    ban = Ban.objects.get(agency__code="MVD", record_id="M-001")
    before = AccessLog.objects.count()
    personas["officer_a"].get(url("ban", ban.pk))
    personas["staff"].get(url("person", ban.person.pk))
    logs = list(AccessLog.objects.all()[: AccessLog.objects.count() - before])
    purposes = {(log.actor.username, log.purpose) for log in logs}
    assert ("officer_mvd", "record view") in purposes
    assert ("ombudsman_staff", "person view") in purposes
    assert all(log.ban_id for log in logs)


def test_admin_site_is_reachable_for_superuser_only(personas, django_user_model):
    django_user_model.objects.create_superuser("root", password="x-" * 8)
    assert personas["staff"].get("/admin/ombudsman/ban/").status_code == 302
