from __future__ import annotations

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TerminologyConfig(AppConfig):
    name = "migdex.web.terminology"
    label = "terminology"
    verbose_name = _("Terminology and media monitor")
    default_auto_field = "django.db.models.BigAutoField"
