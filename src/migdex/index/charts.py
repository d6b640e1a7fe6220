"""Vega-Lite chart specifications (via altair) for scores: one builder per chart kind.

Django-free: the web explorer embeds these specs in pages (rendered in the
browser by vega-embed) and reports can render the same specs to SVG/PNG
server-side with ``vl_convert``. Every builder takes a tidy frame and plain
strings (titles already translated by the caller) and returns a spec ``dict``.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import altair as alt
import pandas as pd

# Band colours from the most to the least favourable band (ColorBrewer RdYlGn, reversed).
BAND_PALETTE = ("#1a9850", "#91cf60", "#d9ef8b", "#fee08b", "#fc8d59", "#d73027")
SERIES_PALETTE = ("#1f4e79", "#e08214", "#7b3294", "#008837", "#c51b7d", "#5e3c99", "#8c510a")
WIDTH = 560


def band_scale(band_titles: Sequence[str]) -> alt.Scale:
    """A colour scale giving each band (listed from the most favourable down) its colour."""
    titles = list(band_titles)
    return alt.Scale(domain=titles, range=list(BAND_PALETTE[: len(titles)]))


def _spec(chart: alt.TopLevelMixin, *, validate: bool) -> dict:
    return chart.to_dict(validate=validate)


def ranked_bar_chart(
    frame: pd.DataFrame,
    *,
    means: Sequence[tuple[str, float]] = (),
    band_titles: Sequence[str] = (),
    x_title: str = "Score",
    y_title: str = "Country",
    band_title: str = "Band",
    highlight: str | None = None,
    validate: bool = False,
) -> dict:
    """Horizontal bars, highest first, coloured by band, with each group mean as a rule.

    ``frame`` has ``label`` (country name), ``score`` and ``band_title``.

    Examples
    --------
    >>> f = pd.DataFrame({"label": ["A", "B"], "score": [70.0, 31.4],
    ...                   "band_title": ["Slightly favourable", "Slightly unfavourable"]})
    >>> spec = ranked_bar_chart(f, means=[("All countries", 50.7)], validate=True)
    >>> spec["layer"][0]["mark"]["type"], len(spec["layer"])
    ('bar', 3)
    """
    data = frame[["label", "score", "band_title"]].copy()
    data["score"] = data["score"].round(1)
    data["is_highlight"] = data["label"] == highlight if highlight else False
    colour = (
        alt.Color("band_title:N", title=band_title, scale=band_scale(band_titles))
        if band_titles
        else alt.Color("band_title:N", title=band_title)
    )
    height = max(120, 16 * len(data))
    bars = (
        alt.Chart(data)
        .mark_bar()
        .encode(
            x=alt.X("score:Q", title=x_title, scale=alt.Scale(domain=[0, 100])),
            y=alt.Y("label:N", title=y_title, sort="-x"),
            color=colour,
            stroke=alt.condition("datum.is_highlight", alt.value("#000"), alt.value(None)),
            strokeWidth=alt.value(2),
            tooltip=[
                alt.Tooltip("label:N", title=y_title),
                alt.Tooltip("score:Q", title=x_title),
                alt.Tooltip("band_title:N", title=band_title),
            ],
        )
    )
    mean_frame = pd.DataFrame(
        {"group": [m[0] for m in means], "score": [round(m[1], 1) for m in means]}
    )
    dash = alt.Chart(mean_frame).mark_rule(strokeDash=[6, 3], strokeWidth=2, color="#333")
    rules = dash.encode(
        x="score:Q",
        tooltip=[alt.Tooltip("group:N"), alt.Tooltip("score:Q")],
    )
    labels = (
        alt.Chart(mean_frame)
        .mark_text(align="left", dx=3, dy=-4, fontSize=11, color="#333")
        .encode(x="score:Q", y=alt.value(0), text=alt.Text("group:N"))
    )
    chart = alt.layer(bars, rules, labels).properties(width=WIDTH, height=height)
    return _spec(chart, validate=validate)


def profile_chart(
    frame: pd.DataFrame,
    *,
    x_title: str = "Score",
    y_title: str = "Area",
    series_title: str = "",
    validate: bool = False,
) -> dict:
    """Grouped horizontal bars: for each item (area, dimension), one bar per series.

    ``frame`` has ``item`` (e.g. area title), ``series`` (a country or a group
    mean) and ``score``; items and series keep their order of appearance.

    Examples
    --------
    >>> f = pd.DataFrame({"item": ["Health", "Health"], "series": ["Russia", "All"],
    ...                   "score": [18.0, 50.2]})
    >>> profile_chart(f, validate=True)["mark"]["type"]
    'bar'
    """
    data = frame[["item", "series", "score"]].copy()
    data["score"] = data["score"].round(1)
    items = list(dict.fromkeys(data["item"]))
    series = list(dict.fromkeys(data["series"]))
    chart = (
        alt.Chart(data)
        .mark_bar()
        .encode(
            x=alt.X("score:Q", title=x_title, scale=alt.Scale(domain=[0, 100])),
            y=alt.Y("item:N", title=y_title, sort=items),
            yOffset=alt.YOffset("series:N", sort=series),
            color=alt.Color(
                "series:N",
                title=series_title,
                sort=series,
                scale=alt.Scale(domain=series, range=list(SERIES_PALETTE[: len(series)])),
            ),
            tooltip=[
                alt.Tooltip("item:N", title=y_title),
                alt.Tooltip("series:N", title=series_title or "series"),
                alt.Tooltip("score:Q", title=x_title),
            ],
        )
        .properties(width=WIDTH, height=alt.Step(8 + 4 * len(series)))
    )
    return _spec(chart, validate=validate)


def time_series_chart(
    frame: pd.DataFrame,
    *,
    x_title: str = "Year",
    y_title: str = "Score",
    series_title: str = "",
    validate: bool = False,
) -> dict:
    """Lines with points over the years, one line per series (country or group mean).

    ``frame`` has ``year``, ``series`` and ``score``.

    Examples
    --------
    >>> f = pd.DataFrame({"year": [2014, 2019], "series": ["Russia", "Russia"],
    ...                   "score": [28.0, 31.0]})
    >>> time_series_chart(f, validate=True)["mark"]["type"]
    'line'
    """
    data = frame[["year", "series", "score"]].copy()
    data["score"] = data["score"].round(1)
    series = list(dict.fromkeys(data["series"]))
    chart = (
        alt.Chart(data)
        .mark_line(point=True)
        .encode(
            x=alt.X("year:O", title=x_title),
            y=alt.Y("score:Q", title=y_title, scale=alt.Scale(domain=[0, 100])),
            color=alt.Color(
                "series:N",
                title=series_title,
                sort=series,
                scale=alt.Scale(domain=series, range=list(SERIES_PALETTE[: len(series)])),
            ),
            tooltip=[
                alt.Tooltip("series:N", title=series_title or "series"),
                alt.Tooltip("year:O", title=x_title),
                alt.Tooltip("score:Q", title=y_title),
            ],
        )
        .properties(width=WIDTH, height=260)
    )
    return _spec(chart, validate=validate)


# -- Analysis charts: rank uncertainty, policy against outcome; server-side rendering ----------
# (added with migdex.index.sensitivity / outcomes; same conventions: tidy frame in, spec out)

SYNTHETIC_NOTE = "SYNTHETIC data - not real"
# Words the analysis charts write themselves (tooltips); callers pass translations.
RANK_LABELS = {"nominal": "nominal", "median": "median", "p05": "5%", "p95": "95%"}
SCATTER_LABELS = {"label": "Country"}


def _labels(defaults: Mapping[str, str], given: Mapping[str, str] | None) -> dict[str, str]:
    """``defaults`` overridden by ``given``; an unknown key is a caller's typo, so it raises."""
    unknown = sorted(set(given or {}) - set(defaults))
    if unknown:
        raise KeyError(f"unknown chart label(s) {unknown}; known: {sorted(defaults)}")
    return {**defaults, **(given or {})}


