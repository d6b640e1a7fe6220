"""Moderator decisions. Each one changes the item and writes one ``ModerationAction`` row."""

from __future__ import annotations

import datetime as dt

from django.db import transaction
from django.utils import timezone

from migdex.web.dialogue.models import (
    Event,
    ModerationAction,
    Participant,
    Post,
    Report,
    Thread,
)

Kind = ModerationAction.Kind
SUSPENSION = dt.timedelta(days=7)
_EVENT_KINDS = (Kind.HIDE_EVENT, Kind.RESTORE_EVENT)
_HIDES = (Kind.HIDE_POST, Kind.HIDE_THREAD, Kind.HIDE_EVENT)
_RESTORES = (Kind.RESTORE_POST, Kind.RESTORE_THREAD, Kind.RESTORE_EVENT)
# The reports an action closes, and the status it gives them.
_CLOSES = {
    Kind.HIDE_POST: Report.Status.ACTIONED,
    Kind.HIDE_THREAD: Report.Status.ACTIONED,
    Kind.WARN: Report.Status.ACTIONED,
    Kind.SUSPEND: Report.Status.ACTIONED,
    Kind.DISMISS: Report.Status.DISMISSED,
}


class ModerationError(ValueError):
    """The action cannot apply to what was given (e.g. restoring a post that is not hidden)."""


def _target(kind: str, *, report, post, thread, event):
    """Fill post/thread/participant from the report or the post, as far as the action needs."""
    if kind in _EVENT_KINDS:
        if event is None:
            raise ModerationError(f"{kind} needs an event.")
        return None, None, event.organiser
    post = post or (report.post if report else None)
    thread = thread or (post.thread if post else None)
    if kind in (Kind.HIDE_POST, Kind.RESTORE_POST, Kind.WARN, Kind.SUSPEND) and post is None:
        raise ModerationError(f"{kind} needs a post or a report on one.")
    if kind in (Kind.HIDE_THREAD, Kind.RESTORE_THREAD) and thread is None:
        raise ModerationError(f"{kind} needs a thread, a post or a report.")
    if kind == Kind.DISMISS and report is None:
        raise ModerationError("dismiss needs a report.")
    return post, thread, (post.author if post else None)


def _apply(kind: str, item: Post | Thread | Event | None, author: Participant | None) -> None:
    """Change the item (hide or restore it) or the author (warning, suspension)."""
    if kind in _HIDES:
        item.is_hidden = True
        item.save(update_fields=["is_hidden"])
    elif kind in _RESTORES:
        item.is_hidden = False
        item.save(update_fields=["is_hidden"])
    elif kind == Kind.WARN:
        author.warnings += 1
        author.save(update_fields=["warnings"])
    elif kind == Kind.SUSPEND:
        author.suspended_until = timezone.now() + SUSPENSION
        author.save(update_fields=["suspended_until"])


def _settle_reports(kind: str, report: Report | None, post: Post | None, thread: Thread | None):
    """Close the open reports the action answers (all of a hidden post's or thread's)."""
    status = _CLOSES.get(kind)
    if not status:
        return
    open_reports = Report.objects.filter(status=Report.Status.OPEN)
    settled = open_reports.filter(pk=report.pk) if report else open_reports.none()
    if kind == Kind.HIDE_THREAD:
        settled = open_reports.filter(post__thread=thread)
    elif kind == Kind.HIDE_POST:
        settled = open_reports.filter(post=post)
    settled.update(status=status, resolved_at=timezone.now())


@transaction.atomic
def moderate(
    moderator,
    kind: str,
    *,
    reason: str = "",
    note: str = "",
    report: Report | None = None,
    post: Post | None = None,
    thread: Thread | None = None,
    event: Event | None = None,
) -> ModerationAction:
    """Apply one moderator action, close the report(s) it settles, and audit it."""
    if kind not in Kind.values or kind == Kind.VERIFY_ORG:
        raise ModerationError(f"unknown moderation action {kind!r}")
    post, thread, author = _target(kind, report=report, post=post, thread=thread, event=event)
    item = {"post": post, "thread": thread, "event": event}.get(kind.split("_")[-1])
    _apply(kind, item, author)
    _settle_reports(kind, report, post, thread)
    return ModerationAction.objects.create(
        moderator=moderator,
        kind=kind,
        reason=reason or (report.reason if report else ""),
        note=note,
        report=report,
        thread=thread,
        post=post,
        event=event,
        participant=author,
    )


@transaction.atomic
def verify_organisation(staff, participant: Participant, note: str = "") -> ModerationAction:
    """Mark an organisation account verified (a badge on its posts), audited like the rest."""
    participant.is_organisation = True
    participant.verified_at = timezone.now()
    participant.verified_by = staff
    participant.save()
    return ModerationAction.objects.create(
        moderator=staff, kind=Kind.VERIFY_ORG, note=note, participant=participant
    )
