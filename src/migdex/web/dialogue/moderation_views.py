"""The moderators' pages: the queue of open reports, the action endpoint, the audit log."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST, require_safe

from migdex.web.dialogue.forms import ModerationForm
from migdex.web.dialogue.models import Event, ModerationAction, Post, Reason, Report, Thread
from migdex.web.dialogue.moderation import ModerationError, moderate
from migdex.web.dialogue.roles import moderator_required

QUEUE_ACTIONS = [
    ModerationAction.Kind.HIDE_POST,
    ModerationAction.Kind.HIDE_THREAD,
    ModerationAction.Kind.DISMISS,
    ModerationAction.Kind.WARN,
    ModerationAction.Kind.SUSPEND,
]


@require_safe
@moderator_required
def queue(request: HttpRequest) -> HttpResponse:
    """Open reports, oldest first, optionally one reason code."""
    reports = Report.objects.filter(status=Report.Status.OPEN).select_related(
        "post__thread", "post__author", "reporter"
    )
    reason = request.GET.get("reason", "")
    if reason in Reason.values:
        reports = reports.filter(reason=reason)
    reports = list(reports)
    context = {
        "reports": reports,
        "is_synthetic": any(r.post.is_synthetic for r in reports),
        "reason": reason,
        "reasons": Reason.choices,
        "actions": [(k, ModerationAction.Kind(k).label) for k in QUEUE_ACTIONS],
    }
    return render(request, "dialogue/queue.html", context)


def _objects(data: dict) -> dict:
    """The report, post and thread the form names (404 when one does not exist)."""
    found = {}
    for name, model in (("report", Report), ("post", Post), ("thread", Thread), ("event", Event)):
        found[name] = get_object_or_404(model, pk=data[name]) if data.get(name) else None
    return found


@require_POST
@moderator_required
def act(request: HttpRequest) -> HttpResponse:
    """Apply one action (hide, restore, dismiss, warn, suspend); it is written to the audit."""
    form = ModerationForm(request.POST)
    if not form.is_valid():
        return render(request, "dialogue/bad_action.html", {"form": form}, status=400)
    data = form.cleaned_data
    try:
        action = moderate(
            request.user, data["kind"], reason=data["reason"], note=data["note"], **_objects(data)
        )
    except ModerationError as exc:
        return render(request, "dialogue/bad_action.html", {"error": str(exc)}, status=400)
    messages.success(
        request,
        _("Done: %(action)s. It is in the audit log.") % {"action": action.get_kind_display()},
    )
    target = request.POST.get("next", "")
    if target and url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}):
        return redirect(target)
    return redirect("dialogue:queue")


@require_safe
@moderator_required
def audit(request: HttpRequest) -> HttpResponse:
    """Every moderator action, newest first (filter by action kind or thread)."""
    actions = ModerationAction.objects.select_related(
        "moderator", "thread", "post", "event", "participant"
    )
    kind = request.GET.get("kind", "")
    if kind in ModerationAction.Kind.values:
        actions = actions.filter(kind=kind)
    if request.GET.get("thread", "").isdigit():
        actions = actions.filter(thread_id=int(request.GET["thread"]))
    context = {"actions": actions[:500], "kind": kind, "kinds": ModerationAction.Kind.choices}
    return render(request, "dialogue/audit.html", context)
