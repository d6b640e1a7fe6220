"""The explorer's REST API (a ninja Router mounted at /api/v1 by :mod:`migdex.web.api`).

Read-only. Filters that name something unknown answer 422 (404 for a
country), with ``detail`` naming the parameter; lists are paginated with
``limit``/``offset`` and answer ``{"items": [...], "count": N}``.
"""

from typing import Literal

import pandas as pd
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse
from ninja import Field, Query, Router, Schema
from ninja.pagination import LimitOffsetPagination, paginate
from pydantic import BaseModel

from migdex.web.explorer import comparisons, services
from migdex.web.explorer.models import ApproachResult, Country, Dataset, Framework, Score
from migdex.web.explorer.services import NotFoundError, ParameterError

router = Router(tags=["index"])

Level = Literal["indicator", "dimension", "area", "overall", "approach_dimension"]
RankLevel = Literal["dimension", "area", "overall", "approach_dimension"]
ExportFormat = Literal["csv", "xlsx", "dta", "sav", "datapackage"]
YEAR = {"ge": 1900, "le": 2100, "description": "Year the policies refer to."}
ISO3 = {"min_length": 3, "max_length": 3, "pattern": "^[A-Za-z]{3}$", "description": "ISO3 code."}


class Error(Schema):
    detail: str


class FrameworkOut(Schema):
    name: str
    version: str
    edition: str
    series: str
    is_reconstruction: bool
    title: dict[str, str]
    notice: dict[str, str]
    languages: list[str]
    areas: list[str]


class AreaOut(Schema):
    code: str
    title: dict[str, str]
    weight: float
    dimensions: list[dict]
    n_indicators: int


class FrameworkDetail(FrameworkOut):
    sources: list[str]
    missing_rule: str
    area_details: list[AreaOut]
    bands: list[dict]
    approach_dimensions: list[dict]
    approach_rule: dict | None


class OptionOut(Schema):
    code: str
    value: float
    label: dict[str, str]


class IndicatorOut(Schema):
    framework: str
    code: str
    area: str
    dimension: str | None
    title: dict[str, str]
    question: dict[str, str]
    options: list[OptionOut]
    not_applicable_allowed: bool


class CountryOut(Schema):
    iso3: str
    name_en: str
    name_ru: str
    eu27: bool
    eu28: bool
    groups: list[str]


class DatasetOut(Schema):
    slug: str
    title_en: str
    title_ru: str
    kind: str
    is_synthetic: bool
    label: str
    framework: str
    series: str
    missing_rule: str
    years: list[int]
    sources: list[str]
    findings: list[str]


# Row models below are plain pydantic models, not ninja Schemas: the rows are dicts, so
# ninja's per-field attribute lookup (a third of an uncached scores answer's CPU) is not
# needed. Their OpenAPI schemas are the same.


class ScoreOut(BaseModel):
    dataset: str
    series: str
    edition: str
    iso3: str
    year: int
    level: str
    code: str
    score: float | None
    coverage: float | None
    n_scored: int | None
    n_indicators: int | None
    source: str
    is_synthetic: bool


class MeanOut(BaseModel):
    dataset: str
    group: str
    year: int
    level: str
    code: str
    score: float
    n_countries: int


class RankOut(BaseModel):
    dataset: str
    year: int
    level: str
    code: str
    iso3: str
    score: float
    rank: int
    rank_from_bottom: int
    n: int
    is_tied: bool
    rank_label: str
    bottom_label: str


class ChangeOut(BaseModel):
    dataset: str
    iso3: str
    level: str
    code: str
    year_from: int
    year_to: int
    score_from: float
    score_to: float
    change: float
    average_change: float
    versus_average: str


class ApproachOut(BaseModel):
    dataset: str
    iso3: str
    year: int
    dimensions: dict[str, float | None]
    approach: str
    group: str
    reason: str
    is_published: bool
    is_synthetic: bool


# --- helpers ----------------------------------------------------------------------------------


def _dataset(slug: str | None) -> Dataset:
    return services.get_dataset(slug)


