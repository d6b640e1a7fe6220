"""Register frame → feature frame: variant sets, skeletons, birth-date parts, document numbers.

The register holds one row per agency record with the columns of
:data:`REGISTER_COLUMNS` in any script, empty meaning missing. Features are
computed once per distinct value, so a register of a million records with
a few hundred thousand distinct spellings is prepared in seconds per column.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable

import pandas as pd

from migdex.errors import InputError, MissingColumnError
from migdex.linkage.names import (
    PATRONYMIC_MARKERS,
    name_variants,
    normalise_latin,
    parse_mrz_name,
    patronymic_root,
    skeleton,
)
from migdex.linkage.romanise import romanise

__all__ = ["REGISTER_COLUMNS", "RegisterError", "build_features", "validate_register"]

REGISTER_COLUMNS = (
    "record_id", "agency", "surname", "given_name", "patronymic",
    "birth_date", "citizenship", "document_number",
)  # fmt: skip
NAME_COLUMNS = ("surname", "given_name", "patronymic")
_MAX_LISTED_PROBLEMS = 10


class RegisterError(InputError):
    """A ban register has a bad value: the message names every row and column at fault."""


_DATE_FORMATS = (
    (re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$"), (1, 2, 3)),
    (re.compile(r"^(\d{1,2})[./](\d{1,2})[./](\d{4})$"), (3, 2, 1)),
    (re.compile(r"^(\d{4})(\d{2})(\d{2})$"), (1, 2, 3)),
)


def parse_birth_date(text: str) -> str | None:
    """An ISO date from ``YYYY-MM-DD``, ``DD.MM.YYYY``, ``DD/MM/YYYY`` or ``YYYYMMDD``.

    Returns ``None`` when ``text`` is not a real date in one of these forms.

    Examples
    --------
    >>> parse_birth_date("03.05.1990"), parse_birth_date("1990-5-3"), parse_birth_date("31.02.1990")
    ('1990-05-03', '1990-05-03', None)
    """
    for pattern, (y, m, d) in _DATE_FORMATS:
        found = pattern.match(text.strip())
        if found:
            try:
                date = dt.date(int(found[y]), int(found[m]), int(found[d]))
            except ValueError:
                return None
            return date.isoformat()
    return None


def validate_register(register: pd.DataFrame, *, source: str = "register") -> None:
    """Raise :class:`RegisterError` naming every bad row and column; a good register passes.

    Checks that the columns of :data:`REGISTER_COLUMNS` are present, that every
    record has a unique ``record_id``, and that every birth date is a date.

    Examples
    --------
    >>> frame = pd.DataFrame({c: ["x"] for c in REGISTER_COLUMNS})
    >>> validate_register(frame, source="bans.csv")
    Traceback (most recent call last):
    ...
    migdex.linkage.features.RegisterError: bans.csv row 2 (record_id x): birth_date = 'x' is not a date; write YYYY-MM-DD or DD.MM.YYYY
    """  # noqa: E501
    missing = [c for c in REGISTER_COLUMNS if c not in register.columns]
    if missing:
        raise MissingColumnError(
            f"{source}: missing column(s) {', '.join(missing)}; "
            f"the register needs {','.join(REGISTER_COLUMNS)}"
        )
    if register.empty:
        raise RegisterError(f"{source}: no records; the register needs at least one row")
    problems = [f"{source} {problem}" for problem in _register_problems(register)]
    if problems:
        listed = problems[:_MAX_LISTED_PROBLEMS]
        more = len(problems) - len(listed)
        raise RegisterError("\n".join(listed) + (f"\n... and {more} more" if more else ""))


def _register_problems(register: pd.DataFrame) -> list[str]:
    """One line per problem, starting ``row N (record_id X):`` (the header is row 1)."""
    problems = []
    first_row: dict[str, int] = {}
    rows = zip(register["record_id"], register["birth_date"], strict=True)
    for row, (record_id, birth_date) in enumerate(rows, start=2):
        if pd.isna(record_id):
            problems.append(f"row {row}: record_id is empty; every record needs one")
            continue
        where = f"row {row} (record_id {record_id})"
        if record_id in first_row:
            problems.append(f"{where}: record_id already used on row {first_row[record_id]}")
        first_row.setdefault(record_id, row)
        if pd.notna(birth_date) and parse_birth_date(str(birth_date)) is None:
            problems.append(
                f"{where}: birth_date = {str(birth_date)!r} is not a date; "
                "write YYYY-MM-DD or DD.MM.YYYY"
            )
    return problems


def build_features(
    register: pd.DataFrame, *, progress: Callable[[str], None] | None = None
) -> pd.DataFrame:
    """One feature row per register record, keyed by ``unique_id`` (the ``record_id``).

    Name columns give ``<col>_variants`` (sorted list), ``<col>_skel`` and
    ``<col>_plain`` (one ICAO romanisation, for baselines); ``name_skel`` joins the
    surname and given-name skeletons in sorted order, so a swapped name order keeps
    its key. Dates give ``birth_date`` (ISO) and ``birth_year/month/day``.

    Examples
    --------
    >>> register = pd.DataFrame([{
    ...     "record_id": "A1", "agency": "FMS", "surname": "TOJIEV<<FARKHOD", "given_name": None,
    ...     "patronymic": "Рахимович", "birth_date": "03.05.1990", "citizenship": "Uzbekistan",
    ...     "document_number": "АА 123-4567"}])
    >>> row = build_features(register).iloc[0]
    >>> row["surname_skel"], row["given_name_skel"], row["patronymic_skel"], row["name_skel"]
    ('TJ', 'FRHD', 'RHM', 'FRHD TJ')
    >>> row["birth_date"], row["birth_year"], row["document_number"], row["citizenship"]
    ('1990-05-03', '1990', 'AA1234567', 'UZB')
    """
    report = progress or (lambda _: None)
    register = _split_mrz_names(register.astype("string").reset_index(drop=True))
    out = pd.DataFrame({"unique_id": register["record_id"].to_numpy()})
    for column in NAME_COLUMNS:
        report(f"romanising {column}")
        clean = register[column].map(_patronymic_text if column == "patronymic" else _name_text)
        out = out.assign(**_name_features(clean, column))
    skels = out[["surname_skel", "given_name_skel"]].fillna("")
    out["name_skel"] = [" ".join(sorted(p for p in pair if p)) or None for pair in skels.values]
    report("parsing dates and documents")
    out = out.assign(**_date_features(register["birth_date"]))
    out["document_number"] = _by_value(register["document_number"], normalise_document_number)
    out["citizenship"] = _by_value(register["citizenship"], normalise_citizenship)
    return out


def _by_value(column: pd.Series, func: Callable[[str], object]) -> pd.Series:
    """Apply ``func`` once per distinct non-missing value; missing stays ``None``."""
    values = column.dropna().unique()
    lookup = {value: func(value) for value in values}
    return pd.Series(
        [None if pd.isna(v) else lookup[v] for v in column], index=column.index, dtype=object
    )


def _split_mrz_names(register: pd.DataFrame) -> pd.DataFrame:
    """Move the given names out of an MRZ-style surname (``TOJIEV<<FARKHOD``)."""
    is_mrz = register["surname"].str.contains("<", regex=False, na=False)
    if not is_mrz.any():
        return register
    register = register.copy()
    parsed = register.loc[is_mrz, "surname"].map(parse_mrz_name)
    register.loc[is_mrz, "surname"] = [p[0] or pd.NA for p in parsed]
    given = register.loc[is_mrz, "given_name"]
    register.loc[is_mrz, "given_name"] = given.fillna(
        pd.Series([p[1] for p in parsed], given.index)
    )
    return register


def _name_text(value: object) -> str | None:
    """A name without the patronymic words a form may have put in the name field."""
    if pd.isna(value):
        return None
    words = [w for w in str(value).split() if normalise_latin(w) not in PATRONYMIC_MARKERS]
    return " ".join(words) or None


def _patronymic_text(value: object) -> str | None:
    return None if pd.isna(value) else (patronymic_root(str(value)) or None)


def _name_features(clean: pd.Series, column: str) -> dict[str, pd.Series]:
    def variants(name: str) -> list[str] | None:
        return sorted(name_variants(name)) or None

    return {
        f"{column}_variants": _by_value(clean, variants),
        f"{column}_skel": _by_value(clean, lambda name: skeleton(name) or None),
        f"{column}_plain": _by_value(clean, lambda name: normalise_latin(romanise(name)) or None),
    }


def _date_features(birth_date: pd.Series) -> dict[str, pd.Series]:
    iso = _by_value(birth_date, parse_birth_date)
    return {
        "birth_date": iso,
        "birth_year": iso.str[:4],
        "birth_month": iso.str[5:7],
        "birth_day": iso.str[8:10],
    }


_HOMOGLYPHS = str.maketrans("АВЕКМНОРСТУХ", "ABEKMHOPCTYX")


def normalise_document_number(number: str) -> str | None:
    """Capital letters and digits only; Cyrillic letters that look Latin become Latin.

    Examples
    --------
    >>> normalise_document_number(" аа 12-34567 "), normalise_document_number("--")
    ('AA1234567', None)
    """
    text = re.sub(r"[^0-9A-Z]", "", number.upper().translate(_HOMOGLYPHS))
    return text or None


_COUNTRIES = {
    "UZB": "UZ UZB UZBEKISTAN OZBEKISTON УЗБЕКИСТАН ЎЗБЕКИСТОН",
    "TJK": "TJ TJK TAJIKISTAN TOJIKISTON ТАДЖИКИСТАН ТОҶИКИСТОН",
    "KGZ": "KG KGZ KYRGYZSTAN KIRGIZIA KYRGYZ REPUBLIC КИРГИЗИЯ КЫРГЫЗСТАН",
    "KAZ": "KZ KAZ KAZAKHSTAN QAZAQSTAN КАЗАХСТАН",
    "TKM": "TM TKM TURKMENISTAN ТУРКМЕНИСТАН",
    "RUS": "RU RUS RUSSIA RUSSIAN FEDERATION РОССИЯ",
    "UKR": "UA UKR UKRAINE УКРАИНА",
    "AZE": "AZ AZE AZERBAIJAN АЗЕРБАЙДЖАН",
    "ARM": "AM ARM ARMENIA АРМЕНИЯ",
    "MDA": "MD MDA MOLDOVA МОЛДОВА",
    "BLR": "BY BLR BELARUS БЕЛАРУСЬ",
    "AFG": "AF AFG AFGHANISTAN АФГАНИСТАН",
}
_COUNTRY_CODES = {
    normalise_latin(name): code for code, names in _COUNTRIES.items() for name in names.split()
} | {
    normalise_latin(f"{a} {b}"): code
    for code, names in _COUNTRIES.items()
    for a, b in zip(names.split(), names.split()[1:], strict=False)
}


def normalise_citizenship(value: str) -> str | None:
    """An ISO 3166 alpha-3 code for the countries of the region; other values in capitals.

    Examples
    --------
    >>> [normalise_citizenship(v) for v in ["uz", "Узбекистан", "Tojikiston", "Narnia"]]
    ['UZB', 'UZB', 'TJK', 'NARNIA']
    """
    text = normalise_latin(value)
    return _COUNTRY_CODES.get(text, text or None)
