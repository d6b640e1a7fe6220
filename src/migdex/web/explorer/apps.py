from __future__ import annotations

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ExplorerConfig(AppConfig):
    name = "migdex.web.explorer"
    label = "explorer"
    verbose_name = _("Index explorer")
    default_auto_field = "django.db.models.BigAutoField"
