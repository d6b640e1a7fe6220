"""Public pages: home ranking, country story, compare, area, downloads.

Each view parses its query, calls :mod:`migdex.web.explorer.services` and
renders. Bad parameters give a 400 page naming the parameter; an unknown
country gives 404. Never a 500 for user input.
"""

from __future__ import annotations

import urllib.parse
from functools import wraps
from typing import NamedTuple

import pandas as pd
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from migdex.index import charts
from migdex.web.explorer import services
from migdex.web.explorer.models import Answer, Dataset, Score
from migdex.web.explorer.services import NotFoundError, ParameterError

MAX_COMPARED = 6


def handles_input_errors(view):
    """Turn the services' input errors into a 404 or a 400 page naming the parameter."""

    @wraps(view)
    def wrapper(request: HttpRequest, *args, **kwargs) -> HttpResponse:
        try:
            return view(request, *args, **kwargs)
        except NotFoundError as exc:
            raise Http404(str(exc)) from None
        except ParameterError as exc:
            context = {"message": str(exc), "parameter": exc.parameter}
            return render(request, "explorer/bad_request.html", context, status=400)

    return require_safe(wrapper)


def _int(request: HttpRequest, name: str) -> int | None:
    raw = request.GET.get(name, "").strip()
    if not raw:
        return None
    try:
        return int(raw)
    except ValueError:
        raise ParameterError(name, f"{raw!r} is not a whole number") from None


def _selection(request: HttpRequest) -> tuple[Dataset, int]:
    dataset = services.get_dataset(request.GET.get("dataset"))
    return dataset, services.resolve_year(dataset, _int(request, "year"))


def _page_context(dataset: Dataset, year: int | None, **extra) -> dict:
    fw = services.framework_of(dataset)
    lang = services.language()
    return {
        "dataset": dataset,
        "datasets": services.datasets(),
        "year": year,
        "years": services.years_of(dataset),
        "is_synthetic": dataset.is_synthetic,
        "framework": fw,
        "framework_title": fw.text(fw.spec.title, lang),
        "framework_notice": fw.text(fw.spec.notice, lang) if fw.spec.reconstruction else "",
        "areas": [(a.code, fw.text(a.title, lang)) for a in fw.areas],
        **extra,
    }


def chart_block(
    chart_id: str,
    title: str,
    spec: dict,
    headers: list[str],
    rows: list[list],
    *,
    filename: str,
) -> dict:
    """What ``explorer/_chart.html`` needs: the spec, the table and a CSV download."""
    frame = pd.DataFrame(rows, columns=headers)
    csv_text = frame.to_csv(index=False)
    return {
        "id": chart_id,
        "title": title,
        "spec": spec,
        "script_id": f"spec-{chart_id}",
        "headers": headers,
        "rows": rows,
        "csv_href": "data:text/csv;charset=utf-8," + urllib.parse.quote(csv_text),
        "filename": filename,
    }


# --- home ------------------------------------------------------------------------------------


@handles_input_errors
def home(request: HttpRequest) -> HttpResponse:
    """All countries ranked by overall score for one dataset (series) and year."""
    dataset, year = _selection(request)
    fw = services.framework_of(dataset)
    rows, means = services.ranking(dataset, year=year)
    frame = pd.DataFrame(
        {
            "label": [r["name"] for r in rows],
            "score": [r["score"] for r in rows],
            "band_title": [r["band_title"] for r in rows],
        }
    )
    spec = charts.ranked_bar_chart(
        frame,
        means=[(m["label"], m["score"]) for m in means],
        band_titles=services.band_titles(fw),
        x_title=_("Overall score"),
        y_title=_("Country"),
        band_title=_("Band"),
    )
    chart = chart_block(
        "ranking",
        _("Overall score by country, %(year)s") % {"year": year},
        spec,
        [_("Rank"), _("Country"), _("Overall score"), _("Band")],
        [[r["rank_label"], r["name"], r["shown"], r["band_title"]] for r in rows],
        filename=f"ranking-{dataset.slug}-{year}.csv",
    )
    context = _page_context(dataset, year, rows=rows, means=means, chart=chart)
    return render(request, "explorer/home.html", context)


# --- country ------------------------------------------------------------------------------------


