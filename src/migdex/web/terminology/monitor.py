"""The monitor page's numbers: stored articles → the library's monthly frames → chart data.

Only aggregation happens here: the findings and frames were computed by `migdex.media` when
the articles were imported (see :mod:`.importing`); :func:`migdex.media.monitor.summarise`
and :func:`~migdex.media.monitor.count_terms` turn them into the same frames the CLI writes.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd
from django.db.models import QuerySet

from migdex.media.monitor import count_terms, summarise
from migdex.web.terminology.models import Article, ArticleFinding, Outlet

SUMMARY_COLUMNS = [
    "outlet",
    "month",
    "articles",
    "term_findings",
    "crime_origin_findings",
    "articles_flagged",
    "crime_frame_articles",
    "contribution_frame_articles",
    "mixed_frame_articles",
    "neither_frame_articles",
    "portrayal_rough",
    "synthetic",
]
TERM_COLUMNS = ["outlet", "month", "kind", "count", "synthetic"]


@dataclass(frozen=True)
class Filters:
    """What the monitor shows: outlet (name), months ``YYYY-MM`` (inclusive), language."""

    outlet: str = ""
    start: str = ""
    end: str = ""
    language: str = ""


@dataclass(frozen=True)
class MonitorData:
    """Monthly frames for the charts and downloads; ``synthetic`` if any article is."""

    summary: pd.DataFrame
    term_counts: pd.DataFrame
    n_articles: int
    synthetic: bool


def articles_for(filters: Filters) -> QuerySet[Article]:
    """The stored articles the filters select."""
    articles = Article.objects.all()
    if filters.outlet:
        articles = articles.filter(outlet__name=filters.outlet)
    if filters.language:
        articles = articles.filter(language=filters.language)
    if filters.start:
        articles = articles.filter(date__gte=f"{filters.start}-01")
    if filters.end:
        year, month = map(int, filters.end.split("-"))
        after = f"{year + month // 12:04d}-{month % 12 + 1:02d}-01"
        articles = articles.filter(date__lt=after)
    return articles


def monitor_data(filters: Filters) -> MonitorData:
    """Aggregate the selected articles per outlet and month, as the CLI's monitor does."""
    selected = articles_for(filters)
    articles = pd.DataFrame(
        selected.values_list("id", "date", "outlet__name", "frame", "is_synthetic"),
        columns=["article_id", "date", "outlet", "frame", "is_synthetic"],
    )
    if articles.empty:
        empty = pd.DataFrame(columns=SUMMARY_COLUMNS), pd.DataFrame(columns=TERM_COLUMNS)
        return MonitorData(*empty, n_articles=0, synthetic=False)
    articles["month"] = pd.to_datetime(articles["date"]).dt.strftime("%Y-%m")
    findings = pd.DataFrame(
        ArticleFinding.objects.filter(article__in=selected).values_list(
            "article_id", "kind", "rule"
        ),
        columns=["article_id", "kind", "rule"],
    ).merge(articles[["article_id", "outlet", "month"]], on="article_id")
    synthetic = articles.groupby(["outlet", "month"])["is_synthetic"].any().rename("synthetic")
    summary = summarise(articles, findings).join(synthetic, on=["outlet", "month"])
    terms = count_terms(findings)
    terms = terms.groupby(["outlet", "month", "kind"], as_index=False)["count"].sum()
    terms = terms.join(synthetic, on=["outlet", "month"])
    return MonitorData(
        summary=summary[SUMMARY_COLUMNS],
        term_counts=terms[TERM_COLUMNS],
        n_articles=len(articles),
        synthetic=bool(articles["is_synthetic"].any()),
    )


def choices() -> dict[str, object]:
    """Outlets, languages and the months covered, for the filter form."""
    from django.db.models import Max, Min

    span = Article.objects.aggregate(first=Min("date"), last=Max("date"))
    outlets = Outlet.objects.filter(articles__isnull=False).distinct().order_by("name")
    languages = (
        Article.objects.exclude(language="").order_by("language").values_list("language", flat=True)
    )
    return {
        "outlets": list(outlets.values_list("name", flat=True)),
        "languages": sorted(set(languages.distinct())),
        "first": span["first"].strftime("%Y-%m") if span["first"] else "",
        "last": span["last"].strftime("%Y-%m") if span["last"] else "",
    }
