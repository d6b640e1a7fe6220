"""Analysis pages: rank uncertainty, country report (PDF), policies vs outcomes, mobility,
terminology check.

Each view calls :mod:`migdex.web.explorer.analysis` (which calls the Django-free libraries)
and renders with the explorer's conventions: a chart with the same numbers as a table under
it and a CSV link, the synthetic label on every page built from generated data.
"""

from __future__ import annotations

import pandas as pd
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from migdex.index import charts
from migdex.web.explorer import analysis, services
from migdex.web.explorer.services import ParameterError
from migdex.web.explorer.views import _int, _page_context, chart_block, handles_input_errors

# --- rank uncertainty ---------------------------------------------------------------------------


def rank_interval_spec(table: pd.DataFrame, *, x_title: str, y_title: str) -> dict:
    """The rank-uncertainty chart with every title and tooltip word in the page's language."""
    return charts.rank_uncertainty_chart(
        table,
        x_title=x_title,
        y_title=y_title,
        interval_title=_(
            "Rank: nominal (dot), median (tick), 5th to 95th percentile of runs (bar)"
        ),
        labels={  # the tooltip words of migdex.index.charts.RANK_LABELS
            "nominal": _("Nominal rank"),
            "median": _("Median rank"),
            "p05": _("Rank, 5th percentile"),
            "p95": _("Rank, 95th percentile"),
        },
    )


@handles_input_errors
def sensitivity(request: HttpRequest) -> HttpResponse:
    """Every country's rank with its 5–95% interval over 300 runs of other assumptions."""
    dataset = analysis.computed_dataset(request.GET.get("dataset"))
    year = services.resolve_year(dataset, _int(request, "year"))
    result = analysis.sensitivity(dataset, year)
    names = services.country_names()
    summary = result.summary.assign(label=[names.get(c, c) for c in result.summary["iso3"]])
    spec = rank_interval_spec(summary, x_title=_("Rank (1 = highest)"), y_title=_("Country"))
    rows = [
        [
            r.label,
            f"{r.nominal_rank} ({r.rank_p05}–{r.rank_p95})",
            int(r.nominal_rank),
            int(r.median_rank),
            int(r.rank_p05),
            int(r.rank_p95),
            f"{r.mean_abs_rank_shift:.2f}",
        ]
        for r in summary.itertuples()
    ]
    chart = chart_block(
        "rank-uncertainty",
        _("Rank and its 5th–95th percentile interval, %(year)s") % {"year": year},
        spec,
        [
            _("Country"),
            _("Rank (5th–95th percentile)"),
            _("Nominal rank"),
            _("Median rank"),
            _("Rank, 5th percentile"),
            _("Rank, 95th percentile"),
            _("Mean rank shift"),
        ],
        rows,
        filename=f"rank-uncertainty-{dataset.slug}-{year}.csv",
    )
    context = _page_context(
        dataset,
        year,
        datasets=analysis.computed_datasets(),
        chart=chart,
        settings=result.settings,
        n_runs=len(result.ranks),
    )
    return render(request, "explorer/sensitivity.html", context)


# --- country report --------------------------------------------------------------------------


@handles_input_errors
def country_report(request: HttpRequest, iso3: str) -> HttpResponse:
    """The country's PDF report (``migdex.reports``) in the page's language."""
    dataset = services.get_dataset(request.GET.get("dataset"))
    the_country = services.get_country(iso3)
    story_years = services.scores_frame(dataset)
    mine = story_years[
        (story_years["iso3"] == the_country.iso3) & (story_years["level"] == "overall")
    ]
    years = sorted(int(y) for y in mine["year"].unique())
    if not years:
        raise services.NotFoundError(f"{dataset.slug} has no scores for {the_country.iso3}")
    year = _int(request, "year") or years[-1]
    if year not in years:
        raise ParameterError("year", f"no scores for {the_country.iso3} in {year}; years: {years}")
    lang = services.language()
    body = analysis.country_pdf(dataset, the_country.iso3, year, lang)
    response = HttpResponse(body, content_type="application/pdf")
    name = f"migdex-{the_country.iso3}-{dataset.slug}-{year}-{lang}.pdf"
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


