from __future__ import annotations

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PortalConfig(AppConfig):
    name = "migdex.web.portal"
    label = "portal"
    verbose_name = _("Information for migrants")
    default_auto_field = "django.db.models.BigAutoField"
