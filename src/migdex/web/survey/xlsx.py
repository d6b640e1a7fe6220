"""Offline work: export a questionnaire to XLSX (option codes as dropdowns) and import it back.

An import checks every row first (country and year, indicator, option codes via
:func:`migdex.index.answers.validate_answers`, answers changed online since the
export) and applies all rows in one transaction, or none and a row-level report.
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass, field

import pandas as pd
from django.db import transaction
from django.utils.translation import gettext as _
from openpyxl import Workbook, load_workbook
from openpyxl.styles import Alignment, Font
from openpyxl.worksheet.datavalidation import DataValidation

from migdex.index.answers import AnswersError, validate_answers
from migdex.index.framework import NOT_APPLICABLE
from migdex.web.survey.answering import (
    SOURCE_FIELDS,
    answer_fields,
    clean_sources,
    ensure_editable,
    framework_of,
)
from migdex.web.survey.models import Answer, Assignment

SHEET = "questionnaire"
COLUMNS = [
    "iso3",
    "year",
    "indicator",
    "area",
    "title",
    "question",
    "options",
    "option",
    "value",
    "justification",
    "sources",
    "version",
]
WIDTHS = {"title": 30, "question": 50, "options": 40, "justification": 50, "sources": 50}


def export_workbook(assignment: Assignment, lang: str) -> bytes:
    """The assignment's questionnaire with its current answers; ``option`` has a dropdown."""
    fw = framework_of(assignment)
    answers = {a.indicator: a for a in assignment.answers.all()}
    wb = Workbook()
    ws = wb.active
    ws.title = SHEET
    ws.append(COLUMNS)
    for cell in ws[1]:
        cell.font = Font(bold=True)
    validations: dict[str, DataValidation] = {}
    option_col = COLUMNS.index("option") + 1
    for row, place in enumerate(fw.places, start=2):
        ind, a = place.indicator, answers.get(place.indicator.code)
        codes = [o.code for o in ind.options] + (
            [NOT_APPLICABLE] if ind.not_applicable_allowed else []
        )
        ws.append(
            [
                assignment.iso3,
                assignment.year,
                ind.code,
                place.area,
                fw.text(ind.title, lang),
                fw.text(ind.question, lang) if ind.question else "",
                "\n".join(f"{o.code}: {fw.text(o.label, lang)}" for o in ind.options),
                a.option if a else "",
                a.value if a and a.value is not None else None,
                a.justification if a else "",
                "\n".join(" | ".join(s.get(k, "") for k in SOURCE_FIELDS) for s in a.sources)
                if a
                else "",
                a.version if a else 0,
            ]
        )
        if codes:
            key = ",".join(codes)
            if key not in validations:
                dv = DataValidation(type="list", formula1=f'"{key}"', allow_blank=True)
                dv.error = _("Choose one of: %(codes)s") % {"codes": key}
                dv.showErrorMessage = True
                ws.add_data_validation(dv)
                validations[key] = dv
            validations[key].add(ws.cell(row=row, column=option_col))
    for i, name in enumerate(COLUMNS, start=1):
        ws.column_dimensions[ws.cell(row=1, column=i).column_letter].width = WIDTHS.get(name, 10)
        for (cell,) in ws.iter_rows(min_row=2, min_col=i, max_col=i):
            cell.alignment = Alignment(wrap_text=True, vertical="top")
    about = wb.create_sheet("about")
    about.append(["framework", fw.name])
    about.append(["framework_version", fw.spec.version])
    about.append(["iso3", assignment.iso3])
    about.append(["year", assignment.year])
    about.append(["note", _("Edit option, value, justification and sources only.")])
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


@dataclass
class ImportResult:
    """Row-level outcome: problems (nothing applied) or the rows that changed."""

    problems: list[str] = field(default_factory=list)
    changed: list[str] = field(default_factory=list)
    n_rows: int = 0
    is_applied: bool = False