def _country(iso3: str | None, parameter: str = "country") -> str | None:
    if iso3 is None:
        return None
    code = iso3.upper()
    if not Country.objects.filter(iso3=code).exists():
        raise NotFoundError(f"{parameter}: country {iso3!r} is not known (ISO 3166-1 alpha-3)")
    return code


def _codes_of(datasets: list[Dataset]) -> set[str]:
    codes: set[str] = {"overall"}
    for d in datasets:
        fw = services.framework_of(d)
        codes |= set(services.titles(fw)) | set(fw.indicators)
    return codes


def _check_code(code: str | None, datasets: list[Dataset]) -> None:
    if code is not None and code not in _codes_of(datasets):
        raise ParameterError("code", f"unknown value {code!r} for the chosen dataset(s)")


def _parsed(row: Framework):
    return services.parse_framework_row(row)


def _framework_out(row: Framework, detail: bool = False) -> dict:
    fw = _parsed(row)
    spec = fw.spec
    out = {
        "name": row.name,
        "version": row.version,
        "edition": row.edition,
        "series": row.series,
        "is_reconstruction": row.is_reconstruction,
        "title": dict(spec.title),
        "notice": dict(spec.notice),
        "languages": list(spec.languages),
        "areas": fw.area_codes,
    }
    if not detail:
        return out
    n_by_area = pd.Series([p.area for p in fw.places]).value_counts().to_dict()
    out.update(
        {
            "sources": list(spec.sources),
            "missing_rule": spec.aggregation.missing_rule,
            "area_details": [
                {
                    "code": a.code,
                    "title": dict(a.title),
                    "weight": a.weight,
                    "dimensions": [
                        {"code": f"{a.code}.{d.code}", "title": dict(d.title), "weight": d.weight}
                        for d in a.dimensions
                    ],
                    "n_indicators": int(n_by_area.get(a.code, 0)),
                }
                for a in fw.areas
            ],
            "bands": [b.model_dump() for b in spec.bands],
            "approach_dimensions": [d.model_dump() for d in spec.approach_dimensions],
            "approach_rule": spec.approach_rule.model_dump() if spec.approach_rule else None,
        }
    )
    return out


# --- frameworks, indicators, countries, datasets ------------------------------------------------


@router.get("/frameworks", response=list[FrameworkOut], summary="Frameworks (index editions)")
def list_frameworks(request: HttpRequest):
    """Every stored framework with its areas; texts in every declared language."""
    return [_framework_out(row) for row in Framework.objects.all()]


@router.get(
    "/frameworks/{name}",
    response={200: FrameworkDetail, 404: Error},
    summary="One framework in full",
)
def get_framework(request: HttpRequest, name: str):
    """Areas, dimensions, bands, approach dimensions and the approach rule of one framework."""
    row = Framework.objects.filter(name=name).first()
    if row is None:
        raise NotFoundError(f"framework {name!r} is not known")
    return _framework_out(row, detail=True)


@router.get("/indicators", response=list[IndicatorOut], summary="Indicators of a framework")
@paginate(LimitOffsetPagination)
def list_indicators(
    request: HttpRequest,
    framework: str = Query("mipex-2015-reconstructed", description="Framework name."),
    area: str | None = Query(None, description="Only this area's indicators."),
):
    """Indicator questions with their answer options and scores."""
    row = Framework.objects.filter(name=framework).first()
    if row is None:
        known = ", ".join(Framework.objects.values_list("name", flat=True))
        raise ParameterError("framework", f"unknown value {framework!r}; known: {known}")
    fw = _parsed(row)
    if area is not None and area not in fw.area_codes:
        raise ParameterError("area", f"unknown value {area!r}; known: {', '.join(fw.area_codes)}")
    return [
        {
            "framework": fw.name,
            "code": p.indicator.code,
            "area": p.area,
            "dimension": p.dimension,
            "title": dict(p.indicator.title),
            "question": dict(p.indicator.question),
            "options": [
                {"code": o.code, "value": o.value, "label": dict(o.label)}
                for o in p.indicator.options
            ],
            "not_applicable_allowed": p.indicator.not_applicable_allowed,
        }
        for p in fw.places
        if area is None or p.area == area
    ]


