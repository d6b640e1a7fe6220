"""Local events: list (by city and language), one event with its RSVP counts, new event."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_POST
from django_ratelimit.decorators import ratelimit

from migdex.web.dialogue import posting
from migdex.web.dialogue.forms import EventForm
from migdex.web.dialogue.models import Event, Reason, Rsvp
from migdex.web.dialogue.roles import is_moderator, participant_for
from migdex.web.dialogue.views import _blocked, _lang, _post_rate, too_many


@never_cache
def event_list(request: HttpRequest) -> HttpResponse:
    """Upcoming events (past ones with ``?past=1``), filterable by city and language."""
    events = Event.objects.filter(is_hidden=False).select_related("organiser")
    now = timezone.now()
    past = request.GET.get("past") == "1"
    events = events.filter(starts_at__lt=now) if past else events.filter(starts_at__gte=now)
    city = request.GET.get("city", "").strip()
    lang = _lang(request)
    if city:
        events = events.filter(city__iexact=city)
    if lang:
        events = events.filter(language=lang)
    events = list(events)
    context = {
        "events": events,
        "city": city,
        "lang": lang,
        "past": past,
        "cities": sorted(set(Event.objects.filter(is_hidden=False).values_list("city", flat=True))),
        "is_synthetic": any(e.is_synthetic for e in events),
    }
    return render(request, "dialogue/events.html", context)


@never_cache
def event_detail(request: HttpRequest, pk: int) -> HttpResponse:
    moderator = is_moderator(request.user)
    events = Event.objects.select_related("organiser")
    event = get_object_or_404(events if moderator else events.filter(is_hidden=False), pk=pk)
    mine = None
    if request.user.is_authenticated:
        mine = Rsvp.objects.filter(event=event, participant__user=request.user).first()
    context = {
        "event": event,
        "counts": posting.rsvp_counts(event),
        "mine": mine.answer if mine else "",
        "answers": Rsvp.Answer.choices,
        "is_moderator": moderator,
        "reasons": Reason.choices,
        "is_synthetic": event.is_synthetic,
    }
    return render(request, "dialogue/event.html", context)


@login_required
@require_POST
def rsvp(request: HttpRequest, pk: int) -> HttpResponse:
    event = get_object_or_404(Event, pk=pk, is_hidden=False)
    answer = request.POST.get("answer", "")
    if answer not in Rsvp.Answer.values:
        messages.error(request, _("Choose “going” or “not going”."))
        return redirect("dialogue:event", event.pk)
    posting.answer_event(event, participant_for(request.user), answer)
    messages.success(request, _("Your answer is saved."))
    return redirect("dialogue:event", event.pk)


@login_required
@require_http_methods(["GET", "POST"])
@ratelimit(key="user_or_ip", rate=_post_rate, method="POST", block=False, group="dialogue-post")
def event_new(request: HttpRequest) -> HttpResponse:
    blocked = _blocked(request)
    if blocked:
        return blocked
    form = EventForm(request.POST or None, initial={"language": request.LANGUAGE_CODE})
    if request.method == "POST":
        if getattr(request, "limited", False):
            return too_many(request)
        if form.is_valid():
            event = form.save(commit=False)
            event.organiser = participant_for(request.user)
            event.save()
            messages.success(request, _("Your event is published."))
            return redirect("dialogue:event", event.pk)
    status = 400 if form.errors else 200
    return render(request, "dialogue/event_new.html", {"form": form}, status=status)