@handles_input_errors
def country(request: HttpRequest, iso3: str) -> HttpResponse:
    """One country's story: scores against means, rank, change, band, dimensions, approach."""
    dataset = services.get_dataset(request.GET.get("dataset"))
    story = services.country_story(
        dataset, iso3, year=_int(request, "year"), from_year=_int(request, "from")
    )
    the_country = story["country"]
    if iso3 != the_country.iso3:
        iso3 = the_country.iso3
    charts_ = []
    if story["has_scores"]:
        charts_ = _country_charts(dataset, story)
    published_sets = list(Dataset.objects.filter(kind=Dataset.PUBLISHED))
    published = (
        # By dataset id, not kind, so the (dataset, iso3, level) index is used.
        Score.objects.filter(
            dataset_id__in=[d.pk for d in published_sets],
            iso3=the_country.iso3,
            level="overall",
        )
        .select_related("dataset")
        .order_by("dataset__position", "year")
    )
    answers = _answers_by_area(dataset, the_country.iso3, story.get("year"))
    findings = [
        line
        for d in published_sets
        for line in d.findings.splitlines()
        if f"({the_country.iso3} " in line
    ]
    rank_interval = None
    if story.get("rank"):
        from migdex.web.explorer.analysis import rank_interval as interval_of

        rank_interval = interval_of(dataset, the_country.iso3, story["year"])
    context = _page_context(
        dataset,
        story.get("year"),
        story=story,
        rank_interval=rank_interval,
        country=the_country,
        charts=charts_,
        published=published,
        answer_areas=answers,
        findings=findings,
    )
    return render(request, "explorer/country.html", context)


def _country_charts(dataset: Dataset, story: dict) -> list[dict]:
    name = story["country"].name
    groups = story["mean_groups"]
    items, series, scores = [], [], []
    for row in story["table"]:
        if row["level"] == "approach_dimension":
            continue
        for label, value in [(name, row["score"]), *((g[1], row[g[0]]) for g in groups)]:
            items.append(row["title"])
            series.append(label)
            scores.append(value)
    profile = pd.DataFrame({"item": items, "series": series, "score": scores})
    profile_spec = charts.profile_chart(
        profile.dropna(subset=["score"]),
        x_title=_("Score"),
        y_title=_("Area"),
        series_title="",
    )
    headers = [_("Area"), name, *(g[1] for g in groups)]
    table_rows = [
        [row["title"], row["shown"], *row["means"]]
        for row in story["table"]
        if row["level"] != "approach_dimension"
    ]
    year = story["year"]
    iso3 = story["country"].iso3
    blocks = [
        chart_block(
            "profile",
            _("%(country)s against the means, %(year)s") % {"country": name, "year": year},
            profile_spec,
            headers,
            table_rows,
            filename=f"{iso3}-{dataset.slug}-{year}-areas.csv",
        )
    ]
    ts = story["series"].dropna(subset=["score"])
    if ts["year"].nunique() > 1:
        ts_spec = charts.time_series_chart(ts, x_title=_("Year"), y_title=_("Overall score"))
        wide = ts.pivot_table(index="year", columns="series", values="score", sort=False)
        order = list(dict.fromkeys(ts["series"]))
        wide = wide[order]
        blocks.append(
            chart_block(
                "timeseries",
                _("Overall score over time"),
                ts_spec,
                [_("Year"), *order],
                [
                    [int(y), *(services.shown(v) for v in r)]
                    for y, r in zip(wide.index, wide.to_numpy())
                ],
                filename=f"{iso3}-{dataset.slug}-over-time.csv",
            )
        )
    return blocks


class _AnswerRow(NamedTuple):
    indicator: str
    option: str
    score: float | None
    raw_value: float | None
    is_not_applicable: bool
    justification: str
    source: str


def _answers_by_area(dataset: Dataset, iso3: str, year: int | None) -> list[dict]:
    """The indicator answers behind each area, with justification and source where given."""
    if year is None or dataset.kind != Dataset.COMPUTED:
        return []
    fw = services.framework_of(dataset)
    lang = services.language()
    fields = [
        "indicator",
        "option",
        "score",
        "raw_value",
        "is_not_applicable",
        "justification",
        "source",
    ]
    rows = Answer.objects.filter(dataset=dataset, iso3=iso3, year=year).values_list(*fields)
    answers = {r[0]: _AnswerRow(*r) for r in rows}  # plain tuples: no model instances
    if not answers:
        return []
    titles = services.titles(fw)
    normalised = _numeric_indicator_scores(dataset, fw, iso3, year)
    areas: dict[str, dict] = {}
    for place in fw.places:
        ind = place.indicator
        a = answers.get(ind.code)
        area = areas.setdefault(place.area, {"title": titles[place.area], "rows": []})
        option_label = ""
        if a is not None and not a.is_not_applicable and ind.is_numeric:
            # A numeric indicator's answer is its raw number: show it with its unit as the
            # answer, and the normalised indicator score as the score.
            unit = fw.text(ind.unit, lang) if ind.unit else ""
            option_label = f"{a.raw_value:g} {unit}".strip() if a.raw_value is not None else ""
            a = a._replace(score=normalised.get(ind.code))
        elif a is not None and not a.is_not_applicable:
            opt = next((o for o in ind.options if o.code == a.option), None)
            option_label = fw.text(opt.label, lang) if opt and opt.label else ""
        area["rows"].append(
            {
                "code": ind.code,
                "title": fw.text(ind.title, lang),
                "dimension": titles.get(place.dimension or "", ""),
                "option": a.option if a else "",
                "option_label": option_label,
                "score": services.shown(a.score) if a else "–",
                "is_not_applicable": bool(a and a.is_not_applicable),
                "justification": a.justification if a else "",
                "source": a.source if a else "",
            }
        )
    return list(areas.values())


