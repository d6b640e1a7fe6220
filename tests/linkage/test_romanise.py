"""Romanisation known answers (names_and_bans.md) and properties of variants and skeletons."""

from __future__ import annotations

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from migdex.linkage import (
    SYSTEMS,
    cyrillic_candidates,
    name_variants,
    normalise_latin,
    parse_mrz_name,
    patronymic_root,
    romanise,
    skeleton,
)

# The table of letters in names_and_bans.md, one row per letter: system -> romanisation.
LETTER_TABLE = {
    "Ж": {"icao": "ZH", "fms": "ZH", "mvd310": "ZH", "mvd782": "ZH", "uz": "J", "bgn_pcgn": "ZH",
          "informal_j": "J", "informal_dj": "DJ", "informal_dzh": "DZH"},
    "Х": {"icao": "KH", "fms": "KH", "mvd310": "KH", "mvd782": "KH", "uz": "X", "bgn_pcgn": "KH",
          "informal_j": "H"},
    "Й": {"icao": "I", "fms": "I", "mvd310": "Y", "mvd782": "Y", "uz": "Y", "bgn_pcgn": "Y"},
    "Ц": {"icao": "TS", "fms": "TC", "mvd310": "TS", "mvd782": "TS", "bgn_pcgn": "TS",
          "informal_j": "C"},
    "Ю": {"icao": "IU", "fms": "IU", "mvd310": "YU", "mvd782": "YU", "uz": "YU", "bgn_pcgn": "YU",
          "informal_dzh": "JU"},
    "Я": {"icao": "IA", "fms": "IA", "mvd310": "YA", "mvd782": "YA", "uz": "YA", "bgn_pcgn": "YA",
          "informal_dzh": "JA"},
    "Ҳ": {"uz": "H", "icao": "KH"},
    "Қ": {"uz": "Q", "icao": "K"},
    "Ғ": {"uz": "Gʻ", "icao": "G"},
    "Ў": {"uz": "Oʻ", "icao": "U"},
}  # fmt: skip

# A vocabulary of Cyrillic names as Russian-language documents write them (no soft signs).
VOCABULARY = [
    "Фарход",
    "Тожиев",
    "Жасур",
    "Юлдашев",
    "Бахтиёр",
    "Рахимов",
    "Шерзод",
    "Каримова",
    "Улугбек",
    "Хайдаров",
    "Дилноза",
    "Турсунов",
    "Жамшид",
    "Содиков",
    "Санжар",
    "Абдуллаев",
    "Отабек",
    "Назаров",
    "Икром",
    "Усмонов",
    "Алишер",
    "Исмоилов",
    "Тимур",
    "Мирзоев",
    "Сардор",
    "Шарипов",
    "Нодир",
    "Холматов",
    "Зафар",
    "Эргашев",
    "Хуршид",
    "Жураев",
    "Мухаммад",
    "Кодиров",
    "Мадина",
    "Носиров",
    "Гулнора",
    "Сафаров",
    "Зарина",
    "Хамидов",
    "Малика",
    "Ахмедов",
    "Феруза",
    "Маматов",
    "Юсуф",
    "Цой",
    "Якубов",
    "Ёкуб",
    "Эркин",
    "Асанов",
    "Айбек",
    "Токтогулов",
    "Чынгыз",
    "Бектуров",
    "Мирлан",
    "Осмонов",
    "Канат",
    "Мамытов",
]


@pytest.mark.parametrize(("letter", "system"), [(k, s) for k, v in LETTER_TABLE.items() for s in v])
def test_letter_table(letter, system):
    assert romanise(letter, system=system) == LETTER_TABLE[letter][system]


def test_hard_sign_per_system():
    assert romanise("Подъячев", system="icao") == "PODIEIACHEV"
    assert romanise("Подъячев", system="fms") == "PODIACHEV"
    assert romanise("Подъячев", system="uz") == "PODʼYACHEV"


def test_one_person_three_spellings_share_a_skeleton():
    spellings = ["Farkhod Tojiev", "Farhod Tadjiyev", "Фарход Тожиев", "FARXOD TOJIEV"]
    assert len({skeleton(s) for s in spellings}) == 1
    assert len({skeleton(s) for s in ["Tojiev", "Tadjiyev", "Тожиев", "Tozhiyev"]}) == 1


