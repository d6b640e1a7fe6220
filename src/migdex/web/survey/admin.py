"""Admin for the survey: every model with its history (django-simple-history)."""

from __future__ import annotations

from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from migdex.web.survey.models import (
    Answer,
    Assignment,
    DiscussionMessage,
    ModeratorDecision,
    Participant,
    Review,
    StateChange,
)


class ParticipantInline(admin.TabularInline):
    model = Participant
    extra = 0


@admin.register(Assignment)
class AssignmentAdmin(SimpleHistoryAdmin):
    list_display = ["framework", "iso3", "year", "state", "round", "answer_deadline"]
    list_filter = ["state", "framework"]
    search_fields = ["iso3"]
    inlines = [ParticipantInline]


@admin.register(Answer)
class AnswerAdmin(SimpleHistoryAdmin):
    list_display = ["assignment", "indicator", "option", "value", "version", "updated_at"]
    list_filter = ["assignment"]


@admin.register(Review)
class ReviewAdmin(SimpleHistoryAdmin):
    list_display = ["answer", "reviewer", "round", "agrees", "proposed_option"]


@admin.register(DiscussionMessage)
class DiscussionMessageAdmin(SimpleHistoryAdmin):
    list_display = ["assignment", "indicator", "author_pseudonym", "created_at"]


@admin.register(ModeratorDecision)
class ModeratorDecisionAdmin(SimpleHistoryAdmin):
    list_display = ["assignment", "indicator", "option", "value", "decided_by", "decided_at"]


@admin.register(StateChange)
class StateChangeAdmin(admin.ModelAdmin):
    list_display = ["assignment", "from_state", "to_state", "round", "by", "at"]
