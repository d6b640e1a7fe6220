"""Small site-wide middleware: read-only CORS for the API and a keyed cache for public pages."""

from __future__ import annotations

import hashlib
from collections.abc import Callable

from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest, HttpResponse
from django.utils.cache import set_response_etag
from django.utils.http import http_date

API_PREFIX = "/api/"
CORS_HEADERS = {
    "Access-Control-Allow-Origin": "*",
    "Access-Control-Allow-Methods": "GET, HEAD, OPTIONS",
    "Access-Control-Allow-Headers": "Accept, Accept-Language, If-None-Match, If-Modified-Since",
    "Access-Control-Expose-Headers": "ETag, Last-Modified, Content-Disposition",
    "Access-Control-Max-Age": "86400",
}
CACHED_PREFIXES = ("/api/v1/", "/en/", "/ru/")
UNCACHED_PARTS = ("/docs", "/openapi.json")


class ReadOnlyCorsMiddleware:
    """Any origin may read the API (GET/HEAD); preflights are answered here, writes are not."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if not request.path.startswith(API_PREFIX):
            return self.get_response(request)
        if request.method == "OPTIONS":
            response = HttpResponse(status=204)
        else:
            response = self.get_response(request)
        for key, value in CORS_HEADERS.items():
            response[key] = value
        return response


class PublicCacheMiddleware:
    """Reuse rendered public GET answers, keyed on the URL and the data version.

    Importing or loading data changes the data version (see
    :func:`migdex.web.explorer.services.data_version`), so no stale page
    survives an import. Requests with a session (admin users) bypass it. Every
    cacheable answer gets ``Last-Modified`` from the data version;
    ``ConditionalGetMiddleware`` adds the ETag and answers 304.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if not self._is_cacheable(request):
            return self.get_response(request)
        from migdex.web.explorer.services import data_version

        version = data_version()
        key = (
            "page:"
            + hashlib.sha1(f"{version.token}|{request.get_full_path()}".encode()).hexdigest()
        )
        response = cache.get(key)
        if response is None:
            response = self.get_response(request)
            if self._is_shareable(response):
                response["Last-Modified"] = http_date(version.timestamp)
                # Hashed once here, not by ConditionalGetMiddleware on every cache hit.
                set_response_etag(response)
                cache.set(key, response, settings.MIGDEX_PAGE_CACHE_SECONDS)
        return response

    @staticmethod
    def _is_shareable(response: HttpResponse) -> bool:
        """Only plain public answers: never private, no-store or per-cookie (CSRF) ones."""
        control = response.get("Cache-Control", "").lower()
        vary = response.get("Vary", "").lower()
        return (
            response.status_code == 200
            and not response.cookies
            and not response.streaming
            and "no-store" not in control
            and "private" not in control
            and "cookie" not in vary
        )

    @staticmethod
    def _is_cacheable(request: HttpRequest) -> bool:
        path = request.path
        return (
            request.method in ("GET", "HEAD")
            and path.startswith(CACHED_PREFIXES)
            and not any(part in path for part in UNCACHED_PARTS)
            and settings.SESSION_COOKIE_NAME not in request.COOKIES
            and settings.MIGDEX_PAGE_CACHE_SECONDS > 0
        )
