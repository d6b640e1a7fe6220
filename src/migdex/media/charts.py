"""Vega-Lite chart specs (altair dicts) for the monitor frames; a page renders them as they are."""

from __future__ import annotations

from typing import Any

import pandas as pd

from migdex.media.portrayal import ROUGH_NOTE


def chart_term_counts(term_counts: pd.DataFrame) -> dict[str, Any]:
    """Flagged terms per month, one line per outlet (from :func:`count_terms`).

    Examples
    --------
    >>> frame = pd.DataFrame({"outlet": ["A"], "month": ["2024-01"], "kind": ["term"],
    ...                       "rule": ["ru-illegal-noun"], "count": [2]})
    >>> chart_term_counts(frame)["mark"]["type"]
    'line'
    """
    import altair as alt

    data = term_counts.groupby(["outlet", "month", "kind"], as_index=False)["count"].sum()
    return (
        alt.Chart(data, title="Flagged terms and origin mentions per month")
        .mark_line(point=True)
        .encode(
            x=alt.X("month:T", title="Month"),
            y=alt.Y("count:Q", title="Findings"),
            color=alt.Color("outlet:N", title="Outlet"),
            strokeDash=alt.StrokeDash("kind:N", title="Kind"),
            tooltip=["outlet", "month", "kind", "count"],
        )
        .to_dict()
    )


def chart_portrayal(summary: pd.DataFrame) -> dict[str, Any]:
    """The rough portrayal indicator per outlet and month (from :func:`summarise`)."""
    import altair as alt

    return (
        alt.Chart(summary, title={"text": "Portrayal (rough)", "subtitle": ROUGH_NOTE})
        .mark_line(point=True)
        .encode(
            x=alt.X("month:T", title="Month"),
            y=alt.Y(
                "portrayal_rough:Q",
                title="contribution − crime framing (rough)",
                scale=alt.Scale(domain=[-1, 1]),
            ),
            color=alt.Color("outlet:N", title="Outlet"),
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
