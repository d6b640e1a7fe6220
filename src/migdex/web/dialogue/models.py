"""Participants (pseudonyms, verified organisations), topics, threads, posts, events, reports.

Nothing here stores or shows personal data: a participant appears only under a pseudonym,
and every moderator decision is a row in ``ModerationAction`` (the audit a moderator opens).
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

MODERATOR_GROUP = "dialogue moderators"


class Participant(models.Model):
    """A user as the community sees them: a pseudonym, maybe a verified organisation."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="dialogue_participant"
    )
    pseudonym = models.CharField(_("pseudonym"), max_length=40, unique=True)
    is_organisation = models.BooleanField(_("organisation account"), default=False)
    organisation_name = models.CharField(_("organisation name"), max_length=120, blank=True)
    verified_at = models.DateTimeField(_("verified at"), null=True, blank=True)
    verified_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    suspended_until = models.DateTimeField(_("suspended until"), null=True, blank=True)
    warnings = models.PositiveIntegerField(_("warnings"), default=0)
    is_synthetic = models.BooleanField(default=False)
    history = HistoricalRecords()

    def __str__(self) -> str:
        return self.display_name

    @property
    def display_name(self) -> str:
        """What pages show: the organisation's name when verified, else the pseudonym."""
        return self.organisation_name if self.is_verified_organisation else self.pseudonym

    @property
    def is_verified_organisation(self) -> bool:
        return self.is_organisation and self.verified_at is not None

    def is_suspended(self, now=None) -> bool:
        return bool(self.suspended_until and self.suspended_until > (now or timezone.now()))


class Topic(models.Model):
    """A standing subject (work, documents, housing...) that threads belong to."""

    slug = models.SlugField(unique=True)
    name = models.CharField(_("name"), max_length=120)
    # Names in other site languages: {"ru": "...", "uz": "..."}; English ``name`` is the fallback.
    names = models.JSONField(default=dict, blank=True)
    is_synthetic = models.BooleanField(default=False)

    class Meta:
        ordering = ["slug"]

    def __str__(self) -> str:
        return self.name

    def name_in(self, language: str) -> str:
        return self.names.get(language) or self.name


class Tag(models.Model):
    name = models.SlugField(max_length=40, unique=True)

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class Thread(models.Model):
    """A discussion or a question; its first post is the opening text."""

    class Kind(models.TextChoices):
        DISCUSSION = "discussion", _("Discussion")
        QUESTION = "question", _("Question")

    topic = models.ForeignKey(Topic, on_delete=models.PROTECT, related_name="threads")
    title = models.CharField(_("title"), max_length=200)
    kind = models.CharField(_("kind"), max_length=12, choices=Kind.choices, default=Kind.DISCUSSION)
    author = models.ForeignKey(Participant, on_delete=models.PROTECT, related_name="threads")
    language = models.CharField(_("language"), max_length=8)
    tags = models.ManyToManyField(Tag, blank=True, related_name="threads")
    created_at = models.DateTimeField(default=timezone.now)
    is_hidden = models.BooleanField(default=False)
    accepted_post = models.ForeignKey(
        "Post", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    is_synthetic = models.BooleanField(default=False)

    class Meta:
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return self.title


class Post(models.Model):
    thread = models.ForeignKey(Thread, on_delete=models.CASCADE, related_name="posts")
    author = models.ForeignKey(Participant, on_delete=models.PROTECT, related_name="posts")
    body = models.TextField(_("text"))
    language = models.CharField(_("language"), max_length=8)
    body_hash = models.CharField(max_length=64, db_index=True)
    created_at = models.DateTimeField(default=timezone.now)
    is_hidden = models.BooleanField(default=False)
    is_synthetic = models.BooleanField(default=False)

    class Meta:
        ordering = ["created_at", "id"]

    def __str__(self) -> str:
        return f"post {self.pk} in thread {self.thread_id}"


class Event(models.Model):
    """A local meeting: city, date, place; participants answer going / not going."""

    title = models.CharField(_("title"), max_length=200)
    city = models.CharField(_("city"), max_length=80)
    place = models.CharField(_("place"), max_length=200)
    starts_at = models.DateTimeField(_("starts at"))
    description = models.TextField(_("description"), blank=True)
    language = models.CharField(_("language"), max_length=8)
    organiser = models.ForeignKey(Participant, on_delete=models.PROTECT, related_name="events")
    is_hidden = models.BooleanField(default=False)
    is_synthetic = models.BooleanField(default=False)

    class Meta:
        ordering = ["starts_at", "id"]

    def __str__(self) -> str:
        return self.title


class Rsvp(models.Model):
    class Answer(models.TextChoices):
        GOING = "going", _("Going")
        NOT_GOING = "not_going", _("Not going")

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="rsvps")
    participant = models.ForeignKey(Participant, on_delete=models.CASCADE, related_name="rsvps")
    answer = models.CharField(max_length=10, choices=Answer.choices)
    answered_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["event", "participant"], name="dialogue_one_rsvp")
        ]


