"""The one root of every error migdex raises on purpose.

Callers (the CLI, the web views) catch :class:`MigdexError` and show its
message; anything else is a bug and keeps its traceback.
"""


class MigdexError(Exception):
    """Root of migdex's own errors."""


class InputError(MigdexError, ValueError):
    """Bad input from a user: a file, a column, a value. The message says where and how to fix."""


class MissingColumnError(InputError):
    """A table lacks a column the operation needs."""


class InputFileError(InputError):
    """A file cannot be found, read or parsed."""
