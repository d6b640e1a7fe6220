"""Cases: intake, triage, assignment, stages, statutory clocks, hearings, closure.

Every change is an audit event (and a django-simple-history row on the case).
"""

from __future__ import annotations

import datetime as dt

from django.db import transaction
from django.db.models import Q, QuerySet
from django.utils import timezone

from migdex.web.ombudsman.models import Attachment, Case
from migdex.web.ombudsman.services.audit import record_event
from migdex.web.ombudsman.services.roles import ROLE_ADMIN, is_ombudsman_staff, roles_of

# Statutory or policy clocks, in days from intake (GDPR Art 12(3): one month for access).
DEADLINE_DAYS = {
    Case.Kind.ACCESS: 30,
    Case.Kind.CORRECTION: 30,
    Case.Kind.ERASURE: 30,
    Case.Kind.APPEAL: 60,
    Case.Kind.COMPLAINT: 90,
}
STAGE_ORDER = [Case.Stage.INTAKE, Case.Stage.EARLY, Case.Stage.INVESTIGATION, Case.Stage.CLOSED]


class CaseError(ValueError):
    """A case action is not allowed in the case's current state."""


def due_date(kind: str, opened_at: dt.datetime) -> dt.datetime:
    """When the case must be answered: intake plus the days of :data:`DEADLINE_DAYS`."""
    return opened_at + dt.timedelta(days=DEADLINE_DAYS[kind])


def _next_reference(year: int) -> str:
    count = Case.objects.filter(reference__startswith=f"OMB-{year}-").count()
    return f"OMB-{year}-{count + 1:05d}"


def open_case(*, actor=None, **fields) -> Case:
    """Intake: a new case with its reference and deadline; audited."""
    opened = fields.pop("opened_at", None) or timezone.now()
    with transaction.atomic():
        case = Case.objects.create(
            reference=_next_reference(opened.year),
            opened_at=opened,
            due_at=due_date(fields["kind"], opened),
            **fields,
        )
        record_event(actor, "case_open", case.reference, kind=case.kind)
    return case


def visible_cases(user) -> QuerySet[Case]:
    """Staff see every case except confidential ones assigned to someone else; admins see all."""
    cases = Case.objects.select_related("agency", "assigned_to", "person")
    if ROLE_ADMIN in roles_of(user):
        return cases
    if not is_ombudsman_staff(user):
        return cases.none()
    return cases.filter(Q(confidential=False) | Q(assigned_to=user) | Q(assigned_to__isnull=True))


def overdue(cases: QuerySet[Case], *, now: dt.datetime | None = None) -> QuerySet[Case]:
    """Open cases past their deadline."""
    return cases.exclude(stage=Case.Stage.CLOSED).filter(due_at__lt=now or timezone.now())


def assign(case: Case, user, *, actor) -> None:
    case.assigned_to = user
    case.save()
    record_event(actor, "case_assign", case.reference, assignee=user.pk if user else None)


def move_to(case: Case, stage: str, *, actor, reason: str = "") -> None:
    """Move an open case to a later stage (closing goes through :func:`close`)."""
    if case.stage == Case.Stage.CLOSED or stage == Case.Stage.CLOSED:
        raise CaseError("close a case with an outcome and a closure reason")
    if STAGE_ORDER.index(stage) <= STAGE_ORDER.index(case.stage):
        raise CaseError(f"the case is already at {case.stage}")
    before = case.stage
    case.stage = stage
    case.save()
    record_event(actor, "case_stage", case.reference, reason=reason, before=before, after=stage)


def schedule_hearing(case: Case, when: dt.datetime, link: str, *, actor) -> None:
    case.hearing_at, case.hearing_link = when, link
    case.save()
    record_event(actor, "case_hearing", case.reference, at=when.isoformat())


def close(case: Case, outcome: str, reason_code: str, *, actor, note: str = "") -> None:
    if case.stage == Case.Stage.CLOSED:
        raise CaseError("the case is already closed")
    case.stage, case.outcome, case.closure_reason = Case.Stage.CLOSED, outcome, reason_code
    case.closed_at = timezone.now()
    case.save()
    record_event(
        actor, "case_close", case.reference, reason=note, outcome=outcome, code=reason_code
    )


def set_confidential(case: Case, confidential: bool, *, actor) -> None:
    case.confidential = confidential
    case.save()
    record_event(actor, "case_confidential", case.reference, confidential=confidential)


def attach(case: Case, upload, description: str, *, actor) -> Attachment:
    attachment = Attachment.objects.create(
        case=case,
        file=upload,
        description=description,
        uploaded_by=actor if getattr(actor, "is_authenticated", False) else None,
    )
    record_event(actor, "case_attach", case.reference, attachment=attachment.pk)
    return attachment
