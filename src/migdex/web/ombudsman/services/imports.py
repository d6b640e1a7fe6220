"""Import one agency's ban list (CSV or XLSX) through a column mapping: all or nothing.

A mapping (YAML, or the agency's stored ``column_mapping``) names, for each
register field, the column of the agency's file that holds it, plus constant
``defaults`` and a ``status_values`` table::

    columns: {record_id: "Номер", surname: "Фамилия", start_date: "Дата решения", ...}
    defaults: {legal_basis: "Federal Law 114-FZ Art. 27(1)", appeal_deadline_days: 90}
    status_values: {"действует": active, "отменён": lifted}

Every row is checked before anything is written; one bad row rejects the file
and the report names every problem. Re-importing updates records by
``record_id``, never duplicating them.
"""

from __future__ import annotations

import datetime as dt
import io
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pandas as pd
import yaml
from django.db import transaction

from migdex.errors import InputError
from migdex.web.ombudsman.models import Agency, Ban
from migdex.web.ombudsman.services.audit import record_event

TEXT_FIELDS = (
    "record_id",
    "decision_reference",
    "legal_basis",
    "reason_code",
    "reason_text",
    "length_rule",
    "appeal_body",
    "appeal_form",
    "surname",
    "given_name",
    "patronymic",
    "citizenship",
    "document_number",
    "contact_email",
    "contact_phone",
)
DATE_FIELDS = ("start_date", "end_date", "birth_date")
INT_FIELDS = ("length_years", "appeal_deadline_days")
BOOL_FIELDS = ("reason_restricted", "appeal_from_abroad")
FIELDS = (*TEXT_FIELDS, *DATE_FIELDS, *INT_FIELDS, *BOOL_FIELDS, "status")
REQUIRED = ("record_id", "decision_reference", "legal_basis", "start_date", "surname")
_TRUE = {"1", "true", "yes", "y", "да", "ha", "ҳа", "ооба"}
_FALSE = {"0", "false", "no", "n", "нет", "", "yo'q"}
MAX_LISTED = 20


class MappingError(InputError):
    """A column mapping is malformed: the message says which key and how to fix it."""


class BanImportError(InputError):
    """A ban list was rejected; ``report`` lists every problem (nothing was written)."""

    def __init__(self, report: ImportReport):
        super().__init__("\n".join(report.problems))
        self.report = report


@dataclass
class ImportReport:
    """What an import did (or, with ``problems``, why it did nothing)."""

    agency: str
    source: str
    rows: int = 0
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    not_in_file: int = 0
    problems: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems

    @property
    def summary(self) -> str:
        if self.problems:
            return f"{self.source}: rejected, {len(self.problems)} problem(s); nothing was imported"
        return (
            f"{self.source} → {self.agency}: {self.rows} rows, {self.created} new, "
            f"{self.updated} updated, {self.unchanged} unchanged; "
            f"{self.not_in_file} earlier record(s) not in this file (kept)"
        )


def load_mapping(source: str | Path | dict | None) -> dict[str, Any]:
    """A validated mapping from a YAML file, YAML text or a dict (None: the identity mapping)."""
    if source is None or source == {}:
        data: Any = {}
    elif isinstance(source, dict):
        data = source
    elif isinstance(source, Path) or (isinstance(source, str) and "\n" not in source):
        data = yaml.safe_load(Path(source).read_text(encoding="utf-8")) or {}
    else:
        data = yaml.safe_load(source) or {}
    if not isinstance(data, dict):
        raise MappingError("mapping: expected a YAML mapping with 'columns' and 'defaults'")
    columns = {name: name for name in FIELDS} | dict(data.get("columns") or {})
    unknown = sorted(set(columns) - set(FIELDS)) + sorted(
        set(data.get("defaults") or {}) - set(FIELDS)
    )
    if unknown:
        raise MappingError(
            f"mapping: unknown field(s) {', '.join(unknown)}; the fields are {', '.join(FIELDS)}"
        )
    status_values = {
        str(k).strip().lower(): v for k, v in (data.get("status_values") or {}).items()
    }
    bad = sorted({v for v in status_values.values() if v not in Ban.Status.values})
    if bad:
        raise MappingError(f"mapping: status_values {bad} must be one of {Ban.Status.values}")
    return {
        "columns": columns,
        "defaults": dict(data.get("defaults") or {}),
        "status_values": status_values,
    }


def read_table(content: bytes, name: str) -> pd.DataFrame:
    """The agency's file as text cells (CSV in UTF-8 with any delimiter, or XLSX)."""
    suffix = Path(name).suffix.lower()
    try:
        if suffix in (".xlsx", ".xlsm"):
            frame = pd.read_excel(io.BytesIO(content), dtype=object)
        elif suffix in (".csv", ".txt", ""):
            text = content.decode("utf-8-sig")
            frame = pd.read_csv(
                io.StringIO(text), dtype=str, sep=None, engine="python", keep_default_na=False
            )
        else:
            raise InputError(f"{name}: unsupported file type {suffix!r}; give a .csv or .xlsx file")
    except UnicodeDecodeError:
        raise InputError(f"{name}: not UTF-8 text; save the CSV as UTF-8") from None
    except (ValueError, OSError) as exc:
        raise InputError(f"{name}: cannot read the table ({exc})") from None
    return frame


