"""Cyrillic → Latin under the official systems and informal habits; Latin → Cyrillic candidates.

The official systems come from :mod:`iuliia`, which implements each schema
exactly (ICAO Doc 9303 for Russian passports from 2014, GOST R 52535.1-2006
for FMS 2010–2013, MVD 310-1997, MVD 782-2000, BGN/PCGN and the official
Uzbek Latin). Only what iuliia lacks is written here: the informal habits of
clerks and migrants, the Tajik and Kyrgyz letters, and the Latin → Cyrillic
direction.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass

import iuliia

__all__ = ["SYSTEMS", "cyrillic_candidates", "is_cyrillic", "romanisations", "romanise"]

# Tajik, Kyrgyz and Uzbek letters in Russian-language documents: how a Russian clerk writes them.
_TO_RUSSIAN_LETTERS = str.maketrans(
    {"қ": "к", "ғ": "г", "ў": "у", "ҳ": "х", "ӣ": "и", "ӯ": "у", "ң": "н", "ө": "о", "ү": "у"}
    | {"һ": "х", "ә": "а", "ҷ": "дж"}
)
# The same letters before the official Uzbek Latin (which has ў ғ қ ҳ but not ҷ ӣ ӯ ң ө ү).
_TO_UZBEK_LETTERS = str.maketrans(
    {"ҷ": "ж", "ӣ": "и", "ӯ": "ў", "ң": "н", "ө": "о", "ү": "у", "һ": "ҳ", "ә": "а", "ь": ""}
)


@dataclass(frozen=True)
class System:
    """One romanisation system: a name, where it is used, and how it writes a Cyrillic word."""

    name: str
    used_for: str
    translate: Callable[[str], str]


# BGN/PCGN writes ё as ë; iuliia leaves the Cyrillic letter in place.
_LATIN_DIAERESIS = str.maketrans({"ё": "ë", "Ё": "Ë"})


def _official(schema: iuliia.Schema, letters: dict[int, str]) -> Callable[[str], str]:
    return lambda text: schema.translate(text.lower().translate(letters)).translate(
        _LATIN_DIAERESIS
    )


def _informal(letters: dict[str, str], *, ye_after_vowel: bool) -> Callable[[str], str]:
    """Build a letter-by-letter transliterator for a clerk's or migrant's own habit."""
    base = dict(_INFORMAL_BASE, **letters)

    def translate(text: str) -> str:
        text = text.lower().translate(_TO_RUSSIAN_LETTERS)
        out = []
        for i, char in enumerate(text):
            prev = text[i - 1] if i else " "
            if char == "е" and ye_after_vowel and (prev in _VOWELS or prev in "ьъ"):
                out.append("ye")
            else:
                out.append(base.get(char, char))
        return "".join(out)

    return translate


_VOWELS = set("аеёиоуыэюя")
_INFORMAL_BASE = dict(
    zip("абвгдезиклмнопрстуфыэ", "abvgdeziklmnoprstufye", strict=True),
    ё="yo", ж="j", й="y", х="h", ц="ts", ч="ch", ш="sh", щ="sch", ъ="", ь="", ю="yu", я="ya",
)  # fmt: skip

SYSTEMS: dict[str, System] = {
    s.name: s
    for s in [
        System("icao", "ICAO Doc 9303: Russian passports from 2014", _official(iuliia.ICAO_DOC_9303, _TO_RUSSIAN_LETTERS)),  # noqa: E501
        System("fms", "GOST R 52535.1-2006: FMS documents 2010-2013", _official(iuliia.GOST_52535, _TO_RUSSIAN_LETTERS)),  # noqa: E501
        System("mvd310", "MVD 310-1997: passports 1997-2000", _official(iuliia.MVD_310, _TO_RUSSIAN_LETTERS)),  # noqa: E501
        System("mvd782", "MVD 782-2000: passports 2000-2010", _official(iuliia.MVD_782, _TO_RUSSIAN_LETTERS)),  # noqa: E501
        System("bgn_pcgn", "BGN/PCGN: maps, English-language lists", _official(iuliia.BGN_PCGN, _TO_RUSSIAN_LETTERS)),  # noqa: E501
        System("uz", "official Uzbek Latin (1995)", _official(iuliia.UZ, _TO_UZBEK_LETTERS)),
        System("informal_j", "informal: j for ж, h for х, c for ц", _informal({"ц": "c"}, ye_after_vowel=False)),  # noqa: E501
        System("informal_dj", "informal: dj for ж, -iyev endings", _informal({"ж": "dj"}, ye_after_vowel=True)),  # noqa: E501
        System("informal_dzh", "informal: dzh for ж, kh for х, ju/ja", _informal({"ж": "dzh", "х": "kh", "ю": "ju", "я": "ja"}, ye_after_vowel=False)),  # noqa: E501
    ]
}  # fmt: skip

_CYRILLIC = re.compile(r"[\u0400-\u04FF]")


def is_cyrillic(text: str) -> bool:
    """Whether ``text`` holds any Cyrillic letter.

    Examples
    --------
    >>> is_cyrillic("Тожиев"), is_cyrillic("Tojiev")
    (True, False)
    """
    return bool(_CYRILLIC.search(text))


@functools.lru_cache(maxsize=200_000)
def romanise(name: str, *, system: str = "icao") -> str:
    """Write a Cyrillic name in Latin letters under one system, in capitals as in a passport.

    Latin input is returned in capitals, unchanged otherwise.

    Parameters
    ----------
    name
        A name in any script (Russian, Uzbek, Tajik or Kyrgyz Cyrillic, or Latin).
    system
        One of :data:`SYSTEMS`: ``icao``, ``fms``, ``mvd310``, ``mvd782``,
        ``bgn_pcgn``, ``uz``, ``informal_j``, ``informal_dj``, ``informal_dzh``.

    Examples
    --------
    >>> romanise("Фарход Тожиев")
    'FARKHOD TOZHIEV'
    >>> romanise("Фарход Тожиев", system="uz")
    'FARXOD TOJIEV'
    >>> romanise("Юлдашев", system="mvd782"), romanise("Юлдашев", system="fms")
    ('YULDASHEV', 'IULDASHEV')
    >>> romanise("Қодиров Ғайрат Ўктамович", system="uz")
    'QODIROV GʻAYRAT OʻKTAMOVICH'
    >>> romanise("Мирзоҷон", system="icao")
    'MIRZODZHON'
    """
    if system not in SYSTEMS:
        raise ValueError(f"unknown romanisation system {system!r}; use one of {', '.join(SYSTEMS)}")
    if not is_cyrillic(name):
        return name.upper()
    return SYSTEMS[system].translate(name).upper()


def romanisations(name: str) -> dict[str, str]:
    """Every system's romanisation of ``name``.

    Examples
    --------
    >>> sorted(set(romanisations("Тожиев").values()))
    ['TODJIYEV', 'TODZHIEV', 'TOJIEV', 'TOZHIEV', 'TOZHIYEV']
    """
    return {system: romanise(name, system=system) for system in SYSTEMS}


# Latin → Cyrillic: each Latin spelling unit with its readings, the likeliest first.
_UNITS: dict[str, tuple[str, ...]] = {
    "SHCH": ("Щ",), "SCH": ("Щ", "Ш"), "DZH": ("ДЖ", "Ж"), "TCH": ("Ч",),
    "ZH": ("Ж",), "KH": ("Х",), "TS": ("Ц", "ТС"), "TC": ("Ц",), "CZ": ("Ц",), "CH": ("Ч",),
    "SH": ("Ш",), "DJ": ("ДЖ", "Ж"), "GH": ("Г", "Ғ"), "G'": ("Ғ", "Г"), "O'": ("Ў", "У", "О"),
    "YU": ("Ю",), "IU": ("Ю", "ИУ"), "JU": ("Ю", "ЖУ"), "YA": ("Я",), "IA": ("Я", "ИА"),
    "JA": ("ЖА", "Я"), "YO": ("Ё", "ЙО"), "YE": ("Е", "ЙЕ", "Э", "Ё"),
    "A": ("А",), "B": ("Б",), "C": ("Ц", "К"), "D": ("Д",), "E": ("Е", "Э", "Ё"), "F": ("Ф",),
    "G": ("Г",), "H": ("Х", "Ҳ"), "I": ("И", "Й", "Ы"), "J": ("Ж", "Й", "ДЖ"), "K": ("К",),
    "L": ("Л",), "M": ("М",), "N": ("Н",), "O": ("О",), "P": ("П",), "Q": ("К", "Қ"), "R": ("Р",),
    "S": ("С", "Ц"), "T": ("Т",), "U": ("У",), "V": ("В",), "W": ("В",), "X": ("Х", "КС"),
    "Y": ("Ы", "Й", "И"), "Z": ("З",), "'": ("Ь", "Ъ"),
}  # fmt: skip
_UNIT = re.compile("|".join(sorted(map(re.escape, _UNITS), key=len, reverse=True)))
_APOSTROPHES = str.maketrans({c: "'" for c in 'ʻʼ‘’`´"”“'})


def _readings(unit: str, before: str, after: str) -> tuple[str, ...]:
    """Readings of one Latin unit, reordered by its neighbours (after a vowel, y/i is й)."""
    readings = _UNITS[unit]
    vowel_before = bool(before) and before in "AEIOUY"
    vowel_after = bool(after) and after in "AEIOU"
    if unit in ("I", "Y") and vowel_before and not vowel_after:
        return ("Й", *(r for r in readings if r != "Й"))
    if unit == "E" and not before:
        return ("Э", "Е", "Ё")
    if unit == "YE" and not vowel_before and before:
        return ("ЬЕ", "Е", "ЪЕ")
    return readings


def _latin_units(latin: str) -> list[str]:
    text = unicodedata.normalize("NFKD", latin.upper().translate(_APOSTROPHES))
    text = "".join(c for c in text if c.isascii())
    return _UNIT.findall(text)


@functools.lru_cache(maxsize=200_000)
def cyrillic_candidates(latin: str, *, limit: int = 4) -> tuple[str, ...]:
    """Cyrillic spellings that could have produced a Latin name, the likeliest first.

    Each Latin unit (``KH``, ``DZH``, ``IA``...) has a few readings; a beam search
    keeps the ``limit`` spellings that use the fewest second-choice readings.

    Examples
    --------
    >>> cyrillic_candidates("Tozhiev", limit=1)
    ('ТОЖИЕВ',)
    >>> "ТАДЖИЕВ" in cyrillic_candidates("Tadjiyev", limit=8)
    True
    >>> cyrillic_candidates("Sergei", limit=2)
    ('СЕРГЕЙ', 'СЕРГЕИ')
    """
    units = _latin_units(latin)
    beam: list[tuple[int, str]] = [(0, "")]
    for i, unit in enumerate(units):
        before = units[i - 1][-1] if i else ""
        after = units[i + 1][0] if i + 1 < len(units) else ""
        readings = _readings(unit, before, after)
        grown = [(cost + rank, text + r) for cost, text in beam for rank, r in enumerate(readings)]
        beam = sorted(grown)[: max(limit * 4, 16)]
    return tuple(text for _, text in sorted(set(beam))[:limit])
