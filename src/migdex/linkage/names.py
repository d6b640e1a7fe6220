"""Name keys that survive every romanisation: variant sets, skeletons, endings, patronymics, MRZ.

A *variant set* holds every way a name is written under the systems of
:mod:`migdex.linkage.romanise` (Latin names are first read back into Cyrillic
candidates). A *skeleton* collapses what the systems disagree on (kh/h/x,
zh/j/dzh/dj, ts/tc/c/s, y/i/j, vowels after the first letter) and strips
Russian, Tajik and Uzbek surname endings, so that Farkhod Tojiev, Farhod
Tadjiyev and Фарход Тожиев share one key.
"""

from __future__ import annotations

import functools
import re
import unicodedata

from migdex.linkage.romanise import cyrillic_candidates, is_cyrillic, romanisations, romanise

__all__ = [
    "name_variants",
    "normalise_latin",
    "parse_mrz_name",
    "patronymic_root",
    "skeleton",
    "strip_surname_ending",
]

# -ov/-ova, -ev/-eva, -iev/-iyev/-ijev/-yev and the Tajik -zoda/-zade written in any system.
_SURNAME_ENDING = re.compile(r"(?:(?:I?[YJ]?E|O)VA?|Z[OA]D[AEI]H?)$")
# Russian patronymic suffixes: -ovich/-evich/-ich, -ovna/-evna/-ichna/-inichna.
_PATRONYMIC_SUFFIX = re.compile(r"(?:[OE]V(?:ICH|NA)|INICHNA|ICHNA|ICH)$")
# Uzbek, Tajik and Kyrgyz patronymic words: son of / daughter of.
PATRONYMIC_MARKERS = frozenset(
    [
        "UGLI",
        "OGLI",
        "UGLY",
        "OGLY",
        "OGLU",
        "ULY",
        "UULU",
        "QIZI",
        "KIZI",
        "KYZY",
        "KIZY",
        "KYZI",
        "QIZ",
        "KIZ",
    ]
)
_APOSTROPHES = re.compile(r"[ʻʼ‘’'`´\"”“]")


def normalise_latin(name: str) -> str:
    """Capital Latin letters and single spaces; other marks (apostrophes, hyphens, digits) dropped.

    Cyrillic is first romanised with the informal ``j``/``h`` habit.

    Examples
    --------
    >>> normalise_latin(" Oʻktam-jon  qizi ")
    'OKTAM JON QIZI'
    >>> normalise_latin("Тожиев")
    'TOJIEV'
    """
    if is_cyrillic(name):
        name = romanise(name, system="informal_j")
    text = unicodedata.normalize("NFKD", _APOSTROPHES.sub("", name.upper()))
    text = re.sub(r"[^A-Z]+", " ", "".join(c for c in text if c.isascii()))
    return text.strip()


def parse_mrz_name(text: str) -> tuple[str, str] | None:
    """Split an MRZ name field (``SURNAME<<GIVEN<NAMES<<<``) into surname and given names.

    Returns ``None`` when ``text`` is not MRZ-style. A full TD3 first line
    (``P<UZB...``) loses its document code and issuing state first.

    Examples
    --------
    >>> parse_mrz_name("TOJIEV<<FARKHOD<<<<<<<<")
    ('TOJIEV', 'FARKHOD')
    >>> parse_mrz_name("P<UZBTOJIEV<<FARKHOD<ALI<<<<")
    ('TOJIEV', 'FARKHOD ALI')
    >>> parse_mrz_name("Tojiev") is None
    True
    """
    if "<" not in text:
        return None
    text = re.sub(r"^P<[A-Z<]{3}", "", text.strip().upper())
    surname, _, given = text.partition("<<")
    return surname.replace("<", " ").strip(), " ".join(given.replace("<", " ").split())


def strip_surname_ending(latin: str) -> str:
    """Remove a surname ending (-ov, -eva, -iyev, -zoda ...) from a capital-Latin name.

    At least two letters of the stem remain.

    Examples
    --------
    >>> [strip_surname_ending(s) for s in ["TOJIEV", "TADJIYEV", "RAHIMOV", "RAHIMZODA", "RAHIM"]]
    ['TOJ', 'TADJ', 'RAHIM', 'RAHIM', 'RAHIM']
    """
    stripped = _SURNAME_ENDING.sub("", latin)
    return stripped if len(stripped) >= 2 else latin


