"""Writing data into the explorer: reference tables, the demo, and validated imports.

Every import goes through the same validation as ``migdex index compute`` and
``migdex index check`` and is applied inside one transaction: a report of
every problem and nothing stored, or everything stored.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pandas as pd
import yaml
from django.db import transaction

from migdex.errors import InputError
from migdex.index.checks import check_scores, series_note
from migdex.index.compare import builtin_groups, countries
from migdex.index.framework import Framework, bundled_frameworks, load_framework
from migdex.index.pipeline import IndexRun, run_index
from migdex.index.published import AREA_COLUMNS, published_scores, published_tidy
from migdex.index.synthetic import DEFAULT_YEARS, SYNTHETIC_LABEL, make_synthetic_answers
from migdex.web.explorer.models import (
    Answer,
    ApproachResult,
    Country,
    CountryGroup,
    Dataset,
    Score,
)
from migdex.web.explorer.models import (
    Framework as FrameworkRow,
)

BATCH = 5000
DEMO_SLUG = "synthetic-demo"
DEMO_FRAMEWORK = "mipex-2015-reconstructed"
SERIES_FRAMEWORK = {
    "full": "mipex-2015-reconstructed",
    "core": "mipex-2020-core-reconstructed",
    "core54": "mipex-2020-core-reconstructed",
}
SERIES_TITLES = {
    "core": (
        "Published MIPEX 2020 scores, core series",
        "Опубликованные баллы MIPEX 2020, базовая серия",
    ),
    "full": (
        "Published MIPEX 2015 scores, full series",
        "Опубликованные баллы MIPEX 2015, полная серия",
    ),
    "core54": (
        "Published scores, shortened 54-question series",
        "Опубликованные баллы, сокращённая серия из 54 вопросов",
    ),
}


class ImportRefusedError(InputError):
    """An import found problems; nothing was stored. ``report`` lists them."""

    def __init__(self, report: ImportReport):
        super().__init__("\n".join([report.summary, *report.problems]))
        self.report = report


@dataclass
class ImportReport:
    """What an import did, or why it did nothing."""

    dataset: str
    summary: str = ""
    problems: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    n_rows: int = 0
    is_applied: bool = False
    is_unchanged: bool = False

    def lines(self) -> list[str]:
        return [self.summary, *self.problems, *self.notes]


def fingerprint(*parts: object) -> str:
    digest = hashlib.sha256()
    for part in parts:
        digest.update(repr(part).encode())
    return digest.hexdigest()[:32]


# --- reference data ---------------------------------------------------------------------------


def ensure_reference_data() -> None:
    """Countries, EU groups and the bundled frameworks; unchanged rows are left alone."""
    table = countries()
    for r in table.itertuples():
        values = {
            "name_en": r.name_en,
            "name_ru": r.name_ru,
            "eu27": bool(r.eu27),
            "eu28": bool(r.eu28),
        }
        row = Country.objects.filter(iso3=r.iso3).first()
        if row is None:
            Country.objects.create(iso3=r.iso3, **values)
        elif any(getattr(row, k) != v for k, v in values.items()):
            Country.objects.filter(iso3=r.iso3).update(**values)
    names = {"EU27": ("EU27", "ЕС-27"), "EU28": ("EU28", "ЕС-28")}
    for code, members in builtin_groups().items():
        group, created = CountryGroup.objects.get_or_create(
            code=code, defaults={"name_en": names[code][0], "name_ru": names[code][1]}
        )
        if created or set(group.members.values_list("iso3", flat=True)) != set(members):
            group.members.set(members)
    for name, path in sorted(bundled_frameworks().items()):
        text = path.read_text(encoding="utf-8")
        if not FrameworkRow.objects.filter(name=name, yaml_text=text).exists():
            store_framework(_parse_text(text, str(path)), text)


def store_framework(fw: Framework, yaml_text: str) -> FrameworkRow:
    """Create or update the framework row; an unchanged file is left alone."""
    values = {
        "version": fw.spec.version,
        "edition": fw.spec.edition,
        "series": fw.spec.series,
        "is_reconstruction": fw.spec.reconstruction,
        "yaml_text": yaml_text,
    }
    row = FrameworkRow.objects.filter(name=fw.name).first()
    if row is None:
        return FrameworkRow.objects.create(name=fw.name, **values)
    if any(getattr(row, k) != v for k, v in values.items()):
        for k, v in values.items():
            setattr(row, k, v)
        row.save()
    return row


def framework_row(name_or_path: str) -> tuple[FrameworkRow, Framework]:
    """A stored framework by name, or a bundled name or framework file, stored on first use."""
    from migdex.web.explorer.services import parse_framework_row

    row = FrameworkRow.objects.filter(name=name_or_path).first()
    if row is not None:
        return row, parse_framework_row(row)
    path = bundled_frameworks().get(str(name_or_path))
    if path is None:
        load_framework(name_or_path)  # the library's own errors for a missing or bad file
        path = Path(name_or_path)
    text = path.read_text(encoding="utf-8")
    fw = _parse_text(text, str(path))
    return store_framework(fw, text), fw


def _parse_text(text: str, source: str) -> Framework:
    """Validate framework YAML with the library (parsed by libyaml when available)."""
    from migdex.index.framework import parse_framework

    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    return parse_framework(yaml.load(text, Loader=loader), source=source)


# --- computed datasets ------------------------------------------------------------------------


def store_run(
    run: IndexRun,
    answers: pd.DataFrame,
    *,
    slug: str,
    title_en: str,
    title_ru: str,
    framework: FrameworkRow,
    print_fingerprint: str = "",
    sources: str = "",
    position: int = 50,
) -> Dataset:
    """Replace the dataset ``slug`` by this run's scores, answers and approaches (atomic)."""
    with transaction.atomic():
        dataset, _ = Dataset.objects.update_or_create(
            slug=slug,
            defaults={
                "title_en": title_en,
                "title_ru": title_ru,
                "kind": Dataset.COMPUTED,
                "is_synthetic": run.is_synthetic,
                "framework": framework,
                "series": run.framework.spec.series,
                "missing_rule": run.missing_rule,
                "label": SYNTHETIC_LABEL if run.is_synthetic else "",
                "sources": sources,
                "findings": "",
                "fingerprint": print_fingerprint,
                "position": position,
            },
        )
        dataset.scores.all().delete()
        dataset.answers.all().delete()
        dataset.approaches.all().delete()
        _bulk_scores(dataset, run.scores)
        _bulk_answers(dataset, answers)
        if run.approaches is not None:
            _bulk_approaches(
                dataset, run.approaches, [d.code for d in run.framework.spec.approach_dimensions]
            )
        dataset.save()  # bump updated_at after the rows: caches key on it
    return dataset


