from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render


def index(request: HttpRequest) -> HttpResponse:
    """Placeholder start page (the app is being built)."""
    return render(request, "portal/index.html")