# --- policies and outcomes ------------------------------------------------------------------


def _outcome_titles() -> dict[str, str]:
    return {
        "generalised_trust": _("Generalised trust"),
        "perceived_threat": _("Perceived threat from immigration"),
        "employment_gap": _("Employment gap of immigrants"),
    }


def _model_labels() -> dict[str, str]:
    """Model names (:data:`migdex.index.outcomes.MODEL_LABELS`), translated."""
    return {
        "ols_cross_section": _("OLS, cross-section {year}"),
        "ols_pooled": _("OLS, pooled years"),
        "fixed_effects": _("Fixed effects (country + year)"),
    }


def _effect_labels() -> dict[str, str]:
    """Mediation effects (:data:`migdex.index.mediation.LABELS`), translated."""
    return {
        "a": _("a: exposure → mediator"),
        "b": _("b: mediator → outcome, exposure held"),
        "direct": _("direct effect c' (exposure → outcome, mediator held)"),
        "total": _("total effect c"),
        "indirect": _("indirect effect a·b"),
        "proportion_mediated": _("proportion mediated a·b / c"),
    }


def _mediation_rows(result) -> list[list[str]]:
    if result.mediation is None:
        return []
    return [
        [r.label, f"{r.estimate:.3f}", f"{r.ci_low:.3f} … {r.ci_high:.3f}", f"{r.p_value:.3f}"]
        for r in result.mediation.table.itertuples()
    ]


def _term_labels() -> dict[str, str]:
    return {"Intercept": _("Intercept"), "policy": _("Overall score")}


@handles_input_errors
def outcomes(request: HttpRequest) -> HttpResponse:
    """The overall score against a SYNTHETIC outcome: scatter with fit, and the models."""
    dataset = analysis.computed_dataset(request.GET.get("dataset"))
    outcome = request.GET.get("outcome") or analysis.OUTCOME_VARIABLES[0]
    result = analysis.outcomes(
        dataset, outcome, labels=_model_labels(), effect_labels=_effect_labels()
    )
    titles = _outcome_titles()
    names = services.country_names()
    points = result.cross_section.assign(
        label=[names.get(c, c) for c in result.cross_section["iso3"]]
    )
    spec = charts.scatter_fit_chart(
        points,
        result.line,
        x_title=_("Overall score"),
        y_title=titles[outcome],
        note=_("SYNTHETIC outcome data — not real figures"),
        labels={"label": _("Country")},
    )
    chart = chart_block(
        "outcome-scatter",
        _("%(outcome)s against the overall score, %(year)s")
        % {"outcome": titles[outcome], "year": result.year},
        spec,
        [_("Country"), _("Overall score"), titles[outcome]],
        [[r.label, f"{r.x:.1f}", f"{r.y:.2f}"] for r in points.itertuples()],
        filename=f"outcome-{outcome}-{dataset.slug}-{result.year}.csv",
    )
    coefficients = result.coefficients
    terms = _term_labels()
    coefficient_rows = [
        [
            r.model,
            terms.get(r.term, r.term),
            f"{r.coef:.3f}",
            f"{r.std_err:.3f}",
            f"{r.p_value:.3f}",
            f"{r.ci_low:.3f} … {r.ci_high:.3f}",
            int(r.n),
            int(r.n_countries),
            f"{r.r2:.2f}",
        ]
        for r in coefficients.itertuples()
    ]
    headers = [
        _("Model"),
        _("Term"),
        _("Coefficient"),
        _("Standard error"),
        _("p-value"),
        f"{_('Confidence interval')} (95%)",
        _("Observations"),
        _("Countries"),
        "R²",
    ]
    coefficient_csv = chart_block(
        "coefficients",
        "",
        {},
        [*headers[:5], _("Lower bound (95%)"), _("Upper bound (95%)"), *headers[6:]],
        [
            [
                *(r.model, terms.get(r.term, r.term), r.coef, r.std_err, r.p_value),
                *(r.ci_low, r.ci_high, int(r.n), int(r.n_countries), r.r2),
            ]
            for r in coefficients.itertuples()
        ],
        filename=f"outcome-{outcome}-{dataset.slug}-models.csv",
    )
    context = _page_context(
        dataset,
        result.year,
        datasets=analysis.computed_datasets(),
        years=[],
        chart=chart,
        outcome=outcome,
        outcome_choices=list(titles.items()),
        coefficient_headers=headers,
        coefficient_rows=coefficient_rows,
        coefficient_csv=coefficient_csv,
        mediator_title=titles.get(analysis.MEDIATORS.get(outcome, ""), ""),
        mediation_rows=_mediation_rows(result),
        n_boot=analysis.MEDIATION_BOOT,
    )
    return render(request, "explorer/outcomes.html", context)


