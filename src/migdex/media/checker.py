"""Check a text, a stream of lines or a file: the one entry point the CLI and the web page share.

Text is checked in blocks of paragraphs (lines up to a blank line, capped in size), so a
phrase broken across a line is still found, memory stays flat on very large files, and each
finding's offset is turned into a 1-based line and a column counted in characters.
"""

from __future__ import annotations

import bisect
import codecs
import io
import os
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from migdex.errors import InputFileError
from migdex.media.checker_en import find_terms_en
from migdex.media.checker_ru import find_terms_ru
from migdex.media.crime_frame import find_crime_origin_en, find_crime_origin_ru
from migdex.media.errors import TextTooLargeError, UnsupportedLanguageError
from migdex.media.findings import Finding, Hit

LANGS = ("ru", "en")
BLOCK_CHARS = 20_000  # a block ends at a blank line or once it passes this many characters
_FINDERS: dict[str, tuple[Callable[[str], list[Hit]], ...]] = {
    "ru": (find_terms_ru, find_crime_origin_ru),
    "en": (find_terms_en, find_crime_origin_en),
}


def check_text(
    text: str, *, lang: str | None = None, max_chars: int | None = None
) -> list[Finding]:
    """Findings in ``text``, ordered by line and column.

    Parameters
    ----------
    text
        The text as pasted or read; any line endings.
    lang
        ``"ru"``, ``"en"``, or None to apply both languages' rules (each only matches its
        own script, so mixed texts work).
    max_chars
        Refuse longer texts with :class:`TextTooLargeError` (a web form sets this; the CLI
        streams files of any size instead).

    Examples
    --------
    >>> for f in check_text("Задержаны нелегалы.\\nNo illegal immigrants here."):
    ...     print(f.format())
    1:11  нелегалы  →  мигранты с неурегулированным статусом
    2:4  illegal immigrants  →  irregular immigrants
    >>> check_text("Изъято нелегальное оружие.", lang="ru")
    []
    """
    if max_chars is not None and len(text) > max_chars:
        raise TextTooLargeError(
            f"the text has {len(text):,} characters; the limit here is {max_chars:,}. "
            "Check it in parts, or run `migdex media check FILE`, which has no limit."
        )
    return list(check_lines(io.StringIO(text, newline=None), lang=lang))


def check_lines(lines: Iterable[str], *, lang: str | None = None) -> Iterator[Finding]:
    """Findings in a stream of lines (each ending with its newline), block by block."""
    finders = [f for code in resolve_lang(lang) for f in _FINDERS[code]]
    block: list[str] = []
    first_line, size = 1, 0
    for number, line in enumerate(lines, start=1):
        if not block:
            first_line = number
        block.append(line)
        size += len(line)
        if not line.strip() or size >= BLOCK_CHARS:
            yield from _check_block(block, first_line, finders)
            block, size = [], 0
    if block:
        yield from _check_block(block, first_line, finders)


def check_file(path: str | os.PathLike[str], *, lang: str | None = None) -> Iterator[Finding]:
    """Findings in a UTF-8 text file, streamed; :class:`InputFileError` if it cannot be read."""
    resolve_lang(lang)
    path = Path(path)
    require_text_file(path)
    with path.open(encoding="utf-8-sig", newline=None) as handle:
        yield from check_lines(handle, lang=lang)


def require_text_file(path: str | os.PathLike[str]) -> bool:
    """Raise :class:`InputFileError` unless ``path`` is a readable UTF-8 file; True if it has text.

    The file is decoded once in chunks (cheap next to checking), so a bad byte is reported
    with its line before any finding is printed.
    """
    path = Path(path)
    if not path.exists():
        raise InputFileError(f"{path}: no such file")
    if not path.is_file():
        raise InputFileError(f"{path}: not a file")
    decoder = codecs.getincrementaldecoder("utf-8")()
    line, has_text = 1, False
    try:
        with path.open("rb") as handle:
            while chunk := handle.read(1 << 20):
                try:
                    text = decoder.decode(chunk)
                except UnicodeDecodeError as exc:
                    line += chunk[: exc.start].count(b"\n")
                    raise InputFileError(
                        f"{path}: line {line} is not UTF-8 text (byte 0x{chunk[exc.start]:02x}); "
                        "save the file as UTF-8 and check it again"
                    ) from None
                line += chunk.count(b"\n")
                has_text = has_text or bool(text.lstrip("\ufeff").strip())
            decoder.decode(b"", final=True)
    except UnicodeDecodeError:
        raise InputFileError(f"{path}: ends in the middle of a UTF-8 character") from None
    except OSError as exc:
        raise InputFileError(f"{path}: cannot be read ({exc.strerror})") from None
    return has_text


def resolve_lang(lang: str | None) -> tuple[str, ...]:
    """The languages whose rules apply: one named language, or all of them for None.

    Examples
    --------
    >>> resolve_lang(None), resolve_lang("RU")
    (('ru', 'en'), ('ru',))
    """
    if lang is None:
        return LANGS
    code = lang.strip().lower()
    if code not in LANGS:
        raise UnsupportedLanguageError(
            f'language "{lang}" is not checked; use one of {", ".join(LANGS)} '
            "(or leave it out to apply both)"
        )
    return (code,)


def _check_block(
    lines: list[str], first_line: int, finders: list[Callable[[str], list[Hit]]]
) -> Iterator[Finding]:
    text = "".join(lines)
    if not text.strip():
        return
    starts, offset = [], 0
    for line in lines:
        starts.append(offset)
        offset += len(line)
    hits = sorted({hit for find in finders for hit in find(text)})
    for hit in hits:
        index = bisect.bisect_right(starts, hit.start) - 1
        yield Finding(
            line=first_line + index,
            column=hit.start - starts[index] + 1,
            found=text[hit.start : hit.stop],
            suggested=hit.suggested,
            kind=hit.kind,
            rule=hit.rule,
            reason=hit.reason,
            lang=hit.lang,
            glossary=hit.glossary,
        )