def import_workbook(assignment: Assignment, data: bytes, user, roles: set[str]) -> ImportResult:
    """Check every row; apply all of them in one transaction or none."""
    ensure_editable(assignment, user, roles)
    result = ImportResult()
    rows = _read_rows(data, result)
    if result.problems:
        return result
    fw = framework_of(assignment)
    current = {a.indicator: a for a in assignment.answers.all()}
    given = []
    for n, r in rows:
        where = _("row %(n)s") % {"n": n}
        iso3, year = str(r.get("iso3") or "").strip().upper(), _int(r.get("year"))
        if (iso3, year) != (assignment.iso3, assignment.year):
            result.problems.append(
                _("%(where)s: country-year %(got)s; this questionnaire is %(want)s")
                % {
                    "where": where,
                    "got": f"{iso3 or '?'} {year or '?'}",
                    "want": f"{assignment.iso3} {assignment.year}",
                }
            )
        code = str(r.get("indicator") or "").strip()
        if code not in fw.indicators:
            result.problems.append(
                _("%(where)s: indicator %(code)s is not in %(fw)s")
                % {"where": where, "code": code or "?", "fw": fw.name}
            )
            continue
        answer = current[code]
        version = _int(r.get("version"))
        fields = _row_fields(r)
        if version != answer.version and fields != answer_fields(answer):
            result.problems.append(
                _("%(where)s: indicator %(code)s was changed online since the export")
                % {"where": where, "code": code}
            )
        if fields["option"] or fields["value"] is not None:
            given.append((n, code, fields))
    result.problems += _option_problems(assignment, fw, given)
    result.n_rows = len(rows)
    if result.problems:
        return result
    with transaction.atomic():
        for n, r in rows:
            code = str(r.get("indicator")).strip()
            fields = _row_fields(r)
            answer = Answer.objects.select_for_update().get(pk=current[code].pk)
            if fields == answer_fields(answer):
                continue
            for k, v in fields.items():
                setattr(answer, k, v)
            answer.version += 1
            answer.is_prefilled = False
            answer.updated_by = user
            answer._history_user = user
            answer.save()
            result.changed.append(_("row %(n)s: indicator %(code)s") % {"n": n, "code": code})
    result.is_applied = True
    return result


def _read_rows(data: bytes, result: ImportResult) -> list[tuple[int, dict]]:
    try:
        wb = load_workbook(io.BytesIO(data), data_only=True)
    except Exception:  # openpyxl raises many kinds of error on a bad file
        result.problems.append(_("The file is not an XLSX workbook."))
        return []
    if SHEET not in wb.sheetnames:
        result.problems.append(_("The workbook has no sheet named %(s)s.") % {"s": SHEET})
        return []
    ws = wb[SHEET]
    values = list(ws.iter_rows(values_only=True))
    header = [str(c or "").strip() for c in (values[0] if values else [])]
    missing = [c for c in ("iso3", "year", "indicator", "option", "version") if c not in header]
    if missing:
        result.problems.append(_("Missing columns: %(cols)s") % {"cols": ", ".join(missing)})
        return []
    rows = []
    for n, raw in enumerate(values[1:], start=2):
        if all(c in (None, "") for c in raw):
            continue
        rows.append((n, dict(zip(header, raw, strict=False))))
    return rows


def _row_fields(r: dict) -> dict:
    value = r.get("value")
    sources = []
    for line in str(r.get("sources") or "").splitlines():
        parts = [p.strip() for p in line.split("|")]
        sources.append(dict(zip(SOURCE_FIELDS, parts + [""] * len(SOURCE_FIELDS), strict=False)))
    return {
        "option": str(r.get("option") or "").strip(),
        "value": float(value) if isinstance(value, int | float) else None,
        "justification": str(r.get("justification") or "").strip(),
        "sources": clean_sources(sources),
    }


def _option_problems(assignment: Assignment, fw, given: list) -> list[str]:
    """Option codes and values checked by the index engine; its row numbers mapped back."""
    if not given:
        return []
    frame = pd.DataFrame(
        {
            "iso3": assignment.iso3,
            "year": assignment.year,
            "indicator": [code for _n, code, _f in given],
            "option": [f["option"] or pd.NA for _n, _c, f in given],
            "value": [f["value"] if f["value"] is not None else pd.NA for _n, _c, f in given],
        }
    )
    try:
        validate_answers(frame, fw, source="xlsx")
    except AnswersError as exc:
        sheet_rows = [n for n, _c, _f in given]
        out = []
        for line in str(exc).splitlines()[1:]:
            line = line.strip().removeprefix("xlsx ")
            m = re.match(r"row (\d+) \([^)]*\): (.*)", line)
            if m:
                line = _("row %(n)s") % {"n": sheet_rows[int(m.group(1)) - 2]} + ": " + m[2]
            out.append(line)
        return out
    return []


def _int(value) -> int | None:
    try:
        return int(float(value))
    except (TypeError, ValueError):
        return None
