"""What the survey stores: assignments, their pseudonymous participants, answers, reviews,
discussion threads, moderator decisions and the log of state changes.

The allowed state changes live in one table, :data:`TRANSITIONS` (rules in
:mod:`migdex.web.survey.workflow`). Every mutable model keeps its history
(django-simple-history), so each change has who, when, old and new.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from migdex.web.explorer.models import Framework as FrameworkRow

CENTRAL = "central_team"
MODERATOR = "moderator"
EXPERT = "expert"
REVIEWER = "reviewer"
ROLE_GROUPS = (CENTRAL, MODERATOR, EXPERT, REVIEWER)


class State(models.TextChoices):
    DRAFT = "draft", _("draft")
    SUBMITTED = "submitted", _("submitted")
    IN_REVIEW = "in_review", _("in review")
    DISPUTED = "disputed", _("disputed")
    RESOLVED = "resolved", _("resolved")
    FINAL = "final", _("final")
    PUBLISHED = "published", _("published")


# (from, to) → the roles allowed to make the change. Guards and side effects: workflow.py.
TRANSITIONS: dict[tuple[str, str], frozenset[str]] = {
    (State.DRAFT, State.SUBMITTED): frozenset({EXPERT}),
    (State.SUBMITTED, State.IN_REVIEW): frozenset({REVIEWER, MODERATOR, CENTRAL}),
    (State.SUBMITTED, State.DRAFT): frozenset({MODERATOR, CENTRAL}),
    (State.IN_REVIEW, State.DRAFT): frozenset({MODERATOR, CENTRAL}),
    (State.IN_REVIEW, State.DISPUTED): frozenset({REVIEWER}),
    (State.IN_REVIEW, State.RESOLVED): frozenset({REVIEWER}),
    (State.DISPUTED, State.RESOLVED): frozenset({MODERATOR, CENTRAL}),
    (State.RESOLVED, State.FINAL): frozenset({MODERATOR, CENTRAL}),
    (State.FINAL, State.PUBLISHED): frozenset({CENTRAL}),
}


class Assignment(models.Model):
    """One framework edition, one country and one year, answered by one expert."""

    framework = models.ForeignKey(
        FrameworkRow,
        on_delete=models.PROTECT,
        related_name="assignments",
        verbose_name=_("framework"),
    )
    framework_version = models.CharField(_("framework version"), max_length=40)
    iso3 = models.CharField(_("ISO3 code"), max_length=3)
    year = models.PositiveSmallIntegerField(_("year"))
    answer_deadline = models.DateField(_("answers due"), null=True, blank=True)
    review_deadline = models.DateField(_("review due"), null=True, blank=True)
    state = models.CharField(_("state"), max_length=20, choices=State, default=State.DRAFT)
    round = models.PositiveSmallIntegerField(_("review round"), default=0)
    created_at = models.DateTimeField(auto_now_add=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["iso3", "-year", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["framework", "iso3", "year"], name="survey_assignment_unique"
            )
        ]
        verbose_name = _("assignment")
        verbose_name_plural = _("assignments")

    def __str__(self) -> str:
        return f"{self.framework.name} {self.iso3} {self.year}"


class Participant(models.Model):
    """A user's role in one assignment, with the pseudonym everyone else sees."""

    ROLES = [(EXPERT, _("expert")), (REVIEWER, _("reviewer"))]

    assignment = models.ForeignKey(
        Assignment, on_delete=models.CASCADE, related_name="participants"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="survey_roles"
    )
    role = models.CharField(max_length=20, choices=ROLES)
    label = models.CharField(max_length=8)  # "A" for the expert, "1", "2"... for reviewers
    last_reminded_on = models.DateField(null=True, blank=True)

    class Meta:
        ordering = ["assignment", "role", "label"]
        constraints = [
            models.UniqueConstraint(
                fields=["assignment", "user", "role"], name="survey_participant_unique"
            ),
            models.UniqueConstraint(
                fields=["assignment", "role", "label"], name="survey_pseudonym_unique"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.assignment} {self.pseudonym}"

    @property
    def pseudonym(self) -> str:
        if self.role == EXPERT:
            return str(_("Expert %(label)s") % {"label": self.label})
        return str(_("Reviewer %(label)s") % {"label": self.label})


class Answer(models.Model):
    """The expert's answer to one indicator; ``version`` guards against silent overwrites."""

    assignment = models.ForeignKey(Assignment, on_delete=models.CASCADE, related_name="answers")
    indicator = models.CharField(max_length=40)
    option = models.CharField(max_length=20, blank=True)  # an option code, "na" or empty
    value = models.FloatField(null=True, blank=True)  # numeric indicators
    justification = models.TextField(blank=True)
    sources = models.JSONField(default=list, blank=True)  # [{law, article, date, url, attachment}]
    version = models.PositiveIntegerField(default=1)
    is_prefilled = models.BooleanField(default=False)  # copied from last year, not yet confirmed
    prefilled_from_year = models.PositiveSmallIntegerField(null=True, blank=True)
    confirmed_unchanged_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    confirmed_unchanged_at = models.DateTimeField(null=True, blank=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    updated_at = models.DateTimeField(auto_now=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["assignment", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["assignment", "indicator"], name="survey_answer_unique")
        ]

    def __str__(self) -> str:
        return f"{self.assignment} #{self.indicator}={self.option or self.value}"

    @property
    def is_answered(self) -> bool:
        return bool(self.option) or self.value is not None


class Review(models.Model):
    """One reviewer's verdict on one answer in one round."""

    answer = models.ForeignKey(Answer, on_delete=models.CASCADE, related_name="reviews")
    reviewer = models.ForeignKey(Participant, on_delete=models.CASCADE, related_name="reviews")
    round = models.PositiveSmallIntegerField(default=1)
    agrees = models.BooleanField(default=True)
    comment = models.TextField(blank=True)
    proposed_option = models.CharField(max_length=20, blank=True)
    updated_at = models.DateTimeField(auto_now=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["answer", "reviewer"]
        constraints = [
            models.UniqueConstraint(
                fields=["answer", "reviewer", "round"], name="survey_review_unique"
            )
        ]

    def __str__(self) -> str:
        return f"{self.answer} {'agree' if self.agrees else 'disagree'}"


class DiscussionMessage(models.Model):
    """A message of the anonymous thread about one indicator; the author shows as a pseudonym."""

    assignment = models.ForeignKey(Assignment, on_delete=models.CASCADE, related_name="messages")
    indicator = models.CharField(max_length=40)
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    author_pseudonym = models.CharField(max_length=40)
    text = models.TextField()
    created_at = models.DateTimeField(auto_now_add=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["created_at", "pk"]

    def __str__(self) -> str:
        return f"{self.assignment} #{self.indicator} {self.author_pseudonym}"


class ModeratorDecision(models.Model):
    """The final word on a disputed indicator, with its reason."""

    assignment = models.ForeignKey(Assignment, on_delete=models.CASCADE, related_name="decisions")
    indicator = models.CharField(max_length=40)
    option = models.CharField(max_length=20, blank=True)
    value = models.FloatField(null=True, blank=True)
    reason = models.TextField()
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    decided_at = models.DateTimeField(auto_now=True)
    history = HistoricalRecords()

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["assignment", "indicator"], name="survey_decision_unique"
            )
        ]

    def __str__(self) -> str:
        return f"{self.assignment} #{self.indicator} → {self.option or self.value}"


class StateChange(models.Model):
    """The log of an assignment's state changes: the checkpoints diffs compare."""

    assignment = models.ForeignKey(
        Assignment, on_delete=models.CASCADE, related_name="state_changes"
    )
    from_state = models.CharField(max_length=20, choices=State)
    to_state = models.CharField(max_length=20, choices=State)
    round = models.PositiveSmallIntegerField(default=0)
    by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["at", "pk"]

    def __str__(self) -> str:
        return f"{self.assignment} {self.from_state} → {self.to_state}"
