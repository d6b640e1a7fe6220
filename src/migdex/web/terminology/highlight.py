"""Mark the checker's findings in the pasted text (line/column back to character offsets)."""

from __future__ import annotations

from dataclasses import dataclass

from migdex.media import Finding


@dataclass(frozen=True)
class Segment:
    """A run of the text; ``finding`` is set when the run is flagged."""

    text: str
    finding: Finding | None = None


def segments(text: str, findings: list[Finding]) -> list[Segment]:
    """Split ``text`` into plain and flagged runs, in order; overlapping findings are merged
    into the first one (the table still lists each).

    Examples
    --------
    >>> from migdex.media import check_text
    >>> text = "Задержаны нелегалы.\\r\\nВсё."
    >>> [(s.text, s.finding is not None) for s in segments(text, check_text(text))]
    [('Задержаны ', False), ('нелегалы', True), ('.\\nВсё.', False)]
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n")  # as the checker reads it
    starts = [0]
    for line in text.split("\n")[:-1]:
        starts.append(starts[-1] + len(line) + 1)
    out: list[Segment] = []
    position = 0
    for finding in sorted(findings, key=lambda f: (f.line, f.column)):
        start = starts[finding.line - 1] + finding.column - 1
        if start < position:
            continue
        stop = start + len(finding.found)
        if start > position:
            out.append(Segment(text[position:start]))
        out.append(Segment(text[start:stop], finding))
        position = stop
    if position < len(text):
        out.append(Segment(text[position:]))
    return out