def _none(value):
    return None if value is None or (isinstance(value, float) and np.isnan(value)) else value


def _bulk_scores(dataset: Dataset, scores: pd.DataFrame) -> None:
    frame = pd.DataFrame(
        {
            "dataset_id": dataset.pk,
            "iso3": scores["iso3"].astype(str),
            "year": scores["year"].astype("int64"),
            "level": scores["level"].astype(str),
            "code": scores["code"].astype(str),
            "score": scores["score"].astype("float64"),
            "coverage": pd.to_numeric(scores["coverage"], errors="coerce").astype("float64"),
            "n_scored": pd.array(scores["n_scored"], dtype="Int64"),
            "n_indicators": pd.array(scores["n_indicators"], dtype="Int64"),
            "edition": scores["edition"].fillna("").astype(str) if "edition" in scores else "",
            "source": scores["source"].fillna("").astype(str) if "source" in scores else "",
        }
    )
    _insert_frame(Score, frame)


def _bulk_answers(dataset: Dataset, answers: pd.DataFrame) -> None:
    def text(col: str) -> pd.Series:
        return answers[col].astype(object).where(answers[col].notna(), "").astype(str)

    frame = pd.DataFrame(
        {
            "dataset_id": dataset.pk,
            "iso3": answers["iso3"].astype(str),
            "year": answers["year"].astype("int64"),
            "indicator": answers["indicator"].astype(str),
            "option": text("option"),
            "score": answers["score"].astype("float64"),
            "raw_value": _numbers(answers, "raw_value"),
            "is_not_applicable": answers["is_not_applicable"].astype(bool),
            "justification": text("justification"),
            "source": text("source"),
        }
    )
    _insert_frame(Answer, frame)


