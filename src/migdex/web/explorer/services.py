"""Thin glue between the stored results and :mod:`migdex.index`.

Views and the API call these functions; each reads what is stored, asks the
index library for comparisons (group means, ranks, changes, bands) and
returns plain data. Frames read from the database are kept per process and
keyed on the dataset's ``updated_at``, so an import is seen at once.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from dataclasses import dataclass
from datetime import datetime

import numpy as np
import pandas as pd
import yaml
from django.db.models import Count, Max
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from migdex.errors import InputError
from migdex.index.compare import group_means
from migdex.index.framework import Framework, parse_framework
from migdex.index.scoring import round_half_up
from migdex.web.explorer import comparisons
from migdex.web.explorer.models import Country, CountryGroup, Dataset, Score

COMPARISON_LEVELS = ("overall", "area", "dimension", "approach_dimension")
ALL = "ALL"


class NotFoundError(InputError):
    """A named thing (country, dataset, area) does not exist; the API answers 404."""


class ParameterError(InputError):
    """A parameter has a value the data does not know; the API answers 422 naming it."""

    def __init__(self, parameter: str, message: str):
        super().__init__(f"{parameter}: {message}")
        self.parameter = parameter


@dataclass(frozen=True)
class DataVersion:
    """Changes whenever any dataset is loaded, imported, edited or deleted."""

    token: str
    timestamp: float


_version_lock = threading.Lock()
_version_seen: list = [0.0, None]  # monotonic time, DataVersion


def data_version() -> DataVersion:
    """The current data version; re-read at most every ``MIGDEX_DATA_VERSION_TTL`` seconds."""
    import time

    from django.conf import settings

    ttl = float(getattr(settings, "MIGDEX_DATA_VERSION_TTL", 0))
    now = time.monotonic()
    with _version_lock:
        if ttl > 0 and _version_seen[1] is not None and now - _version_seen[0] < ttl:
            return _version_seen[1]
    version = _read_data_version()
    with _version_lock:
        _version_seen[:] = [now, version]
    return version


def _read_data_version() -> DataVersion:
    agg = Dataset.objects.aggregate(latest=Max("updated_at"), n=Count("id"))
    latest: datetime | None = agg["latest"]
    stamp = latest.timestamp() if latest else 0.0
    return DataVersion(f"{stamp:.6f}-{agg['n']}", stamp)


class _Memo:
    """A tiny thread-safe LRU for per-process frames."""

    def __init__(self, size: int = 32):
        self.size = size
        self.items: OrderedDict = OrderedDict()
        self.lock = threading.Lock()

    def get(self, key, build):
        with self.lock:
            if key in self.items:
                self.items.move_to_end(key)
                return self.items[key]
        value = build()
        with self.lock:
            self.items[key] = value
            while len(self.items) > self.size:
                self.items.popitem(last=False)
        return value


_frames = _Memo()
_frameworks = _Memo(8)


def language() -> str:
    """The active language code, ``en`` or ``ru``."""
    return "ru" if (get_language() or "en").startswith("ru") else "en"


# --- lookups -----------------------------------------------------------------------------


def _with_framework():
    """Datasets with their framework row, less its YAML: read only when first parsed."""
    return Dataset.objects.select_related("framework").defer("framework__yaml_text")


def datasets() -> list[Dataset]:
    return list(_with_framework())


def get_dataset(slug: str | None) -> Dataset:
    """The dataset named ``slug``, or the first in list order when ``slug`` is empty."""
    qs = _with_framework()
    if not slug:
        first = qs.first()
        if first is None:
            raise NotFoundError("no data loaded yet: run `migdex demo` or `manage.py load_demo`")
        return first
    try:
        return qs.get(slug=slug)
    except Dataset.DoesNotExist:
        known = ", ".join(qs.values_list("slug", flat=True))
        raise ParameterError("dataset", f"unknown value {slug!r}; known: {known}") from None


def framework_of(dataset: Dataset) -> Framework:
    """The dataset's framework, parsed from its stored YAML (kept per process)."""
    return parse_framework_row(dataset.framework)


def parse_framework_row(row) -> Framework:
    """A stored framework row, parsed and validated once per process and version."""
    key = (row.pk, row.updated_at)
    return _frameworks.get(
        key,
        lambda: parse_framework(
            yaml.load(row.yaml_text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader)),
            source=row.name,
        ),
    )