class Reason(models.TextChoices):
    """Coded reasons for reports and moderator actions."""

    HATE_SPEECH = "hate_speech", _("Hate speech")
    SPAM = "spam", _("Spam")
    PERSONAL_DATA = "personal_data", _("Personal data")
    OFF_TOPIC = "off_topic", _("Off topic")
    OTHER = "other", _("Other")


class Report(models.Model):
    class Status(models.TextChoices):
        OPEN = "open", _("Open")
        ACTIONED = "actioned", _("Actioned")
        DISMISSED = "dismissed", _("Dismissed")

    post = models.ForeignKey(Post, on_delete=models.CASCADE, related_name="reports")
    reporter = models.ForeignKey(Participant, on_delete=models.PROTECT, related_name="reports")
    reason = models.CharField(_("reason"), max_length=16, choices=Reason.choices)
    note = models.TextField(_("note"), blank=True, max_length=1000)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.OPEN)
    created_at = models.DateTimeField(default=timezone.now)
    resolved_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["created_at", "id"]
        permissions = [("moderate", "Can moderate the community dialogue")]

    def __str__(self) -> str:
        return f"report {self.pk} ({self.reason})"


class ModerationAction(models.Model):
    """One moderator decision: who, when, what, on which item, with which reason and note."""

    class Kind(models.TextChoices):
        HIDE_POST = "hide_post", _("Hide post")
        RESTORE_POST = "restore_post", _("Restore post")
        HIDE_THREAD = "hide_thread", _("Hide thread")
        RESTORE_THREAD = "restore_thread", _("Restore thread")
        HIDE_EVENT = "hide_event", _("Hide event")
        RESTORE_EVENT = "restore_event", _("Restore event")
        DISMISS = "dismiss", _("Dismiss report")
        WARN = "warn", _("Warn user")
        SUSPEND = "suspend", _("Suspend user")
        VERIFY_ORG = "verify_org", _("Verify organisation")

    moderator = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="dialogue_actions"
    )
    kind = models.CharField(max_length=16, choices=Kind.choices)
    reason = models.CharField(max_length=16, choices=Reason.choices, blank=True)
    note = models.TextField(blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    report = models.ForeignKey(Report, null=True, blank=True, on_delete=models.SET_NULL)
    thread = models.ForeignKey(Thread, null=True, blank=True, on_delete=models.SET_NULL)
    post = models.ForeignKey(Post, null=True, blank=True, on_delete=models.SET_NULL)
    event = models.ForeignKey(Event, null=True, blank=True, on_delete=models.SET_NULL)
    participant = models.ForeignKey(Participant, null=True, blank=True, on_delete=models.SET_NULL)

    class Meta:
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return f"{self.kind} by {self.moderator_id} at {self.created_at:%Y-%m-%d %H:%M}"
