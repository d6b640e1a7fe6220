"""Forms: the migrant's look-up and requests, imports, link decisions, case actions."""

from __future__ import annotations

from django import forms
from django.conf import settings
from django.contrib.auth import get_user_model
from django.utils.translation import gettext_lazy as _

from migdex.web.ombudsman.models import ROLE_ADMIN, ROLE_STAFF, Agency, Ban, Case, LinkConstraint


class DateInput(forms.DateInput):
    input_type = "date"


class DateTimeInput(forms.DateTimeInput):
    input_type = "datetime-local"


class LookupForm(forms.Form):
    name = forms.CharField(
        label=_("Your full name (any script, any order)"),
        max_length=200,
        help_text=_("As written in any of your passports, in Cyrillic or Latin letters."),
    )
    birth_date = forms.DateField(label=_("Date of birth"), widget=DateInput)
    document_number = forms.CharField(label=_("Passport or document number"), max_length=40)


class CodeForm(forms.Form):
    code = forms.CharField(label=_("One-time code"), max_length=12)


class MigrantCaseForm(forms.Form):
    kind = forms.ChoiceField(label=_("What do you want to do?"), choices=Case.Kind.choices)
    ban = forms.ModelChoiceField(label=_("Which ban"), queryset=Ban.objects.none(), required=False)
    description = forms.CharField(label=_("Describe your request"), widget=forms.Textarea)
    on_behalf = forms.BooleanField(label=_("I am acting on behalf of the person"), required=False)
    representative = forms.CharField(label=_("Your name (if on behalf)"), required=False)
    contact = forms.CharField(label=_("How can we reach you (e-mail, phone)?"), max_length=200)
    language = forms.ChoiceField(label=_("Language for our answers"), choices=settings.LANGUAGES)
    children_involved = forms.BooleanField(label=_("Children are involved"), required=False)

    def __init__(self, *args, bans=None, **kwargs):
        super().__init__(*args, **kwargs)
        if bans is not None:
            self.fields["ban"].queryset = bans
            self.fields["ban"].label_from_instance = lambda b: (
                f"{b.agency.name}: {b.decision_reference}"
            )


class ImportForm(forms.Form):
    agency = forms.ModelChoiceField(label=_("Agency"), queryset=Agency.objects.none())
    file = forms.FileField(label=_("File"), help_text=_("CSV (UTF-8) or XLSX"))
    mapping = forms.FileField(
        label=_("Column mapping"),
        required=False,
        help_text=_("Column mapping (YAML); empty: the agency's stored mapping"),
    )

    def __init__(self, *args, agencies=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["agency"].queryset = agencies if agencies is not None else Agency.objects.none()


class DecisionForm(forms.Form):
    kind = forms.ChoiceField(label=_("Decision"), choices=LinkConstraint.Kind.choices)
    key_a = forms.CharField(label=_("First record"), max_length=140)
    key_b = forms.CharField(label=_("Second record"), max_length=140)
    reason = forms.CharField(label=_("Reason"), widget=forms.Textarea(attrs={"rows": 2}))


class StaffCaseForm(forms.ModelForm):
    class Meta:
        model = Case
        fields = [
            "kind",
            "complaint_type",
            "applicant_name",
            "on_behalf",
            "representative",
            "contact",
            "language",
            "country_of_origin",
            "children_involved",
            "agency",
            "description",
            "confidential",
        ]
        labels = {
            "kind": _("Kind"),
            "complaint_type": _("Complaint type"),
            "applicant_name": _("Applicant"),
            "on_behalf": _("on behalf"),
            "representative": _("Representative"),
            "contact": _("Contact"),
            "language": _("Language"),
            "country_of_origin": _("Country of origin (ISO3)"),
            "children_involved": _("Children involved"),
            "agency": _("Agency"),
            "description": _("Description"),
            "confidential": _("Confidential"),
        }


def staff_users():
    return get_user_model().objects.filter(groups__name__in=[ROLE_STAFF, ROLE_ADMIN]).distinct()


class AssignForm(forms.Form):
    assignee = forms.ModelChoiceField(
        label=_("Assigned to"), queryset=get_user_model().objects.none()
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["assignee"].queryset = staff_users()


class StageForm(forms.Form):
    stage = forms.ChoiceField(
        label=_("Stage"), choices=[c for c in Case.Stage.choices if c[0] != Case.Stage.CLOSED]
    )
    reason = forms.CharField(label=_("Reason"), required=False)


class HearingForm(forms.Form):
    hearing_at = forms.DateTimeField(label=_("Hearing"), widget=DateTimeInput)
    hearing_link = forms.URLField(label=_("Remote hearing link"), assume_scheme="https")


class CloseForm(forms.Form):
    outcome = forms.ChoiceField(label=_("Outcome"), choices=Case.Outcome.choices)
    closure_reason = forms.ChoiceField(label=_("Closure code"), choices=Case.ClosureReason.choices)
    note = forms.CharField(
        label=_("Note"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )


class AttachForm(forms.Form):
    file = forms.FileField(label=_("File"))
    description = forms.CharField(label=_("Description"), required=False, max_length=200)


class ConfidentialForm(forms.Form):
    confidential = forms.BooleanField(label=_("Confidential"), required=False)