def _cell(value: Any) -> Any:
    if value is None or (isinstance(value, float) and pd.isna(value)):
        return ""
    return value.strip() if isinstance(value, str) else value


def _date(value: Any) -> dt.date | None:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    text = str(value).strip()
    for pattern, order in (
        (r"^(\d{4})-(\d{1,2})-(\d{1,2})$", (1, 2, 3)),
        (r"^(\d{1,2})[./](\d{1,2})[./](\d{4})$", (3, 2, 1)),
    ):
        found = re.match(pattern, text)
        if found:
            return dt.date(*(int(found[i]) for i in order))
    raise ValueError(text)


def _convert(name: str, value: Any, mapping: dict[str, Any]) -> Any:
    if name in DATE_FIELDS:
        return _date(value) if value != "" else None
    if name in INT_FIELDS:
        return int(float(value)) if value != "" else None
    if name in BOOL_FIELDS:
        text = str(value).strip().lower()
        if text in _TRUE or value is True:
            return True
        if text in _FALSE or value is False:
            return name == "appeal_from_abroad" and text == ""
        raise ValueError(text)
    if name == "status":
        text = str(value).strip().lower() or "active"
        text = mapping["status_values"].get(text, text)
        if text not in Ban.Status.values:
            raise ValueError(text)
        return text
    return str(value)


def prepare_rows(
    frame: pd.DataFrame, mapping: dict[str, Any], *, source: str
) -> tuple[list[dict], list[str]]:
    """Map and check every row; returns the converted rows and every problem found."""
    columns, defaults = mapping["columns"], mapping["defaults"]
    needed = [f for f in REQUIRED if f not in defaults]
    missing = [f"{columns[f]!r} (for {f})" for f in needed if columns[f] not in frame.columns]
    if missing:
        return [], [
            f"{source}: missing column(s) {', '.join(missing)}; found {', '.join(map(str, frame.columns))}"  # noqa: E501
        ]
    rows, problems, seen = [], [], {}
    for number, raw in enumerate(frame.to_dict("records"), start=2):
        row, where = {}, f"{source} row {number}"
        for name in FIELDS:
            value = _cell(raw.get(columns[name], "")) if columns[name] in frame.columns else ""
            if value == "" and name in defaults:
                value = defaults[name]
            try:
                row[name] = _convert(name, value, mapping)
            except (ValueError, TypeError):
                problems.append(
                    f"{where}: {columns[name]} = {value!r} is not a valid {name.replace('_', ' ')}"
                )
        for name in REQUIRED:
            if row.get(name) in ("", None):
                problems.append(
                    f"{where}: {columns[name]} is empty; every record needs a {name.replace('_', ' ')}"  # noqa: E501
                )
        if row.get("end_date") is None and row.get("length_years") is None:
            problems.append(
                f"{where}: give an end date ({columns['end_date']}) or a length in years ({columns['length_years']})"  # noqa: E501
            )
        key = row.get("record_id")
        if key and key in seen:
            problems.append(f"{where}: record_id {key!r} already used on row {seen[key]}")
        seen.setdefault(key, number)
        rows.append(row)
    return rows, problems


def import_bans(
    agency: Agency, frame: pd.DataFrame, mapping: dict[str, Any], *, source: str, actor=None
) -> ImportReport:
    """Validate every row, then create or update the agency's records in one transaction.

    Raises :class:`BanImportError` (nothing written) when any row is bad.
    """
    report = ImportReport(agency=agency.code, source=source, rows=len(frame))
    rows, report.problems = prepare_rows(frame, mapping, source=source)
    if report.problems:
        raise BanImportError(report)
    with transaction.atomic():
        existing = {b.record_id: b for b in Ban.objects.filter(agency=agency)}
        for row in rows:
            ban = existing.get(row["record_id"])
            if ban is None:
                Ban.objects.create(agency=agency, **row)
                report.created += 1
            elif any(getattr(ban, k) != v for k, v in row.items()):
                for key, value in row.items():
                    setattr(ban, key, value)
                ban.save()
                report.updated += 1
            else:
                report.unchanged += 1
        report.not_in_file = len(set(existing) - {r["record_id"] for r in rows})
        record_event(
            actor,
            "import",
            f"agency:{agency.code}",
            reason=source,
            rows=report.rows,
            created=report.created,
            updated=report.updated,
            unchanged=report.unchanged,
        )
    return report
