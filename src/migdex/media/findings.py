"""What the checker reports: one :class:`Finding` per flagged phrase."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any, NamedTuple

TERM = "term"
CRIME_ORIGIN = "crime-origin"


@dataclass(frozen=True)
class Finding:
    """A flagged phrase, where it is, and what to write instead.

    ``line`` and ``column`` are 1-based; the column counts characters of the original
    line. ``found`` is the text exactly as written (it may span a line break).
    ``kind`` is ``"term"`` (a stigmatising term for people) or ``"crime-origin"``
    (a crime report naming someone's origin). ``rule`` and ``glossary`` name the rule and
    the glossary entry that explain the finding.

    Examples
    --------
    >>> f = Finding(3, 7, "нелегалов", "мигрантов с неурегулированным статусом",
    ...             kind="term", rule="ru-illegal-noun", reason="...", lang="ru")
    >>> f.format()
    '3:7  нелегалов  →  мигрантов с неурегулированным статусом'
    """

    line: int
    column: int
    found: str
    suggested: str
    kind: str
    rule: str
    reason: str
    lang: str
    glossary: str | None = None

    def format(self) -> str:
        """The linter line ``LINE:COL  found  →  suggested`` (``found`` on one line)."""
        found = " ".join(self.found.split())
        return f"{self.line}:{self.column}  {found}  →  {self.suggested}"

    def to_dict(self) -> dict[str, Any]:
        """A plain dict, for JSON responses and data frames."""
        return asdict(self)


class Hit(NamedTuple):
    """A match inside one block of text, before offsets become lines and columns."""

    start: int
    stop: int
    suggested: str
    kind: str
    rule: str
    reason: str
    lang: str
    glossary: str | None = None
