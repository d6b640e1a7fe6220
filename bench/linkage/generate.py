"""Synthetic re-entry-ban lists from nine agencies, with known truth (SYNTHETIC DATA).

Persons are drawn from Uzbek, Tajik and Kyrgyz name stocks in Cyrillic. Each
agency writes its records in its own habit: a script and romanisation system,
a typo rate, name-order swaps, dropped surname endings, missing fields, date
formats and day/month swaps, and old or new passport numbers. Families give
hard negatives (siblings and twins share surname, patronymic and sometimes
a birth date); namesakes share every name but not the birth date.
"""

from __future__ import annotations

import dataclasses
import random
from collections.abc import Iterator

import pandas as pd

from migdex.linkage.features import parse_birth_date
from migdex.linkage.romanise import romanise

MALE = [
    "Фарход",
    "Жасур",
    "Бахтиёр",
    "Рустам",
    "Шерзод",
    "Улугбек",
    "Фаррух",
    "Дилшод",
    "Азиз",
    "Бобур",
    "Жамшид",
    "Санжар",
    "Отабек",
    "Ильхом",
    "Алишер",
    "Тимур",
    "Сардор",
    "Нодир",
    "Зафар",
    "Хуршид",
    "Мухаммад",
    "Абдулло",
    "Фирдавс",
    "Шохрух",
    "Ёкуб",
    "Икром",
    "Равшан",
    "Сухроб",
    "Умед",
    "Далер",
    "Манучехр",
    "Бехруз",
    "Нурлан",
    "Азамат",
    "Эркин",
    "Бакыт",
    "Чынгыз",
    "Айбек",
    "Мирлан",
    "Канат",
    "Эрлан",
    "Исломжон",
    "Юсуф",
    "Хасан",
    "Хусан",
    "Юлдаш",
    "Жахонгир",
    "Шухрат",
    "Исмоил",
    "Ибрагим",
    "Қодир",
    "Ғайрат",
    "Ўктам",
    "Ҳамид",
]
FEMALE = [
    "Дилноза",
    "Гулнора",
    "Нигора",
    "Мадина",
    "Шахло",
    "Зарина",
    "Малика",
    "Феруза",
    "Мохира",
    "Севара",
    "Гулбахор",
    "Нилуфар",
    "Айгуль",
    "Жылдыз",
    "Айпери",
    "Зухра",
    "Мавлюда",
    "Юлдуз",
    "Хуснигул",
    "Шахноза",
    "Ойша",
    "Мунира",
    "Барно",
    "Лола",
    "Камола",
]
STEMS = [
    "Тожи",
    "Рахим",
    "Карим",
    "Юлдаш",
    "Хайдар",
    "Содик",
    "Турсун",
    "Абдулла",
    "Назар",
    "Усмон",
    "Исмоил",
    "Мирзо",
    "Шарип",
    "Холмат",
    "Эргаш",
    "Жура",
    "Кодир",
    "Носир",
    "Сафар",
    "Хамид",
    "Ахмед",
    "Мамат",
    "Тошмат",
    "Бозор",
    "Нурмат",
    "Ашур",
    "Давлат",
    "Файзулла",
    "Хошим",
    "Расул",
    "Саид",
    "Алим",
    "Бахром",
    "Зокир",
    "Исак",
    "Курбон",
    "Латиф",
    "Мухаммад",
    "Обид",
    "Пулат",
    "Раджаб",
    "Султон",
    "Тохир",
    "Хабиб",
    "Чори",
    "Шукур",
    "Эшмат",
    "Якуб",
    "Жумабай",
    "Асан",
    "Токтогул",
    "Бектур",
    "Осмон",
    "Мамыт",
    "Сатыбалди",
]
COUNTRIES = {"UZB": 0.5, "TJK": 0.3, "KGZ": 0.2}


@dataclasses.dataclass(frozen=True)
class Agency:
    """One agency's habits when it writes a ban record."""

    name: str
    system: str | None  # None: Cyrillic as spoken; else a romanisation system
    typo: float
    swap_order: float = 0.0
    drop_ending: float = 0.0
    missing_patronymic: float = 0.1
    missing_birth_date: float = 0.0
    missing_document: float = 0.1
    day_month_swap: float = 0.0
    new_passport: float = 0.3
    mrz: bool = False
    patronymic_style: str = "russian"  # russian | turkic
    date_format: str = "%d.%m.%Y"
    coverage: float = 0.25  # share of persons this agency lists


