"""Cases: intake from the look-up, deadlines, staff actions to closure, confidentiality, audit."""

from __future__ import annotations

import datetime as dt
import io

import pytest
from django.test import Client
from django.utils import timezone

from migdex.web.ombudsman.models import AuditEvent, Case
from migdex.web.ombudsman.services import cases

from .conftest import url, verified_client

pytestmark = pytest.mark.django_db


def _appeal(client) -> Case:
    response = client.post(
        url("lookup_request"),
        {
            "kind": "appeal",
            "description": "I was never told.",
            "contact": "+998 90 000 00 00",
            "language": "uz",
            "children_involved": "on",
        },
    )
    assert response.status_code == 302
    return Case.objects.latest("opened_at")


def test_migrant_opens_appeal_and_staff_close_it_with_full_audit(register, personas):
    case = _appeal(verified_client(Client()))
    assert case.kind == "appeal" and case.person is not None and case.children_involved
    assert (case.due_at - case.opened_at).days == 60
    staff = personas["staff"]
    from django.contrib.auth import get_user_model

    me = get_user_model().objects.get(username="ombudsman_staff")
    page = url("case", case.reference)
    steps = [
        {"action": "assign", "assignee": me.pk},
        {"action": "stage", "stage": "early_resolution", "reason": "agency contacted"},
        {"action": "stage", "stage": "investigation", "reason": "no answer"},
        {
            "action": "hearing",
            "hearing_at": "2026-12-01T10:00",
            "hearing_link": "https://meet.example.org/x",
        },
        {"action": "attach", "file": io.BytesIO(b"%PDF-1.4 test"), "description": "decision copy"},
        {"action": "close", "outcome": "granted", "closure_reason": "R3", "note": "ban lifted"},
    ]
    for step in steps:
        if "file" in step:
            step["file"].name = "decision.pdf"
        assert staff.post(page, step).status_code == 302, step
    case.refresh_from_db()
    assert (case.stage, case.outcome, case.closure_reason, case.assigned_to) == (
        "closed",
        "granted",
        "R3",
        me,
    )
    assert case.attachments.count() == 1 and case.hearing_link.endswith("/x")
    actions = list(
        AuditEvent.objects.filter(target=case.reference)
        .order_by("at", "id")
        .values_list("action", flat=True)
    )
    assert actions == [
        "case_open",
        "case_assign",
        "case_stage",
        "case_stage",
        "case_hearing",
        "case_attach",
        "case_close",
    ]
    assert case.history.count() >= 6  # every change of the case (attachments are separate rows)
    assert "My cases" in staff.get(url("dashboard")).content.decode()


def test_overdue_and_dashboard(register, personas):
    old = timezone.now() - dt.timedelta(days=40)
    late = cases.open_case(kind="access", applicant_name="A", description="d", opened_at=old)
    cases.open_case(kind="access", applicant_name="B", description="d")
    assert list(cases.overdue(Case.objects.all())) == [late]
    page = personas["staff"].get(url("dashboard")).content.decode()
    overdue_section = page.split('id="overdue"')[1].split("</section>")[0]
    assert late.reference in overdue_section


def test_confidential_case_hidden_from_other_staff_and_officers(
    register, personas, django_user_model
):
    from django.contrib.auth.models import Group

    other = django_user_model.objects.create_user("staff2", password="x-x-x-x-x")
    other.groups.add(Group.objects.get(name="ombudsman_staff"))
    case = cases.open_case(kind="complaint", applicant_name="C", description="d", confidential=True)
    cases.assign(case, other, actor=None)
    assert personas["staff"].get(url("case", case.reference)).status_code == 404
    assert personas["officer_a"].get(url("case", case.reference)).status_code == 403
    assert personas["admin"].get(url("case", case.reference)).status_code == 200
    viewer = Client()
    viewer.force_login(other)
    assert viewer.get(url("case", case.reference)).status_code == 200


def test_closing_twice_or_moving_backwards_is_refused(register):
    case = cases.open_case(kind="erasure", applicant_name="D", description="d")
    cases.move_to(case, "investigation", actor=None)
    with pytest.raises(cases.CaseError):
        cases.move_to(case, "early_resolution", actor=None)
    cases.close(case, "rejected", "N1", actor=None)
    with pytest.raises(cases.CaseError):
        cases.close(case, "granted", "R1", actor=None)
