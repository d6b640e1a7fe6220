"""The destinations page: destinations ranked by attractiveness for one origin and year.

Shows the areas side by side (chart, table, CSV), each destination's rank with its 5–95%
interval from the same sensitivity runs as the rank-uncertainty page, and every
indicator's raw value, normalised score, direction and normalisation. Areas, indicators
and their texts come from the dataset's framework file; no framework is named here.
"""

from __future__ import annotations

import pandas as pd
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _

from migdex.index import charts
from migdex.index.framework import Framework, Indicator
from migdex.web.explorer import analysis, services
from migdex.web.explorer import destinations as dest
from migdex.web.explorer.analysis_views import rank_interval_spec
from migdex.web.explorer.models import Dataset
from migdex.web.explorer.views import _int, _page_context, chart_block, handles_input_errors


@handles_input_errors
def destinations(request: HttpRequest) -> HttpResponse:
    """Destinations for the chosen origin (``origin`` or ``dataset``) and ``year``."""
    dataset = dest.destination_dataset(request.GET.get("dataset"), request.GET.get("origin"))
    year = services.resolve_year(dataset, _int(request, "year"))
    fw = services.framework_of(dataset)
    names = services.country_names()
    table = dest.ranking(dataset, year)
    table["label"] = [names.get(c, c) for c in table["iso3"]]
    origin = dest.origin_of(dataset) or ""
    context = _page_context(
        dataset,
        year,
        datasets=dest.destination_datasets(),
        origin=origin,
        origin_name=dest.origin_name(dataset),
        framework_text=fw.text(fw.spec.notice, services.language()) if fw.spec.notice else "",
        n_runs=analysis.SENSITIVITY_RUNS,
        charts=[_areas_block(dataset, fw, table, year), _rank_block(dataset, table, year)],
        sections=_indicator_sections(dataset, fw, table, year),
        indicator_csv=_indicator_csv(dataset, fw, table, year),
    )
    return render(request, "explorer/destinations.html", context)


def _areas_block(dataset: Dataset, fw: Framework, table: pd.DataFrame, year: int) -> dict:
    """The overall score and every area, side by side: a coloured grid and its table."""
    lang = services.language()
    items = [("overall", _("Overall score"))]
    items += [(a.code, fw.text(a.title, lang)) for a in fw.areas]
    grid = pd.DataFrame(
        [
            {"label": r["label"], "item": title, "score": r[code]}
            for r in table.to_dict("records")
            for code, title in items
        ]
    )
    spec = charts.score_grid_chart(
        grid, x_title=_("Area"), y_title=_("Destination"), score_title=_("Score")
    )
    rows = [
        [int(r["nominal_rank"]), r["label"], *(services.shown(r[code]) for code, _t in items)]
        for r in table.to_dict("records")
    ]
    return chart_block(
        "destination-areas",
        _("Destinations ranked by attractiveness, with each area, %(year)s") % {"year": year},
        spec,
        [_("Rank"), _("Destination"), *(title for _c, title in items)],
        rows,
        filename=f"destinations-{dataset.slug}-{year}-areas.csv",
    )


def _rank_block(dataset: Dataset, table: pd.DataFrame, year: int) -> dict:
    """Each destination's rank with its 5th–95th percentile interval over the runs."""
    spec = rank_interval_spec(
        table, x_title=_("Rank (1 = most attractive)"), y_title=_("Destination")
    )
    rows = [
        [
            r.label,
            f"{r.nominal_rank} ({r.rank_p05}–{r.rank_p95})",
            int(r.median_rank),
            int(r.rank_p05),
            int(r.rank_p95),
        ]
        for r in table.itertuples()
    ]
    return chart_block(
        "destination-ranks",
        _("How sure is each rank? Rank and its 5th–95th percentile interval, %(year)s")
        % {"year": year},
        spec,
        [
            _("Destination"),
            _("Rank (5th–95th percentile)"),
            _("Median rank"),
            _("Rank, 5th percentile"),
            _("Rank, 95th percentile"),
        ],
        rows,
        filename=f"destinations-{dataset.slug}-{year}-ranks.csv",
    )


