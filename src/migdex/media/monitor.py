"""The media monitor: articles in (RSS/Atom feeds or a CSV/XLSX table), tidy monthly frames out.

Pure core over frames; files are read only in :func:`read_articles`. The portrayal columns
come from a keyword lexicon and are labelled rough everywhere (see :mod:`.portrayal`).
"""

from __future__ import annotations

import html
import os
import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from migdex.io import read_table, require_columns
from migdex.media.checker import check_text, resolve_lang
from migdex.media.errors import ArticleFileError, ArticleRowsError
from migdex.media.findings import CRIME_ORIGIN, TERM
from migdex.media.portrayal import ROUGH_NOTE, portray_text

ARTICLE_COLUMNS = ["date", "outlet", "title", "text"]
OPTIONAL_COLUMNS = ["url", "language"]  # kept when a table has them; feeds give link, language
TABLE_SUFFIXES = (".csv", ".xlsx", ".xlsm", ".parquet")
FRAMES = ("crime", "contribution", "mixed", "neither")
_TAG = re.compile(r"<[^>]+>")


@dataclass(frozen=True)
class MonitorResult:
    """Everything one monitor run produces, as tidy frames."""

    articles: pd.DataFrame  # article_id, date, month, outlet, title, text, url, language,
    # source, frame, crime_words, contribution_words
    findings: pd.DataFrame  # one row per finding, with its article
    term_counts: pd.DataFrame  # outlet, month, rule, kind, count
    summary: pd.DataFrame  # outlet, month, counts and the rough portrayal indicator
    note: str = ROUGH_NOTE


def read_articles(paths: Sequence[str | os.PathLike[str]]) -> pd.DataFrame:
    """Read feeds (RSS/Atom) and tables (``date,outlet,title,text``) into one article frame.

    Tables may also have ``url`` and ``language`` columns (empty when absent). Unusable rows
    raise one :class:`ArticleRowsError` that lists them all; nothing is returned then.
    """
    frames: list[pd.DataFrame] = []
    problems: list[str] = []
    for path in map(Path, paths):
        reader = _read_table if path.suffix.lower() in TABLE_SUFFIXES else _read_feed
        frame = reader(path, problems)
        if frame is not None:
            frames.append(frame.assign(source=path.name))
    if problems:
        raise ArticleRowsError(problems)
    articles = pd.concat(frames, ignore_index=True) if frames else _empty()
    articles[OPTIONAL_COLUMNS] = articles[OPTIONAL_COLUMNS].fillna("").astype(str)
    articles.insert(0, "article_id", range(1, len(articles) + 1))
    articles["month"] = articles["date"].dt.strftime("%Y-%m")
    return articles


def run_monitor(articles: pd.DataFrame, *, lang: str | None = None) -> MonitorResult:
    """Check every article, count findings per outlet and month, add the rough portrayal.

    Examples
    --------
    >>> articles = pd.DataFrame({
    ...     "article_id": [1, 2], "date": pd.to_datetime(["2024-01-05", "2024-01-20"]),
    ...     "month": ["2024-01", "2024-01"], "outlet": ["A", "A"],
    ...     "title": ["Задержаны нелегалы", "Мигранты построили школу"], "text": ["", ""]})
    >>> result = run_monitor(articles)
    >>> result.summary[["outlet", "month", "articles", "term_findings", "portrayal_rough"]]
      outlet    month  articles  term_findings  portrayal_rough
    0      A  2024-01         2              1              0.0
    """
    resolve_lang(lang)
    findings = _findings(articles, lang)
    portrayals = [portray_text(f"{t}\n{x}") for t, x in zip(articles["title"], articles["text"])]
    frames = articles.assign(
        frame=[p.frame for p in portrayals],
        crime_words=[p.crime_words for p in portrayals],
        contribution_words=[p.contribution_words for p in portrayals],
    )
    return MonitorResult(
        articles=frames,
        findings=findings,
        term_counts=count_terms(findings),
        summary=summarise(frames, findings),
    )


def count_terms(findings: pd.DataFrame) -> pd.DataFrame:
    """Findings per outlet, month, kind and rule (tidy, for charts)."""
    keys = ["outlet", "month", "kind", "rule"]
    return (
        findings.groupby(keys)
        .size()
        .rename("count")
        .reset_index()
        .sort_values(keys, ignore_index=True)
    )