def _titled(chart: alt.TopLevelMixin, title: str, note: str | None) -> alt.TopLevelMixin:
    """Set the title, with a subtitle (e.g. the synthetic-data note) when given."""
    if not title and not note:
        return chart
    return chart.properties(title=alt.TitleParams(text=title, subtitle=note or "", anchor="start"))


def rank_uncertainty_chart(
    frame: pd.DataFrame,
    *,
    title: str = "",
    x_title: str = "Rank (1 = highest)",
    y_title: str = "Country",
    interval_title: str = "Rank: nominal (dot), median (tick), 5–95% of runs (bar)",
    note: str | None = None,
    highlight: str | None = None,
    labels: Mapping[str, str] | None = None,
    validate: bool = False,
) -> dict:
    """Each country's nominal rank (point), median (tick) and 5–95% interval (rule).

    ``frame`` is :func:`migdex.index.sensitivity.summarise_ranks`'s table:
    ``iso3, nominal_rank, median_rank, rank_p05, rank_p95`` and optionally
    ``label`` (the country name shown; ``iso3`` otherwise). Rows keep the
    nominal order. ``labels`` translates the tooltip words (keys of
    :data:`RANK_LABELS`).

    Examples
    --------
    >>> f = pd.DataFrame({"iso3": ["SWE", "RUS"], "nominal_rank": [1, 2], "median_rank": [1, 2],
    ...                   "rank_p05": [1, 1], "rank_p95": [2, 2]})
    >>> [layer["mark"]["type"] for layer in rank_uncertainty_chart(f, validate=True)["layer"]]
    ['rule', 'tick', 'point']
    """
    cols = ["iso3", "nominal_rank", "median_rank", "rank_p05", "rank_p95"]
    data = frame[cols + (["label"] if "label" in frame.columns else [])].copy()
    if "label" not in data.columns:
        data["label"] = data["iso3"]
    data["is_highlight"] = data["iso3"] == highlight if highlight else False
    order = data.sort_values(["nominal_rank", "label"])["label"].tolist()
    n = int(data[["rank_p95", "nominal_rank"]].max().max())
    y = alt.Y("label:N", title=y_title, sort=order)
    x_scale = alt.Scale(domain=[1, max(n, 2)], nice=False)
    words = _labels(RANK_LABELS, labels)
    tips = [
        alt.Tooltip("label:N", title=y_title),
        alt.Tooltip("nominal_rank:Q", title=words["nominal"]),
        alt.Tooltip("median_rank:Q", title=words["median"]),
        alt.Tooltip("rank_p05:Q", title=words["p05"]),
        alt.Tooltip("rank_p95:Q", title=words["p95"]),
    ]
    base = alt.Chart(data)
    interval = base.mark_rule(strokeWidth=3, color="#9ecae1").encode(
        x=alt.X("rank_p05:Q", title=x_title, scale=x_scale),
        x2="rank_p95:Q",
        y=y,
        tooltip=tips,
    )
    median = base.mark_tick(color="#08519c", thickness=2, size=10).encode(
        x=alt.X("median_rank:Q", title=x_title), y=y, tooltip=tips
    )
    point = base.mark_point(filled=True, size=40).encode(
        x=alt.X("nominal_rank:Q", title=x_title),
        y=y,
        color=alt.condition("datum.is_highlight", alt.value("#d62728"), alt.value("#000")),
        tooltip=tips,
    )
    chart = alt.layer(interval, median, point).properties(
        width=WIDTH, height=max(120, 14 * len(data))
    )
    return _spec(_titled(chart, title or interval_title, note), validate=validate)


