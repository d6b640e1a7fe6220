"""Articles of the media monitor, with the analysis `migdex.media` computed when they came in.

The analysis is stored so the monitor page only aggregates; it is recomputed by importing
again after the rules change (``analysis_version`` says which rules gave it).
"""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

FRAMES = [
    ("crime", _("crime")),
    ("contribution", _("contribution")),
    ("mixed", _("mixed")),
    ("neither", _("neither")),
]


class Outlet(models.Model):
    """A newspaper, site or channel whose articles are monitored."""

    name = models.CharField(_("name"), max_length=200, unique=True)
    is_synthetic = models.BooleanField(_("synthetic (demo)"), default=False)

    class Meta:
        ordering = ["name"]
        verbose_name = _("outlet")
        verbose_name_plural = _("outlets")

    def __str__(self) -> str:
        return self.name


class Article(models.Model):
    """One article, and what the checker and the rough portrayal lexicon found in it."""

    outlet = models.ForeignKey(Outlet, on_delete=models.PROTECT, related_name="articles")
    date = models.DateField(_("date"), db_index=True)
    title = models.TextField(_("title"))
    text = models.TextField(_("text"), blank=True)
    url = models.URLField(_("URL"), max_length=1000, blank=True)
    language = models.CharField(_("language"), max_length=8, blank=True, db_index=True)
    source_file = models.CharField(_("source file"), max_length=255)
    is_synthetic = models.BooleanField(_("synthetic (demo)"), default=False)
    fingerprint = models.CharField(max_length=64, unique=True, editable=False)
    imported_at = models.DateTimeField(auto_now_add=True)
    term_findings = models.PositiveIntegerField(default=0)
    crime_origin_findings = models.PositiveIntegerField(default=0)
    crime_words = models.PositiveIntegerField(default=0)
    contribution_words = models.PositiveIntegerField(default=0)
    frame = models.CharField(_("frame (rough)"), max_length=16, choices=FRAMES)
    analysis_version = models.CharField(max_length=64)

    class Meta:
        ordering = ["-date", "id"]
        verbose_name = _("article")
        verbose_name_plural = _("articles")

    def __str__(self) -> str:
        return f"{self.date} {self.outlet}: {self.title[:80]}"


class ArticleFinding(models.Model):
    """One flagged phrase in an article's title or text (a `migdex.media.Finding`)."""

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="findings")
    field = models.CharField(max_length=8)  # title or text
    line = models.PositiveIntegerField()
    column = models.PositiveIntegerField()
    found = models.TextField()
    suggested = models.TextField()
    kind = models.CharField(max_length=16, db_index=True)
    rule = models.CharField(max_length=64)

    class Meta:
        ordering = ["article", "field", "line", "column"]

    def __str__(self) -> str:
        return f"{self.line}:{self.column}  {self.found}  →  {self.suggested}"