def country_names() -> dict[str, str]:
    """ISO3 → name in the active language."""
    field = "name_ru" if language() == "ru" else "name_en"
    return dict(Country.objects.values_list("iso3", field))


def get_country(iso3: str) -> Country:
    try:
        return Country.objects.get(iso3=iso3.upper())
    except Country.DoesNotExist:
        raise NotFoundError(
            f"country {iso3!r} is not known; use an ISO 3166-1 alpha-3 code"
        ) from None


def groups() -> dict[str, list[str]]:
    """Stored country groups (EU27, EU28, custom) → member ISO3 codes."""
    out: dict[str, list[str]] = {}
    for group in CountryGroup.objects.prefetch_related("members"):
        out[group.code] = sorted(m.iso3 for m in group.members.all())
    return out


def group_label(code: str, names: dict[str, str] | None = None) -> str:
    """ "All countries" or "EU28 mean", in the active language."""
    if code == ALL:
        return _("All countries")
    if names is None:
        group = CountryGroup.objects.filter(code=code).first()
        name = group.name if group else code
    else:
        name = names.get(code, code)
    return _("%(group)s mean") % {"group": name}


def scores_frame(dataset: Dataset) -> pd.DataFrame:
    """The dataset's scores above indicator level as a tidy frame (kept per process)."""

    def build() -> pd.DataFrame:
        rows = Score.objects.filter(dataset=dataset, level__in=COMPARISON_LEVELS).values_list(
            "iso3", "year", "level", "code", "score", "coverage", "edition", "source"
        )
        frame = pd.DataFrame.from_records(
            list(rows),
            columns=["iso3", "year", "level", "code", "score", "coverage", "edition", "source"],
        )
        frame["score"] = frame["score"].astype("float64")
        frame["year"] = frame["year"].astype("int64")
        return frame

    return _frames.get((dataset.pk, dataset.updated_at), build)


def years_of(dataset: Dataset) -> list[int]:
    """Years with overall scores (kept per data version: every page asks)."""
    frame = scores_frame(dataset)
    return list(comparisons.years(dataset, frame))


def resolve_year(dataset: Dataset, year: int | None) -> int:
    """``year`` if the dataset has overall scores for it, else its latest year."""
    years = years_of(dataset)
    if not years:
        raise NotFoundError(f"dataset {dataset.slug!r} has no overall scores")
    if year is None:
        return years[-1]
    if year not in years:
        shown = ", ".join(map(str, years))
        raise ParameterError("year", f"{dataset.slug} has no scores for {year}; years: {shown}")
    return year


def titles(fw: Framework) -> dict[str, str]:
    """Code → title in the active language, for overall, variants, areas, dimensions."""
    lang = language()
    out = {"overall": _("Overall score")}
    for v in fw.spec.aggregation.variants:
        out[v.code] = fw.text(v.title, lang)
    for area in fw.areas:
        out[area.code] = fw.text(area.title, lang)
        for d in area.dimensions:
            out[f"{area.code}.{d.code}"] = fw.text(d.title, lang)
    for d in fw.spec.approach_dimensions:
        out[d.code] = fw.text(d.title, lang)
    return out


def band_titles(fw: Framework) -> list[str]:
    return [fw.text(b.title, language()) for b in fw.spec.bands]


def comparison_groups(frame: pd.DataFrame, dataset: Dataset | None = None) -> dict[str, list[str]]:
    """ALL (every country in the frame) plus the stored groups.

    With ``dataset`` (whose frame ``frame`` is), ALL is kept per data version.
    """
    every = (
        comparisons.all_members(dataset, frame)
        if dataset is not None
        else sorted(frame["iso3"].unique())
    )
    return {ALL: every, **groups()}


def shown(score: float | None, decimals: int = 0) -> str:
    """A score as displayed (half-up rounding), or an en dash when missing."""
    if score is None or (isinstance(score, float) and np.isnan(score)):
        return "–"
    return f"{round_half_up(score, decimals):g}"


def ordinal(n: int) -> str:
    if language() == "ru":
        return f"{n}-е"
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def rank_text(rank: int, n: int, tied: bool) -> str:
    mark = "=" if tied else ""
    return _("%(rank)s of %(n)s") % {"rank": mark + ordinal(rank), "n": n}


