"""The ombudsman staff's dashboard: recurring topics, active tags, open reports by reason."""

from __future__ import annotations

import pandas as pd
from django.db.models import Count, Q
from django.db.models.functions import TruncMonth
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from migdex.web.dialogue.models import Post, Reason, Report, Tag, Thread, Topic
from migdex.web.dialogue.roles import dashboard_required


def posts_by_topic_month(language: str) -> list[dict]:
    """Visible posts per topic and month, oldest month first (topic names in ``language``)."""
    names = {t.slug: t.name_in(language) for t in Topic.objects.all()}
    rows = (
        Post.objects.filter(is_hidden=False, thread__is_hidden=False)
        .annotate(month=TruncMonth("created_at"))
        .values("thread__topic__slug", "month")
        .annotate(n=Count("id"))
        .order_by("month", "thread__topic__slug")
    )
    return [
        {
            "topic": names[r["thread__topic__slug"]],
            "month": r["month"].strftime("%Y-%m"),
            "posts": r["n"],
        }
        for r in rows
    ]


def topic_totals(language: str) -> list[tuple[str, int, int]]:
    """(topic name, threads, posts) per topic, busiest first."""
    topics = Topic.objects.annotate(
        n_threads=Count("threads", filter=Q(threads__is_hidden=False), distinct=True),
        n_posts=Count("threads__posts", filter=Q(threads__posts__is_hidden=False), distinct=True),
    )
    rows = [(t.name_in(language), t.n_threads, t.n_posts) for t in topics]
    return sorted(rows, key=lambda r: (-r[2], r[0]))


def active_tags(limit: int = 10) -> list[tuple[str, int]]:
    tags = Tag.objects.annotate(
        n=Count("threads", filter=Q(threads__is_hidden=False), distinct=True)
    ).filter(n__gt=0)
    return [(t.name, t.n) for t in tags.order_by("-n", "name")[:limit]]


def open_reports_by_reason() -> list[tuple[str, int]]:
    counts = dict(
        Report.objects.filter(status=Report.Status.OPEN)
        .values_list("reason")
        .annotate(n=Count("id"))
        .values_list("reason", "n")
    )
    return [(str(label), counts.get(code, 0)) for code, label in Reason.choices]


def _chart(rows: list[tuple[str, int, int]]) -> dict | None:
    """Horizontal bars of posts per topic (Vega-Lite via altair; the table below has the data)."""
    if not rows:
        return None
    import altair as alt

    frame = pd.DataFrame([(name, posts) for name, _t, posts in rows], columns=["label", "count"])
    spec = (
        alt.Chart(frame)
        .mark_bar()
        .encode(
            x=alt.X("count:Q", title=_("Posts"), axis=alt.Axis(format="d", tickMinStep=1)),
            y=alt.Y("label:N", title=_("Topic"), sort=list(frame["label"])),
            tooltip=["label:N", "count:Q"],
        )
        .properties(width=560)
        .to_dict()
    )
    return {"id": "topics", "script_id": "chart-topics-spec", "spec": spec}


@require_safe
@dashboard_required
def dashboard(request: HttpRequest) -> HttpResponse:
    language = get_language() or "en"
    totals = topic_totals(language)
    context = {
        "totals": totals,
        "months": posts_by_topic_month(language),
        "is_synthetic": Thread.objects.filter(is_synthetic=True, is_hidden=False).exists(),
        "tags": active_tags(),
        "reports": open_reports_by_reason(),
        "chart": _chart(totals),
    }
    return render(request, "dialogue/dashboard.html", context)
