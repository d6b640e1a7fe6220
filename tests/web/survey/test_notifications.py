"""Emails on assignment, review, dispute and decision; deadline reminders once a day."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.management import call_command
from survey_helpers import answer_all, new_assignment, review_all

from migdex.web.survey import workflow
from migdex.web.survey.models import EXPERT, MODERATOR, State

pytestmark = pytest.mark.django_db


def _subjects(outbox, address):
    return [m.subject for m in outbox if m.to == [address]]


def test_each_step_emails_the_people_who_act_next(
    people, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        a = new_assignment(people)
        answer_all(a, people.expert_x)
        workflow.transition(a, State.SUBMITTED, people.expert_x, {EXPERT})
        review_all(a, people.reviewer, {"1": ("b", "Restricted.")})
        workflow.finish_review(a, people.reviewer)
        workflow.decide(a, "1", people.moderator, {MODERATOR}, option="b", reason="Art. 13.")
    expert = _subjects(mailoutbox, people.expert_x.email)
    reviewer = _subjects(mailoutbox, people.reviewer.email)
    moderator = _subjects(mailoutbox, people.moderator.email)
    assert any("New assignment" in s for s in expert) and any(
        "New assignment" in s for s in reviewer
    )
    assert any("Answers to review" in s for s in reviewer)
    assert any("disagreements" in s for s in expert) and any(
        "disagreements" in s for s in moderator
    )
    assert any("decision on indicator 1" in s for s in expert + reviewer)
    body = next(m.body for m in mailoutbox if m.to == [people.expert_x.email])
    assert "Expert A" in body and f"/survey/{a.pk}/" in body


def test_deadline_reminders_command_runs_once_a_day(people, mailoutbox, capsys):
    soon = dt.date.today() + dt.timedelta(days=2)
    a = new_assignment(people)
    a.answer_deadline = soon
    a.save()
    far = new_assignment(people, iso3="FIN", expert=people.expert_y, reviewers=[])
    far.answer_deadline = soon + dt.timedelta(days=30)
    far.save()
    mailoutbox.clear()
    call_command("send_deadline_reminders", "--days", "3")
    assert [m.to for m in mailoutbox] == [[people.expert_x.email]]
    assert "Reminder" in mailoutbox[0].subject and "Expert A" in mailoutbox[0].body
    assert "1 reminder(s) sent" in capsys.readouterr().out
    call_command("send_deadline_reminders", "--days", "3")
    assert len(mailoutbox) == 1  # not twice the same day
