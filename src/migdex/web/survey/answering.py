"""The expert's side: pre-filled answers, saving with optimistic concurrency, completeness.

A save names the version it started from; if someone saved in between, the save is
refused with :class:`ConflictError`, which carries both versions. Nothing is overwritten
silently.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from migdex.errors import InputError
from migdex.index.framework import NOT_APPLICABLE, Framework, Indicator
from migdex.web.explorer.services import parse_framework_row
from migdex.web.survey.models import EXPERT, Answer, Assignment, State

SOURCE_FIELDS = ("law", "article", "date", "url", "attachment")


class WorkflowError(InputError):
    """An action the current state or the user's role does not allow; the message says why."""


@dataclass
class ConflictError(Exception):
    """Someone saved the answer after the version this save started from."""

    current: Answer
    yours: dict = field(default_factory=dict)


def framework_of(assignment: Assignment) -> Framework:
    return parse_framework_row(assignment.framework)


def answer_fields(answer: Answer) -> dict:
    """The comparable content of an answer (what a diff or a conflict screen shows)."""
    return {
        "option": answer.option,
        "value": answer.value,
        "justification": answer.justification,
        "sources": list(answer.sources or []),
    }


def check_choice(ind: Indicator, option: str, value: float | None) -> None:
    """Refuse an option the framework does not offer for ``ind`` (empty means unanswered)."""
    if ind.is_numeric:
        if option and option != NOT_APPLICABLE:
            raise WorkflowError(_("Indicator %(code)s takes a number.") % {"code": ind.code})
        return
    allowed = [o.code for o in ind.options] + (
        [NOT_APPLICABLE] if ind.not_applicable_allowed else []
    )
    if option and option not in allowed:
        raise WorkflowError(
            _("Indicator %(code)s: %(option)s is not an option; allowed: %(allowed)s.")
            % {"code": ind.code, "option": option, "allowed": ", ".join(allowed)}
        )


def clean_sources(sources: list[dict]) -> list[dict]:
    """Keep the filled-in sources, each with exactly the structured keys."""
    out = []
    for src in sources:
        row = {k: str(src.get(k) or "").strip() for k in SOURCE_FIELDS}
        if any(row.values()):
            out.append(row)
    return out


def ensure_editable(assignment: Assignment, user, roles: set[str]) -> None:
    if EXPERT not in roles:
        raise WorkflowError(_("Only the assignment's expert can change its answers."))
    if assignment.state != State.DRAFT:
        raise WorkflowError(_("Answers can only be changed while the assignment is a draft."))


@transaction.atomic
def save_answer(
    assignment: Assignment,
    indicator: str,
    user,
    roles: set[str],
    *,
    version: int,
    option: str,
    value: float | None,
    justification: str,
    sources: list[dict],
) -> Answer:
    """Save one answer if ``version`` is still current; raise :class:`ConflictError` if not."""
    ensure_editable(assignment, user, roles)
    fw = framework_of(assignment)
    ind = fw.indicators.get(indicator)
    if ind is None:
        raise WorkflowError(_("Unknown indicator %(code)s.") % {"code": indicator})
    check_choice(ind, option, value)
    yours = {
        "option": option,
        "value": value,
        "justification": justification,
        "sources": clean_sources(sources),
    }
    answer = Answer.objects.get(assignment=assignment, indicator=indicator)
    # Compare-and-swap on the version: of two saves from the same version, one wins.
    won = Answer.objects.filter(pk=answer.pk, version=version).update(version=F("version") + 1)
    if not won:
        answer.refresh_from_db()
        raise ConflictError(answer, yours)
    answer.refresh_from_db()
    answer.option, answer.value = option, value
    answer.justification, answer.sources = justification, yours["sources"]
    answer.is_prefilled = False
    answer.updated_by = user
    answer._history_user = user
    answer.save()
    return answer


@transaction.atomic
def confirm_unchanged(assignment: Assignment, indicator: str, user, roles: set[str], *, version):
    """Keep last year's answer, recording who confirmed it and when."""
    ensure_editable(assignment, user, roles)
    answer = Answer.objects.get(assignment=assignment, indicator=indicator)
    won = Answer.objects.filter(pk=answer.pk, version=version).update(version=F("version") + 1)
    answer.refresh_from_db()
    if not won:
        raise ConflictError(answer, answer_fields(answer))
    answer.is_prefilled = False
    answer.confirmed_unchanged_by = user
    answer.confirmed_unchanged_at = timezone.now()
    answer.updated_by = user
    answer._history_user = user
    answer.save()
    return answer


def missing_answers(assignment: Assignment, lang: str = "en") -> list[str]:
    """What still stops submission, one line per indicator, in questionnaire order."""
    fw = framework_of(assignment)
    answers = {a.indicator: a for a in assignment.answers.all()}
    missing = []
    for place in fw.places:
        ind = place.indicator
        a = answers.get(ind.code)
        label = f"{ind.code} ({fw.text(ind.title, lang)})"
        if a is None or not a.is_answered:
            missing.append(_("Indicator %(label)s: no option chosen") % {"label": label})
        elif a.is_prefilled:
            missing.append(
                _("Indicator %(label)s: last year's answer is not yet confirmed or changed")
                % {"label": label}
            )
        elif not a.justification.strip():
            missing.append(_("Indicator %(label)s: no justification") % {"label": label})
    return missing


def is_complete(answer: Answer | None) -> bool:
    return bool(
        answer and answer.is_answered and not answer.is_prefilled and answer.justification.strip()
    )


def progress(assignment: Assignment, lang: str = "en") -> list[dict]:
    """Per area: its title, answered-and-justified count, total."""
    fw = framework_of(assignment)
    answers = {a.indicator: a for a in assignment.answers.all()}
    rows = []
    for area in fw.areas:
        codes = [p.indicator.code for p in fw.places if p.area == area.code]
        done = sum(is_complete(answers.get(c)) for c in codes)
        rows.append(
            {
                "code": area.code,
                "title": fw.text(area.title, lang),
                "done": done,
                "total": len(codes),
                "percent": round(100 * done / len(codes)) if codes else 100,
            }
        )
    return rows
