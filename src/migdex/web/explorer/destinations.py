"""Destinations compared from one origin: loading such a dataset, and what its page shows.

A *destination dataset* is a computed dataset whose countries are destinations seen from one
country of origin; the origin is recorded as an ``origin: ISO3 (English name / Russian name)``
line of the dataset's sources (origins need not be among the explorer's countries).
Nothing here depends on a framework's codes: areas, indicators, directions and
normalisations are read from the dataset's framework file, so any framework with numeric
indicators (``destination-attractiveness`` is the bundled one) works the same way.

Stored answers keep what was given: the option, or for a numeric indicator its raw number
in ``Answer.raw_value``, so the page shows raw values beside the normalised indicator scores
and the stored answers re-score to the stored scores.
"""

from __future__ import annotations

from importlib import resources

import pandas as pd
from django.db import transaction

from migdex.errors import InputError
from migdex.index.examples import EXAMPLE_LABEL, FRAMEWORK, ORIGIN
from migdex.web.explorer import analysis, services
from migdex.web.explorer.loading import (
    ImportRefusedError,
    ImportReport,
    fingerprint,
    framework_row,
    store_run,
)
from migdex.web.explorer.models import Answer, Country, Dataset, Score

EXAMPLE_FILE = "destination_example.csv"
EXAMPLE_SLUG = "destination-example-uzb"
ORIGIN_PREFIX = "origin:"


# --- loading -------------------------------------------------------------------------------


def load_destination_example() -> ImportReport:
    """The shipped SYNTHETIC example (12 destinations × 2015–2019 seen from Uzbekistan).

    Idempotent: an unchanged file is not stored again. Needs the reference data
    (``loading.ensure_reference_data``) for the destinations' names.
    """
    with resources.as_file(resources.files("migdex") / "data" / EXAMPLE_FILE) as path:
        frame = pd.read_csv(path, dtype={"option": "string"})
    return load_destination_answers(
        frame,
        slug=EXAMPLE_SLUG,
        framework=FRAMEWORK,
        origin=ORIGIN,
        origin_names=("Uzbekistan", "Узбекистан"),
        title_en=(
            "Destinations seen from Uzbekistan (12 countries × 2015–2019) — "
            "SYNTHETIC example, not real data"
        ),
        title_ru=(
            "Страны назначения глазами мигрантов из Узбекистана (12 стран × 2015–2019) — "
            "СИНТЕТИЧЕСКИЙ пример, не настоящие данные"
        ),
        source=f"{EXAMPLE_FILE} (migdex.index.examples.make_destination_example)",
        position=15,
    )


def load_destination_answers(
    frame: pd.DataFrame,
    *,
    slug: str,
    framework: str,
    origin: str,
    title_en: str,
    title_ru: str = "",
    origin_names: tuple[str, str] | None = None,
    source: str = "answers",
    position: int = 60,
) -> ImportReport:
    """Validate and score one origin's answers (``iso3`` = destination) and store them.

    ``origin_names`` (English, Russian) name an origin that is not among the explorer's
    countries. Refuses (nothing stored) when the answers do not fit the framework or name
    an unknown destination; a SYNTHETIC label in a ``dataset`` column is kept.
    """
    from migdex.index.answers import validate_answers
    from migdex.index.pipeline import run_index

    origin = origin.strip().upper()
    report = ImportReport(slug)
    row, fw = framework_row(framework)
    try:
        clean = validate_answers(frame, fw, source=source)
        run = run_index(frame, fw, source=source)
    except InputError as exc:
        lines = str(exc).splitlines()
        report.summary, report.problems = lines[0], lines[1:]
        raise ImportRefusedError(report) from None
    unknown = sorted(set(clean["iso3"]) - set(Country.objects.values_list("iso3", flat=True)))
    if unknown:
        report.problems.append(f"{source}: unknown destinations {', '.join(unknown)}")
    if not (len(origin) == 3 and origin.isalpha()):
        report.problems.append(f"origin = {origin!r} is not a three-letter ISO code")
    if report.problems:
        report.summary = f"{source}: {len(report.problems)} problem(s); nothing was imported"
        raise ImportRefusedError(report)
    print_ = fingerprint(
        "destinations", fw.name, origin, origin_names, frame.to_csv(index=False), title_en
    )
    existing = Dataset.objects.filter(slug=slug).first()
    if existing is not None and existing.fingerprint == print_:
        return ImportReport(slug, f"{slug}: unchanged", is_unchanged=True)
    with transaction.atomic():
        dataset = store_run(
            run,
            clean,
            slug=slug,
            title_en=title_en,
            title_ru=title_ru or title_en,
            framework=row,
            print_fingerprint=print_,
            sources=f"{_origin_line(origin, origin_names)}\n{source}",
            position=position,
        )
        Dataset.objects.filter(pk=dataset.pk).update(label=run.dataset_label)
    n = int(run.scores[["iso3", "year"]].drop_duplicates().shape[0])
    return ImportReport(
        slug,
        f"{slug}: {n} destination-years from {origin} scored"
        + (f" ({EXAMPLE_LABEL})" if run.dataset_label == EXAMPLE_LABEL else ""),
        n_rows=len(clean),
        is_applied=True,
    )