def scatter_fit_chart(
    points: pd.DataFrame,
    fit: pd.DataFrame,
    *,
    x_title: str = "Policy score",
    y_title: str = "Outcome",
    title: str = "",
    note: str | None = None,
    labels: Mapping[str, str] | None = None,
    validate: bool = False,
) -> dict:
    """Scatter of ``points`` (``x, y, label``) with the fitted line and its confidence band.

    ``fit`` has ``x, fit, lower, upper`` (see :func:`migdex.index.outcomes.fit_line`);
    ``labels`` translates the tooltip words (keys of :data:`SCATTER_LABELS`).

    Examples
    --------
    >>> p = pd.DataFrame({"x": [10.0, 50, 90], "y": [1.0, 2, 3], "label": ["A", "B", "C"]})
    >>> f = pd.DataFrame({"x": [10.0, 90], "fit": [1.0, 3], "lower": [0.5, 2.5],
    ...                   "upper": [1.5, 3.5]})
    >>> [l["mark"]["type"] for l in scatter_fit_chart(p, f, validate=True)["layer"]]
    ['area', 'line', 'point']
    """
    fit_data = fit[["x", "fit", "lower", "upper"]].astype(float)
    band = (
        alt.Chart(fit_data)
        .mark_area(opacity=0.25, color="#6baed6")
        .encode(
            x=alt.X("x:Q", title=x_title, scale=alt.Scale(zero=False)),
            y=alt.Y("lower:Q", title=y_title, scale=alt.Scale(zero=False)),
            y2="upper:Q",
        )
    )
    x, y = alt.X("x:Q", title=x_title), alt.Y("y:Q", title=y_title)
    line = (
        alt.Chart(fit_data).mark_line(color="#08519c").encode(x=x, y=alt.Y("fit:Q", title=y_title))
    )
    dots = (
        alt.Chart(points[["x", "y", "label"]])
        .mark_point(filled=True, size=45, color="#333")
        .encode(
            x=x,
            y=y,
            tooltip=[
                alt.Tooltip("label:N", title=_labels(SCATTER_LABELS, labels)["label"]),
                alt.Tooltip("x:Q", title=x_title, format=".1f"),
                alt.Tooltip("y:Q", title=y_title, format=".2f"),
            ],
        )
    )
    chart = alt.layer(band, line, dots).properties(width=WIDTH, height=320)
    return _spec(_titled(chart, title, note), validate=validate)


