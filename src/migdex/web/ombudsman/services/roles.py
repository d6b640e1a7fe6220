"""Who may see what: agency officers (own agency), ombudsman staff (all), administrators."""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse

from migdex.web.ombudsman.models import ROLE_ADMIN, ROLE_OFFICER, ROLE_STAFF, Agency, Ban


def roles_of(user) -> set[str]:
    """The ombudsman roles a user holds (Django groups; a superuser is an administrator)."""
    if not getattr(user, "is_authenticated", False):
        return set()
    roles = set(
        user.groups.filter(name__in=(ROLE_OFFICER, ROLE_STAFF, ROLE_ADMIN)).values_list(
            "name", flat=True
        )
    )
    if user.is_superuser:
        roles.add(ROLE_ADMIN)
    return roles


def is_ombudsman_staff(user) -> bool:
    """Ombudsman staff and administrators see every agency's list, the cases and statistics."""
    return bool(roles_of(user) & {ROLE_STAFF, ROLE_ADMIN})


def officer_agency(user) -> Agency | None:
    """The agency of an agency officer (None for anyone else)."""
    if ROLE_OFFICER not in roles_of(user):
        return None
    profile = getattr(user, "ombudsman_profile", None)
    return profile.agency if profile else None


def visible_bans(user) -> QuerySet[Ban]:
    """The ban records a user may read: all for staff, own agency's for an officer, else none."""
    bans = Ban.objects.select_related("agency", "person")
    if is_ombudsman_staff(user):
        return bans
    agency = officer_agency(user)
    return bans.filter(agency=agency) if agency else bans.none()


def visible_agencies(user) -> QuerySet[Agency]:
    if is_ombudsman_staff(user):
        return Agency.objects.all()
    agency = officer_agency(user)
    return Agency.objects.filter(pk=agency.pk) if agency else Agency.objects.none()


def register_required(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """Logged in as an agency officer with an agency, ombudsman staff or administrator (403)."""

    @login_required
    @wraps(view)
    def wrapper(request: HttpRequest, *args, **kwargs) -> HttpResponse:
        if not (is_ombudsman_staff(request.user) or officer_agency(request.user)):
            raise PermissionDenied
        return view(request, *args, **kwargs)

    return wrapper


def staff_required(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """Logged in as ombudsman staff or administrator (403 otherwise)."""

    @login_required
    @wraps(view)
    def wrapper(request: HttpRequest, *args, **kwargs) -> HttpResponse:
        if not is_ombudsman_staff(request.user):
            raise PermissionDenied
        return view(request, *args, **kwargs)

    return wrapper
