from __future__ import annotations

from django.apps import AppConfig


class OmbudsmanConfig(AppConfig):
    """Ban register, migrant look-up, appeals and complaint cases, statistics."""

    name = "migdex.web.ombudsman"
    label = "ombudsman"
    verbose_name = "Ombudsman"
    default_auto_field = "django.db.models.BigAutoField"
