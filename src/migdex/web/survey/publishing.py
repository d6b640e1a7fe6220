"""Publishing: the final answers of every published assignment of a framework, scored by the
index engine and stored as one explorer dataset (``survey-<framework>``).

Nothing reaches the explorer before an assignment is published; each publication
recomputes the whole dataset so every country-year is scored the same way.
"""

from __future__ import annotations

import pandas as pd
from django.utils.text import slugify

from migdex.index.answers import validate_answers
from migdex.index.framework import NOT_APPLICABLE
from migdex.index.pipeline import run_index
from migdex.web.explorer.loading import store_run
from migdex.web.explorer.models import Dataset
from migdex.web.explorer.models import Framework as FrameworkRow
from migdex.web.explorer.services import parse_framework_row
from migdex.web.survey.models import Answer, State

COLUMNS = ["iso3", "year", "indicator", "option", "value", "justification", "source"]


def dataset_slug(row: FrameworkRow) -> str:
    return f"survey-{slugify(row.name)}"[:80]


def format_sources(sources: list[dict]) -> str:
    """Sources as text, one a line: ``law, art. N (date) url [attachment]``."""
    lines = []
    for s in sources or []:
        parts = [s.get("law", "")]
        if s.get("article"):
            parts.append(f"art. {s['article']}")
        if s.get("date"):
            parts.append(f"({s['date']})")
        if s.get("url"):
            parts.append(s["url"])
        if s.get("attachment"):
            parts.append(f"[{s['attachment']}]")
        lines.append(" ".join(p for p in parts if p))
    return "\n".join(lines)


def answers_frame(answers) -> pd.DataFrame:
    """The engine's answers table for survey answers (option, or value for numeric ones)."""
    rows = [
        {
            "iso3": a.assignment.iso3,
            "year": a.assignment.year,
            "indicator": a.indicator,
            "option": a.option or pd.NA,
            "value": a.value if a.value is not None and a.option != NOT_APPLICABLE else pd.NA,
            "justification": a.justification,
            "source": format_sources(a.sources),
        }
        for a in answers
    ]
    return pd.DataFrame(rows, columns=COLUMNS)


def publish_framework(row: FrameworkRow) -> Dataset:
    """Recompute and store the survey dataset of ``row`` from its published assignments."""
    fw = parse_framework_row(row)
    answers = (
        Answer.objects.filter(assignment__framework=row, assignment__state=State.PUBLISHED)
        .select_related("assignment")
        .order_by("assignment__iso3", "assignment__year", "pk")
    )
    frame = answers_frame(answers)
    source = f"expert survey ({fw.name})"
    run = run_index(frame, fw, source=source)
    clean = validate_answers(frame, fw, source=source)
    return store_run(
        run,
        clean,
        slug=dataset_slug(row),
        title_en=f"Expert questionnaire: {fw.text(fw.spec.title, 'en')}",
        title_ru=f"Анкета экспертов: {fw.text(fw.spec.title, 'ru')}",
        framework=row,
        sources=source,
        position=40,
    )
