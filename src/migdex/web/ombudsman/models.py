"""The register (agencies, bans, persons, link decisions), the logs, and cases."""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

ROLE_OFFICER = "agency_officer"
ROLE_STAFF = "ombudsman_staff"
ROLE_ADMIN = "administrator"
ROLES = (ROLE_OFFICER, ROLE_STAFF, ROLE_ADMIN)


class Agency(models.Model):
    """One of the agencies that may place a migrant on the re-entry ban list."""

    code = models.SlugField(max_length=32, unique=True)
    name = models.CharField(max_length=200)
    name_ru = models.CharField(max_length=200, blank=True)
    contact = models.CharField(max_length=300, blank=True)
    column_mapping = models.JSONField(default=dict, blank=True)
    is_synthetic = models.BooleanField(default=False)

    class Meta:
        ordering = ["code"]
        verbose_name_plural = "agencies"

    def __str__(self) -> str:
        return self.code


class StaffProfile(models.Model):
    """Links an agency officer to the one agency whose list they may see."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="ombudsman_profile"
    )
    agency = models.ForeignKey(Agency, null=True, blank=True, on_delete=models.SET_NULL)

    def __str__(self) -> str:
        return f"{self.user} ({self.agency or '-'})"


class Person(models.Model):
    """A cluster of ban records that linkage (and staff decisions) say are one person."""

    person_key = models.CharField(max_length=80, unique=True)
    needs_review = models.BooleanField(default=False)
    evidence = models.JSONField(default=list, blank=True)
    linked_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["person_key"]

    def __str__(self) -> str:
        return self.person_key


class Ban(models.Model):
    """One agency record: a re-entry ban decision and the person it names."""

    class Status(models.TextChoices):
        ACTIVE = "active", _("active")
        LIFTED = "lifted", _("lifted")
        EXPIRED = "expired", _("expired")

    agency = models.ForeignKey(Agency, on_delete=models.PROTECT, related_name="bans")
    record_id = models.CharField(max_length=100)
    decision_reference = models.CharField(max_length=100)
    legal_basis = models.CharField(max_length=300)
    reason_code = models.CharField(max_length=50, blank=True)
    reason_text = models.TextField(blank=True)
    reason_restricted = models.BooleanField(default=False)
    start_date = models.DateField()
    end_date = models.DateField(null=True, blank=True)
    length_years = models.PositiveSmallIntegerField(null=True, blank=True)
    length_rule = models.CharField(max_length=300, blank=True)
    appeal_body = models.CharField(max_length=300, blank=True)
    appeal_deadline_days = models.PositiveSmallIntegerField(null=True, blank=True)
    appeal_form = models.CharField(max_length=300, blank=True)
    appeal_from_abroad = models.BooleanField(default=True)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.ACTIVE)
    # The person as the agency wrote them (any script).
    surname = models.CharField(max_length=120)
    given_name = models.CharField(max_length=120, blank=True)
    patronymic = models.CharField(max_length=120, blank=True)
    birth_date = models.DateField(null=True, blank=True)
    citizenship = models.CharField(max_length=60, blank=True)
    document_number = models.CharField(max_length=40, blank=True)
    contact_email = models.EmailField(blank=True)
    contact_phone = models.CharField(max_length=40, blank=True)
    # Linkage output.
    person = models.ForeignKey(
        Person, null=True, blank=True, on_delete=models.SET_NULL, related_name="bans"
    )
    match_probability = models.FloatField(null=True, blank=True)
    review_with = models.CharField(max_length=140, blank=True)
    imported_at = models.DateTimeField(default=timezone.now)
    history = HistoricalRecords(excluded_fields=["person", "match_probability", "review_with"])

    class Meta:
        ordering = ["agency__code", "record_id"]
        constraints = [
            models.UniqueConstraint(fields=["agency", "record_id"], name="ban_unique_record")
        ]

    def __str__(self) -> str:
        return self.record_key

    @property
    def record_key(self) -> str:
        """The stable key of this record across imports and re-linking: ``AGENCY:record_id``."""
        return f"{self.agency.code}:{self.record_id}"

    @property
    def full_name(self) -> str:
        return " ".join(p for p in (self.surname, self.given_name, self.patronymic) if p)


class LinkConstraint(models.Model):
    """A staff decision that two records are (must link) or are not (cannot link) one person."""

    class Kind(models.TextChoices):
        MUST = "must", _("same person (merge)")
        CANNOT = "cannot", _("different persons (split)")

    kind = models.CharField(max_length=6, choices=Kind.choices)
    key_a = models.CharField(max_length=140)
    key_b = models.CharField(max_length=140)
    reason = models.TextField()
    decided_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL)
    decided_at = models.DateTimeField(default=timezone.now)
    history = HistoricalRecords()

    class Meta:
        ordering = ["decided_at"]
        constraints = [
            models.UniqueConstraint(fields=["key_a", "key_b"], name="constraint_unique_pair")
        ]

    def __str__(self) -> str:
        return f"{self.kind}: {self.key_a} / {self.key_b}"


class AuditEvent(models.Model):
    """Who did what, when and why: every staff decision and every import."""

    actor = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL)
    at = models.DateTimeField(default=timezone.now)
    action = models.CharField(max_length=40)
    target = models.CharField(max_length=200)
    reason = models.TextField(blank=True)
    detail = models.JSONField(default=dict, blank=True)

    class Meta:
        ordering = ["-at", "-id"]

    def __str__(self) -> str:
        return f"{self.at:%Y-%m-%d %H:%M} {self.action} {self.target}"


class AccessLog(models.Model):
    """Every read of a person's record: by staff (user) or by the migrant (look-up)."""

    actor = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL)
    lookup = models.ForeignKey("LookupRequest", null=True, on_delete=models.SET_NULL)
    at = models.DateTimeField(default=timezone.now)
    ban = models.ForeignKey(Ban, null=True, on_delete=models.SET_NULL)
    person = models.ForeignKey(Person, null=True, on_delete=models.SET_NULL)
    purpose = models.CharField(max_length=60)

    class Meta:
        ordering = ["-at", "-id"]


