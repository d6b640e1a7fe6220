"""Context every template gets: the site's languages and the other-language link."""

from __future__ import annotations

from django.conf import settings
from django.http import HttpRequest
from django.urls import translate_url
from django.utils.translation import get_language, get_language_info


def site(request: HttpRequest) -> dict:
    """Links to the current page in each language the page's app speaks (language switcher)."""
    current = get_language() or settings.LANGUAGE_CODE
    path = request.get_full_path()
    match = getattr(request, "resolver_match", None)
    offered = getattr(settings, "MIGDEX_APP_LANGUAGES", {}).get(
        match.app_name if match else "", [code for code, _name in settings.LANGUAGES]
    )
    switch = [
        {
            "code": code,
            "name": get_language_info(code)["name_local"],
            "url": translate_url(path, code),
            "is_current": code == current,
        }
        for code, _name in settings.LANGUAGES
        if code in offered
    ]
    from migdex.web.explorer.assets import vega_version

    return {
        "language_links": switch,
        "current_language": current,
        "vega_version": vega_version(),
    }
