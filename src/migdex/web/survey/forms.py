"""Forms of the survey: creating an assignment, reviewing, discussing, deciding, importing.

The answer form is built from the framework (its options in the user's language),
and its structured sources come from numbered ``src-N-*`` fields.
"""

from __future__ import annotations

from django import forms
from django.contrib.auth import get_user_model
from django.core.files.storage import default_storage
from django.utils.translation import gettext_lazy as _

from migdex.index.framework import NOT_APPLICABLE, Framework, Indicator
from migdex.web.explorer.models import Country
from migdex.web.survey.answering import SOURCE_FIELDS
from migdex.web.survey.models import EXPERT, REVIEWER


def option_choices(fw: Framework, ind: Indicator, lang: str) -> list[tuple[str, str]]:
    choices = [(o.code, f"{o.code}. {fw.text(o.label, lang)}") for o in ind.options]
    if ind.not_applicable_allowed:
        choices.append((NOT_APPLICABLE, str(_("not applicable"))))
    return choices


class AnswerForm(forms.Form):
    version = forms.IntegerField(widget=forms.HiddenInput)
    option = forms.ChoiceField(label=_("Option"), required=False, widget=forms.RadioSelect)
    value = forms.FloatField(label=_("Value"), required=False)
    justification = forms.CharField(
        label=_("Justification"), required=False, widget=forms.Textarea(attrs={"rows": 5})
    )

    def __init__(self, *args, fw: Framework, indicator: Indicator, lang: str, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["option"].choices = option_choices(fw, indicator, lang)
        if indicator.is_numeric:
            self.fields["option"].widget = forms.HiddenInput()
        else:
            del self.fields["value"]


def sources_from_post(data, files, assignment_pk: int) -> list[dict]:
    """Read ``src-N-law/article/date/url/attachment`` rows; store uploaded attachments."""
    try:
        count = min(int(data.get("src-count", "0")), 50)
    except ValueError:
        count = 0
    sources = []
    for i in range(count):
        row = {k: (data.get(f"src-{i}-{k}") or "").strip() for k in SOURCE_FIELDS}
        upload = files.get(f"src-{i}-file")
        if upload is not None:
            row["attachment"] = default_storage.save(
                f"survey/{assignment_pk}/{upload.name}", upload
            )
        sources.append(row)
    return sources


class ReviewForm(forms.Form):
    agrees = forms.TypedChoiceField(
        label=_("Verdict"),
        choices=[("1", _("I agree")), ("0", _("I disagree"))],
        coerce=lambda v: v == "1",
        widget=forms.RadioSelect,
    )
    comment = forms.CharField(
        label=_("Comment"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    proposed_option = forms.ChoiceField(label=_("Proposed option"), required=False)

    def __init__(self, *args, choices: list[tuple[str, str]], **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["proposed_option"].choices = [("", "—"), *choices]


class MessageForm(forms.Form):
    text = forms.CharField(label=_("Message"), widget=forms.Textarea(attrs={"rows": 3}))


class DecisionForm(forms.Form):
    option = forms.CharField(label=_("Decided option"))
    reason = forms.CharField(label=_("Reason"), widget=forms.Textarea(attrs={"rows": 3}))

    def __init__(self, *args, choices: list[tuple[str, str]] | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        if choices:
            self.fields["option"] = forms.ChoiceField(label=_("Decided option"), choices=choices)


class ImportForm(forms.Form):
    file = forms.FileField(label=_("Questionnaire (XLSX)"))


class AssignmentForm(forms.Form):
    framework = forms.CharField(
        label=_("Framework"), help_text=_("A bundled framework name or a framework file path.")
    )
    iso3 = forms.CharField(label=_("Country (ISO3)"), max_length=3)
    year = forms.IntegerField(label=_("Year"), min_value=1900, max_value=2100)
    expert = forms.ModelChoiceField(label=_("Expert"), queryset=None)
    reviewers = forms.ModelMultipleChoiceField(label=_("Reviewers"), queryset=None)
    answer_deadline = forms.DateField(label=_("Answers due"), required=False)
    review_deadline = forms.DateField(label=_("Review due"), required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        users = get_user_model().objects.filter(is_active=True).order_by("username")
        self.fields["expert"].queryset = users.filter(groups__name=EXPERT)
        self.fields["reviewers"].queryset = users.filter(groups__name=REVIEWER)

    def clean_iso3(self) -> str:
        iso3 = self.cleaned_data["iso3"].strip().upper()
        if not Country.objects.filter(iso3=iso3).exists():
            raise forms.ValidationError(_("Unknown country code."))
        return iso3

    def clean(self):
        data = super().clean()
        if data.get("expert") and data.get("expert") in (data.get("reviewers") or []):
            raise forms.ValidationError(_("The expert cannot review their own answers."))
        return data
