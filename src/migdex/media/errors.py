"""Errors of :mod:`migdex.media`, all under :class:`migdex.errors.MigdexError`."""

from __future__ import annotations

from migdex.errors import InputError, InputFileError, MigdexError


class UnsupportedLanguageError(InputError):
    """A language the checker has no rules for."""


class TextTooLargeError(InputError):
    """A text longer than the limit its caller set (a web form, for instance)."""


class MediaDataError(InputError):
    """A glossary, rules or lexicon file that does not validate; the message lists every problem."""


class ArticleFileError(InputFileError):
    """A feed or article table that cannot be read."""


class ArticleRowsError(InputError):
    """Rows of a feed or article table that are unusable; ``problems`` lists each one.

    The message joins the problems with ``"; "``; an import page shows them one per line.
    """

    def __init__(self, problems: list[str]):
        super().__init__("; ".join(problems))
        self.problems = list(problems)


__all__ = [
    "ArticleFileError",
    "ArticleRowsError",
    "MediaDataError",
    "MigdexError",
    "TextTooLargeError",
    "UnsupportedLanguageError",
]