def _numeric_indicator_scores(dataset: Dataset, fw, iso3: str, year: int) -> dict[str, float]:
    """Normalised 0–100 scores of the framework's numeric indicators (empty for MIPEX)."""
    codes = [p.indicator.code for p in fw.places if p.indicator.is_numeric]
    if not codes:
        return {}
    rows = Score.objects.filter(
        dataset=dataset, iso3=iso3, year=year, level="indicator", code__in=codes
    ).values_list("code", "score")
    return dict(rows)


# --- compare ------------------------------------------------------------------------------------


@handles_input_errors
def compare(request: HttpRequest) -> HttpResponse:
    """2–6 countries side by side: overall, areas, dimensions, over time."""
    dataset, year = _selection(request)
    codes = [c.strip().upper() for c in request.GET.getlist("c") if c.strip()]
    codes = list(dict.fromkeys(codes))
    if len(codes) > MAX_COMPARED:
        raise ParameterError("c", _("choose at most %(n)s countries") % {"n": MAX_COMPARED})
    names = services.country_names()
    for code in codes:
        if code not in names:
            raise ParameterError("c", _("unknown country %(code)s") % {"code": code})
    context = _page_context(
        dataset, year, codes=codes, all_countries=sorted(names.items(), key=lambda kv: kv[1])
    )
    if len(codes) >= 2:
        context.update(services.comparison(dataset, codes, year=year))
        context["charts"] = _compare_charts(dataset, context, year)
    elif codes:
        context["need_more"] = True
    return render(request, "explorer/compare.html", context)


def _compare_charts(dataset: Dataset, ctx: dict, year: int) -> list[dict]:
    names = [c["name"] for c in ctx["countries"]]
    rows = ctx["rows"]
    long = pd.DataFrame(
        [
            {"item": r["title"], "series": n, "score": v}
            for r in rows
            if r["level"] in ("overall", "area")
            for n, v in zip(names, r["scores"])
        ]
    )
    spec = charts.profile_chart(
        long.dropna(subset=["score"]), x_title=_("Score"), y_title=_("Area")
    )
    blocks = [
        chart_block(
            "compare-areas",
            _("Overall and areas, %(year)s") % {"year": year},
            spec,
            [_("Score"), *names],
            [[r["title"], *r["shown"]] for r in rows if r["level"] in ("overall", "area")],
            filename=f"compare-{dataset.slug}-{year}.csv",
        )
    ]
    ts = ctx["series"].dropna(subset=["score"])
    if ts["year"].nunique() > 1:
        wide = ts.pivot_table(index="year", columns="series", values="score", sort=False)
        order = [n for n in names if n in wide.columns]
        blocks.append(
            chart_block(
                "compare-time",
                _("Overall score over time"),
                charts.time_series_chart(ts, x_title=_("Year"), y_title=_("Overall score")),
                [_("Year"), *order],
                [
                    [int(y), *(services.shown(v) for v in r)]
                    for y, r in zip(wide.index, wide[order].to_numpy())
                ],
                filename=f"compare-{dataset.slug}-over-time.csv",
            )
        )
    return blocks


# --- area ---------------------------------------------------------------------------------------