def _numbers(answers: pd.DataFrame, column: str) -> pd.Series:
    """``answers[column]`` as floats, or all missing when the table has no such column."""
    if column in answers.columns:
        return answers[column].astype("float64")
    return pd.Series(np.nan, index=answers.index, dtype="float64")


def _insert_frame(model, frame: pd.DataFrame) -> None:
    """Insert a frame whose columns are the model's column names, in batches (no ORM objects)."""
    from django.db import connection

    table = connection.ops.quote_name(model._meta.db_table)
    columns = ", ".join(connection.ops.quote_name(c) for c in frame.columns)
    marks = ", ".join(["%s"] * len(frame.columns))
    sql = f"INSERT INTO {table} ({columns}) VALUES ({marks})"
    rows = list(zip(*(_plain(frame[c]) for c in frame.columns)))
    with connection.cursor() as cursor:
        for start in range(0, len(rows), BATCH):
            cursor.executemany(sql, rows[start : start + BATCH])


def _plain(series: pd.Series) -> list:
    """Python values for the database driver: NaN and NA become None."""
    return [
        None if v is None or v is pd.NA or (isinstance(v, float) and v != v) else v
        for v in series.tolist()
    ]


def _bulk_approaches(dataset: Dataset, approaches: pd.DataFrame, dims: list[str]) -> None:
    objs = [
        ApproachResult(
            dataset=dataset,
            iso3=r["iso3"],
            year=int(r["year"]),
            dimensions={d: _none(float(r[d])) for d in dims},
            approach=r["approach"] or "",
            group=r["group"] or "",
            reason=r["reason"] or "",
        )
        for r in approaches.to_dict("records")
    ]
    _insert(ApproachResult, iter(objs))


def _insert(model, objs) -> None:
    batch = []
    for obj in objs:
        batch.append(obj)
        if len(batch) >= BATCH:
            model.objects.bulk_create(batch)
            batch = []
    if batch:
        model.objects.bulk_create(batch)


def load_demo(
    *, iso3: list[str] | None = None, years: tuple[int, ...] = DEFAULT_YEARS, seed: int = 2020
) -> list[ImportReport]:
    """Reference data, the published figures and the synthetic demo run; idempotent."""
    reports = []
    with transaction.atomic():
        ensure_reference_data()
        reports += load_published_bundle()
    from migdex.web.explorer.destinations import load_destination_example

    reports.append(load_destination_example())
    print_ = fingerprint("demo", DEMO_FRAMEWORK, iso3, years, seed, SYNTHETIC_LABEL)
    existing = Dataset.objects.filter(slug=DEMO_SLUG).first()
    if existing is not None and existing.fingerprint == print_:
        reports.append(ImportReport(DEMO_SLUG, "synthetic demo: unchanged", is_unchanged=True))
        return reports
    row, fw = framework_row(DEMO_FRAMEWORK)
    answers = make_synthetic_answers(fw, iso3=iso3, years=years, seed=seed)
    run = run_index(answers, fw, source="synthetic demo answers")
    from migdex.index.answers import validate_answers

    clean = validate_answers(answers, fw, source="synthetic demo answers")
    store_run(
        run,
        clean,
        slug=DEMO_SLUG,
        title_en="Synthetic demo (56 countries × 2007–2019) — not real MIPEX answers",
        title_ru=(
            "Синтетический демонстрационный набор (56 стран × 2007–2019) — "
            "не настоящие ответы MIPEX"
        ),
        framework=row,
        print_fingerprint=print_,
        sources=f"migdex.index.synthetic (generated, seed {seed})",
        position=10,
    )
    n = int(run.scores[["iso3", "year"]].drop_duplicates().shape[0])
    reports.append(
        ImportReport(
            DEMO_SLUG,
            f"synthetic demo: {n} country-years scored",
            n_rows=len(clean),
            is_applied=True,
        )
    )
    return reports