@pytest.mark.parametrize(
    "spellings",
    [
        ["Рахимов", "Rahim", "Rahimzoda", "Rakhimov", "RAXIMOV", "Рахимова"],  # dropped endings
        ["Алиев", "Aliyev", "Aliev", "Alijev"],  # -iev / -iyev / -ijev
        ["Юлдашев", "Yuldashev", "Iuldashev", "Yoldoshev"],
        ["Цой", "Tsoi", "Tcoi", "Tsoy", "Soy"],
        ["Қодиров", "Qodirov", "Kodirov", "Кодиров"],
        ["Ғайрат", "Gʻayrat", "Gayrat", "Ghayrat", "Гайрат"],
        ["Ўктам", "Oʻktam", "Uktam", "Уктам"],
        ["Ҳасан", "Hasan", "Khasan", "Xasan", "Хасан"],
        ["Мирзоҷон", "Mirzojon", "Mirzodzhon", "Мирзоджон"],  # Tajik letter
    ],
)
def test_variants_share_a_skeleton(spellings):
    assert len({skeleton(s) for s in spellings}) == 1, {s: skeleton(s) for s in spellings}


@pytest.mark.parametrize(
    ("patronymic", "root"),
    [
        ("Рахимович", "RAHIM"),
        ("Rakhimovich", "RAKHIM"),
        ("Rahim oʻgʻli", "RAHIM"),
        ("Rahim ugli", "RAHIM"),
        ("Рахим қизи", "RAHIM"),
        ("Asan uulu", "ASAN"),
        ("Асан кызы", "ASAN"),
        ("Рахимовна", "RAHIM"),
    ],
)
def test_patronymic_forms(patronymic, root):
    assert patronymic_root(patronymic) == root
    assert skeleton(patronymic_root(patronymic)) == skeleton("Rahim" if "R" in root else "Asan")


def test_informal_ju_meets_through_variants_not_skeleton():
    # "J" + vowel reads as Ж in the skeleton (Uzbek J is far more common than German-style JU),
    # so Juldashev reaches Юлдашев through its Cyrillic candidates instead.
    assert skeleton("Juldashev") != skeleton("Юлдашев")
    assert name_variants("Juldashev") & name_variants("Юлдашев")


def test_mrz_name():
    assert parse_mrz_name("TOJIEV<<FARKHOD<<<<<<<<<<") == ("TOJIEV", "FARKHOD")
    assert parse_mrz_name("P<UZBTOJIEV<<FARKHOD<<<<") == ("TOJIEV", "FARKHOD")


def test_swapped_order_keeps_the_full_name_skeleton():
    # features join the two skeletons in sorted order; the pieces themselves are unchanged
    assert sorted([skeleton("Tojiev"), skeleton("Farkhod")]) == sorted(
        [skeleton("Farhod"), skeleton("Тожиев")]
    )


vocabulary_names = st.sampled_from(VOCABULARY)
systems = st.sampled_from(sorted(SYSTEMS))


@given(name=vocabulary_names, system=systems)
def test_every_system_gives_the_same_skeleton(name, system):
    # known limit: the informal ju/ja for an initial Ю/Я reads as Ж (see the test above)
    assume(not (system == "informal_dzh" and name[0] in "ЮЯ"))
    assert skeleton(romanise(name, system=system)) == skeleton(name)


@given(name=vocabulary_names, system=systems)
def test_romanising_latin_again_changes_nothing(name, system):
    once = romanise(name, system=system)
    assert romanise(once, system=system) == once
    assert name_variants(once) == name_variants(once.lower())


@settings(max_examples=150)
@given(name=vocabulary_names, system=systems)
def test_cyrillic_candidates_include_the_original(name, system):
    latin = romanise(name, system=system)
    assert name.upper() in cyrillic_candidates(latin, limit=64)


@given(name=vocabulary_names)
def test_variants_hold_every_romanisation(name):
    variants = name_variants(name)
    for system in SYSTEMS:
        assert normalise_latin(romanise(name, system=system)).replace(" ", "") in variants


@given(name=vocabulary_names, system=systems)
def test_latin_and_cyrillic_variants_meet(name, system):
    """A romanised record and the Cyrillic record of the same name share a spelling."""
    assert name_variants(romanise(name, system=system)) & name_variants(name)


@given(text=st.text(max_size=30))
def test_skeleton_accepts_any_text(text):
    assert isinstance(skeleton(text), str)
    assert isinstance(name_variants(text), frozenset)
