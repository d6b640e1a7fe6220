"""What the explorer stores: frameworks, countries, groups, datasets and their computed results.

Scores are computed once with :mod:`migdex.index` when a dataset is loaded or
imported (never per request) and stored at full precision.
"""

from __future__ import annotations

from django.db import models
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords


class Framework(models.Model):
    """A framework file (YAML) as loaded; its texts are read from ``yaml_text``."""

    name = models.CharField(_("name"), max_length=100, unique=True)
    version = models.CharField(_("version"), max_length=40)
    edition = models.CharField(_("edition"), max_length=100)
    series = models.CharField(_("series"), max_length=40)
    is_reconstruction = models.BooleanField(_("reconstruction"), default=False)
    yaml_text = models.TextField(_("framework file (YAML)"))
    updated_at = models.DateTimeField(auto_now=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["name"]
        verbose_name = _("framework")
        verbose_name_plural = _("frameworks")

    def __str__(self) -> str:
        return f"{self.name} {self.version}"


class Country(models.Model):
    """A country by ISO 3166-1 alpha-3 code, with its names and EU membership flags."""

    iso3 = models.CharField(_("ISO3 code"), max_length=3, primary_key=True)
    name_en = models.CharField(_("name (English)"), max_length=100)
    name_ru = models.CharField(_("name (Russian)"), max_length=100)
    eu27 = models.BooleanField(_("EU27 member"), default=False)
    eu28 = models.BooleanField(_("EU28 member"), default=False)
    history = HistoricalRecords()

    class Meta:
        ordering = ["iso3"]
        verbose_name = _("country")
        verbose_name_plural = _("countries")

    def __str__(self) -> str:
        return f"{self.iso3} {self.name}"

    @property
    def name(self) -> str:
        return self.name_ru if (get_language() or "en").startswith("ru") else self.name_en


class CountryGroup(models.Model):
    """A named group of countries whose mean is compared against (EU27, EU28, custom)."""

    code = models.CharField(_("code"), max_length=40, unique=True)
    name_en = models.CharField(_("name (English)"), max_length=100)
    name_ru = models.CharField(_("name (Russian)"), max_length=100)
    members = models.ManyToManyField(Country, related_name="groups", verbose_name=_("members"))
    history = HistoricalRecords()

    class Meta:
        ordering = ["code"]
        verbose_name = _("country group")
        verbose_name_plural = _("country groups")

    def __str__(self) -> str:
        return self.code

    @property
    def name(self) -> str:
        return self.name_ru if (get_language() or "en").startswith("ru") else self.name_en


class Dataset(models.Model):
    """A named score set: published figures of one series, or scores computed from answers."""

    PUBLISHED = "published"
    COMPUTED = "computed"
    KINDS = [(PUBLISHED, _("published figures")), (COMPUTED, _("computed from answers"))]

    slug = models.SlugField(_("identifier"), max_length=80, unique=True)
    title_en = models.CharField(_("title (English)"), max_length=200)
    title_ru = models.CharField(_("title (Russian)"), max_length=200)
    kind = models.CharField(_("kind"), max_length=20, choices=KINDS)
    is_synthetic = models.BooleanField(_("synthetic"), default=False)
    framework = models.ForeignKey(
        Framework, on_delete=models.PROTECT, related_name="datasets", verbose_name=_("framework")
    )
    series = models.CharField(_("series"), max_length=40)
    missing_rule = models.CharField(_("missing-answer rule"), max_length=20, blank=True)
    label = models.CharField(_("label carried by exports"), max_length=200, blank=True)
    sources = models.TextField(_("sources (one a line)"), blank=True)
    findings = models.TextField(_("consistency findings at import"), blank=True)
    position = models.PositiveSmallIntegerField(_("order in lists"), default=100)
    fingerprint = models.CharField(_("fingerprint of the loaded input"), max_length=64, blank=True)
    updated_at = models.DateTimeField(auto_now=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["position", "slug"]
        verbose_name = _("dataset")
        verbose_name_plural = _("datasets")

    def __str__(self) -> str:
        return self.slug

    @property
    def title(self) -> str:
        return self.title_ru if (get_language() or "en").startswith("ru") else self.title_en


class Score(models.Model):
    """One score of the tidy table: country, year, level, code; full precision."""

    dataset = models.ForeignKey(Dataset, on_delete=models.CASCADE, related_name="scores")
    iso3 = models.CharField(max_length=3)
    year = models.PositiveSmallIntegerField()
    level = models.CharField(max_length=20)
    code = models.CharField(max_length=80)
    score = models.FloatField(null=True)
    coverage = models.FloatField(null=True)
    n_scored = models.IntegerField(null=True)
    n_indicators = models.IntegerField(null=True)
    edition = models.CharField(max_length=100, blank=True)
    source = models.TextField(blank=True)

    class Meta:
        indexes = [
            models.Index(fields=["dataset", "year", "level", "code"]),
            models.Index(fields=["dataset", "iso3", "level"]),
            # The scores API filters by country and year and orders by them.
            models.Index(fields=["dataset", "iso3", "year"]),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["dataset", "iso3", "year", "level", "code"], name="score_unique_key"
            )
        ]
        verbose_name = _("score")
        verbose_name_plural = _("scores")

    def __str__(self) -> str:
        return f"{self.dataset_id} {self.iso3} {self.year} {self.level} {self.code}"


class Answer(models.Model):
    """One indicator answer behind a computed dataset, with justification and source."""

    dataset = models.ForeignKey(Dataset, on_delete=models.CASCADE, related_name="answers")
    iso3 = models.CharField(max_length=3)
    year = models.PositiveSmallIntegerField()
    indicator = models.CharField(max_length=40)
    option = models.CharField(max_length=20, blank=True)
    score = models.FloatField(null=True)  # the option's score (0–100); empty for a number
    raw_value = models.FloatField(
        _("raw value"),
        null=True,
        blank=True,
        help_text=_(
            "A numeric indicator's number as given (its normalised 0–100 score is stored "
            "with the scores)."
        ),
    )
    is_not_applicable = models.BooleanField(default=False)
    justification = models.TextField(blank=True)
    source = models.TextField(blank=True)

    class Meta:
        indexes = [models.Index(fields=["dataset", "iso3", "year"])]
        constraints = [
            models.UniqueConstraint(
                fields=["dataset", "iso3", "year", "indicator"], name="answer_unique_key"
            )
        ]
        verbose_name = _("answer")
        verbose_name_plural = _("answers")

    def __str__(self) -> str:
        return f"{self.dataset_id} {self.iso3} {self.year} #{self.indicator}={self.option}"


class ApproachResult(models.Model):
    """The approach classification of one country-year, with the rule's reason."""

    dataset = models.ForeignKey(Dataset, on_delete=models.CASCADE, related_name="approaches")
    iso3 = models.CharField(max_length=3)
    year = models.PositiveSmallIntegerField()
    dimensions = models.JSONField(default=dict)
    approach = models.CharField(max_length=60, blank=True)
    group = models.CharField(max_length=80, blank=True)
    reason = models.TextField(blank=True)
    is_published = models.BooleanField(default=False)

    class Meta:
        indexes = [models.Index(fields=["dataset", "iso3", "year"])]
        verbose_name = _("approach result")
        verbose_name_plural = _("approach results")

    def __str__(self) -> str:
        return f"{self.dataset_id} {self.iso3} {self.year} {self.group}"
