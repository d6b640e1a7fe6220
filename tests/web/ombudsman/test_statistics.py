"""Yearly statistics: figures, CSV/XLSX export, chart."""

from __future__ import annotations

import io

import openpyxl
import pandas as pd
import pytest
from django.utils import timezone

from migdex.web.ombudsman.services import cases

from .conftest import url

pytestmark = pytest.mark.django_db


def _cases():
    for kind, outcome in [
        ("access", "granted"),
        ("access", "rejected"),
        ("correction", "partly"),
        ("appeal", "granted"),
        ("complaint", ""),
    ]:
        case = cases.open_case(
            kind=kind, applicant_name="x", description="d", country_of_origin="UZB"
        )
        if outcome:
            cases.close(case, outcome, "R1", actor=None)


def test_statistics_page_and_exports(register, personas):
    _cases()
    year = timezone.now().year
    page = personas["staff"].get(url("statistics") + f"?year={year}").content.decode()
    assert "access requests granted" in page and 'data-chart-spec="spec-cases-by-stage"' in page
    csv = personas["staff"].get(url("statistics_export", "csv") + f"?year={year}")
    table = pd.read_csv(io.StringIO(csv.content.decode()))
    headline = table[table["table"] == "headline"].set_index("category")["value"].astype(int)
    assert headline["access requests"] == 2 and headline["access requests granted"] == 1
    assert headline["correction or erasure requests that succeeded"] == 1
    assert headline["appeals the applicant won"] == 1 and headline["complaints"] == 1
    xlsx = personas["staff"].get(url("statistics_export", "xlsx") + f"?year={year}")
    book = openpyxl.load_workbook(io.BytesIO(xlsx.content))
    assert "headline" in book.sheetnames and "complaints_by_country_of_origin" in book.sheetnames
    assert personas["officer_a"].get(url("statistics_export", "csv")).status_code == 403
