"""Vega-Lite chart specs (altair dicts) for the monitor frames; a page renders them as they are.

Titles are English by default; a page in another language passes ``labels`` (any subset of
:data:`TERM_LABELS` or :data:`PORTRAYAL_LABELS`) with its translations.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import pandas as pd

from migdex.media.portrayal import ROUGH_NOTE

TERM_LABELS = {
    "title": "Flagged terms and origin mentions per month",
    "month": "Month",
    "count": "Findings",
    "outlet": "Outlet",
    "kind": "Kind",
}
PORTRAYAL_LABELS = {
    "title": "Portrayal (rough)",
    "subtitle": ROUGH_NOTE,
    "month": "Month",
    "portrayal_rough": "contribution − crime framing (rough)",
    "outlet": "Outlet",
}


def chart_term_counts(
    term_counts: pd.DataFrame, *, labels: Mapping[str, str] | None = None
) -> dict[str, Any]:
    """Flagged terms per month, one line per outlet (from :func:`count_terms`).

    Examples
    --------
    >>> frame = pd.DataFrame({"outlet": ["A"], "month": ["2024-01"], "kind": ["term"],
    ...                       "rule": ["ru-illegal-noun"], "count": [2]})
    >>> chart_term_counts(frame)["mark"]["type"]
    'line'
    >>> chart_term_counts(frame, labels={"title": "Находки"})["title"]
    'Находки'
    """
    import altair as alt

    text = {**TERM_LABELS, **(labels or {})}
    data = term_counts.groupby(["outlet", "month", "kind"], as_index=False)["count"].sum()
    return (
        alt.Chart(data, title=text["title"])
        .mark_line(point=True)
        .encode(
            x=alt.X("month:T", title=text["month"]),
            y=alt.Y("count:Q", title=text["count"]),
            color=alt.Color("outlet:N", title=text["outlet"]),
            strokeDash=alt.StrokeDash("kind:N", title=text["kind"]),
            tooltip=["outlet", "month", "kind", "count"],
        )
        .to_dict()
    )


def chart_portrayal(
    summary: pd.DataFrame, *, labels: Mapping[str, str] | None = None
) -> dict[str, Any]:
    """The rough portrayal indicator per outlet and month (from :func:`summarise`).

    Examples
    --------
    >>> frame = pd.DataFrame({"outlet": ["A"], "month": ["2024-01"], "articles": [2],
    ...     "crime_frame_articles": [1], "contribution_frame_articles": [0],
    ...     "portrayal_rough": [-0.5]})
    >>> chart_portrayal(frame)["title"]["subtitle"].startswith("rough indicator")
    True
    """
    import altair as alt

    text = {**PORTRAYAL_LABELS, **(labels or {})}
    return (
        alt.Chart(summary, title={"text": text["title"], "subtitle": text["subtitle"]})
        .mark_line(point=True)
        .encode(
            x=alt.X("month:T", title=text["month"]),
            y=alt.Y(
                "portrayal_rough:Q",
                title=text["portrayal_rough"],
                scale=alt.Scale(domain=[-1, 1]),
            ),
            color=alt.Color("outlet:N", title=text["outlet"]),
            tooltip=[
                "outlet",
                "month",
                "articles",
                "crime_frame_articles",
                "contribution_frame_articles",
                "portrayal_rough",
            ],
        )
        .to_dict()
    )