class LookupRequest(models.Model):
    """One migrant look-up: no name, date or number is stored, only keyed hashes."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    created_at = models.DateTimeField(default=timezone.now)
    client_hash = models.CharField(max_length=64)
    identity_hash = models.CharField(max_length=64)
    code_hash = models.CharField(max_length=64)
    expires_at = models.DateTimeField()
    attempts = models.PositiveSmallIntegerField(default=0)
    matched = models.BooleanField(default=False)
    person = models.ForeignKey(Person, null=True, blank=True, on_delete=models.SET_NULL)
    verified_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]


class Case(models.Model):
    """An access, correction or erasure request, an appeal or a complaint."""

    class Kind(models.TextChoices):
        ACCESS = "access", _("access request")
        CORRECTION = "correction", _("correction request")
        ERASURE = "erasure", _("erasure request")
        APPEAL = "appeal", _("appeal against a ban")
        COMPLAINT = "complaint", _("complaint")

    class Stage(models.TextChoices):
        INTAKE = "intake", _("intake")
        EARLY = "early_resolution", _("early resolution")
        INVESTIGATION = "investigation", _("investigation")
        CLOSED = "closed", _("closed")

    class Outcome(models.TextChoices):
        GRANTED = "granted", _("granted / upheld for the applicant")
        PARTLY = "partly", _("partly granted")
        REJECTED = "rejected", _("rejected")
        WITHDRAWN = "withdrawn", _("withdrawn")

    class ClosureReason(models.TextChoices):
        RESOLVED = "R1", _("R1 resolved with the agency")
        DATA_CORRECTED = "R2", _("R2 data corrected or erased")
        BAN_LIFTED = "R3", _("R3 ban lifted")
        NO_GROUNDS = "N1", _("N1 no grounds found")
        OUT_OF_REMIT = "N2", _("N2 outside the ombudsman's remit")
        WITHDRAWN = "W1", _("W1 withdrawn by the applicant")
        REFERRED = "F1", _("F1 referred to a court or another body")

    reference = models.CharField(max_length=20, unique=True)
    kind = models.CharField(max_length=12, choices=Kind.choices)
    complaint_type = models.CharField(max_length=60, blank=True)
    stage = models.CharField(max_length=20, choices=Stage.choices, default=Stage.INTAKE)
    applicant_name = models.CharField(max_length=200)
    on_behalf = models.BooleanField(default=False)
    representative = models.CharField(max_length=200, blank=True)
    contact = models.CharField(max_length=200, blank=True)
    language = models.CharField(max_length=8, default="ru")
    country_of_origin = models.CharField(max_length=3, blank=True)
    children_involved = models.BooleanField(default=False)
    agency = models.ForeignKey(Agency, null=True, blank=True, on_delete=models.SET_NULL)
    person = models.ForeignKey(Person, null=True, blank=True, on_delete=models.SET_NULL)
    ban = models.ForeignKey(Ban, null=True, blank=True, on_delete=models.SET_NULL)
    description = models.TextField()
    opened_at = models.DateTimeField(default=timezone.now)
    due_at = models.DateTimeField()
    assigned_to = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="ombudsman_cases",
    )
    confidential = models.BooleanField(default=False)
    hearing_at = models.DateTimeField(null=True, blank=True)
    hearing_link = models.URLField(blank=True)
    outcome = models.CharField(max_length=10, choices=Outcome.choices, blank=True)
    closure_reason = models.CharField(max_length=2, choices=ClosureReason.choices, blank=True)
    closed_at = models.DateTimeField(null=True, blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["due_at"]

    def __str__(self) -> str:
        return self.reference

    @property
    def is_overdue(self) -> bool:
        return self.stage != self.Stage.CLOSED and self.due_at < timezone.now()


class Attachment(models.Model):
    """A document filed with a case (stored under MEDIA_ROOT)."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="attachments")
    file = models.FileField(upload_to="ombudsman/attachments/%Y/")
    description = models.CharField(max_length=200, blank=True)
    uploaded_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL)
    uploaded_at = models.DateTimeField(default=timezone.now)

    def __str__(self) -> str:
        return self.file.name