def bottom_text(rank: int, tied: bool) -> str:
    mark = "=" if tied else ""
    return _("%(rank)s from the bottom") % {"rank": mark + ordinal(rank)}


# --- rankings ------------------------------------------------------------------------------


def ranking(dataset: Dataset, *, year: int, level: str = "overall", code: str = "overall"):
    """Every country on one score in one year: rank, band, with ALL and EU means."""
    fw = framework_of(dataset)
    frame = scores_frame(dataset)
    sub = frame[(frame["year"] == year) & (frame["level"] == level) & (frame["code"] == code)]
    if sub["score"].notna().sum() == 0:
        raise ParameterError("code", f"no {level} {code!r} scores in {dataset.slug} for {year}")
    ranks = comparisons.ranks(dataset, frame, fw, language(), year=year, level=level, code=code)
    names = country_names()
    rows = [
        {
            "iso3": r.iso3,
            "name": names.get(r.iso3, r.iso3),
            "score": float(r.score),
            "shown": shown(r.score),
            "rank": int(r.rank),
            "rank_from_bottom": int(r.rank_from_bottom),
            "n": int(r.n),
            "is_tied": bool(r.is_tied),
            "rank_label": rank_text(int(r.rank), int(r.n), bool(r.is_tied)),
            "band": r.band,
            "band_title": r.band_title,
        }
        for r in ranks.itertuples()
    ]
    means = mean_lines(frame, year=year, level=level, code=code)
    return rows, means


def mean_lines(frame: pd.DataFrame, *, year: int, level: str, code: str) -> list[dict]:
    """ALL and EU group means for one score (groups with no member scored are left out)."""
    members = comparison_groups(frame)
    wanted = {k: v for k, v in members.items() if k in (ALL, "EU27", "EU28")}
    sub = frame[(frame["year"] == year) & (frame["level"] == level) & (frame["code"] == code)]
    means = group_means(sub, wanted)
    out = []
    for r in means.itertuples() if len(means) else []:
        out.append(
            {
                "group": r.group,
                "label": group_label(r.group),
                "score": float(r.score),
                "shown": shown(r.score),
                "n_countries": int(r.n_countries),
            }
        )
    return out


# --- one country ----------------------------------------------------------------------------


def country_story(dataset: Dataset, iso3: str, *, year: int | None, from_year: int | None):
    """What the seed slides say of Russia, for any country: means, rank, change, band, approach."""
    from migdex.web.explorer.models import Answer, ApproachResult

    country = get_country(iso3)
    fw = framework_of(dataset)
    frame = scores_frame(dataset)
    iso3_ = country.iso3
    mine = comparisons.country_rows(dataset, frame, iso3_)
    years = sorted(int(y) for y in mine.loc[mine["level"] == "overall", "year"].unique())
    if not years:
        return {"country": country, "has_scores": False, "years": []}
    if year is None:
        year = years[-1]
    elif year not in years:
        raise ParameterError("year", f"no scores for {country.iso3} in {year}; years: {years}")
    tt = titles(fw)
    members = comparison_groups(frame, dataset)
    mean_groups = [g for g in (ALL, "EU28", "EU27") if g in members][:2]
    field = "name_ru" if language() == "ru" else "name_en"
    group_names = dict(CountryGroup.objects.values_list("code", field))
    labels = {g: group_label(g, group_names) for g in mean_groups}
    mean_of = comparisons.year_mean_of(dataset, frame, year, {g: members[g] for g in mean_groups})
    table = []
    for level in ("overall", "area", "approach_dimension"):
        sub = comparisons.part(dataset, frame, ("iso3", "year", "level"), (iso3_, year, level))
        for r in sub.itertuples():
            row = {"code": r.code, "level": level, "title": tt.get(r.code, r.code)}
            row["score"] = r.score
            row["shown"] = shown(r.score)
            for g in mean_groups:
                m = mean_of.get((g, r.code))
                row[g] = float(m) if m is not None else None
            row["means"] = [shown(row[g]) for g in mean_groups]
            row["mean_pairs"] = [
                {"group": g, "label": labels[g], "shown": shown(row[g])} for g in mean_groups
            ]
            table.append(row)
    ranks = comparisons.ranks(dataset, frame, fw, language(), year=year)
    rank = ranks[ranks["iso3"] == country.iso3]
    rank_info = None
    if len(rank):
        r = band = rank.iloc[0]
        rank_info = {
            "rank": int(r["rank"]),
            "n": int(r["n"]),
            "label": rank_text(int(r["rank"]), int(r["n"]), bool(r["is_tied"])),
            "bottom_label": bottom_text(int(r["rank_from_bottom"]), bool(r["is_tied"])),
            "band": band["band"],
            "band_title": band["band_title"],
        }
    change = _change(dataset, frame, country.iso3, years, year, from_year)
    dims = [
        {
            "title": tt.get(r.code, r.code),
            "area_title": tt.get(r.code.split(".")[0], ""),
            "code": r.code,
            "shown": shown(r.score),
            "coverage": r.coverage,
        }
        for r in comparisons.part(
            dataset, frame, ("iso3", "year", "level"), (iso3_, year, "dimension")
        ).itertuples()
    ]
    series = time_series(
        frame, [country.iso3], groups=mean_groups, members=members, dataset=dataset
    )
    approach = ApproachResult.objects.filter(dataset=dataset, iso3=country.iso3, year=year).first()
    n_answers = Answer.objects.filter(dataset=dataset, iso3=country.iso3, year=year).count()
    return {
        "country": country,
        "has_scores": True,
        "year": year,
        "years": years,
        "table": table,
        "mean_groups": [(g, labels[g]) for g in mean_groups],
        "rank": rank_info,
        "change": change,
        "dimensions": dims,
        "series": series,
        "approach": explain_approach(fw, approach) if approach else None,
        "n_answers": n_answers,
    }