# --- mobility ---------------------------------------------------------------------------------


def _category_titles() -> dict[str, str]:
    return {
        "long_term_migrant": _("Long-term migrants"),
        "frontier_commuter": _("Frontier commuters"),
        "resident": _("Residents"),
        "seasonal_mover": _("Seasonal movers"),
        "short_term_mover": _("Short-term movers"),
        "visitor": _("Visitors"),
    }


@handles_input_errors
def mobility(request: HttpRequest) -> HttpResponse:
    """Monthly long-term flows and person categories of a SYNTHETIC set of crossings."""
    data = analysis.mobility()
    periods = data["periods"]
    flows = {
        "long_term_arrivals": _("Long-term arrivals"),
        "long_term_departures": _("Long-term departures"),
        "net_migration": _("Net migration"),
    }
    long = pd.DataFrame(
        [
            {"period": p, "series": title, "count": int(v)}
            for column, title in flows.items()
            for p, v in zip(periods["period"], periods[column])
        ]
    )
    monthly = chart_block(
        "mobility-monthly",
        _("Long-term arrivals, departures and net migration by month"),
        analysis.count_chart(
            long, x_title=_("Month"), y_title=_("Crossings"), series_title=_("Flow")
        ),
        [_("Month"), *flows.values()],
        [[r[0], *map(int, r[1:])] for r in periods[["period", *flows]].itertuples(index=False)],
        filename="mobility-synthetic-monthly.csv",
    )
    titles = _category_titles()
    cats = data["categories"].set_index("category")["persons"]
    order = [c for c in titles if c in cats.index]
    bars = pd.DataFrame(
        {"label": [titles[c] for c in order], "count": [int(cats[c]) for c in order]}
    )
    categories = chart_block(
        "mobility-categories",
        _("Persons by category"),
        analysis.bar_chart(bars, x_title=_("Persons"), y_title=_("Category")),
        [_("Category"), _("Persons")],
        bars.to_numpy().tolist(),
        filename="mobility-synthetic-categories.csv",
    )
    context = {
        "charts": [monthly, categories],
        "n_crossings": data["n_crossings"],
        "n_persons": data["n_persons"],
        "first_month": periods["period"].iloc[0] if len(periods) else "",
        "last_month": periods["period"].iloc[-1] if len(periods) else "",
    }
    return render(request, "explorer/mobility.html", context)


# --- terminology check ---------------------------------------------------------------------------


@never_cache
@require_http_methods(["GET", "POST"])
def media_check(request: HttpRequest) -> HttpResponse:
    """The checker moved to the terminology app (``terminology:check``): a permanent redirect.

    A GET gets 301; a POST gets 308, so an old form or script posting here keeps its text.
    """
    from django.http import HttpResponsePermanentRedirect
    from django.urls import reverse

    response = HttpResponsePermanentRedirect(reverse("terminology:check"))
    if request.method == "POST":
        response.status_code = 308
    return response
