"""The migrant's pages: look-up, one-time code, own bans, PDF notice, requests.

No enumeration: a look-up always answers with the same page, after the same
minimum time, whether or not a record matched. Nothing typed is logged.
"""

from __future__ import annotations

import datetime as dt
import time

from django.conf import settings
from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_POST, require_safe
from django_ratelimit.decorators import ratelimit

from migdex.web.ombudsman.forms import CodeForm, LookupForm, MigrantCaseForm
from migdex.web.ombudsman.models import LookupRequest
from migdex.web.ombudsman.services import cases, lookup
from migdex.web.ombudsman.services.audit import log_access

SESSION_LOOKUP = "ombudsman_lookup"
SESSION_VERIFIED = "ombudsman_verified"
VERIFIED_FOR = dt.timedelta(minutes=30)


def _ip_rate(group: str, request: HttpRequest) -> str:
    return settings.OMBUDSMAN_LOOKUP_RATE_IP


def _identity_rate(group: str, request: HttpRequest) -> str:
    return settings.OMBUDSMAN_LOOKUP_RATE_IDENTITY


def _identity_key(group: str, request: HttpRequest) -> str:
    """The identity asked about (keyed hash of document and birth date), for the rate limit."""
    document = request.POST.get("document_number", "")
    return lookup.keyed_hash(
        "rate", lookup.normalise_document(document), request.POST.get("birth_date", "")
    )


def _too_many(request: HttpRequest) -> HttpResponse:
    return render(request, "ombudsman/too_many.html", status=429)


@never_cache
@require_http_methods(["GET", "POST"])
@ratelimit(key="ip", rate=_ip_rate, method="POST", block=False, group="ombudsman-lookup-ip")
@ratelimit(
    key=_identity_key, rate=_identity_rate, method="POST", block=False, group="ombudsman-lookup-id"
)
def lookup_start(request: HttpRequest) -> HttpResponse:
    """The look-up form; a valid form always leads to the same 'check your messages' page."""
    request.session["ombudsman_visit"] = True  # a session keeps the shared page cache away
    form = LookupForm(request.POST or None)
    if request.method == "POST" and getattr(request, "limited", False):
        return _too_many(request)
    if request.method == "POST" and form.is_valid():
        started = time.monotonic()
        data = form.cleaned_data
        found = lookup.start_lookup(
            data["name"],
            data["birth_date"],
            data["document_number"],
            client=request.META.get("REMOTE_ADDR", ""),
        )
        request.session[SESSION_LOOKUP] = str(found.id)
        request.session.pop(SESSION_VERIFIED, None)
        lookup.pad_to(started, settings.OMBUDSMAN_LOOKUP_MIN_SECONDS)
        return redirect("ombudsman:lookup_verify")
    return render(request, "ombudsman/lookup.html", {"form": form})


def _pending(request: HttpRequest) -> LookupRequest | None:
    key = request.session.get(SESSION_LOOKUP)
    return LookupRequest.objects.filter(pk=key).first() if key else None


@never_cache
@require_http_methods(["GET", "POST"])
@ratelimit(key="ip", rate=_ip_rate, method="POST", block=False, group="ombudsman-verify-ip")
def lookup_verify(request: HttpRequest) -> HttpResponse:
    """Enter the one-time code; the page is the same whether or not a code was sent."""
    pending = _pending(request)
    if pending is None:
        return redirect("ombudsman:lookup")
    form = CodeForm(request.POST or None)
    if request.method == "POST" and getattr(request, "limited", False):
        return _too_many(request)
    if request.method == "POST" and form.is_valid():
        started = time.monotonic()
        if lookup.verify_code(pending, form.cleaned_data["code"]):
            request.session.cycle_key()
            request.session[SESSION_VERIFIED] = str(pending.id)
            request.session.set_expiry(int(VERIFIED_FOR.total_seconds()))
            return redirect("ombudsman:lookup_result")
        lookup.pad_to(started, settings.OMBUDSMAN_LOOKUP_MIN_SECONDS)
        form.add_error(
            "code",
            _(
                "The code is wrong, was already used or has expired. Start the look-up again if needed."  # noqa: E501
            ),
        )
    return render(request, "ombudsman/verify.html", {"form": form})


def _verified(request: HttpRequest) -> LookupRequest | None:
    key = request.session.get(SESSION_VERIFIED)
    if not key:
        return None
    found = (
        LookupRequest.objects.filter(pk=key, verified_at__isnull=False, person__isnull=False)
        .select_related("person")
        .first()
    )
    if found is None or found.verified_at < timezone.now() - VERIFIED_FOR:
        return None
    return found


def _result_context(request: HttpRequest, verified: LookupRequest, form=None) -> dict:
    notices = lookup.notices_for(verified.person)
    bans = verified.person.bans.select_related("agency")
    return {
        "notices": notices,
        "form": form or MigrantCaseForm(bans=bans, initial={"language": get_language()}),
        "is_synthetic": any(n.ban.agency.is_synthetic for n in notices),
    }


@never_cache
@require_safe
def lookup_result(request: HttpRequest) -> HttpResponse:
    """The verified person's bans, each with everything a migrant must be told."""
    verified = _verified(request)
    if verified is None:
        return redirect("ombudsman:lookup")
    context = _result_context(request, verified)
    log_access([n.ban for n in context["notices"]], purpose="migrant look-up", lookup=verified)
    return render(request, "ombudsman/result.html", context)


@never_cache
@require_safe
def lookup_notice_pdf(request: HttpRequest) -> HttpResponse:
    """The same information as a printable PDF notice."""
    from weasyprint import HTML

    verified = _verified(request)
    if verified is None:
        return redirect("ombudsman:lookup")
    notices = lookup.notices_for(verified.person)
    log_access([n.ban for n in notices], purpose="migrant notice (PDF)", lookup=verified)
    html = render_to_string(
        "ombudsman/pdf/notice.html",
        {"notices": notices, "today": timezone.localdate()},
        request=request,
    )
    response = HttpResponse(HTML(string=html).write_pdf(), content_type="application/pdf")
    response["Content-Disposition"] = 'attachment; filename="re-entry-ban-notice.pdf"'
    return response


@never_cache
@require_POST
def lookup_request(request: HttpRequest) -> HttpResponse:
    """Open an appeal, an access/correction/erasure request or a complaint on one's own record."""
    verified = _verified(request)
    if verified is None:
        return redirect("ombudsman:lookup")
    bans = verified.person.bans.select_related("agency")
    form = MigrantCaseForm(request.POST, bans=bans)
    if not form.is_valid():
        return render(
            request, "ombudsman/result.html", _result_context(request, verified, form), status=400
        )
    data = form.cleaned_data
    ban = data["ban"] or bans.first()
    case = cases.open_case(
        kind=data["kind"],
        description=data["description"],
        on_behalf=data["on_behalf"],
        representative=data["representative"],
        contact=data["contact"],
        language=data["language"],
        children_involved=data["children_involved"],
        applicant_name=ban.full_name,
        country_of_origin=(ban.citizenship or "")[:3].upper(),
        agency=ban.agency,
        ban=ban,
        person=verified.person,
    )
    messages.success(
        request,
        _("Your request was registered as %(ref)s. We will answer by %(due)s.")
        % {"ref": case.reference, "due": case.due_at.date().isoformat()},
    )
    return redirect("ombudsman:lookup_result")