def direction_text(ind: Indicator) -> str:
    """How the indicator's raw value is read, in the page's language."""
    if not ind.is_numeric:
        return _("by the option's value")
    return _("higher is better") if ind.is_higher_better else _("lower is better")


def normalisation_text(ind: Indicator) -> str:
    """The normalisation in force, with its bounds or target, in the page's language."""
    if not ind.is_numeric:
        return _("options scored by the framework")
    text = {
        "minmax": _("min-max"),
        "zscore": _("z-score (50 ± 10 per standard deviation)"),
        "target": _("distance to the target %(target)s")
        % {"target": f"{ind.target:g}" if ind.target is not None else "–"},
    }[ind.method]
    if ind.bounds is not None:
        text += ", " + _("bounds %(low)s–%(high)s") % {
            "low": f"{ind.bounds[0]:g}",
            "high": f"{ind.bounds[1]:g}",
        }
    return text


def _answer_text(ind: Indicator, fw: Framework, option: str, raw: float) -> str:
    """A raw number with the indicator's unit, or the chosen option with its label."""
    lang = services.language()
    if ind.is_numeric:
        if pd.isna(raw):
            return "–"
        unit = fw.text(ind.unit, lang) if ind.unit else ""
        return f"{raw:g} {unit}".strip()
    chosen = next((o for o in ind.options if o.code == option), None)
    if chosen is None:
        return option or "–"
    return f"{chosen.code} — {fw.text(chosen.label, lang)}" if chosen.label else chosen.code


def _indicator_sections(
    dataset: Dataset, fw: Framework, table: pd.DataFrame, year: int
) -> list[dict]:
    """Per area, per indicator: how it is scored and each destination's value and score."""
    lang = services.language()
    values = dest.indicator_values(dataset, year).set_index(["indicator", "iso3"])
    sections: dict[str, dict] = {}
    for place in fw.places:
        ind = place.indicator
        area = next(a for a in fw.areas if a.code == place.area)
        section = sections.setdefault(area.code, {"title": fw.text(area.title, lang), "items": []})
        rows = []
        for r in table.itertuples():
            key = (ind.code, r.iso3)
            got = values.loc[key] if key in values.index else None
            raw = float(got["raw_value"]) if got is not None else float("nan")
            option = str(got["option"]) if got is not None else ""
            score = float(got["score"]) if got is not None else None
            rows.append([r.label, _answer_text(ind, fw, option, raw), services.shown(score)])
        section["items"].append(
            {
                "code": ind.code,
                "title": fw.text(ind.title, lang),
                "kind": ind.kind,
                "direction": direction_text(ind),
                "normalisation": normalisation_text(ind),
                "rows": rows,
            }
        )
    return list(sections.values())


def _indicator_csv(dataset: Dataset, fw: Framework, table: pd.DataFrame, year: int) -> dict:
    """Every destination × indicator at full precision, labelled synthetic when it is."""
    lang = services.language()
    values = dest.indicator_values(dataset, year)
    label = dict(zip(table["iso3"], table["label"]))
    inds = {p.indicator.code: p for p in fw.places}
    values = values[values["iso3"].isin(label) & values["indicator"].isin(inds)]
    headers = [
        _("Destination"),
        _("Area"),
        _("Indicator"),
        _("Raw value"),
        _("Unit"),
        _("Option"),
        _("Normalised score"),
        _("Direction"),
        _("Normalisation"),
    ]
    rows = []
    for r in values.itertuples():
        ind = inds[r.indicator].indicator
        rows.append(
            [
                label[r.iso3],
                fw.text(next(a.title for a in fw.areas if a.code == inds[r.indicator].area), lang),
                fw.text(ind.title, lang),
                "" if pd.isna(r.raw_value) else r.raw_value,
                fw.text(ind.unit, lang) if ind.unit else "",
                r.option,
                "" if pd.isna(r.score) else round(float(r.score), 6),
                direction_text(ind),
                normalisation_text(ind),
            ]
        )
    if dataset.is_synthetic:
        headers.append(_("Dataset"))
        rows = [[*row, dataset.label or _("SYNTHETIC DATA — not real figures")] for row in rows]
    return chart_block(
        "destination-indicators",
        "",
        {},
        headers,
        rows,
        filename=f"destinations-{dataset.slug}-{year}-indicators.csv",
    )