@handles_input_errors
def area(request: HttpRequest, code: str) -> HttpResponse:
    """Every country on one area, with the indicators of that area."""
    dataset, year = _selection(request)
    fw = services.framework_of(dataset)
    the_area = next((a for a in fw.areas if a.code == code), None)
    if the_area is None:
        raise NotFoundError(f"area {code!r} is not in {fw.name}")
    lang = services.language()
    title = fw.text(the_area.title, lang)
    try:
        rows, means = services.ranking(dataset, year=year, level="area", code=code)
    except ParameterError:
        rows, means = [], []
    chart = None
    if rows:
        frame = pd.DataFrame(
            {
                "label": [r["name"] for r in rows],
                "score": [r["score"] for r in rows],
                "band_title": [r["band_title"] for r in rows],
            }
        )
        spec = charts.ranked_bar_chart(
            frame,
            means=[(m["label"], m["score"]) for m in means],
            band_titles=services.band_titles(fw),
            x_title=title,
            y_title=_("Country"),
            band_title=_("Band"),
        )
        chart = chart_block(
            "area-ranking",
            _("%(area)s by country, %(year)s") % {"area": title, "year": year},
            spec,
            [_("Rank"), _("Country"), title, _("Band")],
            [[r["rank_label"], r["name"], r["shown"], r["band_title"]] for r in rows],
            filename=f"area-{code}-{dataset.slug}-{year}.csv",
        )
    indicators = [
        {
            "code": p.indicator.code,
            "title": fw.text(p.indicator.title, lang),
            "dimension": services.titles(fw).get(p.dimension or "", ""),
            "options": [
                (o.code, fw.text(o.label, lang) if o.label else "", f"{o.value:g}")
                for o in p.indicator.options
            ],
        }
        for p in fw.places
        if p.area == code
    ]
    context = _page_context(
        dataset,
        year,
        area_code=code,
        area_title=title,
        rows=rows,
        means=means,
        chart=chart,
        indicators=indicators,
    )
    return render(request, "explorer/area.html", context)


# --- downloads ----------------------------------------------------------------------------------


def _export_params(request: HttpRequest) -> dict:
    codes = [c.strip().upper() for c in request.GET.getlist("c") if c.strip()]
    names = services.country_names()
    for code in codes:
        if code not in names:
            raise ParameterError("c", _("unknown country %(code)s") % {"code": code})
    return {
        "iso3": codes or None,
        "levels": [v for v in request.GET.getlist("level") if v] or None,
        "shape": request.GET.get("shape", "tidy") or "tidy",
    }


@handles_input_errors
def downloads(request: HttpRequest) -> HttpResponse:
    """Every export format for the current selection (dataset, year, countries, levels)."""
    dataset = services.get_dataset(request.GET.get("dataset"))
    year = _int(request, "year")
    if year is not None:
        services.resolve_year(dataset, year)
    params = _export_params(request)
    frame = services.export_frame(dataset, year=year, **params)
    query = request.GET.copy()
    query["dataset"] = dataset.slug
    links = []
    labels = {
        "csv": _("CSV (comma-separated values)"),
        "xlsx": _("Excel workbook (XLSX) with an “about” sheet"),
        "dta": _("Stata (.dta) with variable and value labels"),
        "sav": _("SPSS (.sav) with variable and value labels"),
        "datapackage": _("Frictionless data package (ZIP with datapackage.json)"),
    }
    for fmt, label in labels.items():
        query["format"] = fmt
        links.append({"format": fmt, "label": label, "query": query.urlencode()})
    context = _page_context(
        dataset,
        year,
        links=links,
        n_rows=len(frame),
        preview=frame.head(10).to_dict("split"),
        selected_levels=params["levels"] or [],
        selected_countries=params["iso3"] or [],
        shape=params["shape"],
        level_choices=services.EXPORT_LEVELS,
        all_countries=sorted(services.country_names().items(), key=lambda kv: kv[1]),
    )
    return render(request, "explorer/downloads.html", context)


@handles_input_errors
def download_file(request: HttpRequest) -> HttpResponse:
    """The selection as a file in the requested format, labelled synthetic when it is."""
    dataset = services.get_dataset(request.GET.get("dataset"))
    year = _int(request, "year")
    if year is not None:
        services.resolve_year(dataset, year)
    frame = services.export_frame(dataset, year=year, **_export_params(request))
    body, content_type, name = services.export_bytes(
        dataset, frame, request.GET.get("format", "csv")
    )
    response = HttpResponse(body, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


# --- assets -------------------------------------------------------------------------------------


@require_safe
def vega_bundle(request: HttpRequest, version: str) -> HttpResponse:
    """Vega, Vega-Lite and vega-embed as one local script (from vl-convert; no CDN)."""
    from migdex.web.explorer.assets import vega_javascript

    response = HttpResponse(vega_javascript(), content_type="text/javascript; charset=utf-8")
    response["Cache-Control"] = "public, max-age=31536000, immutable"
    return response