def _change(dataset, frame, iso3: str, years: list[int], year: int, from_year: int | None):
    earlier = [y for y in years if y < year]
    if from_year is None:
        from_year = year - 5 if year - 5 in years else (earlier[0] if earlier else None)
    if from_year is None:
        return None
    if from_year not in years or from_year >= year:
        raise ParameterError("from", f"choose an earlier year with scores: {earlier}")
    ch = comparisons.change_table(dataset, frame, year_from=from_year, year_to=year)
    mine = ch[ch["iso3"] == iso3]
    if not len(mine):
        return None
    c = mine.iloc[0]
    versus = {
        "above": _("above the average change"),
        "below": _("below the average change"),
        "similar": _("similar to the average change"),
    }[c["versus_average"]]
    return {
        "from_year": from_year,
        "to_year": year,
        "change": float(c["change"]),
        "shown": f"{c['change']:+.1f}",
        "average": float(c["average_change"]),
        "average_shown": f"{c['average_change']:+.1f}",
        "n": len(ch),
        "versus": c["versus_average"],
        "versus_text": versus,
    }


def time_series(
    frame: pd.DataFrame,
    iso3s: list[str],
    *,
    groups: list[str] = (),
    level: str = "overall",
    code: str = "overall",
    members: dict[str, list[str]] | None = None,
    dataset: Dataset | None = None,
) -> pd.DataFrame:
    """Years × series (countries, then group means) for one score, ready for a chart.

    With ``dataset`` (whose frame ``frame`` is), the group means are kept per data version.
    """
    names = country_names()
    sub = frame[(frame["level"] == level) & (frame["code"] == code)] if dataset is None else None

    def rows_of(iso: str) -> pd.DataFrame:
        if sub is not None:
            return sub[sub["iso3"] == iso]
        return comparisons.part(dataset, frame, ("level", "code", "iso3"), (level, code, iso))

    parts = []
    for iso in iso3s:
        s = rows_of(iso)[["year", "score"]].assign(series=names.get(iso, iso))
        parts.append(s.sort_values("year"))
    if groups:
        members = members or comparison_groups(frame, dataset)
        wanted = {g: members[g] for g in groups}
        if sub is not None:
            means = group_means(sub, wanted)
        else:
            means = comparisons.score_means(dataset, frame, wanted, level=level, code=code)
        field = "name_ru" if language() == "ru" else "name_en"
        group_names = dict(CountryGroup.objects.values_list("code", field))
        for g in groups:
            label = group_label(g, group_names)
            m = means[means["group"] == g][["year", "score"]].assign(series=label)
            parts.append(m.sort_values("year"))
    return pd.concat(parts, ignore_index=True) if parts else pd.DataFrame()


