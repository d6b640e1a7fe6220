"""Forms: posting (with the spam and personal-data guards), reporting, events, moderation."""

from __future__ import annotations

import datetime as dt

from django import forms
from django.conf import settings
from django.conf.locale import LANG_INFO
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from migdex.web.dialogue import checks
from migdex.web.dialogue.models import Event, ModerationAction, Participant, Post, Reason, Topic

MAX_LINKS = 2
DUPLICATE_WINDOW = dt.timedelta(hours=24)
_PD_LABELS = {
    checks.PHONE: _("a phone number"),
    checks.EMAIL: _("an e-mail address"),
    checks.PASSPORT: _("a passport or document number"),
}


def language_choices() -> list[tuple[str, str]]:
    """The site's languages first, then every other language Django knows (by ISO code)."""
    site = [(code, str(name)) for code, name in settings.LANGUAGES]
    known = {code for code, _name in site}
    others = sorted(
        (code, f"{info['name']} ({code})")
        for code, info in LANG_INFO.items()
        if "name" in info and code not in known and "-" not in code
    )
    return site + others


def is_known_language(code: str) -> bool:
    return any(code == c for c, _n in language_choices())


def _honeypot() -> forms.CharField:
    """A field people never see (hidden by CSS) and bots fill in."""
    return forms.CharField(
        required=False,
        label=_("Leave this field empty"),
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
    )


class GuardedTextMixin:
    """The checks every piece of posted text goes through before it is stored."""

    def guard_text(self, text: str) -> str:
        found = checks.find_personal_data(text)
        if found:
            kinds = ", ".join(str(_PD_LABELS[k]) for k in found)
            raise forms.ValidationError(
                _(
                    "This text seems to contain personal data (%(kinds)s). Remove it before "
                    "posting: personal data is never shown here."
                ),
                code="personal_data",
                params={"kinds": kinds},
            )
        links = checks.count_links(text)
        if links > MAX_LINKS:
            raise forms.ValidationError(
                ngettext(
                    "At most %(max)d link per post (this one has %(n)d).",
                    "At most %(max)d links per post (this one has %(n)d).",
                    MAX_LINKS,
                )
                % {"max": MAX_LINKS, "n": links},
                code="links",
            )
        return text

    def clean_honeypot(self) -> str:
        if self.cleaned_data.get("honeypot"):
            raise forms.ValidationError(_("This form looks automated; it was not sent."))
        return ""


class PostForm(GuardedTextMixin, forms.Form):
    body = forms.CharField(
        label=_("Text"), widget=forms.Textarea(attrs={"rows": 5}), max_length=8000
    )
    language = forms.ChoiceField(label=_("Language of the text"), choices=language_choices)
    honeypot = _honeypot()

    def __init__(self, *args, author: Participant | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        self.author = author

    def clean_body(self) -> str:
        body = self.guard_text(self.cleaned_data["body"].strip())
        if self.author is not None:
            recent = Post.objects.filter(
                author=self.author,
                body_hash=checks.body_fingerprint(body),
                created_at__gte=timezone.now() - DUPLICATE_WINDOW,
            )
            if recent.exists():
                raise forms.ValidationError(
                    _("You already posted this text in the last 24 hours."), code="duplicate"
                )
        return body


class ThreadForm(PostForm):
    title = forms.CharField(label=_("Title"), max_length=200)
    topic = forms.ModelChoiceField(label=_("Topic"), queryset=Topic.objects.all())
    kind = forms.ChoiceField(
        label=_("Kind"),
        choices=[("discussion", _("Discussion")), ("question", _("Question"))],
    )
    tags = forms.CharField(label=_("Tags (comma separated)"), required=False, max_length=200)
    field_order = ["topic", "kind", "title", "body", "language", "tags"]

    def clean_title(self) -> str:
        return self.guard_text(self.cleaned_data["title"].strip())

    def clean_tags(self) -> list[str]:
        text = self.guard_text(self.cleaned_data["tags"])
        raw = [t.strip().lower().replace(" ", "-") for t in text.split(",")]
        return sorted({t[:40] for t in raw if t})[:8]


class ReportForm(forms.Form):
    reason = forms.ChoiceField(label=_("Reason"), choices=Reason.choices)
    note = forms.CharField(
        label=_("Note for the moderators (optional)"),
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class EventForm(GuardedTextMixin, forms.ModelForm):
    honeypot = _honeypot()
    language = forms.ChoiceField(label=_("Language"), choices=language_choices)

    class Meta:
        model = Event
        fields = ["title", "city", "place", "starts_at", "description", "language"]
        widgets = {"starts_at": forms.DateTimeInput(attrs={"type": "datetime-local"})}

    def clean_description(self) -> str:
        return self.guard_text(self.cleaned_data["description"])

    def clean_title(self) -> str:
        return self.guard_text(self.cleaned_data["title"])

    def clean_starts_at(self) -> dt.datetime:
        starts_at = self.cleaned_data["starts_at"]
        if starts_at < timezone.now():
            raise forms.ValidationError(_("The event must start in the future."))
        return starts_at


class ProfileForm(forms.ModelForm):
    class Meta:
        model = Participant
        fields = ["pseudonym"]

    def __init__(self, *args, username: str = "", **kwargs):
        super().__init__(*args, **kwargs)
        self.username = username

    def clean_pseudonym(self) -> str:
        value = self.cleaned_data["pseudonym"].strip()
        if value.casefold() == self.username.casefold():
            raise forms.ValidationError(_("Choose a pseudonym that is not your user name."))
        if checks.find_personal_data(value):
            raise forms.ValidationError(_("A pseudonym must not contain personal data."))
        return value


class ModerationForm(forms.Form):
    kind = forms.ChoiceField(
        choices=[c for c in ModerationAction.Kind.choices if c[0] != "verify_org"]
    )
    reason = forms.ChoiceField(label=_("Reason"), choices=Reason.choices, required=False)
    note = forms.CharField(label=_("Note"), required=False, max_length=2000)
    report = forms.IntegerField(required=False)
    post = forms.IntegerField(required=False)
    thread = forms.IntegerField(required=False)
    event = forms.IntegerField(required=False)
