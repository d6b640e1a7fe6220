"""`migdex media check`: exact lines, linter exit codes, clear messages for bad input."""

from __future__ import annotations

import pytest
from tests.conftest import FIXTURES

MEDIA = FIXTURES / "media"


def test_russian_article_lines_and_exit_1(run_cli):
    result = run_cli("media", "check", MEDIA / "article_ru.txt", "--lang", "ru")
    assert result.exit_code == 1
    assert result.stdout.splitlines() == [
        "3:45  нелегальных мигрантов  →  мигрантов с неурегулированным статусом",
        "4:32  уроженец Таджикистана  →  без указания происхождения, если оно не важно для сюжета",
        "6:1  Гастарбайтеры  →  Трудовые мигранты",
    ]
    assert result.stderr.strip() == (
        "3 findings (1 crime-origin, 2 term); `migdex media glossary` explains each term"
    )


def test_english_article_lines(run_cli):
    result = run_cli("media", "check", MEDIA / "article_en.txt", "--lang", "en")
    assert result.exit_code == 1
    assert result.stdout.splitlines() == [
        "3:17  illegal immigrants'  →  irregular immigrants'",
        "4:3  Kyrgyz national  →  omit origin unless relevant to the story",
    ]


def test_without_lang_both_rule_sets_apply(run_cli):
    ru = run_cli("media", "check", MEDIA / "article_ru.txt")
    en = run_cli("media", "check", MEDIA / "article_en.txt")
    assert (ru.exit_code, len(ru.stdout.splitlines())) == (1, 3)
    assert (en.exit_code, len(en.stdout.splitlines())) == (1, 2)


def test_clean_text_exits_0_silently(run_cli):
    result = run_cli("media", "check", MEDIA / "clean.txt")
    assert (result.exit_code, result.stdout, result.stderr) == (0, "", "")


def test_empty_file_says_so_and_exits_0(run_cli, tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_text("  \n\n", encoding="utf-8")
    result = run_cli("media", "check", empty)
    assert (result.exit_code, result.stdout) == (0, "")
    assert result.stderr.strip() == f"{empty}: no text to check (the file is empty)"


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (lambda p: None, "{p}: no such file"),
        (lambda p: p.mkdir(), "{p}: not a file"),
        (
            lambda p: p.write_bytes("строка\n".encode() + b"\xff\xfe bad\n"),
            "{p}: line 2 is not UTF-8 text (byte 0xff); save the file as UTF-8 and check it again",
        ),
        (
            lambda p: p.write_bytes("Нелегалы".encode("cp1251")),
            "{p}: line 1 is not UTF-8 text (byte 0xcd); save the file as UTF-8 and check it again",
        ),
    ],
    ids=["missing", "directory", "bad-byte", "cp1251"],
)
def test_unreadable_input_exits_2_with_one_line(run_cli, tmp_path, make, message):
    path = tmp_path / "input.txt"
    make(path)
    result = run_cli("media", "check", path)
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr.strip() == "Error: " + message.format(p=path)


def test_unsupported_language_exits_2(run_cli):
    result = run_cli("media", "check", MEDIA / "clean.txt", "--lang", "de")
    assert result.exit_code == 2
    assert result.stderr.strip() == (
        'Error: language "de" is not checked; use one of ru, en (or leave it out to apply both)'
    )


def test_very_large_file_is_streamed(run_cli, tmp_path):
    big = tmp_path / "big.txt"
    paragraph = "Трудовые мигранты строят дома. Irregular migrants pay taxes.\n\n"
    with big.open("w", encoding="utf-8") as handle:
        handle.write(paragraph * 15_000)  # about 2 MB, 30,000 lines
        handle.write("В конце файла — нелегалы.\n")
    result = run_cli("media", "check", big)
    assert result.exit_code == 1
    assert result.stdout.splitlines() == [
        "30001:17  нелегалы  →  мигранты с неурегулированным статусом"
    ]


def test_web_page_limit_gives_a_clear_message():
    from migdex.media import TextTooLargeError, check_text

    with pytest.raises(TextTooLargeError) as info:
        check_text("нелегалы " * 20, max_chars=100)
    assert str(info.value) == (
        "the text has 180 characters; the limit here is 100. "
        "Check it in parts, or run `migdex media check FILE`, which has no limit."
    )
    assert check_text("   \n", max_chars=100) == []
