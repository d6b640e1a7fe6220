"""Who may see what: role groups, visible assignments and the names each viewer sees.

Experts and reviewers only ever see pseudonyms ("Expert A", "Reviewer 1",
"Moderator"); moderators and the central team see pseudonyms with usernames.
"""

from __future__ import annotations

from django.contrib.auth.models import AbstractBaseUser, AnonymousUser
from django.db.models import QuerySet
from django.http import Http404
from django.utils.translation import gettext as _

from migdex.web.survey.models import (
    CENTRAL,
    EXPERT,
    MODERATOR,
    REVIEWER,
    Assignment,
    Participant,
)

User = AbstractBaseUser | AnonymousUser


def in_group(user, group: str) -> bool:
    if not user.is_authenticated:
        return False
    return user.groups.filter(name=group).exists()


def is_central(user) -> bool:
    return user.is_authenticated and (user.is_superuser or in_group(user, CENTRAL))


def is_moderator(user) -> bool:
    return in_group(user, MODERATOR)


def sees_everything(user) -> bool:
    """Moderators and the central team see every assignment and every identity."""
    return is_central(user) or is_moderator(user)


def roles_in(user, assignment: Assignment) -> set[str]:
    """The roles ``user`` holds for ``assignment`` (central team and moderator included)."""
    roles = set(assignment.participants.filter(user_id=user.pk).values_list("role", flat=True))
    if is_central(user):
        roles.add(CENTRAL)
    if is_moderator(user):
        roles.add(MODERATOR)
    return roles


def visible_assignments(user) -> QuerySet[Assignment]:
    qs = Assignment.objects.select_related("framework")
    if sees_everything(user):
        return qs
    return qs.filter(participants__user_id=user.pk).distinct()


def get_assignment(user, pk: int) -> Assignment:
    """The assignment if ``user`` may see it; 404 otherwise (its existence stays hidden)."""
    assignment = visible_assignments(user).filter(pk=pk).first()
    if assignment is None:
        raise Http404("no such assignment")
    return assignment


def participant(user, assignment: Assignment, role: str) -> Participant | None:
    return assignment.participants.filter(user_id=user.pk, role=role).first()


def pseudonyms(assignment: Assignment) -> dict[int, str]:
    """user id → pseudonym within ``assignment`` (expert and reviewers)."""
    return {p.user_id: p.pseudonym for p in assignment.participants.all()}


def name_for(viewer, user_id: int | None, assignment: Assignment) -> str:
    """How ``viewer`` sees the person ``user_id`` in this assignment."""
    if user_id is None:
        return _("system")
    names = pseudonyms(assignment)
    shown = names.get(user_id)
    if shown is None:
        shown = _("Central team") if _is_central_id(user_id) else _("Moderator")
    if sees_everything(viewer):
        from django.contrib.auth import get_user_model

        username = get_user_model().objects.filter(pk=user_id).values_list("username", flat=True)
        return f"{shown} ({username.first() or '?'})"
    return shown


def _is_central_id(user_id: int) -> bool:
    from django.contrib.auth import get_user_model

    user = get_user_model().objects.filter(pk=user_id).first()
    return bool(user and is_central(user))


__all__ = ["CENTRAL", "EXPERT", "MODERATOR", "REVIEWER"]
