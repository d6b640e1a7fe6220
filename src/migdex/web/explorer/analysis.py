"""Glue for the analysis pages: sensitivity, country report, outcomes, mobility, media.

Each function only calls a Django-free library (:mod:`migdex.index.sensitivity`,
:mod:`migdex.reports`, :mod:`migdex.index.outcomes`, :mod:`migdex.mobility`,
:mod:`migdex.media`) on what is stored or shipped, and keeps the result per process:
sensitivity runs and reports are keyed on the dataset's ``updated_at``, so an import is
seen at once; the synthetic mobility set and the outcome example never change.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Mapping
from importlib import resources

import numpy as np
import pandas as pd

from migdex.web.explorer import services
from migdex.web.explorer.models import Dataset, Score
from migdex.web.explorer.services import ParameterError, _Memo

SENSITIVITY_RUNS = 300
OUTCOMES_FILE = "outcomes_example.csv"
OUTCOME_VARIABLES = ("generalised_trust", "perceived_threat", "employment_gap")
# Outcome → the mediator the page tests (policy → perceived threat → trust).
MEDIATORS = {"generalised_trust": "perceived_threat"}
MEDIATION_BOOT = 500

_sensitivity = _Memo(16)
_reports = _Memo(16)


# --- sensitivity ---------------------------------------------------------------------------------


def computed_datasets() -> list[Dataset]:
    """Datasets scored from answers: the only ones with indicator scores to vary."""
    return [d for d in services.datasets() if d.kind == Dataset.COMPUTED]


def computed_dataset(slug: str | None) -> Dataset:
    """The dataset named ``slug`` (it must be computed), or the first computed one."""
    if not slug:
        found = computed_datasets()
        if not found:
            raise services.NotFoundError("no dataset computed from answers is loaded")
        return found[0]
    dataset = services.get_dataset(slug)
    if dataset.kind != Dataset.COMPUTED:
        raise ParameterError(
            "dataset", f"{slug!r} holds published figures, not answers; choose a computed one"
        )
    return dataset


def sensitivity(dataset: Dataset, year: int):
    """:func:`migdex.index.sensitivity.run_sensitivity` on the stored indicator scores.

    300 Monte Carlo runs (no Sobol design), kept per process and data version.
    """
    from migdex.index.sensitivity import SensitivitySpec, run_sensitivity

    def build():
        rows = Score.objects.filter(dataset=dataset, year=year, level="indicator").values_list(
            "iso3", "year", "code", "score"
        )
        frame = pd.DataFrame.from_records(
            list(rows), columns=["iso3", "year", "indicator", "score"]
        )
        frame["score"] = frame["score"].astype("float64")
        spec = SensitivitySpec(runs=SENSITIVITY_RUNS, sobol=False)
        return run_sensitivity(frame, services.framework_of(dataset), year=year, spec=spec)

    return _sensitivity.get((dataset.pk, dataset.updated_at, year), build)


def rank_interval(dataset: Dataset, iso3: str, year: int) -> str | None:
    """``"12 (9–15)"``: the nominal rank and its 5–95% interval, or None without answers."""
    from migdex.errors import InputError
    from migdex.index.sensitivity import nominal_ranks_table

    if dataset.kind != Dataset.COMPUTED:
        return None
    try:
        table = nominal_ranks_table(sensitivity(dataset, year))
    except InputError:
        return None
    row = table[table["iso3"] == iso3]
    return str(row["rank_interval"].iloc[0]) if len(row) else None


# --- country report --------------------------------------------------------------------------


def country_pdf(dataset: Dataset, iso3: str, year: int, lang: str) -> bytes:
    """The country's PDF report from :mod:`migdex.reports`, in ``lang`` (kept per process)."""
    from migdex.reports import build_country_report, country_pdf_bytes

    def build() -> bytes:
        uncertainty = None
        if dataset.kind == Dataset.COMPUTED:
            uncertainty = sensitivity(dataset, year)
        report = build_country_report(
            services.scores_frame(dataset),
            services.framework_of(dataset),
            iso3=iso3,
            year=year,
            lang=lang,
            is_synthetic=dataset.is_synthetic,
            source=dataset.title_en if lang == "en" else (dataset.title_ru or dataset.title_en),
            uncertainty=uncertainty,
        )
        return country_pdf_bytes(report)

    return _reports.get((dataset.pk, dataset.updated_at, iso3, year, lang), build)


