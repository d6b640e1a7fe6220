"""The monitor page: flagged terms per outlet over time and the ROUGH portrayal indicator.

Each chart has the table of its numbers under it and a CSV download; both say which rows
come from synthetic articles. Not served from the shared page cache: an import changes the
numbers and the site's cache key only follows the explorer's data.
"""

from __future__ import annotations

from urllib.parse import urlencode

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

from migdex.media import ROUGH_NOTE, chart_portrayal, chart_term_counts
from migdex.web.terminology.forms import MonitorFilterForm
from migdex.web.terminology.monitor import Filters, MonitorData, choices, monitor_data

TABLES = ("terms", "portrayal")


def _filters(request: HttpRequest) -> tuple[MonitorFilterForm, Filters | None]:
    form = MonitorFilterForm(request.GET or None)
    if not request.GET:
        return form, Filters()
    return form, (Filters(**form.cleaned_data) if form.is_valid() else None)


def _kinds() -> dict[str, str]:
    return {"term": _("stigmatising term"), "crime-origin": _("origin in a crime report")}


def _yes_no(value: bool) -> str:
    return _("synthetic") if value else _("real")


@never_cache
@require_safe
def monitor(request: HttpRequest) -> HttpResponse:
    """Charts of the stored articles, filtered by outlet, period and language."""
    form, filters = _filters(request)
    context = {"form": form, "choices": choices(), "charts": [], "data": None}
    if filters is None:
        return render(request, "terminology/monitor.html", context, status=400)
    data = monitor_data(filters)
    query = urlencode({k: v for k, v in request.GET.items() if k in form.fields and v})
    if data.n_articles:
        context["charts"] = [_terms_chart(data, query), _portrayal_chart(data, query)]
    context["data"] = data
    return render(request, "terminology/monitor.html", context)


def _csv_href(table: str, query: str) -> str:
    url = reverse("terminology:monitor_csv", args=[table])
    return f"{url}?{query}" if query else url


def _terms_chart(data: MonitorData, query: str) -> dict:
    kinds = _kinds()
    frame = data.term_counts.assign(kind=data.term_counts["kind"].map(kinds))
    labels = {
        "title": _("Flagged terms and origin mentions per month"),
        "month": _("Month"),
        "count": _("Findings"),
        "outlet": _("Outlet"),
        "kind": _("Kind"),
    }
    rows = [
        [r.outlet, r.month, r.kind, int(r.count), _yes_no(r.synthetic)]
        for r in frame.itertuples(index=False)
    ]
    return {
        "id": "monitor-terms",
        "script_id": "spec-monitor-terms",
        "title": labels["title"],
        "spec": _wide(chart_term_counts(frame, labels=labels)),
        "headers": [_("Outlet"), _("Month"), _("Kind"), _("Findings"), _("Data")],
        "rows": rows,
        "csv_href": _csv_href("terms", query),
        "filename": _filename("terms", data),
        "numeric": [3],
    }


def _portrayal_chart(data: MonitorData, query: str) -> dict:
    labels = {
        "title": _("Portrayal (rough indicator)"),
        "subtitle": rough_note(),
        "month": _("Month"),
        "portrayal_rough": _("contribution − crime framing (rough)"),
        "outlet": _("Outlet"),
    }
    s = data.summary
    rows = [
        [
            r.outlet,
            r.month,
            int(r.articles),
            int(r.crime_frame_articles),
            int(r.contribution_frame_articles),
            int(r.mixed_frame_articles),
            f"{r.portrayal_rough:+.2f}",
            _yes_no(r.synthetic),
        ]
        for r in s.itertuples(index=False)
    ]
    return {
        "id": "monitor-portrayal",
        "script_id": "spec-monitor-portrayal",
        "title": labels["title"],
        "spec": _wide(chart_portrayal(s, labels=labels)),
        "headers": [
            _("Outlet"),
            _("Month"),
            _("Articles"),
            _("Crime frame only"),
            _("Contribution frame only"),
            _("Both frames"),
            _("Portrayal (rough)"),
            _("Data"),
        ],
        "rows": rows,
        "csv_href": _csv_href("portrayal", query),
        "filename": _filename("portrayal", data),
        "numeric": [2, 3, 4, 5, 6],
        "note_template": "terminology/_rough_note.html",  # said under the chart's title
    }


def _wide(spec: dict) -> dict:
    """The library's spec at the page's width, months as YYYY-MM (no English month names)."""
    encoding = {**spec["encoding"], "x": {**spec["encoding"]["x"], "axis": {"format": "%Y-%m"}}}
    return {**spec, "encoding": encoding, "width": 640, "height": 260}


def rough_note() -> str:
    """:data:`migdex.media.ROUGH_NOTE`, translated."""
    return _(
        "rough indicator: keyword lexicon portrayal-v1, not a content analysis; "
        "it misses negation, irony and context"
    )


def _filename(table: str, data: MonitorData) -> str:
    return f"migdex-monitor-{table}{'-synthetic' if data.synthetic else ''}.csv"


@never_cache
@require_safe
def monitor_csv(request: HttpRequest, table: str) -> HttpResponse:
    """The numbers of one chart as CSV (machine column names; ``synthetic`` per row)."""
    if table not in TABLES:
        raise Http404(f"no table {table!r}; use one of {', '.join(TABLES)}")
    form, filters = _filters(request)
    if filters is None:
        return HttpResponse(form.errors.as_text(), status=400, content_type="text/plain")
    data = monitor_data(filters)
    frame = data.term_counts if table == "terms" else data.summary.assign(note=ROUGH_NOTE)
    response = HttpResponse(frame.to_csv(index=False), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{_filename(table, data)}"'
    return response