# --- published figures ------------------------------------------------------------------------


def load_published_bundle() -> list[ImportReport]:
    """The bundled published figures, one dataset per series, findings recorded (not refused)."""
    reports = []
    table = published_scores()
    for position, series in enumerate(["core", "full", "core54"], start=20):
        sub = table[table["series"] == series]
        title_en, title_ru = SERIES_TITLES[series]
        reports.append(
            import_published(
                sub,
                slug=f"published-{series}",
                series=series,
                title_en=title_en,
                title_ru=title_ru,
                accept_findings=True,
                position=position,
                source="bundled published_scores.csv",
            )
        )
    return reports


def import_published(
    table: pd.DataFrame,
    *,
    slug: str,
    series: str | None = None,
    title_en: str = "",
    title_ru: str = "",
    framework: str | None = None,
    accept_findings: bool = False,
    position: int = 60,
    source: str = "published table",
) -> ImportReport:
    """Check a wide published table like ``migdex index check`` and store it as one dataset.

    Columns: ``iso3, year, overall`` and the area columns, optionally ``edition``,
    ``series``, ``approach`` and ``source``. Findings refuse the import unless
    ``accept_findings`` (they are then kept with the dataset and shown).
    """
    report = ImportReport(slug)
    table = table.reset_index(drop=True).copy()
    if series is None:
        if "series" not in table.columns or table["series"].dropna().nunique() != 1:
            raise InputError(f"{source}: give --series, or one value in a 'series' column")
        series = str(table["series"].dropna().iloc[0])
    if "series" in table.columns:
        table["series"] = table["series"].fillna(series)
        other = sorted(set(table["series"].astype(str)) - {series})
        if other:
            report.problems.append(f"{source}: rows of other series {other}; import one series")
    else:
        table["series"] = series
    fw_name = framework or SERIES_FRAMEWORK.get(series, DEMO_FRAMEWORK)
    row, fw = framework_row(fw_name)
    areas = [a for a in fw.area_codes if a in table.columns] or list(AREA_COLUMNS)
    for col in ["overall", *areas]:
        if col not in table.columns:
            table[col] = np.nan
    try:
        findings = check_scores(table, areas=areas, source=source)
    except InputError as exc:
        report.problems.append(str(exc))
        findings = []
    known = set(Country.objects.values_list("iso3", flat=True))
    iso = table["iso3"].astype("string").str.strip().str.upper()
    for i, code in enumerate(iso):
        if code not in known:
            report.problems.append(f"{source} row {i + 2}: iso3 = {code!r} is not a known country")
    found = [f"{source} {f}" for f in findings]
    note = series_note(table)
    if report.problems or (found and not accept_findings):
        report.summary = (
            f"{source}: {len(report.problems) + len(found)} problem(s); nothing was imported"
        )
        report.problems += found
        raise ImportRefusedError(report)
    table["iso3"] = iso
    if "edition" not in table.columns:
        table["edition"] = fw.spec.edition
    if "source" not in table.columns:
        table["source"] = source
    if "country" not in table.columns:
        table["country"] = table["iso3"]
    tidy = published_tidy(_pad_areas(table))
    tidy["year"] = tidy["year"].astype("int64")
    tidy["coverage"] = np.nan
    tidy["n_scored"] = None
    tidy["n_indicators"] = None
    print_ = fingerprint(table.to_csv(index=False), fw_name, accept_findings)
    existing = Dataset.objects.filter(slug=slug).first()
    if existing is not None and existing.fingerprint == print_:
        report.summary = f"{slug}: unchanged"
        report.is_unchanged = True
        return report
    with transaction.atomic():
        dataset, _ = Dataset.objects.update_or_create(
            slug=slug,
            defaults={
                "title_en": title_en or slug,
                "title_ru": title_ru or title_en or slug,
                "kind": Dataset.PUBLISHED,
                "is_synthetic": False,
                "framework": row,
                "series": series,
                "missing_rule": "",
                "label": "",
                "sources": "\n".join(sorted(set(table["source"].dropna().astype(str)))),
                "findings": "\n".join(found),
                "fingerprint": print_,
                "position": position,
            },
        )
        dataset.scores.all().delete()
        dataset.answers.all().delete()
        dataset.approaches.all().delete()
        _bulk_scores(dataset, tidy)
        if "approach" in table.columns:
            pub = table.dropna(subset=["approach"])
            _insert(
                ApproachResult,
                (
                    ApproachResult(
                        dataset=dataset,
                        iso3=r.iso3,
                        year=int(r.year),
                        approach=str(r.approach),
                        group=str(r.approach),
                        reason=str(r.source),
                        is_published=True,
                    )
                    for r in pub.itertuples()
                ),
            )
        dataset.save()
    report.n_rows = len(table)
    report.is_applied = True
    report.summary = f"{slug}: {len(table)} published row(s) imported" + (
        f" with {len(found)} consistency finding(s) kept" if found else ""
    )
    report.notes = found + ([note] if note else [])
    return report