def score_grid_chart(
    frame: pd.DataFrame,
    *,
    x_title: str = "Area",
    y_title: str = "Country",
    score_title: str = "Score",
    title: str = "",
    note: str | None = None,
    validate: bool = False,
) -> dict:
    """Scores side by side: one row per country, one column per item, coloured 0–100.

    ``frame`` has ``label`` (row), ``item`` (column) and ``score``; rows and
    columns keep their order of appearance (pass the rows ranked). Each cell
    shows its rounded score, so the chart reads without colour too.

    Examples
    --------
    >>> f = pd.DataFrame({"label": ["A", "A", "B", "B"], "item": ["x", "y", "x", "y"],
    ...                   "score": [80.0, 20.0, None, 55.5]})
    >>> spec = score_grid_chart(f, validate=True)
    >>> [layer["mark"]["type"] for layer in spec["layer"]]
    ['rect', 'text']
    >>> spec["layer"][0]["encoding"]["x"]["sort"], spec["layer"][0]["encoding"]["y"]["sort"]
    (['x', 'y'], ['A', 'B'])
    """
    data = frame[["label", "item", "score"]].copy()
    data["score"] = data["score"].astype(float).round(1)
    rows, items = list(dict.fromkeys(data["label"])), list(dict.fromkeys(data["item"]))
    x = alt.X("item:N", title=x_title, sort=items, axis=alt.Axis(labelAngle=-30, labelLimit=180))
    y = alt.Y("label:N", title=y_title, sort=rows)
    tips = [
        alt.Tooltip("label:N", title=y_title),
        alt.Tooltip("item:N", title=x_title),
        alt.Tooltip("score:Q", title=score_title),
    ]
    base = alt.Chart(data)
    cells = base.mark_rect().encode(
        x=x,
        y=y,
        color=alt.Color(
            "score:Q",
            title=score_title,
            scale=alt.Scale(domain=[0, 100], range=list(reversed(BAND_PALETTE))),
        ),
        tooltip=tips,
    )
    text = base.mark_text(fontSize=11).encode(
        x=x, y=y, text=alt.Text("score:Q", format=".0f"), tooltip=tips
    )
    chart = alt.layer(cells, text).properties(
        width=max(WIDTH // 2, 70 * len(items)), height=max(120, 22 * len(rows))
    )
    return _spec(_titled(chart, title, note), validate=validate)


def render_svg(spec: dict) -> str:
    """Render a Vega-Lite spec to SVG text on the server (no browser), with ``vl_convert``."""
    import vl_convert as vlc

    return vlc.vegalite_to_svg(spec)


def render_png(spec: dict, *, scale: float = 2.0) -> bytes:
    """Render a Vega-Lite spec to PNG bytes on the server, with ``vl_convert``."""
    import vl_convert as vlc

    return vlc.vegalite_to_png(spec, scale=scale)