# --- outcomes ----------------------------------------------------------------------------------


@functools.lru_cache(maxsize=1)
def outcomes_example() -> pd.DataFrame:
    """The shipped SYNTHETIC outcome table, validated by :func:`read_outcomes`."""
    from migdex.index.outcomes import read_outcomes

    with resources.as_file(resources.files("migdex") / "data" / OUTCOMES_FILE) as path:
        return read_outcomes(path)


def outcomes(
    dataset: Dataset,
    outcome: str,
    *,
    labels: Mapping[str, str] | None = None,
    effect_labels: Mapping[str, str] | None = None,
):
    """:func:`migdex.index.outcomes.analyse_outcomes` of ``outcome`` on the overall score.

    With a mediator in :data:`MEDIATORS`, also the mediation through it. ``labels`` and
    ``effect_labels`` name the models and effects in the page's language (kept per set).
    """
    from migdex.index.outcomes import analyse_outcomes

    if outcome not in OUTCOME_VARIABLES:
        raise ParameterError(
            "outcome", f"unknown value {outcome!r}; choose from {', '.join(OUTCOME_VARIABLES)}"
        )
    words, effects = dict(labels or {}), dict(effect_labels or {})
    key = (outcome, tuple(sorted(words.items())), tuple(sorted(effects.items())))
    return _reports.get(
        ("outcomes", dataset.pk, dataset.updated_at, *key),
        lambda: analyse_outcomes(
            outcomes_example(),
            services.scores_frame(dataset),
            outcome=outcome,
            mediator=MEDIATORS.get(outcome),
            n_boot=MEDIATION_BOOT,
            labels=words,
            effect_labels=effects,
        ),
    )


# --- mobility ----------------------------------------------------------------------------------

MOBILITY_FIRST_DAY = dt.date(2019, 1, 1)
MOBILITY_OBS_END = dt.date(2025, 1, 1)
MOBILITY_SEED = 2025


