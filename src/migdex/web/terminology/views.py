"""Pages: landing, glossary, paste-text checker, monitor (charts, tables, CSV), lexicon.

Views parse the request, call `migdex.media` (or the app's :mod:`.monitor`, which aggregates
what the library stored) and render. The UI language (``/<lang>/``) is separate from the
checked text's language (a form field).
"""

from __future__ import annotations

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_safe
from django_ratelimit.decorators import ratelimit

from migdex.media import ROUGH_NOTE, TextTooLargeError, check_text, load_glossary
from migdex.media.portrayal import load_lexicon
from migdex.web.terminology.forms import CheckForm
from migdex.web.terminology.highlight import segments

DEFAULT_MAX_CHARS = 100_000  # about 15,000 words; checked in under a second
DEFAULT_RATE = "30/m"


def max_chars() -> int:
    """The longest text the page checks (``MIGDEX_CHECK_MAX_CHARS``); the CLI has no limit."""
    return int(getattr(settings, "MIGDEX_CHECK_MAX_CHARS", DEFAULT_MAX_CHARS))


def _check_rate(group: str, request: HttpRequest) -> str:
    return getattr(settings, "MIGDEX_CHECK_RATE_IP", DEFAULT_RATE)


@require_safe
def index(request: HttpRequest) -> HttpResponse:
    """Landing page: what the glossary, the checker and the monitor are for."""
    return render(request, "terminology/index.html")


@require_safe
def glossary(request: HttpRequest) -> HttpResponse:
    """Every glossary entry in the page's language, with its review flag and sources."""
    book = load_glossary()
    lang = get_language() or "en"
    code = lang if lang in book.languages else "en"
    query = request.GET.get("q", "").strip()[:100]
    entries = book.find(query) if query else list(book.entries)
    rows = [
        {
            "entry": entry,
            "term": entry.terms[code],
            "english": entry.terms["en"] if code != "en" else None,
            "explanation": entry.explanation(code),
        }
        for entry in entries
    ]
    context = {
        "rows": rows,
        "query": query,
        "code": code,
        "version": book.version,
        "all_entries": book.entries,
        "unreviewed": sum(not r["term"].reviewed for r in rows),
    }
    return render(request, "terminology/glossary.html", context)


@never_cache
@require_http_methods(["GET", "POST"])
@ratelimit(key="ip", rate=_check_rate, method="POST", block=False, group="terminology-check")
def check(request: HttpRequest) -> HttpResponse:
    """Paste a text; the same findings as `migdex media check`, listed and highlighted."""
    ui = get_language() or "en"
    initial = {"lang": ui if ui in ("ru", "en") else "ru"}  # a guess; the form says which
    form = CheckForm(request.POST if request.method == "POST" else None, initial=initial)
    context: dict = {"form": form, "max_chars": max_chars(), "findings": None}
    if request.method == "POST" and getattr(request, "limited", False):
        return render(request, "terminology/too_many.html", status=429)
    status = 200
    if request.method == "POST":
        status = 400
        if form.is_valid():
            status = _run_check(form.cleaned_data, context)
    return render(request, "terminology/check.html", context, status=status)


def _run_check(data: dict, context: dict) -> int:
    text, lang = data["text"], data["lang"] or None
    try:
        findings = check_text(text, lang=lang, max_chars=max_chars())
    except TextTooLargeError:
        context["limit_error"] = _(
            "The text has %(n)s characters; this page checks up to %(max)s. Check it in parts, "
            "or run “migdex media check FILE”, which has no limit."
        ) % {"n": f"{len(text):,}", "max": f"{max_chars():,}"}
        return 400
    context["findings"] = findings
    context["segments"] = segments(text, findings)
    context["counts"] = {
        "term": sum(f.kind == "term" for f in findings),
        "crime_origin": sum(f.kind == "crime-origin" for f in findings),
    }
    return 200


@require_safe
def lexicon(request: HttpRequest) -> HttpResponse:
    """The keyword lists behind the rough portrayal indicator, and what they cannot do."""
    words = load_lexicon()
    sections = [
        {"lang": lang, "frame": frame, "words": sorted(words[lang][frame])}
        for lang in ("ru", "en")
        for frame in ("crime", "contribution")
    ]
    return render(request, "terminology/lexicon.html", {"sections": sections, "note": ROUGH_NOTE})