AGENCIES = (
    Agency("MVD", None, typo=0.02),
    Agency("FMS", "fms", typo=0.02, date_format="%Y-%m-%d", new_passport=0.2),
    Agency("BORDER", "icao", typo=0.005, mrz=True, missing_patronymic=1.0, missing_document=0.0,
           date_format="%Y%m%d", new_passport=0.6),
    Agency("COURT", None, typo=0.04, missing_document=0.5, day_month_swap=0.03),
    Agency("HEALTH", "informal_j", typo=0.05, swap_order=0.1, missing_patronymic=0.4),
    Agency("UZ_CONSULATE", "uz", typo=0.02, patronymic_style="turkic", date_format="%d/%m/%Y"),
    Agency("LABOUR", "informal_dj", typo=0.03, drop_ending=0.3, missing_birth_date=0.05),
    Agency("MVD_1997", "mvd310", typo=0.03, missing_birth_date=0.1, new_passport=0.0),
    Agency("AIRLINES", "bgn_pcgn", typo=0.01, swap_order=0.05, missing_patronymic=1.0),
)  # fmt: skip


@dataclasses.dataclass(frozen=True)
class Person:
    person: str
    surname: str
    given: str
    father: str
    female: bool
    birth: pd.Timestamp
    citizenship: str
    passports: tuple[str, ...]


def _surname(stem: str, rng: random.Random, citizenship: str) -> str:
    if citizenship == "TJK" and rng.random() < 0.3:
        return stem + "зода"
    return stem + ("ев" if stem[-1] in "аиай" else "ов")


def _passport(rng: random.Random) -> str:
    return rng.choice(["AA", "AB", "FA", "AC", "KG"]) + f"{rng.randrange(10**7):07d}"


def generate_persons(n: int, *, seed: int = 0) -> list[Person]:
    """``n`` persons in families: siblings share surname and father, twins a birth date too."""
    rng = random.Random(seed)
    # Zipf-like weights: a few names are very common, as in Central Asian registers.
    stem_w = [1 / (i + 1) ** 0.7 for i in range(len(STEMS))]
    persons: list[Person] = []
    while len(persons) < n:
        citizenship = rng.choices(list(COUNTRIES), weights=list(COUNTRIES.values()))[0]
        surname_stem = rng.choices(STEMS, weights=stem_w)[0]
        surname = _surname(surname_stem, rng, citizenship)
        father = rng.choice(MALE)
        first = pd.Timestamp("1965-01-01") + pd.Timedelta(days=rng.randrange(40 * 365))
        for k in range(rng.choice([1, 1, 1, 2, 2, 3])):
            female = rng.random() < 0.3
            given = rng.choice(FEMALE if female else MALE)
            own = surname + "а" if female and surname.endswith(("ов", "ев")) else surname
            twin = k > 0 and rng.random() < 0.1
            birth = first if twin else first + pd.Timedelta(days=rng.randrange(-2000, 2000))
            passports = (_passport(rng),) + ((_passport(rng),) if rng.random() < 0.4 else ())
            persons.append(
                Person(f"T{len(persons):07d}", own, given, father, female, birth, citizenship,
                       passports)
            )  # fmt: skip
        if rng.random() < 0.05 and persons:  # a namesake: same names, another birth date
            p = persons[-1]
            birth = p.birth + pd.Timedelta(days=rng.randrange(200, 5000))
            persons.append(dataclasses.replace(p, person=f"T{len(persons):07d}", birth=birth,
                                               passports=(_passport(rng),)))  # fmt: skip
    return persons[:n]


def _patronymic(person: Person, agency: Agency, rng: random.Random) -> str | None:
    if rng.random() < agency.missing_patronymic:
        return None
    father = person.father
    if agency.patronymic_style == "turkic" or rng.random() < 0.15:
        word = {"UZB": ("ўғли", "қизи"), "TJK": ("ўғли", "қизи"), "KGZ": ("уулу", "кызы")}
        return f"{father} {word[person.citizenship][person.female]}"
    soft = father[-1] in "жшчщцй"
    return (
        father + ("евна" if soft else "овна")
        if person.female
        else father + ("евич" if soft else "ович")
    )