def explain_approach(fw: Framework, result) -> dict:
    """The approach result with the rule that put it there, in the active language."""
    lang = language()
    rule = fw.spec.approach_rule
    approaches = {a.code: a for a in rule.approaches} if rule else {}
    dim_titles = {d.code: fw.text(d.title, lang) for d in fw.spec.approach_dimensions}
    if result.is_published:
        return {
            "is_published": True,
            "group": result.group,
            "title": published_group_title(result.group),
            "reason": result.reason,
        }
    lines = []
    for code, value in (result.dimensions or {}).items():
        if value is None or rule is None:
            continue
        ok = value >= rule.favourable_min
        tmpl = (
            _("%(dimension)s %(score)s ≥ %(limit)s: favourable")
            if ok
            else _("%(dimension)s %(score)s < %(limit)s: not favourable")
        )
        lines.append(
            tmpl
            % {
                "dimension": dim_titles.get(code, code),
                "score": shown(value, 1),
                "limit": f"{rule.favourable_min:g}",
            }
        )
    approach = approaches.get(result.approach)
    if approach is None:
        because = _("not classified: an approach dimension has no score")
    elif approach.requires:
        favourable, not_favourable = _("favourable"), _("not favourable")
        wants = ", ".join(
            f"{dim_titles.get(c, c)}: {favourable if w else not_favourable}"
            for c, w in approach.requires.items()
        )
        because = _("the rule for “%(approach)s” requires %(wants)s") % {
            "approach": fw.text(approach.title, lang),
            "wants": wants,
        }
    else:
        because = _("no other approach's requirements hold, so the fallback applies")
    is_top = bool(rule and result.group.endswith("_" + rule.top_suffix))
    if is_top:
        because += "; " + _("every dimension ≥ %(limit)s: top group") % {
            "limit": f"{rule.top_min:g}"
        }
    return {
        "is_published": False,
        "group": result.group,
        "approach": result.approach,
        "title": fw.text(approach.title, lang) if approach else "–",
        "is_top": is_top,
        "lines": lines,
        "because": because,
        "favourable_min": rule.favourable_min if rule else None,
        "reason": result.reason,
    }


def published_group_title(group: str) -> str:
    return {
        "comprehensive_top_ten": _("Comprehensive integration (Top Ten)"),
        "comprehensive": _("Comprehensive integration"),
        "temporary": _("Temporary integration"),
        "equality_on_paper": _("Equality on paper"),
        "immigration_without_integration": _("Immigration without integration"),
    }.get(group, group)


# --- several countries ------------------------------------------------------------------------


def comparison(dataset: Dataset, iso3s: list[str], *, year: int) -> dict:
    """Countries side by side in one year: overall, areas, dimensions, approach dimensions."""
    fw = framework_of(dataset)
    frame = scores_frame(dataset)
    tt = titles(fw)
    names = country_names()
    sub = frame[(frame["year"] == year) & frame["iso3"].isin(iso3s)]
    rows = []
    for level in COMPARISON_LEVELS:
        part = sub[sub["level"] == level]
        table = part.pivot_table(index="code", columns="iso3", values="score", sort=False)
        for code in dict.fromkeys(part["code"]):
            values = [
                float(table.at[code, c])
                if c in table.columns and pd.notna(table.at[code, c])
                else None
                for c in iso3s
            ]
            rows.append(
                {
                    "level": level,
                    "code": code,
                    "title": tt.get(code, code),
                    "scores": values,
                    "shown": [shown(v) for v in values],
                }
            )
    ranks = comparisons.ranks(dataset, frame, fw, language(), year=year).set_index("iso3")
    countries_ = []
    for c in iso3s:
        info = {"iso3": c, "name": names.get(c, c), "rank_label": "–", "band_title": ""}
        if c in ranks.index:
            r = ranks.loc[c]
            info["rank_label"] = rank_text(int(r["rank"]), int(r["n"]), bool(r["is_tied"]))
            info["band_title"] = r["band_title"]
        countries_.append(info)
    return {
        "countries": countries_,
        "rows": rows,
        "series": time_series(frame, iso3s, dataset=dataset),
    }


