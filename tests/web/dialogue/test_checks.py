"""The pure text guards: personal data, links, duplicate fingerprints."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from migdex.web.dialogue.checks import body_fingerprint, count_links, find_personal_data


@pytest.mark.parametrize(
    ("text", "kinds"),
    [
        ("позвоните +7 (916) 123-45-67", ["phone"]),
        ("my number 89161234567", ["phone"]),
        ("write to farkhod@example.org please", ["email"]),
        ("passport AA1234567 was taken", ["passport"]),
        ("паспорт FA 7654321", ["passport"]),
        ("We meet on 2026-11-20 at 18:00, room 12.", []),
        ("Patent costs 7 500 roubles a month.", []),
        ("", []),
    ],
)
def test_known_examples(text, kinds):
    assert find_personal_data(text) == kinds


words = st.lists(st.sampled_from(["work", "патент", "ish", "кор", "rent", "the", "и"]), max_size=12)


@given(before=words, after=words, user=st.from_regex(r"[a-z]{1,10}", fullmatch=True))
def test_an_email_is_found_whatever_surrounds_it(before, after, user):
    text = " ".join([*before, f"{user}@mail.example.org", *after])
    assert "email" in find_personal_data(text)


@given(digits=st.text(alphabet="0123456789", min_size=10, max_size=11))
def test_a_ten_or_eleven_digit_number_is_a_phone(digits):
    assert "phone" in find_personal_data(f"call {digits} today")


@given(st.text(alphabet=st.characters(blacklist_categories=("Nd",), blacklist_characters="@")))
def test_text_without_digits_or_at_sign_is_never_flagged(text):
    assert find_personal_data(text) == []


def test_links_are_counted():
    assert count_links("a https://x.example b http://y.example c www.z.example") == 3
    assert count_links("no links here") == 0


@given(st.text(alphabet="abcXYZ абвЖЁ \t\n", max_size=50))
def test_fingerprint_ignores_spacing_and_case(text):
    assert body_fingerprint(text) == body_fingerprint("  " + text.upper().replace(" ", "  ") + " ")
