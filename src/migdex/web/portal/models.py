"""What editors write for would-be migrants: destinations, journey steps, help, info centres.

Every text lives in one translation row per language (django-parler). Each row carries its
own review status and the date a person last reviewed it, so a page can say "not yet
reviewed" or "shown in English" and editors see what has not been checked for a year.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db import models
from django.db.models.signals import pre_save
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from parler.models import TranslatableModel, TranslatedFields

SOURCE_LANGUAGE = "en"


class ReviewStatus(models.TextChoices):
    DRAFT = "draft", _("draft")
    MACHINE = "machine", _("machine translation")
    REVIEWED = "reviewed", _("reviewed")


def review_fields() -> dict[str, models.Field]:
    """The two fields every translation row carries (status and last review date)."""
    return {
        "review_status": models.CharField(
            _("review status"),
            max_length=10,
            choices=ReviewStatus.choices,
            default=ReviewStatus.DRAFT,
        ),
        "last_reviewed": models.DateField(
            _("last reviewed"),
            null=True,
            blank=True,
            help_text=_("Set to today when a person has checked this translation."),
        ),
    }


@dataclass(frozen=True)
class Shown:
    """One text as shown to the reader, and whether it is a fallback or unreviewed."""

    text: str
    language: str
    is_fallback: bool
    is_unreviewed: bool


class ReviewedContent(TranslatableModel):
    """Base for portal content: per-field fallback to English, with the review state."""

    is_demo = models.BooleanField(
        _("synthetic demo content"),
        default=False,
        help_text=_("Invented text for the demo; pages show it as not verified."),
    )
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        abstract = True

    def shown(self, field: str, language: str | None = None) -> Shown:
        """``field`` in ``language`` (the active one), or English when missing there."""
        language = language or get_language() or SOURCE_LANGUAGE
        row = self._row(language)
        text = getattr(row, field, "") if row is not None else ""
        if text:
            is_unreviewed = row.review_status != ReviewStatus.REVIEWED
            return Shown(text, language, False, is_unreviewed)
        source = self._row(SOURCE_LANGUAGE)
        text = getattr(source, field, "") if source is not None else ""
        is_unreviewed = source is not None and source.review_status != ReviewStatus.REVIEWED
        return Shown(text, SOURCE_LANGUAGE, language != SOURCE_LANGUAGE, is_unreviewed)

    def _row(self, language: str):
        """The translation row for ``language``, or None (no fallback here)."""
        if not self.has_translation(language):
            return None
        return self.get_translation(language)


class Destination(ReviewedContent):
    """A destination country: what to do, what it costs, which rights, where to get help."""

    iso3 = models.CharField(_("ISO3 code"), max_length=3, unique=True)
    position = models.PositiveSmallIntegerField(_("order in lists"), default=100)
    sources = models.TextField(
        _("sources (one a line)"), blank=True, help_text=_("Where the facts come from, with dates.")
    )
    translations = TranslatedFields(
        name=models.CharField(_("name"), max_length=100),
        summary=models.TextField(_("summary"), blank=True),
        entry_steps=models.TextField(_("entry"), blank=True),
        registration=models.TextField(_("registration"), blank=True),
        work_routes=models.TextField(_("legal work routes (permit, patent)"), blank=True),
        costs_and_deadlines=models.TextField(_("costs and deadlines"), blank=True),
        rights_summary=models.TextField(_("rights in plain words"), blank=True),
        help=models.TextField(_("where to get help"), blank=True),
        **review_fields(),
    )

    class Meta:
        ordering = ["position", "iso3"]
        verbose_name = _("destination")
        verbose_name_plural = _("destinations")

    def __str__(self) -> str:
        return f"{self.iso3} {self.safe_translation_getter('name', any_language=True) or ''}"


class JourneyStep(ReviewedContent):
    """One step of the journey (decide → … → long-term), with what can go wrong."""

    code = models.SlugField(_("code"), max_length=40, unique=True)
    order = models.PositiveSmallIntegerField(_("order"), default=100)
    translations = TranslatedFields(
        title=models.CharField(_("title"), max_length=200),
        body=models.TextField(_("what to do at this step"), blank=True),
        what_can_go_wrong=models.TextField(_("what can go wrong"), blank=True),
        what_to_do=models.TextField(_("what to do if it does"), blank=True),
        **review_fields(),
    )

    class Meta:
        ordering = ["order", "code"]
        verbose_name = _("journey step")
        verbose_name_plural = _("journey steps")

    def __str__(self) -> str:
        return f"{self.order}. {self.safe_translation_getter('title', any_language=True) or ''}"


class InformationCentre(ReviewedContent):
    """A pre-departure information centre in an origin country."""

    origin_iso3 = models.CharField(_("origin country (ISO3)"), max_length=3, db_index=True)
    city = models.CharField(_("city"), max_length=100)
    address = models.CharField(_("address"), max_length=300, blank=True)
    contact = models.CharField(_("phone, e-mail or web site"), max_length=300, blank=True)
    translations = TranslatedFields(
        name=models.CharField(_("name"), max_length=200),
        notes=models.TextField(_("what they help with"), blank=True),
        **review_fields(),
    )

    class Meta:
        ordering = ["origin_iso3", "city", "id"]
        verbose_name = _("information centre")
        verbose_name_plural = _("information centres")

    def __str__(self) -> str:
        return f"{self.origin_iso3} {self.city}"


class HelpContact(ReviewedContent):
    """Someone who helps migrants in a destination (ombudsman, NGO, hotline, consulate)."""

    destination = models.ForeignKey(
        Destination,
        on_delete=models.CASCADE,
        related_name="help_contacts",
        verbose_name=_("destination"),
    )
    phone = models.CharField(_("phone"), max_length=60, blank=True)
    url = models.URLField(_("web site"), blank=True)
    translations = TranslatedFields(
        name=models.CharField(_("name"), max_length=200),
        notes=models.TextField(_("what they help with"), blank=True),
        **review_fields(),
    )

    class Meta:
        ordering = ["destination", "id"]
        verbose_name = _("help contact")
        verbose_name_plural = _("help contacts")

    def __str__(self) -> str:
        return self.safe_translation_getter("name", any_language=True) or str(self.pk)


CONTENT_MODELS: tuple[type[ReviewedContent], ...] = (
    Destination,
    JourneyStep,
    InformationCentre,
    HelpContact,
)


def _date_the_review(sender, instance, **kwargs) -> None:
    """A translation marked reviewed without a date was reviewed today."""
    if instance.review_status == ReviewStatus.REVIEWED and instance.last_reviewed is None:
        instance.last_reviewed = timezone.localdate()


for _model in CONTENT_MODELS:
    pre_save.connect(
        _date_the_review,
        sender=_model._parler_meta.root_model,
        dispatch_uid=f"portal-review-date-{_model.__name__}",
    )
