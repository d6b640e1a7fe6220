"""English checker: plural and possessive forms of the listed terms; things are not flagged."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from migdex.media import check_text

NOUNS = {
    "immigrant": "immigrant",
    "immigrants": "immigrants",
    "migrant": "migrant",
    "migrants": "migrants",
    "alien": "migrant",
    "aliens": "migrants",
    "workers": "workers",
}
ENDINGS = {"": "", "'s": "'s", "’s": "’s"}


@settings(max_examples=80, deadline=None)
@given(
    noun=st.sampled_from(sorted(NOUNS)),
    possessive=st.sampled_from(["", "'s", "’s"]),
    capital=st.booleans(),
    prefix=st.sampled_from(["", "Officials said ", "“"]),
)
def test_illegal_person_is_found_in_every_form(noun, possessive, capital, prefix):
    if noun.endswith("s") and possessive:
        possessive = possessive[0]  # plural possessive: immigrants'
    adjective = "Illegal" if capital else "illegal"
    phrase = f"{adjective} {noun}{possessive}"
    [finding] = check_text(f"{prefix}{phrase} were mentioned.", lang="en")
    expected = f"{'Irregular' if capital else 'irregular'} {NOUNS[noun]}{possessive}"
    assert (finding.column, finding.found, finding.suggested) == (len(prefix) + 1, phrase, expected)


@pytest.mark.parametrize(
    ("text", "found", "suggested"),
    [
        ("Illegals crossed the river.", "Illegals", "Irregular migrants"),
        ("the illegals' camp", "illegals'", "irregular migrants'"),
        (
            "illegal Mexican immigrants",
            "illegal Mexican immigrants",
            "irregular Mexican immigrants",
        ),
        ("illegal migrant workers", "illegal migrant workers", "irregular migrant workers"),
        ("ILLEGAL ALIENS", "ILLEGAL ALIENS", "IRREGULAR MIGRANTS"),
        ("Gastarbeiters in Moscow", "Gastarbeiters", "Migrant workers"),
    ],
)
def test_known_english_terms(text, found, suggested):
    [finding] = check_text(text, lang="en")
    assert (finding.found, finding.suggested) == (found, suggested)


@pytest.mark.parametrize(
    "text",
    [
        "Police seized illegal drugs and illegal weapons.",
        "Illegal immigration is an offence under that law.",
        "He was illegally employed.",
        "Illegal employment of irregular migrants.",
        "an illegal, dangerous crossing",
    ],
)
def test_things_are_not_flagged(text):
    assert check_text(text, lang="en") == []


def test_lang_limits_the_rules():
    text = "нелегалы and illegal immigrants"
    assert [f.lang for f in check_text(text)] == ["ru", "en"]
    assert [f.lang for f in check_text(text, lang="en")] == ["en"]
    assert [f.lang for f in check_text(text, lang="ru")] == ["ru"]
