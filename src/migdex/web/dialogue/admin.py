"""Admin: staff verify organisation accounts (audited) and browse the audit read-only."""

from __future__ import annotations

from django.contrib import admin, messages
from simple_history.admin import SimpleHistoryAdmin

from migdex.web.dialogue.models import Event, ModerationAction, Participant, Report, Thread, Topic
from migdex.web.dialogue.moderation import verify_organisation


@admin.register(Participant)
class ParticipantAdmin(SimpleHistoryAdmin):
    list_display = ["pseudonym", "is_organisation", "organisation_name", "verified_at", "warnings"]
    list_filter = ["is_organisation", "is_synthetic"]
    search_fields = ["pseudonym", "organisation_name"]
    readonly_fields = ["verified_at", "verified_by", "warnings", "suspended_until"]
    actions = ["verify"]

    @admin.action(description="Verify the selected organisation accounts (audited)")
    def verify(self, request, queryset) -> None:
        count = 0
        for participant in queryset.exclude(organisation_name=""):
            verify_organisation(request.user, participant, note="verified in the admin")
            count += 1
        messages.info(
            request, f"{count} organisation(s) verified; accounts without a name skipped."
        )


@admin.register(Topic)
class TopicAdmin(admin.ModelAdmin):
    list_display = ["slug", "name", "is_synthetic"]


@admin.register(Thread)
class ThreadAdmin(admin.ModelAdmin):
    list_display = ["title", "topic", "kind", "language", "is_hidden", "created_at"]
    list_filter = ["topic", "kind", "language", "is_hidden"]
    raw_id_fields = ["author", "accepted_post"]


@admin.register(Event)
class EventAdmin(admin.ModelAdmin):
    list_display = ["title", "city", "starts_at", "language", "is_hidden"]
    raw_id_fields = ["organiser"]


@admin.register(Report)
class ReportAdmin(admin.ModelAdmin):
    list_display = ["id", "reason", "status", "created_at"]
    list_filter = ["reason", "status"]
    raw_id_fields = ["post", "reporter"]


@admin.register(ModerationAction)
class ModerationActionAdmin(admin.ModelAdmin):
    """The audit is append-only: the admin can read it, never change or delete it."""

    list_display = ["created_at", "moderator", "kind", "reason", "thread", "post", "note"]
    list_filter = ["kind", "reason"]

    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False