def _country_out(c: Country) -> dict:
    return {
        "iso3": c.iso3,
        "name_en": c.name_en,
        "name_ru": c.name_ru,
        "eu27": c.eu27,
        "eu28": c.eu28,
        "groups": sorted(g.code for g in c.groups.all()),
    }


@router.get("/countries", response=list[CountryOut], summary="Countries")
def list_countries(request: HttpRequest):
    """Every country with its names, EU flags and groups."""
    return [_country_out(c) for c in Country.objects.prefetch_related("groups")]


@router.get("/countries/{iso3}", response={200: CountryOut, 404: Error}, summary="One country")
def get_country(request: HttpRequest, iso3: str):
    """One country by ISO3 code; 404 when unknown."""
    return _country_out(services.get_country(iso3))


@router.get("/datasets", response=list[DatasetOut], summary="Datasets (score sets)")
def list_datasets(request: HttpRequest):
    """Published series and computed score sets; ``is_synthetic`` marks demo data."""
    return [
        {
            "slug": d.slug,
            "title_en": d.title_en,
            "title_ru": d.title_ru,
            "kind": d.kind,
            "is_synthetic": d.is_synthetic,
            "label": d.label,
            "framework": d.framework.name,
            "series": d.series,
            "missing_rule": d.missing_rule,
            "years": services.years_of(d),
            "sources": [s for s in d.sources.splitlines() if s.strip()],
            "findings": [s for s in d.findings.splitlines() if s.strip()],
        }
        for d in services.datasets()
    ]


# --- scores -------------------------------------------------------------------------------------


class ScoreFilters(Schema):
    dataset: str | None = Field(None, description="Dataset slug (see /datasets).")
    edition: str | None = Field(None, description="Edition, e.g. 'MIPEX 2015'.")
    series: str | None = Field(None, description="Series: core, full, core54 …")
    country: str | None = Field(None, **ISO3)
    year: int | None = Field(None, **YEAR)
    level: Level | None = None
    code: str | None = Field(None, max_length=80, description="Indicator, area … code.")


@router.get(
    "/scores",
    response={200: list[ScoreOut], 404: Error, 422: Error},
    summary="Scores (tidy), filtered",
)
@paginate(LimitOffsetPagination)
def list_scores(request: HttpRequest, filters: ScoreFilters = Query(...)):
    """One row per dataset, country, year, level and code; full precision."""
    datasets = _filtered_datasets(filters.dataset, filters.series)
    qs: QuerySet = Score.objects.filter(dataset__in=datasets)
    if filters.edition is not None:
        editions = set(qs.exclude(edition="").values_list("edition", flat=True).distinct())
        if filters.edition not in editions:
            shown = ", ".join(sorted(editions)) or "none"
            raise ParameterError("edition", f"unknown value {filters.edition!r}; known: {shown}")
        qs = qs.filter(edition=filters.edition)
    if filters.country is not None:
        qs = qs.filter(iso3=_country(filters.country))
    if filters.year is not None:
        qs = qs.filter(year=filters.year)
    if filters.level is not None:
        qs = qs.filter(level=filters.level)
    _check_code(filters.code, datasets)
    if filters.code is not None:
        qs = qs.filter(code=filters.code)
    by_id = {d.pk: d for d in datasets}
    rows = qs.order_by("dataset_id", "iso3", "year", "id").values_list(
        "dataset_id",
        "edition",
        "iso3",
        "year",
        "level",
        "code",
        "score",
        "coverage",
        "n_scored",
        "n_indicators",
        "source",
    )
    return _ScoreRows(rows, by_id)