def _typo(text: str, rng: random.Random) -> str:
    if len(text) < 3:
        return text
    i = rng.randrange(1, len(text) - 1)
    letters = (
        "абвгдеиклмнопрстуфхш" if any("а" <= c.lower() <= "я" for c in text) else "abdeiklmnorstuvz"
    )
    op = rng.randrange(4)
    if op == 0:
        return text[:i] + text[i + 1 :]
    if op == 1:
        return text[:i] + text[i] + text[i:]
    if op == 2:
        return text[: i - 1] + text[i] + text[i - 1] + text[i + 1 :]
    return text[:i] + rng.choice(letters) + text[i + 1 :]


def _render_name(name: str | None, agency: Agency, rng: random.Random) -> str | None:
    if name is None:
        return None
    text = name if agency.system is None else romanise(name, system=agency.system)
    if agency.system and rng.random() < 0.5 and not agency.mrz:
        text = text.title()
    return _typo(text, rng) if rng.random() < agency.typo else text


def _render_date(person: Person, agency: Agency, rng: random.Random) -> str | None:
    if rng.random() < agency.missing_birth_date:
        return None
    birth = person.birth
    if rng.random() < agency.day_month_swap and birth.day <= 12 and birth.day != birth.month:
        birth = birth.replace(month=birth.day, day=birth.month)
    text = birth.strftime(agency.date_format)
    if rng.random() < agency.typo / 4:
        i = rng.choice([i for i, c in enumerate(text) if c.isdigit()][-4:])
        typed = text[:i] + str(rng.randrange(10)) + text[i + 1 :]
        text = typed if parse_birth_date(typed) else text  # clerks' typos still pass validation
    return text


def _record(person: Person, agency: Agency, rng: random.Random) -> dict[str, str | None]:
    surname = person.surname
    if rng.random() < agency.drop_ending and surname.endswith(("ов", "ев", "ова", "ева", "зода")):
        surname = surname[: -4 if surname.endswith("зода") else -3 if surname[-1] == "а" else -2]
    surname_text = _render_name(surname, agency, rng)
    given_text = _render_name(person.given, agency, rng)
    if rng.random() < agency.swap_order:
        surname_text, given_text = given_text, surname_text
    if agency.mrz and surname_text and given_text:
        surname_text, given_text = f"{surname_text}<<{given_text}<<<<".upper(), None
    passport = person.passports[-1 if rng.random() < agency.new_passport else 0]
    return {
        "surname": surname_text,
        "given_name": given_text,
        "patronymic": _render_name(_patronymic(person, agency, rng), agency, rng),
        "birth_date": _render_date(person, agency, rng),
        "citizenship": rng.choice([person.citizenship, person.citizenship[:2], None]),
        "document_number": None
        if rng.random() < agency.missing_document
        else _typo(passport, rng)
        if rng.random() < agency.typo / 2
        else passport,
    }


def _listings(persons: list[Person], rng: random.Random) -> Iterator[tuple[Person, Agency]]:
    for person in persons:
        listed = [a for a in AGENCIES if rng.random() < a.coverage] or [rng.choice(AGENCIES)]
        for agency in listed:
            yield person, agency
            if rng.random() < 0.02:  # listed twice by the same agency
                yield person, agency


def generate_register(n_records: int, *, seed: int = 0) -> pd.DataFrame:
    """About ``n_records`` ban records with a ``true_person`` column (the truth, not an input).

    Examples
    --------
    >>> register = generate_register(200, seed=1)
    >>> len(register) >= 200, register["agency"].nunique()
    (True, 9)
    """
    rng = random.Random(seed)
    persons = generate_persons(max(1, int(n_records / 2.3)), seed=seed)
    rows = []
    for i, (person, agency) in enumerate(_listings(persons, rng)):
        rows.append({"record_id": f"{agency.name}-{i:07d}", "agency": agency.name,
                     **_record(person, agency, rng), "true_person": person.person})  # fmt: skip
    return pd.DataFrame(rows).sample(frac=1.0, random_state=seed, ignore_index=True)
