from __future__ import annotations

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SurveyConfig(AppConfig):
    name = "migdex.web.survey"
    label = "survey"
    verbose_name = _("Expert questionnaire")
    default_auto_field = "django.db.models.BigAutoField"