class _ScoreRows:
    """A lazily sliced score list: the paginator counts and slices before rows are built."""

    def __init__(self, rows, by_id: dict[int, Dataset]):
        self.rows = rows
        self.by_id = by_id
        self._count: int | None = None

    def __len__(self) -> int:
        return self.count()

    def count(self) -> int:
        if self._count is None:
            self._count = self.rows.count()
        return self._count

    def __getitem__(self, item: slice) -> list[dict]:
        # Clamped to the row count: a huge limit or offset would overflow SQL's 64-bit LIMIT.
        start, stop, _ = item.indices(self.count())
        return [self._row(r) for r in self.rows[start:stop]] if start < stop else []

    def _row(self, r) -> dict:
        d = self.by_id[r[0]]
        return {
            "dataset": d.slug,
            "series": d.series,
            "edition": r[1],
            "iso3": r[2],
            "year": r[3],
            "level": r[4],
            "code": r[5],
            "score": r[6],
            "coverage": r[7],
            "n_scored": r[8],
            "n_indicators": r[9],
            "source": r[10],
            "is_synthetic": d.is_synthetic,
        }


def _filtered_datasets(slug: str | None, series: str | None) -> list[Dataset]:
    datasets = [_dataset(slug)] if slug is not None else services.datasets()
    if series is not None:
        known = sorted({d.series for d in services.datasets()})
        if series not in known:
            raise ParameterError("series", f"unknown value {series!r}; known: {', '.join(known)}")
        datasets = [d for d in datasets if d.series == series]
    return datasets


# --- comparisons --------------------------------------------------------------------------------


def _comparison_frame(dataset: Dataset, code: str) -> pd.DataFrame:
    """The dataset's score frame, once ``code`` is known to exist in it; the comparisons
    below come from the per-version cache the pages use (:mod:`.comparisons`)."""
    _check_code(code, [dataset])
    return services.scores_frame(dataset)


@router.get(
    "/comparisons/means",
    response={200: list[MeanOut], 404: Error, 422: Error},
    summary="Group means",
)
def comparison_means(
    request: HttpRequest,
    dataset: str | None = None,
    year: int | None = Query(None, **YEAR),
    group: list[str] | None = Query(None, description="ALL, EU27, EU28 or a custom group."),
    level: RankLevel = "overall",
    code: str = Query("overall", max_length=80),
):
    """Mean of each group per year for one score, with the number of countries averaged."""
    ds = _dataset(dataset)
    frame = _comparison_frame(ds, code)
    the_year = services.resolve_year(ds, year) if year is not None else None
    members = services.comparison_groups(frame, ds)
    names = group or [services.ALL, "EU28"]
    for g in names:
        if g not in members:
            raise ParameterError("group", f"unknown value {g!r}; known: {', '.join(members)}")
    wanted = {g: members[g] for g in names}
    if the_year is None:  # the time series, as the country page's chart has it
        means = comparisons.score_means(ds, frame, wanted, level=level, code=code)
    else:  # one year, as the country page's table has it
        means = comparisons.year_means(ds, frame, the_year, wanted)
        if len(means):
            means = means[(means["level"] == level) & (means["code"] == code)]
    return [
        {
            "dataset": ds.slug,
            "group": r.group,
            "year": int(r.year),
            "level": r.level,
            "code": r.code,
            "score": float(r.score),
            "n_countries": int(r.n_countries),
        }
        for r in (means.itertuples() if len(means) else [])
    ]


@router.get(
    "/comparisons/ranks",
    response={200: list[RankOut], 404: Error, 422: Error},
    summary="Ranks in one year",
)
def comparison_ranks(
    request: HttpRequest,
    dataset: str | None = None,
    year: int | None = Query(None, **YEAR),
    level: RankLevel = "overall",
    code: str = Query("overall", max_length=80),
):
    """Countries ranked on one score in one year ("Nth of M", "from the bottom"), ties shared."""
    ds = _dataset(dataset)
    the_year = services.resolve_year(ds, year)
    frame = _comparison_frame(ds, code)
    fw = services.framework_of(ds)
    ranks = comparisons.ranks(ds, frame, fw, "en", year=the_year, level=level, code=code)
    return [
        {
            "dataset": ds.slug,
            "year": the_year,
            "level": level,
            "code": code,
            "iso3": r.iso3,
            "score": float(r.score),
            "rank": int(r.rank),
            "rank_from_bottom": int(r.rank_from_bottom),
            "n": int(r.n),
            "is_tied": bool(r.is_tied),
            "rank_label": r.rank_label,
            "bottom_label": r.bottom_label,
        }
        for r in ranks.itertuples()
    ]


