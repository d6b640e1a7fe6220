"""Linkage into persons, conflicts, and manual merge/split decisions that survive re-linking."""

from __future__ import annotations

import datetime as dt

import pytest

from migdex.web.ombudsman.models import AuditEvent, Ban, LinkConstraint
from migdex.web.ombudsman.services.conflicts import register_conflicts
from migdex.web.ombudsman.services.linking import relink

from .conftest import url

pytestmark = pytest.mark.django_db


def _person(key: str) -> str:
    agency, record = key.split(":")
    return Ban.objects.get(agency__code=agency, record_id=record).person.person_key


def test_spellings_across_agencies_are_one_person(register):
    assert _person("MVD:M-001") == _person("FSB:F-17") == _person("FSSP:S-9")
    assert _person("MVD:M-002") == _person("RPN:R-5")
    assert _person("MVD:M-001") != _person("MVD:M-002")


def test_conflicts_are_flagged(register):
    kinds = {(c.kind, c.person_key) for c in register_conflicts(today=dt.date(2026, 11, 1))}
    tojiev, yuldashev = _person("MVD:M-001"), _person("MINJUST:J-3")
    assert ("end_dates_differ", tojiev) in kinds
    assert ("lifted_elsewhere", tojiev) in kinds
    assert ("expired_active", yuldashev) in kinds
    assert any(kind == "review_band" for kind, _ in kinds)


def test_merge_and_split_survive_relinking_and_are_audited(register, personas):
    staff = personas["staff"]
    assert _person("MID:D-2") != _person("FMBA:B-1")  # review band
    response = staff.post(
        url("decide"),
        {
            "kind": "must",
            "key_a": "MID:D-2",
            "key_b": "FMBA:B-1",
            "reason": "same person, new passport",
        },
    )
    assert response.status_code == 302
    response = staff.post(
        url("decide"),
        {
            "kind": "cannot",
            "key_a": "MVD:M-001",
            "key_b": "FSSP:S-9",
            "reason": "different father's name on file",
        },
    )
    assert response.status_code == 302
    for _ in range(2):
        relink()
        assert _person("MID:D-2") == _person("FMBA:B-1")
        assert _person("MVD:M-001") != _person("FSSP:S-9")
        assert _person("MVD:M-001") == _person("FSB:F-17")
    events = AuditEvent.objects.filter(action__in=["merge", "split"])
    assert {(e.action, e.actor.username, e.reason) for e in events} == {
        ("merge", "ombudsman_staff", "same person, new passport"),
        ("split", "ombudsman_staff", "different father's name on file"),
    }
    assert LinkConstraint.history.count() == 2


def test_officer_cannot_decide_links(register, personas):
    response = personas["officer_a"].post(
        url("decide"), {"kind": "must", "key_a": "MVD:M-001", "key_b": "MVD:M-002", "reason": "x"}
    )
    assert response.status_code == 403
    assert not LinkConstraint.objects.exists()
