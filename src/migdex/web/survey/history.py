"""The audit trail (who, when, old → new, from django-simple-history) and the diffs between
review rounds (state-change checkpoints) and between years (last year's final answers).
"""

from __future__ import annotations

import datetime as dt

from django.utils.translation import gettext as _

from migdex.web.survey.answering import framework_of
from migdex.web.survey.models import (
    Answer,
    Assignment,
    DiscussionMessage,
    ModeratorDecision,
    Review,
    StateChange,
)
from migdex.web.survey.roles import name_for

HIDDEN_FIELDS = {"id", "version", "updated_at", "updated_by", "decided_at", "created_at"}
COMPARED = ("option", "value", "justification", "sources")


def audit_trail(assignment: Assignment, viewer) -> list[dict]:
    """Every recorded change of the assignment and its parts, newest first."""
    records = [
        *assignment.history.all(),
        *Answer.history.filter(assignment_id=assignment.pk),
        *Review.history.filter(answer__assignment_id=assignment.pk),
        *ModeratorDecision.history.filter(assignment_id=assignment.pk),
        *DiscussionMessage.history.filter(assignment_id=assignment.pk),
    ]
    answers = dict(assignment.answers.values_list("pk", "indicator"))
    rows = []
    for rec in records:
        rows.append(
            {
                "at": rec.history_date,
                "who": name_for(viewer, rec.history_user_id, assignment),
                "what": _describe(rec, answers),
                "changes": _changes(rec),
            }
        )
    rows.sort(key=lambda r: r["at"], reverse=True)
    return rows


def _describe(rec, answers: dict[int, str]) -> str:
    model = rec.instance_type.__name__
    if model == "Assignment":
        return _("assignment")
    if model == "Review":
        return _("review of indicator %(code)s") % {"code": answers.get(rec.answer_id, "?")}
    return _("%(kind)s, indicator %(code)s") % {
        "kind": {"Answer": _("answer"), "ModeratorDecision": _("decision")}.get(
            model, _("message")
        ),
        "code": rec.indicator,
    }


def _changes(rec) -> list[tuple[str, str, str]]:
    if rec.history_type == "+":
        return [(_("created"), "", "")]
    if rec.history_type == "-":
        return [(_("deleted"), "", "")]
    prev = rec.prev_record
    if prev is None:
        return []
    delta = rec.diff_against(prev)
    return [
        (c.field, _shown(c.old), _shown(c.new))
        for c in delta.changes
        if c.field not in HIDDEN_FIELDS
        and not c.field.startswith("confirmed_unchanged_by")
        and c.field not in ("reviewer", "answer", "author", "decided_by", "assignment")
    ]


def _shown(value) -> str:
    if value is None:
        return ""
    if isinstance(value, list):
        from migdex.web.survey.publishing import format_sources

        return format_sources(value)
    return str(value)


def answers_as_of(assignment: Assignment, when: dt.datetime | None) -> dict[str, dict]:
    """indicator → answer fields at ``when`` (now when None)."""
    if when is None:
        return {a.indicator: _fields(a) for a in assignment.answers.all()}
    out: dict[str, dict] = {}
    recs = Answer.history.filter(assignment_id=assignment.pk, history_date__lte=when).order_by(
        "-history_date", "-history_id"
    )
    for rec in recs:
        out.setdefault(rec.indicator, _fields(rec))
    return out


def _fields(obj) -> dict:
    return {k: getattr(obj, k) for k in COMPARED}


def checkpoints(assignment: Assignment) -> list[StateChange]:
    return list(assignment.state_changes.all())


def diff_rows(assignment: Assignment, before: dict, after: dict, lang: str) -> list[dict]:
    """One row per indicator in questionnaire order: before, after, changed or not."""
    fw = framework_of(assignment)
    rows = []
    for code, ind in fw.indicators.items():
        b, a = before.get(code, {}), after.get(code, {})
        rows.append(
            {
                "code": code,
                "title": fw.text(ind.title, lang),
                "before": {k: _shown(v) for k, v in b.items()},
                "after": {k: _shown(v) for k, v in a.items()},
                "changed": {k: _shown(b.get(k)) != _shown(a.get(k)) for k in COMPARED},
                "is_changed": any(_shown(b.get(k)) != _shown(a.get(k)) for k in COMPARED),
            }
        )
    return rows
