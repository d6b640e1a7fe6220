"""Admin import forms: a file and where it goes; validation happens in :mod:`.loading`."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from migdex.web.explorer.models import Framework


class ImportAnswersForm(forms.Form):
    file = forms.FileField(label=_("Answers file (CSV or XLSX)"))
    dataset = forms.SlugField(label=_("Dataset identifier"))
    framework = forms.ModelChoiceField(
        Framework.objects.all(), to_field_name="name", label=_("Framework")
    )
    title_en = forms.CharField(label=_("Title (English)"), required=False)
    title_ru = forms.CharField(label=_("Title (Russian)"), required=False)
    missing_rule = forms.ChoiceField(
        label=_("Missing-answer rule"),
        choices=[
            ("", _("the framework's default")),
            ("renormalise", "renormalise"),
            ("zero", "zero"),
            ("refuse", "refuse"),
        ],
        required=False,
    )


class ImportPublishedForm(forms.Form):
    file = forms.FileField(label=_("Published table (CSV or XLSX)"))
    dataset = forms.SlugField(label=_("Dataset identifier"))
    series = forms.CharField(label=_("Series"), required=False)
    title_en = forms.CharField(label=_("Title (English)"), required=False)
    title_ru = forms.CharField(label=_("Title (Russian)"), required=False)
    accept_findings = forms.BooleanField(
        label=_("Store despite consistency findings (kept and shown)"), required=False
    )