def summarise(articles: pd.DataFrame, findings: pd.DataFrame) -> pd.DataFrame:
    """One row per outlet and month: articles, findings, frames, rough portrayal indicator.

    ``portrayal_rough`` = (contribution-only articles - crime-only articles) / articles, in
    [-1, 1]; negative means more crime framing. It is a rough keyword indicator.
    """
    keys = ["outlet", "month"]
    base = articles.groupby(keys).agg(articles=("article_id", "size"))
    frames = pd.crosstab([articles["outlet"], articles["month"]], articles["frame"])
    frames = frames.reindex(columns=list(FRAMES), fill_value=0).add_suffix("_frame_articles")
    by_kind = findings.pivot_table(index=keys, columns="kind", values="article_id", aggfunc="size")
    by_kind = by_kind.reindex(columns=[TERM, CRIME_ORIGIN]).rename(
        columns={TERM: "term_findings", CRIME_ORIGIN: "crime_origin_findings"}
    )
    flagged = findings.groupby(keys)["article_id"].nunique().rename("articles_flagged")
    out = base.join(by_kind).join(flagged).join(frames).fillna(0).astype("int64")
    out["portrayal_rough"] = (
        (out["contribution_frame_articles"] - out["crime_frame_articles"]) / out["articles"]
    ).round(3)
    return out.reset_index().sort_values(keys, ignore_index=True)


def _findings(articles: pd.DataFrame, lang: str | None) -> pd.DataFrame:
    rows = []
    for article in articles.itertuples(index=False):
        for field in ("title", "text"):
            for f in check_text(str(getattr(article, field) or ""), lang=lang):
                rows.append(
                    {
                        "article_id": article.article_id,
                        "date": article.date,
                        "month": article.month,
                        "outlet": article.outlet,
                        "field": field,
                        **f.to_dict(),
                    }
                )
    columns = [
        "article_id",
        "date",
        "month",
        "outlet",
        "field",
        "line",
        "column",
        "found",
        "suggested",
        "kind",
        "rule",
        "reason",
        "lang",
        "glossary",
    ]
    return pd.DataFrame(rows, columns=columns)


def _read_table(path: Path, problems: list[str]) -> pd.DataFrame | None:
    frame = read_table(path)
    require_columns(frame, ARTICLE_COLUMNS, source=str(path))
    frame = frame.reindex(columns=ARTICLE_COLUMNS + OPTIONAL_COLUMNS, fill_value="")
    dates = pd.to_datetime(frame["date"], errors="coerce", format="mixed")
    for row in frame.index[dates.isna()][:5]:
        problems.append(f'{path} row {row + 2}: date "{frame.at[row, "date"]}"; use YYYY-MM-DD')
    for row in frame.index[frame["outlet"].isna()][:5]:
        problems.append(f"{path} row {row + 2}: outlet is empty")
    frame["date"] = dates.dt.tz_localize(None) if dates.dt.tz is not None else dates
    text_columns = ["title", "text", *OPTIONAL_COLUMNS]
    frame[text_columns] = frame[text_columns].fillna("")
    return frame


def _read_feed(path: Path, problems: list[str]) -> pd.DataFrame | None:
    import feedparser

    if not path.is_file():
        raise ArticleFileError(f"{path}: no such file")
    feed = feedparser.parse(path.read_bytes())
    if not feed.entries:
        reason = f" ({feed.bozo_exception})" if feed.get("bozo") else ""
        raise ArticleFileError(f"{path}: not an RSS or Atom feed with entries{reason}")
    outlet = feed.feed.get("title") or path.stem
    language = str(feed.feed.get("language") or "").split("-")[0].lower()
    rows = []
    for i, entry in enumerate(feed.entries, start=1):
        when = entry.get("published_parsed") or entry.get("updated_parsed")
        if when is None:
            problems.append(f"{path} entry {i} ({entry.get('title', 'untitled')}): no date")
            continue
        body = entry.get("content", [{}])[0].get("value") or entry.get("summary", "")
        rows.append(
            {
                "date": pd.Timestamp(*when[:6]),
                "outlet": outlet,
                "title": _plain(entry.get("title", "")),
                "text": _plain(body),
                "url": entry.get("link", ""),
                "language": language,
            }
        )
    return pd.DataFrame(rows, columns=ARTICLE_COLUMNS + OPTIONAL_COLUMNS)


def _plain(markup: str) -> str:
    """HTML to plain text: paragraphs and breaks become new lines, tags go."""
    markup = re.sub(r"(?i)<br\s*/?>|</p>|</li>|</h\d>", "\n", markup)
    return html.unescape(_TAG.sub("", markup)).strip()


def _empty() -> pd.DataFrame:
    return pd.DataFrame(
        {"date": pd.Series(dtype="datetime64[ns]"), "outlet": [], "title": [], "text": []}
    ).reindex(columns=ARTICLE_COLUMNS + OPTIONAL_COLUMNS)
