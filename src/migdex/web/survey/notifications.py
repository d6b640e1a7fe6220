"""Emails (Django's mail API; the console backend by default), one message per recipient.

A message names people only by their pseudonym in the assignment, never by username
or address, and every recipient gets a separate email so no address is shared.
"""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import send_mail
from django.urls import reverse
from django.utils.translation import gettext as _

from migdex.web.survey.models import (
    EXPERT,
    MODERATOR,
    REVIEWER,
    Assignment,
    DiscussionMessage,
    ModeratorDecision,
    State,
)


def _link(assignment: Assignment) -> str:
    base = getattr(settings, "MIGDEX_SITE_URL", "").rstrip("/")
    return base + reverse("survey:assignment", args=[assignment.pk])


def _title(assignment: Assignment) -> str:
    return f"{assignment.framework.name} {assignment.iso3} {assignment.year}"


def _send(user, subject: str, body: str, assignment: Assignment) -> None:
    if not user.email:
        return
    text = f"{body}\n\n{_link(assignment)}\n"
    send_mail(f"[migdex] {subject}", text, None, [user.email])


def _people(assignment: Assignment, role: str):
    return [p for p in assignment.participants.select_related("user") if p.role == role]


def _moderators():
    return get_user_model().objects.filter(groups__name=MODERATOR, is_active=True).distinct()


def assignment_created(assignment: Assignment) -> None:
    for p in assignment.participants.select_related("user"):
        _send(
            p.user,
            _("New assignment: %(title)s") % {"title": _title(assignment)},
            _("You take part as %(pseudonym)s. Answers are due %(due)s.")
            % {"pseudonym": p.pseudonym, "due": assignment.answer_deadline or "-"},
            assignment,
        )


STATE_MAIL = {
    State.SUBMITTED: (REVIEWER, "submitted"),
    State.DISPUTED: (EXPERT, "disputed"),
    State.RESOLVED: (EXPERT, "reviewed"),
    State.DRAFT: (EXPERT, "returned"),
    State.PUBLISHED: (EXPERT, "published"),
}


def state_changed(assignment: Assignment, previous: str, state: str) -> None:
    """Tell the people who act next: reviewers on submission, the expert on review results."""
    title = _title(assignment)
    subject = {
        "submitted": _("Answers to review: %(title)s"),
        "disputed": _("Review finished with disagreements: %(title)s"),
        "reviewed": _("Review finished: %(title)s"),
        "returned": _("Returned to the expert: %(title)s"),
        "published": _("Published: %(title)s"),
    }
    entry = STATE_MAIL.get(state)
    if entry is None:
        return
    role, kind = entry
    recipients = [p.user for p in _people(assignment, role)]
    if state == State.DISPUTED:
        recipients += list(_moderators())
    if state == State.PUBLISHED:
        recipients += [p.user for p in _people(assignment, REVIEWER)]
    body = _("The assignment is now %(state)s.") % {"state": State(state).label}
    for user in {u.pk: u for u in recipients}.values():
        _send(user, subject[kind] % {"title": title}, body, assignment)


def message_posted(message: DiscussionMessage) -> None:
    assignment = message.assignment
    users = [p.user for p in assignment.participants.select_related("user")]
    users += list(_moderators())
    for user in {u.pk: u for u in users if u.pk != message.author_id}.values():
        _send(
            user,
            _("New message on indicator %(code)s: %(title)s")
            % {"code": message.indicator, "title": _title(assignment)},
            message.text,
            assignment,
        )


def decision_made(decision: ModeratorDecision) -> None:
    assignment = decision.assignment
    shown = decision.option or decision.value
    for p in assignment.participants.select_related("user"):
        _send(
            p.user,
            _("Moderator's decision on indicator %(code)s: %(title)s")
            % {"code": decision.indicator, "title": _title(assignment)},
            _("Decided: %(option)s. Reason: %(reason)s")
            % {"option": shown, "reason": decision.reason},
            assignment,
        )


def send_deadline_reminders(today: dt.date, *, days_before: int = 3) -> int:
    """Remind experts of drafts and reviewers of open reviews due within ``days_before`` days.

    Each participant is reminded at most once a day; returns the number of emails sent.
    """
    horizon = today + dt.timedelta(days=days_before)
    waiting = {
        EXPERT: (State.DRAFT,),
        REVIEWER: (State.SUBMITTED, State.IN_REVIEW),
    }
    sent = 0
    for assignment in Assignment.objects.select_related("framework"):
        for role, states in waiting.items():
            due = assignment.answer_deadline if role == EXPERT else assignment.review_deadline
            if assignment.state not in states or due is None or due > horizon:
                continue
            for p in _people(assignment, role):
                if p.last_reminded_on == today:
                    continue
                _send(
                    p.user,
                    _("Reminder: %(title)s is due %(due)s")
                    % {"title": _title(assignment), "due": due},
                    _("You take part as %(pseudonym)s.") % {"pseudonym": p.pseudonym},
                    assignment,
                )
                p.last_reminded_on = today
                p.save(update_fields=["last_reminded_on"])
                sent += 1
    return sent
