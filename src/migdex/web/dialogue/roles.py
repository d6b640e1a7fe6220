"""Who may do what: everyone reads, members post, moderators moderate, staff see the dashboard."""

from __future__ import annotations

import secrets
from collections.abc import Callable
from functools import wraps

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse

from migdex.web.dialogue.models import MODERATOR_GROUP, Participant
from migdex.web.ombudsman.services.roles import is_ombudsman_staff


def is_moderator(user) -> bool:
    """Members of the "dialogue moderators" group, holders of the permission, superusers."""
    if not getattr(user, "is_authenticated", False):
        return False
    return (
        user.is_superuser
        or user.has_perm("dialogue.moderate")
        or user.groups.filter(name=MODERATOR_GROUP).exists()
    )


def can_see_dashboard(user) -> bool:
    """Ombudsman staff (the ombudsman app's own check) and dialogue moderators."""
    return is_ombudsman_staff(user) or is_moderator(user)


def participant_for(user) -> Participant:
    """The user's participant, created on first use with a random pseudonym (never the username)."""
    existing = Participant.objects.filter(user=user).first()
    if existing:
        return existing
    while True:
        pseudonym = f"member-{secrets.token_hex(3)}"
        if not Participant.objects.filter(pseudonym=pseudonym).exists():
            return Participant.objects.create(user=user, pseudonym=pseudonym)


def _requires(check: Callable[[object], bool]) -> Callable:
    """Anonymous visitors go to the login page; signed-in users without the role get 403."""

    def decorator(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
        @wraps(view)
        def wrapped(request: HttpRequest, *args, **kwargs) -> HttpResponse:
            if not request.user.is_authenticated:
                return redirect_to_login(request.get_full_path())
            if not check(request.user):
                raise PermissionDenied
            return view(request, *args, **kwargs)

        return wrapped

    return decorator


moderator_required = _requires(is_moderator)
dashboard_required = _requires(can_see_dashboard)