def patronymic_root(patronymic: str) -> str:
    """The father's name inside a patronymic, in capital Latin letters.

    Handles Russian suffixes (-ovich, -evna ...) and the Uzbek, Tajik and Kyrgyz
    words (o‘g‘li, ugli, qizi, uulu, kyzy) in either script.

    Examples
    --------
    >>> [patronymic_root(p) for p in ["Рахимович", "Rahim oʻgʻli", "Рахим кызы", "ASAN UULU"]]
    ['RAHIM', 'RAHIM', 'RAHIM', 'ASAN']
    """
    words = [w for w in normalise_latin(patronymic).split() if w not in PATRONYMIC_MARKERS]
    if len(words) == 1:
        stripped = _PATRONYMIC_SUFFIX.sub("", words[0])
        words = [stripped if len(stripped) >= 2 else words[0]]
    return " ".join(words)


# Spelling units the systems disagree on, each collapsed to one symbol; vowels become "".
_SKELETON_UNITS = {
    "SHCH": "W", "SCH": "W", "SH": "W", "DZH": "J", "DJ": "J", "ZH": "J", "J": "J",
    "TCH": "C", "CH": "C", "KH": "H", "X": "H", "H": "H", "TS": "S", "TC": "S", "CZ": "S",
    "C": "S", "Q": "K", "CK": "K", "GH": "G", "W": "V", "PH": "F",
    **dict.fromkeys("AEIOUY", ""),
}  # fmt: skip
_SKELETON_UNIT = re.compile("|".join(sorted(_SKELETON_UNITS, key=len, reverse=True)) + "|[A-Z]")


@functools.lru_cache(maxsize=500_000)
def skeleton(name: str) -> str:
    """A key for a name that every romanisation of it shares.

    The name is written in capital Latin, its surname ending stripped, spelling
    units collapsed (kh/h/x → H, zh/j/dzh/dj → J, ts/tc/c → S, ch → C, sh/shch → W,
    q → K), vowels dropped (a leading vowel becomes ``A``) and repeats merged.
    Word breaks are ignored. An empty name gives ``""``.

    Examples
    --------
    >>> [skeleton(n) for n in ["Farkhod Tojiev", "Farhod Tadjiyev", "Фарход Тожиев"]]
    ['FRHDTJ', 'FRHDTJ', 'FRHDTJ']
    >>> [skeleton(n) for n in ["Юлдашев", "IULDASHEV", "Yoldoshev", "Muhammad", "Mukhamad"]]
    ['ALDW', 'ALDW', 'ALDW', 'MHMD', 'MHMD']
    """
    letters = strip_surname_ending(normalise_latin(name).replace(" ", ""))
    units = _SKELETON_UNIT.findall(letters)
    symbols = [_SKELETON_UNITS.get(u, u) for u in units]
    if symbols and not symbols[0]:
        symbols[0] = "A"
    kept = [s for s in symbols if s]
    return "".join(s for i, s in enumerate(kept) if i == 0 or s != kept[i - 1])


@functools.lru_cache(maxsize=500_000)
def name_variants(name: str, *, candidates: int = 2) -> frozenset[str]:
    """Every spelling of ``name`` under the romanisation systems, in capital Latin without spaces.

    A Cyrillic name gives one spelling per system; a Latin name gives itself plus
    the spellings of its ``candidates`` likeliest Cyrillic readings.

    Examples
    --------
    >>> sorted(name_variants("Жасур"))
    ['DJASUR', 'DZHASUR', 'JASUR', 'ZHASUR']
    >>> "JASUR" in name_variants("Zhasur")
    True
    >>> name_variants("")
    frozenset()
    """
    if not name.strip():
        return frozenset()
    if is_cyrillic(name):
        sources = [name]
    else:
        sources = list(cyrillic_candidates(normalise_latin(name), limit=candidates))
    spellings = {v for source in sources for v in romanisations(source).values()}
    if not is_cyrillic(name):
        spellings.add(name)
    return frozenset(filter(None, (normalise_latin(s).replace(" ", "") for s in spellings)))