# --- which datasets -------------------------------------------------------------------------


def _origin_line(origin: str, names: tuple[str, str] | None) -> str:
    named = f" ({names[0]} / {names[1] or names[0]})" if names and names[0] else ""
    return f"{ORIGIN_PREFIX} {origin}{named}"


def _origin_parts(dataset: Dataset) -> tuple[str, str, str] | None:
    """Code, English and Russian name from the ``origin:`` sources line ("" when not named)."""
    for line in dataset.sources.splitlines():
        if line.startswith(ORIGIN_PREFIX):
            code, _, rest = line[len(ORIGIN_PREFIX) :].strip().partition(" ")
            en, _, ru = rest.strip().removeprefix("(").removesuffix(")").partition(" / ")
            return (code.upper(), en.strip(), ru.strip()) if code else None
    return None


def origin_of(dataset: Dataset) -> str | None:
    """The origin's ISO3 code from the dataset's ``origin:`` sources line, or None."""
    parts = _origin_parts(dataset)
    return parts[0] if parts else None


def origin_name(dataset: Dataset) -> str:
    """The origin's name in the active language: a known country's, the stored one, or
    the code."""
    parts = _origin_parts(dataset)
    if parts is None:
        return ""
    code, en, ru = parts
    known = services.country_names().get(code)
    return known or (ru if services.language() == "ru" and ru else en) or code


def destination_datasets() -> list[Dataset]:
    """Computed datasets that compare destinations for one origin, in list order."""
    return [d for d in analysis.computed_datasets() if origin_of(d)]


def destination_dataset(slug: str | None, origin: str | None) -> Dataset:
    """The dataset named ``slug``, else the first one for ``origin``, else the first one."""
    found = destination_datasets()
    if slug:
        dataset = services.get_dataset(slug)
        if dataset not in found:
            raise services.ParameterError(
                "dataset", f"{slug!r} does not compare destinations for one origin"
            )
        return dataset
    if origin:
        code = origin.strip().upper()
        chosen = [d for d in found if origin_of(d) == code]
        if not chosen:
            known = ", ".join(sorted({str(origin_of(d)) for d in found})) or "none"
            raise services.ParameterError("origin", f"no dataset for {code!r}; origins: {known}")
        return chosen[0]
    if not found:
        raise services.NotFoundError(
            "no destination dataset is loaded: run `manage.py load_destinations`"
        )
    return found[0]


# --- what the page shows ----------------------------------------------------------------------


def ranking(dataset: Dataset, year: int) -> pd.DataFrame:
    """One row per destination, best first: overall and area scores, rank and its interval.

    Columns ``iso3, overall, <area codes>, nominal_rank, median_rank, rank_p05,
    rank_p95``; ranks come from the sensitivity analysis the rank-uncertainty page uses
    (full-precision scores, 1 = most attractive).
    """
    fw = services.framework_of(dataset)
    frame = services.scores_frame(dataset)
    sub = frame[(frame["year"] == year) & frame["level"].isin(["overall", "area"])]
    wide = sub.pivot_table(index="iso3", columns="code", values="score", dropna=False)
    wide = wide.reindex(columns=["overall", *fw.area_codes]).reset_index()
    try:
        ranks = analysis.sensitivity(dataset, year).summary
    except InputError as exc:  # e.g. fewer than two destinations scored that year
        raise services.ParameterError("year", str(exc)) from None
    cols = ["iso3", "nominal_rank", "median_rank", "rank_p05", "rank_p95"]
    out = wide.merge(ranks[cols], on="iso3", how="inner")
    return out.sort_values(["nominal_rank", "iso3"], kind="stable").reset_index(drop=True)


def indicator_values(dataset: Dataset, year: int) -> pd.DataFrame:
    """Each destination's answer and normalised score per indicator in ``year``.

    Columns ``iso3, indicator, option, raw_value, score``: ``raw_value`` is the number
    given for a numeric indicator (NaN for option indicators), ``score`` the stored
    0–100 indicator score.
    """
    answers = pd.DataFrame.from_records(
        list(
            Answer.objects.filter(dataset=dataset, year=year).values_list(
                "iso3", "indicator", "option", "raw_value"
            )
        ),
        columns=["iso3", "indicator", "option", "raw_value"],
    )
    scores = pd.DataFrame.from_records(
        list(
            Score.objects.filter(dataset=dataset, year=year, level="indicator").values_list(
                "iso3", "code", "score"
            )
        ),
        columns=["iso3", "indicator", "score"],
    )
    out = scores.merge(answers, on=["iso3", "indicator"], how="left")
    out["raw_value"] = out["raw_value"].astype("float64")
    out["option"] = out["option"].fillna("").astype(str)
    out["score"] = out["score"].astype("float64")
    return out[["iso3", "indicator", "option", "raw_value", "score"]]
