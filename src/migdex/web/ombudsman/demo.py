"""A SYNTHETIC demo register: nine invented agency lists, a few people under several spellings.

Every name, number and decision here is invented. Loading is idempotent.
"""

from __future__ import annotations

import os
import secrets

import pandas as pd
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from migdex.web.ombudsman.models import ROLES, Agency, StaffProfile
from migdex.web.ombudsman.services.imports import import_bans, load_mapping
from migdex.web.ombudsman.services.linking import relink

AGENCIES = [
    ("MVD", "Ministry of Internal Affairs (synthetic)", "МВД (синтетический)"),
    ("FSB", "Federal Security Service (synthetic)", "ФСБ (синтетический)"),
    ("FSIN", "Federal Penitentiary Service (synthetic)", "ФСИН (синтетический)"),
    ("FSSP", "Federal Bailiffs Service (synthetic)", "ФССП (синтетический)"),
    ("RPN", "Consumer Health Watchdog (synthetic)", "Роспотребнадзор (синтетический)"),
    ("RFM", "Financial Monitoring Service (synthetic)", "Росфинмониторинг (синтетический)"),
    ("MINJUST", "Ministry of Justice (synthetic)", "Минюст (синтетический)"),
    ("MID", "Ministry of Foreign Affairs (synthetic)", "МИД (синтетический)"),
    ("FMBA", "Federal Medical-Biological Agency (synthetic)", "ФМБА (синтетический)"),
]
BASIS = "Federal Law 114-FZ, Art. 27 (synthetic example)"
_COMMON = {
    "legal_basis": BASIS,
    "appeal_body": "District court at the agency's seat (synthetic)",
    "appeal_deadline_days": 90,
    "appeal_form": "written complaint, by post or electronically",
}
# agency, record, surname, given, birth, document, start, end, years, status, reason, restricted, email  # noqa: E501
ROWS = [
    (
        "MVD",
        "M-001",
        "Тожиев",
        "Фарход",
        "1990-05-03",
        "AA1234567",
        "2024-03-01",
        "",
        5,
        "active",
        "administrative offence: overstay (KoAP 18.8)",
        0,
        "farkhod@example.org",
    ),
    (
        "FSB",
        "F-17",
        "TOJIEV",
        "FARXOD",
        "03.05.1990",
        "AA 1234567",
        "2024-02-15",
        "2027-02-15",
        "",
        "active",
        "",
        1,
        "",
    ),
    (
        "FSSP",
        "S-9",
        "Tadjiyev",
        "Farhod",
        "1990-05-03",
        "AA1234567",
        "2023-06-01",
        "2026-06-01",
        "",
        "lifted",
        "unpaid fine (paid since)",
        0,
        "",
    ),
    (
        "MVD",
        "M-002",
        "Каримова",
        "Дилноза",
        "1985-01-20",
        "FA7654321",
        "2023-09-10",
        "",
        3,
        "active",
        "two administrative offences within three years",
        0,
        "dilnoza@example.org",
    ),
    (
        "RPN",
        "R-5",
        "KARIMOVA",
        "DILNOZA",
        "20.01.1985",
        "FA7654321",
        "2023-10-01",
        "2028-10-01",
        "",
        "active",
        "",
        1,
        "",
    ),
    (
        "MINJUST",
        "J-3",
        "Юлдашев",
        "Жасур",
        "1992-11-11",
        "AB5555555",
        "2019-01-01",
        "2024-01-01",
        "",
        "active",
        "undesirability decision",
        0,
        "jasur@example.org",
    ),
    (
        "FSIN",
        "P-44",
        "IULDASHEV",
        "ZHASUR",
        "1992-11-11",
        "AB5555555",
        "2019-01-01",
        "2024-01-01",
        "",
        "active",
        "criminal conviction served",
        0,
        "",
    ),
    (
        "MVD",
        "M-003",
        "Назаров",
        "Рахим",
        "1988-02-02",
        "400123456",
        "2025-01-10",
        "",
        10,
        "active",
        "repeated overstay",
        0,
        "rahim@example.org",
    ),
    (
        "RFM",
        "F-8",
        "Bakyt",
        "Asan uulu",
        "1995-07-07",
        "ID1112223",
        "2024-05-05",
        "2029-05-05",
        "",
        "active",
        "",
        1,
        "bakyt@example.org",
    ),
    (
        "MID",
        "D-2",
        "Ахмедов",
        "Шерзод",
        "1991-03-03",
        "AC1111111",
        "2022-04-04",
        "2027-04-04",
        "",
        "active",
        "visa regime violation",
        0,
        "",
    ),
    (
        "FMBA",
        "B-1",
        "AKHMEDOV",
        "SHERZOD",
        "1991-03-03",
        "AC2222222",
        "2021-04-04",
        "2026-04-04",
        "",
        "active",
        "health grounds",
        0,
        "",
    ),
]
COLUMNS = [
    "agency",
    "record_id",
    "surname",
    "given_name",
    "birth_date",
    "document_number",
    "start_date",
    "end_date",
    "length_years",
    "status",
    "reason_text",
    "reason_restricted",
    "contact_email",
]
DEMO_USERS = [
    ("ombudsman_admin", "administrator", None),
    ("ombudsman_staff", "ombudsman_staff", None),
    ("officer_mvd", "agency_officer", "MVD"),
    ("officer_fsb", "agency_officer", "FSB"),
]


def demo_frame() -> pd.DataFrame:
    """The synthetic register as one table (one row per agency record)."""
    frame = pd.DataFrame(ROWS, columns=COLUMNS).astype(str)
    frame["decision_reference"] = frame["agency"] + "/" + frame["record_id"] + "/SYN"
    frame["reason_code"] = frame["reason_text"].map(lambda t: "C" + str(len(t) % 7) if t else "")
    return frame


def load_agencies() -> dict[str, Agency]:
    agencies = {}
    for code, name, name_ru in AGENCIES:
        agencies[code], _ = Agency.objects.update_or_create(
            code=code,
            defaults={
                "name": name,
                "name_ru": name_ru,
                "is_synthetic": True,
                "contact": f"{code.lower()}@example.org (synthetic)",
                "column_mapping": {"defaults": _COMMON},
            },
        )
    return agencies


def load_register(*, link: bool = True) -> list[str]:
    """Import every synthetic list through the normal import path, then re-link."""
    agencies = load_agencies()
    frame = demo_frame()
    summaries = []
    for code, rows in frame.groupby("agency"):
        agency = agencies[code]
        report = import_bans(
            agency,
            rows.drop(columns="agency"),
            load_mapping(agency.column_mapping),
            source=f"synthetic-{code}.csv",
        )
        summaries.append(report.summary)
    if link:
        relink()
    return summaries


def load_users(password: str | None = None) -> list[tuple[str, str]]:
    """Groups and demo users; new users get ``MIGDEX_DEMO_PASSWORD`` or a random password.

    Returns ``(username, password)`` for users created now (print once; never stored).
    """
    groups = {name: Group.objects.get_or_create(name=name)[0] for name in ROLES}
    created = []
    user_model = get_user_model()
    for username, role, agency in DEMO_USERS:
        user, is_new = user_model.objects.get_or_create(username=username)
        if is_new:
            secret = password or os.environ.get("MIGDEX_DEMO_PASSWORD") or secrets.token_urlsafe(12)
            user.set_password(secret)
            user.save()
            created.append((username, secret))
        user.groups.add(groups[role])
        if agency:
            StaffProfile.objects.update_or_create(
                user=user, defaults={"agency": Agency.objects.get(code=agency)}
            )
    return created