# --- exports ------------------------------------------------------------------------------------

EXPORT_CONTENT_TYPES = {
    "csv": ("text/csv; charset=utf-8", "csv"),
    "xlsx": ("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx"),
    "dta": ("application/x-stata-dta", "dta"),
    "sav": ("application/x-spss-sav", "sav"),
    "datapackage": ("application/zip", "zip"),
}
EXPORT_SHAPES = ("tidy", "wide")
EXPORT_LEVELS = ("overall", "area", "dimension", "approach_dimension", "indicator")


def export_frame(
    dataset: Dataset,
    *,
    iso3: list[str] | None = None,
    year: int | None = None,
    levels: list[str] | None = None,
    shape: str = "tidy",
) -> pd.DataFrame:
    """The current selection as a table: tidy rows (or one row per country-year when wide)."""
    from migdex.index.scoring import wide_scores
    from migdex.index.synthetic import SYNTHETIC_LABEL

    if shape not in EXPORT_SHAPES:
        raise ParameterError("shape", f"unknown value {shape!r}; choose tidy or wide")
    for level in levels or []:
        if level not in EXPORT_LEVELS:
            raise ParameterError(
                "level", f"unknown value {level!r}; choose from {', '.join(EXPORT_LEVELS)}"
            )
    qs = Score.objects.filter(dataset=dataset)
    if iso3:
        qs = qs.filter(iso3__in=[c.upper() for c in iso3])
    if year is not None:
        qs = qs.filter(year=year)
    wanted = levels or (["overall", "area"] if shape == "wide" else list(COMPARISON_LEVELS))
    qs = qs.filter(level__in=wanted).order_by("iso3", "year", "id")
    cols = ["iso3", "year", "level", "code", "score", "coverage", "n_scored", "n_indicators"]
    if dataset.kind == Dataset.PUBLISHED:
        cols += ["edition", "source"]
    frame = pd.DataFrame.from_records(list(qs.values_list(*cols)), columns=cols)
    frame["score"] = frame["score"].astype("float64")
    frame["coverage"] = frame["coverage"].astype("float64")
    for col in ("n_scored", "n_indicators"):
        frame[col] = pd.array(frame[col], dtype="Int64")
    if shape == "wide":
        frame = wide_scores(frame, levels=tuple(wanted)) if len(frame) else frame
    frame.insert(0, "series", dataset.series)
    if dataset.is_synthetic:
        frame["dataset"] = dataset.label or SYNTHETIC_LABEL
    return frame


def _ascii(text: str) -> str:
    """Plain ASCII for file metadata: SPSS notes are limited to 80 bytes a line."""
    import unicodedata

    text = text.replace("×", "x").replace("—", "-").replace("–", "-")
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()


def export_bytes(dataset: Dataset, frame: pd.DataFrame, fmt: str) -> tuple[bytes, str, str]:
    """Write ``frame`` with :func:`migdex.index.exports.export_table`; return bytes, type, name."""
    import io
    import tempfile
    import zipfile
    from pathlib import Path

    from migdex.index.exports import FORMATS, ExportMetadata, export_table

    if fmt not in FORMATS:
        raise ParameterError("format", f"unknown value {fmt!r}; choose from {', '.join(FORMATS)}")
    fw = dataset.framework
    meta = ExportMetadata(
        title=f"migdex {dataset.slug}",
        description=_ascii(dataset.title_en),
        framework=f"{fw.name} {fw.version}",
        is_synthetic=dataset.is_synthetic,
        sources=tuple(s for s in dataset.sources.splitlines() if s.strip()),
        extra={"series": dataset.series, "dataset": _ascii(dataset.label or dataset.title_en)},
    )
    content_type, ext = EXPORT_CONTENT_TYPES[fmt]
    name = f"migdex-{dataset.slug}.{ext}"
    with tempfile.TemporaryDirectory() as tmp:
        target = Path(tmp) / (f"migdex-{dataset.slug}" if fmt == "datapackage" else name)
        export_table(frame, target, fmt=fmt, metadata=meta)
        if fmt != "datapackage":
            return target.read_bytes(), content_type, name
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as zf:
            for path in sorted(target.rglob("*")):
                zf.write(path, path.relative_to(target.parent).as_posix())
        return buffer.getvalue(), content_type, name
