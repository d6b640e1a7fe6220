"""Pages for people choosing a destination: plain HTML, readable without JavaScript.

Answers are private to the browser (``Cache-Control: private``): the site's shared page cache
is keyed on the index data, not on what editors change here, so it must not keep them.
"""

from __future__ import annotations

from django.contrib.admin.views.decorators import staff_member_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils import timezone
from django.utils.translation import get_language
from django.views.decorators.cache import cache_control

from migdex.web.portal import compare as comparing
from migdex.web.portal.models import Destination, InformationCentre, JourneyStep
from migdex.web.portal.pdf import destination_pdf_bytes
from migdex.web.portal.review import stale_translations
from migdex.web.portal.rights import rights_for

private = cache_control(private=True, max_age=300)


def _language() -> str:
    return get_language() or "en"


def _origin_context(request: HttpRequest) -> dict:
    """The chosen origin (query ``origin``), its centres and the list to choose from."""
    origin = comparing.parse_origin(request.GET.get("origin"))
    return {
        "origin": origin,
        "origin_name": comparing.ORIGINS[origin],
        "origins": comparing.ORIGINS,
        "centres": InformationCentre.objects.filter(origin_iso3=origin),
    }


def _bad_request(request: HttpRequest, error: Exception) -> HttpResponse:
    return render(request, "portal/bad_request.html", {"message": str(error)}, status=400)


@private
def index(request: HttpRequest) -> HttpResponse:
    """Destinations, the comparison form, the journey and the centres of the chosen origin."""
    try:
        context = _origin_context(request)
    except comparing.ChoiceError as error:
        return _bad_request(request, error)
    context["destinations"] = Destination.objects.all()
    return render(request, "portal/index.html", context)


@private
def destination(request: HttpRequest, iso3: str) -> HttpResponse:
    """One destination: steps, work routes, costs, rights, help, ban look-up, centres."""
    place = get_object_or_404(Destination, iso3=iso3.upper())
    try:
        context = _origin_context(request)
    except comparing.ChoiceError as error:
        return _bad_request(request, error)
    context.update(
        place=place,
        rights=rights_for(place.iso3, _language()),
        help_contacts=place.help_contacts.all(),
    )
    return render(request, "portal/destination.html", context)


@private
def destination_pdf(request: HttpRequest, iso3: str) -> HttpResponse:
    """The destination's page as a printable PDF, with the origin's centres (Cyrillic fonts)."""
    place = get_object_or_404(Destination, iso3=iso3.upper())
    try:
        origin = _origin_context(request)
    except comparing.ChoiceError as error:
        return _bad_request(request, error)
    body = destination_pdf_bytes(request, place, origin)
    response = HttpResponse(body, content_type="application/pdf")
    name = f"migdex-{place.iso3.lower()}-{_language()}.pdf"
    response["Content-Disposition"] = f'inline; filename="{name}"'
    return response


@private
def compare(request: HttpRequest) -> HttpResponse:
    """Destinations side by side for one origin; the form alone until two are chosen."""
    try:
        context = _origin_context(request)
        chosen = comparing.parse_destinations(request.GET.getlist("d"))
    except comparing.ChoiceError as error:
        return _bad_request(request, error)
    context["destinations"] = Destination.objects.all()
    context["chosen"] = [d.iso3 for d in chosen]
    if len(chosen) >= 2:
        context["comparison"] = comparing.compare(context["origin"], chosen, _language())
    return render(request, "portal/compare.html", context)


@private
def journey(request: HttpRequest) -> HttpResponse:
    """Decide → documents → entry → registration → legal work → family → long-term."""
    return render(request, "portal/journey.html", {"steps": JourneyStep.objects.all()})


@staff_member_required
def needs_review(request: HttpRequest) -> HttpResponse:
    """For editors: every translation never reviewed or not reviewed for a year."""
    rows = stale_translations(timezone.localdate())
    return render(request, "portal/needs_review.html", {"rows": rows})
