"""A destination's page as a printable PDF (WeasyPrint, DejaVu fonts for Cyrillic)."""

from __future__ import annotations

from pathlib import Path

from django.http import HttpRequest
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.translation import get_language

from migdex.web.portal.models import Destination
from migdex.web.portal.rights import rights_for


def destination_pdf_bytes(request: HttpRequest, place: Destination, origin: dict) -> bytes:
    """The same sections as the web page, laid out for A4 paper, as PDF bytes.

    ``origin`` is the chosen origin's context (code, name, centres), printed at the end.
    """
    from weasyprint import HTML

    html = render_to_string(
        "portal/pdf/destination.html",
        {
            **origin,
            "place": place,
            "rights": rights_for(place.iso3, get_language() or "en"),
            "help_contacts": place.help_contacts.all(),
            "page_url": request.build_absolute_uri(
                reverse("portal:destination", args=[place.iso3])
            ),
            "lookup_url": request.build_absolute_uri(reverse("ombudsman:lookup")),
        },
        request=request,
    )
    return HTML(string=html, base_url=str(Path.cwd())).write_pdf()
