"""Forms: the paste-text checker, the monitor's filters, the admin's article upload."""

from __future__ import annotations

import re

from django import forms
from django.utils.translation import gettext_lazy as _

MONTH = re.compile(r"^\d{4}-(0[1-9]|1[0-2])$")


def text_languages() -> list[tuple[str, str]]:
    """The languages a text can be checked in (the text's, not the page's)."""
    return [("ru", _("Russian")), ("en", _("English")), ("", _("Both (mixed text)"))]


class CheckForm(forms.Form):
    """A pasted text and its language; an empty text is a clear error, not an empty result."""

    text = forms.CharField(
        label=_("Text"),
        required=False,
        strip=False,
        widget=forms.Textarea(attrs={"rows": 14, "cols": 80, "id": "check-text"}),
    )
    lang = forms.ChoiceField(
        label=_("Language of the text"), choices=text_languages, required=False
    )

    def clean_text(self) -> str:
        text = self.cleaned_data["text"]
        if not text.strip():
            raise forms.ValidationError(
                _("There is no text to check: paste a Russian or English text into the box.")
            )
        return text


class MonitorFilterForm(forms.Form):
    """Outlet, period (months) and language filters; all optional."""

    outlet = forms.CharField(label=_("Outlet"), required=False, max_length=200)
    start = forms.CharField(
        label=_("From month"), required=False, widget=forms.TextInput(attrs={"type": "month"})
    )
    end = forms.CharField(
        label=_("To month"), required=False, widget=forms.TextInput(attrs={"type": "month"})
    )
    language = forms.CharField(label=_("Language"), required=False, max_length=8)

    def _month(self, name: str) -> str:
        value = self.cleaned_data[name].strip()
        if value and not MONTH.match(value):
            raise forms.ValidationError(
                _("“%(value)s” is not a month; use YYYY-MM, for example 2025-03.")
                % {"value": value}
            )
        return value

    def clean_start(self) -> str:
        return self._month("start")

    def clean_end(self) -> str:
        return self._month("end")

    def clean(self) -> dict:
        data = super().clean()
        if data.get("start") and data.get("end") and data["start"] > data["end"]:
            raise forms.ValidationError(_("The period ends before it starts."))
        return data


class ImportForm(forms.Form):
    """An RSS/Atom feed or a CSV/XLSX table (``date,outlet,title,text[,url,language]``)."""

    file = forms.FileField(
        label=_("Feed or table"),
        help_text=_(
            "RSS or Atom (.xml, .rss, .atom) or a table (.csv, .xlsx) with columns "
            "date, outlet, title, text and optionally url, language."
        ),
    )
    outlet = forms.CharField(
        label=_("Outlet"),
        required=False,
        max_length=200,
        help_text=_("Leave empty to take it from the feed title or the table's outlet column."),
    )
    is_synthetic = forms.BooleanField(
        label=_("These are synthetic (invented) articles"), required=False
    )
