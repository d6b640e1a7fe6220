"""Creating threads, posts and reports (the views have validated the forms already)."""

from __future__ import annotations

from collections.abc import Sequence

from django.db import transaction

from migdex.web.dialogue.checks import body_fingerprint
from migdex.web.dialogue.models import Participant, Post, Report, Rsvp, Tag, Thread, Topic


def add_post(thread: Thread, author: Participant, body: str, language: str) -> Post:
    return Post.objects.create(
        thread=thread,
        author=author,
        body=body,
        language=language,
        body_hash=body_fingerprint(body),
    )


@transaction.atomic
def start_thread(
    author: Participant,
    *,
    topic: Topic,
    title: str,
    kind: str,
    body: str,
    language: str,
    tags: Sequence[str] = (),
) -> Thread:
    """A new thread with its opening post and tags."""
    thread = Thread.objects.create(
        topic=topic, title=title, kind=kind, author=author, language=language
    )
    add_post(thread, author, body, language)
    thread.tags.set([Tag.objects.get_or_create(name=name)[0] for name in tags])
    return thread


def report_post(post: Post, reporter: Participant, reason: str, note: str = "") -> Report:
    """One open report per person and post: reporting again updates the reason and note."""
    report, _created = Report.objects.update_or_create(
        post=post,
        reporter=reporter,
        status=Report.Status.OPEN,
        defaults={"reason": reason, "note": note},
    )
    return report


def answer_event(event, participant: Participant, answer: str) -> Rsvp:
    """Going or not going; answering again replaces the earlier answer."""
    rsvp, _created = Rsvp.objects.update_or_create(
        event=event, participant=participant, defaults={"answer": answer}
    )
    return rsvp


def rsvp_counts(event) -> dict[str, int]:
    counts = dict.fromkeys(Rsvp.Answer.values, 0)
    for answer in event.rsvps.values_list("answer", flat=True):
        counts[answer] += 1
    return counts