def synthetic_crossings(seed: int = MOBILITY_SEED) -> tuple[pd.DataFrame, pd.DataFrame]:
    """About 4,000 SYNTHETIC crossings: tourists, residents' trips, seasonal workers,
    migrants (some leaving again) and frontier commuters; and each person's status at the
    start. A small version of ``bench/mobility/generate.py``'s mix, seeded.
    """
    rng = np.random.default_rng(seed)
    span = (MOBILITY_OBS_END - MOBILITY_FIRST_DAY).days
    rows: list[tuple[str, int, str]] = []
    status: list[tuple[str, str]] = []

    def person(pid: str, start_status: str, moves: list[tuple[int, str]]) -> None:
        status.append((pid, start_status))
        rows.extend((pid, day, direction) for day, direction in moves if day < span)

    for i in range(600):  # tourists: in for 2 to 30 days
        d = int(rng.integers(0, span - 31))
        person(f"T{i}", "0", [(d, "arrival"), (d + int(rng.integers(2, 31)), "departure")])
    for i in range(150):  # residents: four trips abroad of 3 to 40 days
        moves, d = [], int(rng.integers(0, 120))
        for _ in range(4):
            back = d + int(rng.integers(3, 41))
            moves += [(d, "departure"), (back, "arrival")]
            d = back + int(rng.integers(60, 400))
        person(f"R{i}", "1", moves)
    for i in range(60):  # seasonal workers: spring arrivals, 150 to 250 days' stays
        moves, first = [], int(rng.integers(0, 3))
        for j in range(4):
            d = (first + j) * 365 + 80 + int(rng.integers(0, 30))
            moves += [(d, "arrival"), (d + int(rng.integers(150, 251)), "departure")]
        person(f"S{i}", "0", moves)
    for i in range(250):  # migrants: arrive to stay; visits home; two in five leave again
        d = int(rng.integers(0, span - 60))
        moves = [(d, "arrival")]
        visit = d + int(rng.integers(200, 500))
        moves += [(visit, "departure"), (visit + int(rng.integers(10, 60)), "arrival")]
        if rng.random() < 0.4:
            moves.append((moves[-1][0] + int(rng.integers(420, 900)), "departure"))
        person(f"M{i}", "0", moves)
    for i in range(8):  # frontier commuters: 60 same-day trips on weekdays
        d, moves = int(rng.integers(0, span - 200)), []
        for _ in range(60):
            moves += [(d, "arrival"), (d, "departure")]
            d += 1 if (d + 1) % 7 < 5 else 3
        person(f"C{i}", "0", moves)
    frame = pd.DataFrame(rows, columns=["person_id", "day", "direction"])
    frame["seq"] = frame.groupby("person_id").cumcount() + 1
    frame["date"] = pd.to_datetime(MOBILITY_FIRST_DAY) + pd.to_timedelta(frame["day"], unit="D")
    frame["date"] = frame["date"].dt.strftime("%Y-%m-%d")
    crossings = frame[["person_id", "date", "direction", "seq"]]
    return crossings, pd.DataFrame(status, columns=["person_id", "status"])


@functools.lru_cache(maxsize=1)
def mobility() -> dict:
    """Classify and summarise the synthetic crossings once per process (tidy frames)."""
    from migdex.mobility import categorise, classify_crossings, summarise

    crossings, status = synthetic_crossings()
    result = classify_crossings(crossings, obs_end=MOBILITY_OBS_END, initial_status=status)
    summary = summarise(result.crossings, period="month")
    persons = categorise(result.crossings, obs_end=MOBILITY_OBS_END)
    categories = persons.groupby("category").size().rename("persons").reset_index()
    return {
        "n_crossings": len(crossings),
        "n_persons": int(crossings["person_id"].nunique()),
        "periods": summary.periods,
        "categories": categories,
    }


def count_chart(frame: pd.DataFrame, *, x_title: str, y_title: str, series_title: str) -> dict:
    """Monthly counts, one line per series (``period, series, count``); no fixed 0–100 scale.

    Months are written ``2019-01``: Vega's default locale would name them in English.
    """
    import altair as alt

    series = list(dict.fromkeys(frame["series"]))
    chart = (
        alt.Chart(frame[["period", "series", "count"]])
        .mark_line(point=True)
        .encode(
            x=alt.X("period:T", title=x_title, timeUnit="yearmonth", axis=alt.Axis(format="%Y-%m")),
            y=alt.Y("count:Q", title=y_title),
            color=alt.Color("series:N", title=series_title, sort=series),
            tooltip=[
                alt.Tooltip("series:N", title=series_title),
                alt.Tooltip("period:T", title=x_title, timeUnit="yearmonth", format="%Y-%m"),
                alt.Tooltip("count:Q", title=y_title),
            ],
        )
        .properties(width=640, height=260)
    )
    return chart.to_dict()


def bar_chart(frame: pd.DataFrame, *, x_title: str, y_title: str) -> dict:
    """Horizontal bars of ``label, count`` in the frame's order."""
    import altair as alt

    chart = (
        alt.Chart(frame[["label", "count"]])
        .mark_bar()
        .encode(
            x=alt.X("count:Q", title=x_title),
            y=alt.Y("label:N", title=y_title, sort=list(frame["label"])),
            tooltip=[alt.Tooltip("label:N", title=y_title), alt.Tooltip("count:Q", title=x_title)],
        )
        .properties(width=640)
    )
    return chart.to_dict()
