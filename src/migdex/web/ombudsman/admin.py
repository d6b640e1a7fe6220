"""Administrator views of the register, decisions, logs and cases (history kept)."""

from __future__ import annotations

from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from migdex.web.ombudsman import models


@admin.register(models.Agency)
class AgencyAdmin(admin.ModelAdmin):
    list_display = ["code", "name", "is_synthetic"]


@admin.register(models.StaffProfile)
class StaffProfileAdmin(admin.ModelAdmin):
    list_display = ["user", "agency"]


@admin.register(models.Ban)
class BanAdmin(SimpleHistoryAdmin):
    list_display = ["record_id", "agency", "decision_reference", "status", "start_date", "person"]
    list_filter = ["agency", "status"]
    search_fields = ["record_id", "decision_reference"]


@admin.register(models.LinkConstraint)
class LinkConstraintAdmin(SimpleHistoryAdmin):
    list_display = ["kind", "key_a", "key_b", "decided_by", "decided_at"]


@admin.register(models.Case)
class CaseAdmin(SimpleHistoryAdmin):
    list_display = ["reference", "kind", "stage", "agency", "due_at", "assigned_to", "confidential"]
    list_filter = ["kind", "stage", "confidential"]


@admin.register(models.AuditEvent)
class AuditEventAdmin(admin.ModelAdmin):
    list_display = ["at", "actor", "action", "target"]
    list_filter = ["action"]

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False


@admin.register(models.AccessLog)
class AccessLogAdmin(AuditEventAdmin):
    list_display = ["at", "actor", "lookup", "ban", "purpose"]
    list_filter = ["purpose"]