def _pad_areas(table: pd.DataFrame) -> pd.DataFrame:
    out = table.copy()
    for col in ["overall", *AREA_COLUMNS]:
        out[col] = pd.to_numeric(out[col], errors="coerce") if col in out.columns else np.nan
    cols = ["edition", "series", "country", "iso3", "year", "source", "overall", *AREA_COLUMNS]
    return out[cols]


def import_answers(
    frame: pd.DataFrame,
    *,
    slug: str,
    framework: str,
    title_en: str = "",
    title_ru: str = "",
    missing_rule: str | None = None,
    source: str = "answers",
) -> ImportReport:
    """Validate answers like ``migdex index compute``, score them and store them as one dataset."""
    row, fw = framework_row(framework)
    report = ImportReport(slug)
    try:
        from migdex.index.answers import validate_answers

        clean = validate_answers(frame, fw, source=source)
        run = run_index(frame, fw, missing_rule=missing_rule, source=source)
    except InputError as exc:
        lines = str(exc).splitlines()
        report.summary = lines[0]
        report.problems = lines[1:]
        raise ImportRefusedError(report) from None
    known = set(Country.objects.values_list("iso3", flat=True))
    unknown = sorted(set(clean["iso3"]) - known)
    if unknown:
        report.summary = f"{source}: 1 problem(s); nothing was imported"
        report.problems = [f"{source}: unknown countries {', '.join(unknown)}"]
        raise ImportRefusedError(report)
    print_ = fingerprint(frame.to_csv(index=False), fw.name, run.missing_rule)
    existing = Dataset.objects.filter(slug=slug).first()
    if existing is not None and existing.fingerprint == print_:
        report.summary = f"{slug}: unchanged"
        report.is_unchanged = True
        return report
    store_run(
        run,
        clean,
        slug=slug,
        title_en=title_en or slug,
        title_ru=title_ru or title_en or slug,
        framework=row,
        print_fingerprint=print_,
        sources=source,
    )
    meta = run.metadata()
    report.n_rows = len(clean)
    report.is_applied = True
    report.summary = (
        f"{slug}: {len(clean)} answers, {meta['country_years']} country-years scored with "
        f"missing rule '{run.missing_rule}'"
    )
    return report