@router.get(
    "/comparisons/changes",
    response={200: list[ChangeOut], 404: Error, 422: Error},
    summary="Changes against the average change",
)
def comparison_changes(
    request: HttpRequest,
    from_year: int = Query(..., **YEAR),
    to_year: int = Query(..., **YEAR),
    dataset: str | None = None,
    level: RankLevel = "overall",
    code: str = Query("overall", max_length=80),
    country: str | None = Query(None, **ISO3),
):
    """Each country's change between two years against the average change of all countries."""
    ds = _dataset(dataset)
    for name, y in (("from_year", from_year), ("to_year", to_year)):
        if y not in services.years_of(ds):
            raise ParameterError(name, f"{ds.slug} has no scores for {y}")
    if from_year >= to_year:
        raise ParameterError("from_year", "must be earlier than to_year")
    frame = _comparison_frame(ds, code)
    ch = comparisons.change_table(
        ds, frame, year_from=from_year, year_to=to_year, level=level, code=code
    )
    iso = _country(country)
    if iso is not None:
        ch = ch[ch["iso3"] == iso]
    return [
        {
            "dataset": ds.slug,
            "iso3": r.iso3,
            "level": level,
            "code": code,
            "year_from": from_year,
            "year_to": to_year,
            "score_from": float(r.score_from),
            "score_to": float(r.score_to),
            "change": float(r.change),
            "average_change": float(r.average_change),
            "versus_average": r.versus_average,
        }
        for r in ch.rename(columns={"from": "score_from", "to": "score_to"}).itertuples(index=False)
    ]


# --- approaches ---------------------------------------------------------------------------------


@router.get(
    "/approaches",
    response={200: list[ApproachOut], 404: Error, 422: Error},
    summary="Approaches to integration, with the rule's reason",
)
@paginate(LimitOffsetPagination)
def list_approaches(
    request: HttpRequest,
    dataset: str | None = None,
    country: str | None = Query(None, **ISO3),
    year: int | None = Query(None, **YEAR),
):
    """Approach and group per country-year; ``reason`` says which rule put it there."""
    ds = _dataset(dataset)
    qs = ApproachResult.objects.filter(dataset=ds)
    iso = _country(country)
    if iso is not None:
        qs = qs.filter(iso3=iso)
    if year is not None:
        qs = qs.filter(year=year)
    return [
        {
            "dataset": ds.slug,
            "iso3": a.iso3,
            "year": a.year,
            "dimensions": a.dimensions or {},
            "approach": a.approach,
            "group": a.group,
            "reason": a.reason,
            "is_published": a.is_published,
            "is_synthetic": ds.is_synthetic,
        }
        for a in qs.order_by("iso3", "year")
    ]


# --- exports ------------------------------------------------------------------------------------


@router.get(
    "/exports/scores",
    response={200: None, 404: Error, 422: Error},
    summary="Scores as a file (CSV, XLSX, Stata, SPSS, data package)",
    openapi_extra={
        "responses": {
            200: {
                "description": "The file; synthetic data is labelled in a 'dataset' column.",
                "content": {
                    "text/csv": {"schema": {"type": "string"}},
                    "application/octet-stream": {"schema": {"type": "string", "format": "binary"}},
                },
            }
        }
    },
)
def export_scores(
    request: HttpRequest,
    dataset: str | None = None,
    format: ExportFormat = "csv",
    country: list[str] | None = Query(None, description="ISO3 codes; repeat for several."),
    year: int | None = Query(None, **YEAR),
    level: list[Level] | None = Query(None),
    shape: Literal["tidy", "wide"] = "tidy",
):
    """The selection written by the index library's exporters, with its metadata."""
    ds = _dataset(dataset)
    iso3 = [_country(c) for c in country] if country else None
    frame = services.export_frame(ds, iso3=iso3, year=year, levels=level, shape=shape)
    body, content_type, name = services.export_bytes(ds, frame, format)
    response = HttpResponse(body, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response
