"""``migdex index ...``: compute, check, compare, classify, export, published.

Thin shells: parse options, call one library function, print with Rich.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import typer
from rich import box
from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn
from rich.table import Table

from migdex.commands import SYNTHETIC_BANNER, console, console_err
from migdex.errors import InputError

app = typer.Typer(
    help="Composite policy index: compute, check, compare, classify, export, published.",
    no_args_is_help=True,
)

DEFAULT_FRAMEWORK = "mipex-2015-reconstructed"
FrameworkOption = typer.Option(
    DEFAULT_FRAMEWORK, "--framework", "-f", help="Bundled framework name or a framework YAML file."
)


def _progress() -> Progress:
    return Progress(
        SpinnerColumn(),
        TextColumn("{task.description}"),
        TimeElapsedColumn(),
        console=console_err,
        transient=True,
    )


def _read_weights(path: Path | None) -> dict[str, float]:
    if path is None:
        return {}
    from migdex.io import read_table, require_columns

    frame = read_table(path)
    require_columns(frame, ["code", "weight"], source=path.name)
    weights = pd.to_numeric(frame["weight"], errors="coerce")
    bad = frame.index[weights.isna() | (weights <= 0)]
    if len(bad):
        r = bad[0]
        raise InputError(
            f"{path.name} row {r + 2}: weight = {frame['weight'][r]!r} is not a positive number"
        )
    return dict(zip(frame["code"].astype(str), weights.astype(float)))


@app.command("compute")
def compute(
    answers: Path = typer.Argument(
        ..., help="Answers CSV/XLSX: iso3, year, indicator, option|value."
    ),
    framework: str = FrameworkOption,
    out: Path = typer.Option(
        ..., "--out", "-o", help="Output directory (written whole or not at all)."
    ),
    missing_rule: str = typer.Option(
        None, help="renormalise (default of the framework), zero, or refuse."
    ),
    weights: Path = typer.Option(None, help="CSV with code,weight to override framework weights."),
) -> None:
    """Score answers: indicator → dimension → area → overall, with coverage and approaches."""
    from migdex.index.framework import load_framework
    from migdex.index.pipeline import run_index, write_run
    from migdex.io import read_table

    with _progress() as progress:
        task = progress.add_task("Loading framework", total=None)
        fw = load_framework(framework)
        progress.update(task, description=f"Reading {answers.name}")
        raw = read_table(answers)
        progress.update(task, description="Validating and scoring")
        run = run_index(
            raw,
            fw,
            missing_rule=missing_rule,
            weights=_read_weights(weights),
            source=answers.name,
        )
        progress.update(task, description=f"Writing {out}")
        write_run(run, out)
    meta = run.metadata()
    if run.is_synthetic:
        console.print(SYNTHETIC_BANNER)
    console.print(fw.describe())
    console.print(
        f"Scored {meta['country_years']} country-years with missing rule "
        f"'{run.missing_rule}' (lowest overall coverage {meta['min_overall_coverage']:.0%})."
    )
    console.print(
        f"Wrote {out}/: "
        + ", ".join(sorted(p.name for p in out.iterdir() if not p.name.startswith(".")))
    )


@app.command("check")
def check(
    scores: Path = typer.Argument(
        ..., help="Wide table iso3,year,overall,<areas> (or a compute dir)."
    ),
    framework: str = FrameworkOption,
    tolerance: float = typer.Option(
        None, help="Allowed |overall − mean(areas)|; default: what rounding can explain."
    ),
    max_jump: float = typer.Option(10.0, help="Largest plausible move between observed years."),
    jump_columns: str = typer.Option("overall", help="Comma-separated columns checked for jumps."),
) -> None:
    """Check a score table's consistency; print each finding; exit 1 if there are any."""
    from migdex.index.checks import check_scores, series_note
    from migdex.index.framework import load_framework
    from migdex.io import read_table

    path = scores / "scores_wide.csv" if scores.is_dir() else scores
    table = read_table(path)
    fw = load_framework(framework)
    findings = check_scores(
        table,
        areas=fw.area_codes,
        tolerance=tolerance,
        max_jump=max_jump,
        jump_columns=tuple(c.strip() for c in jump_columns.split(",") if c.strip()),
        source=path.name,
    )
    note = series_note(table)
    if note:
        console_err.print(f"Note: {note}", highlight=False)
    for finding in findings:
        console.print(f"{path.name} {finding}", highlight=False, soft_wrap=True)
    if findings:
        console.print(f"{len(findings)} finding(s) in {len(table)} rows.", highlight=False)
        raise typer.Exit(1)
    console.print(f"No inconsistencies in {len(table)} rows.", highlight=False)


def _scores_source(scores: Path | None, published: bool, series: str | None):
    from migdex.index.published import published_scores
    from migdex.index.tables import load_scores, wide_to_tidy

    if published:
        if not series:
            raise InputError("--published needs --series (core, full or core54): never mix series")
        frame = published_scores(series=series)
        return wide_to_tidy(frame), False
    if scores is None:
        raise InputError("give a scores file or directory, or --published --series NAME")
    return load_scores(scores)


@app.command("compare")
def compare(
    scores: Path = typer.Argument(None, help="Scores: a compute dir, tidy or wide CSV/XLSX."),
    country: str = typer.Option(..., "--country", "-c", help="ISO3 code of the country."),
    year: int = typer.Option(..., help="Year to compare."),
    from_year: int = typer.Option(None, help="Earlier year for the change against the average."),
    groups: str = typer.Option("ALL,EU28", help="Comma-separated groups: ALL, EU27, EU28, custom."),
    groups_file: Path = typer.Option(None, help="CSV with group,iso3 for custom groups."),
    published: bool = typer.Option(False, help="Use the bundled published figures."),
    series: str = typer.Option(None, help="Series of the published figures (with --published)."),
    framework: str = FrameworkOption,
) -> None:
    """A country against group means per area, its rank, band and change against the average."""
    from migdex.index.compare import read_groups
    from migdex.index.framework import load_framework

    tidy, synthetic = _scores_source(scores, published, series)
    custom = read_groups(groups_file) if groups_file else None
    print_country_story(
        tidy,
        country=country,
        year=year,
        from_year=from_year,
        groups=[g.strip() for g in groups.split(",") if g.strip()],
        custom=custom,
        framework=load_framework(framework),
        is_synthetic=synthetic,
    )


def print_country_story(
    scores: pd.DataFrame,
    *,
    country: str,
    year: int | None = None,
    from_year: int | None = None,
    groups: list[str] | None = None,
    custom=None,
    framework=None,
    is_synthetic: bool | None = None,
) -> None:
    """Print what the seed slides say of Russia, for any country: means, rank, change, band."""
    from migdex.index.compare import (
        band_of,
        changes,
        countries,
        group_means,
        rank_countries,
        resolve_group,
    )
    from migdex.index.framework import load_framework
    from migdex.index.scoring import round_half_up
    from migdex.index.synthetic import is_synthetic as frame_is_synthetic

    fw = framework or load_framework(DEFAULT_FRAMEWORK)
    country = country.upper()
    if country not in set(scores["iso3"]):
        raise InputError(f"no scores for country {country!r}")
    years = sorted(scores.loc[scores["iso3"] == country, "year"].unique())
    year = year if year is not None else int(years[-1])
    if year not in years:
        raise InputError(f"no scores for {country} in {year}; available: {years}")
    if is_synthetic is None:
        is_synthetic = frame_is_synthetic(scores)
    if is_synthetic:
        console.print(SYNTHETIC_BANNER)
    names = dict(zip(countries()["iso3"], countries()["name_en"]))
    groups = groups or ["ALL", "EU28"]
    members = {g: resolve_group(g, scores, custom) for g in groups}
    means = group_means(scores[scores["year"] == year], members)
    sub = scores[(scores["iso3"] == country) & (scores["year"] == year)]
    rows = sub[sub["level"].isin(["overall", "area", "approach_dimension"])]
    table = Table(title=f"{names.get(country, country)} ({country}) {year}")
    table.add_column("score")
    table.add_column(country, justify="right")
    for g in groups:
        n = len(set(members[g]) & set(scores.loc[scores["year"] == year, "iso3"]))
        table.add_column(f"{g} mean (n={n})", justify="right")
    for r in rows.itertuples():
        cells = [f"{round_half_up(r.score):g}" if pd.notna(r.score) else "–"]
        for g in groups:
            m = means[(means["group"] == g) & (means["code"] == r.code)]["score"]
            cells.append(f"{round_half_up(m.iloc[0]):g}" if len(m) else "–")
        table.add_row(r.code, *cells)
    console.print(table)
    ranks = rank_countries(scores, year=year)
    mine = ranks[ranks["iso3"] == country]
    if len(mine):
        r = mine.iloc[0]
        code, title = band_of(r["score"], fw)
        console.print(
            f"Rank: {r['rank_label']} ({r['bottom_label']}); band: {title or code}", highlight=False
        )
    earlier = from_year if from_year is not None else (year - 5 if year - 5 in years else None)
    if earlier is not None:
        ch = changes(scores, year_from=earlier, year_to=year)
        mine = ch[ch["iso3"] == country]
        if len(mine):
            c = mine.iloc[0]
            console.print(
                f"Change {earlier}→{year}: {c['change']:+.1f} points; average change "
                f"{c['average_change']:+.1f} ({c['versus_average']} the average)",
                highlight=False,
            )


@app.command("classify")
def classify(
    scores: Path = typer.Argument(..., help="Scores from `compute` (a dir or its scores.csv)."),
    framework: str = FrameworkOption,
    out: Path = typer.Option(None, "--out", "-o", help="Write the approaches table here (CSV)."),
    lang: str = typer.Option("en", help="Language of titles and reasons (en, ru)."),
) -> None:
    """Approach to integration per country-year, with the rule that put it there."""
    from migdex.index.approaches import classify_approaches
    from migdex.index.framework import load_framework
    from migdex.index.tables import load_scores
    from migdex.io import atomic_output

    fw = load_framework(framework)
    tidy, synthetic = load_scores(scores)
    result = classify_approaches(tidy, fw, lang=lang)
    if synthetic:
        console.print(SYNTHETIC_BANNER)
        result["dataset"] = "SYNTHETIC"
    if out:
        with atomic_output(out) as tmp:
            result.to_csv(tmp, index=False)
        console.print(f"Wrote {len(result)} rows to {out}")
        return
    latest = result[result["year"] == result["year"].max()]
    for r in latest.itertuples():
        console.print(f"{r.iso3} {r.year}: {r.group or '–'} — {r.reason}", highlight=False)


@app.command("export")
def export(
    scores: Path = typer.Argument(None, help="Scores: a compute dir, tidy or wide CSV/XLSX."),
    fmt: str = typer.Option(..., "--format", help="csv, xlsx, dta, sav or datapackage."),
    out: Path = typer.Option(..., "--out", "-o", help="File (or directory for datapackage)."),
    wide: bool = typer.Option(False, help="One row per country-year instead of tidy rows."),
    published: bool = typer.Option(False, help="Export the bundled published figures."),
    series: str = typer.Option(None, help="With --published: only this series."),
) -> None:
    """Export scores as CSV, XLSX, Stata .dta, SPSS .sav or a Frictionless data package."""
    from migdex.index.exports import ExportMetadata, export_table
    from migdex.index.published import published_scores
    from migdex.index.scoring import wide_scores
    from migdex.index.tables import load_scores

    if published:
        frame = published_scores(series=series)
        meta = ExportMetadata(
            title="Published MIPEX scores",
            description="Figures as published, one row per edition, series, country and year; "
            "each row names its source. Never rank or chart series together.",
            sources=tuple(sorted(frame["source"].dropna().unique())),
        )
    else:
        if scores is None:
            raise InputError("give a scores file or directory, or --published")
        tidy, synthetic = load_scores(scores)
        frame = wide_scores(tidy) if wide else tidy
        if synthetic:
            from migdex.index.synthetic import SYNTHETIC_LABEL

            frame = frame.assign(dataset=SYNTHETIC_LABEL)
        meta = ExportMetadata(
            title="migdex index scores",
            description=f"Computed from {scores}",
            is_synthetic=synthetic,
        )
    export_table(frame, out, fmt=fmt, metadata=meta)
    if meta.is_synthetic:
        console.print(SYNTHETIC_BANNER)
    console.print(f"Wrote {len(frame)} rows to {out} ({fmt})")


@app.command("published")
def published_cmd(
    series: str = typer.Option(None, help="core, full or core54."),
    iso3: str = typer.Option(None, help="Only this country."),
    out: Path = typer.Option(None, "--out", "-o", help="Write CSV here instead of printing."),
) -> None:
    """The bundled published MIPEX figures, with edition, series and source on every row."""
    from migdex.index.published import AREA_COLUMNS, published_scores
    from migdex.io import atomic_output

    frame = published_scores(series=series, iso3=iso3)
    if out:
        with atomic_output(out) as tmp:
            frame.to_csv(tmp, index=False)
        console.print(f"Wrote {len(frame)} rows to {out}")
        return
    short = ["LMM", "FR", "EDU", "PP", "PR", "AN", "AD", "HEA"]
    sources = list(dict.fromkeys(frame["source"].fillna("")))
    table = Table(
        title="Published MIPEX scores (as published)",
        caption="Areas: " + ", ".join(f"{a}={c}" for a, c in zip(short, AREA_COLUMNS)),
        box=box.SIMPLE_HEAD,
        pad_edge=False,
    )
    for col in ["edition", "series", "iso3", "year", "overall", *short, "src"]:
        table.add_column(col, justify="right" if col not in ("edition", "series") else "left")
    for r in frame.itertuples():
        values = (r.overall, *(getattr(r, c) for c in AREA_COLUMNS))
        cells = ["" if pd.isna(v) else str(v) for v in values]
        ref = f"[{sources.index(r.source if pd.notna(r.source) else '') + 1}]"
        table.add_row(r.edition, r.series, r.iso3, str(r.year), *cells, ref)
    console.print(table)
    for i, src in enumerate(sources, start=1):
        console.print(f"[{i}] {src}", highlight=False, soft_wrap=True, markup=False)


@app.command("sensitivity")
def sensitivity(
    scores_or_answers: Path = typer.Argument(
        None, help="A compute dir, tidy scores with indicator rows, or an answers file."
    ),
    out: Path = typer.Option(
        ..., "--out", "-o", help="Output directory (written whole or not at all)."
    ),
    framework: str = typer.Option(
        None,
        "--framework",
        "-f",
        help="Framework name or YAML (default: the compute dir's own, else the MIPEX 2015 one).",
    ),
    demo: bool = typer.Option(False, help="Use the synthetic demo run instead of a file."),
    year: int = typer.Option(None, help="Year whose ranks are analysed (default: the latest)."),
    runs: int = typer.Option(1000, help="Model runs, 1 to 100,000."),
    weight_noise: float = typer.Option(
        0.25, help="Weights vary uniformly within nominal × (1 ± noise); 0 keeps them fixed."
    ),
    weight_level: str = typer.Option("area", help="Perturb area or indicator weights."),
    aggregations: str = typer.Option(
        "arithmetic,geometric", help="Areas → overall means to try (comma-separated)."
    ),
    missing_rules: str = typer.Option(
        "renormalise,zero", help="Missing-data rules to try (comma-separated)."
    ),
    drop: str = typer.Option(
        "area,indicator", help="Leave one area and/or one indicator out per run ('' for none)."
    ),
    seed: int = typer.Option(2020, help="Random seed (same seed, same runs)."),
    sobol: bool = typer.Option(True, help="Saltelli design and Sobol indices (SALib)."),
) -> None:
    """Robustness: rank intervals over weights, aggregation, missing rule and dropped parts."""
    from rich.progress import BarColumn, MofNCompleteColumn

    from migdex.index.sensitivity import (
        SensitivitySpec,
        read_sensitivity_input,
        run_sensitivity,
        write_sensitivity,
    )

    def split(text: str) -> tuple[str, ...]:
        return tuple(t.strip() for t in text.split(",") if t.strip())

    spec = SensitivitySpec(
        runs=runs,
        weight_noise=weight_noise,
        weight_level=weight_level,
        aggregations=split(aggregations),
        missing_rules=split(missing_rules),
        drop=split(drop),
        seed=seed,
        sobol=sobol,
    )
    spec.check()
    if demo:
        from migdex.index.demo import demo_run

        run = demo_run(**({"framework": framework} if framework else {}))
        scores, fw, synthetic = run.scores, run.framework, run.is_synthetic
    elif scores_or_answers is None:
        raise InputError("give a scores directory or answers file, or --demo")
    else:
        scores, fw, synthetic = read_sensitivity_input(scores_or_answers, framework)
    columns = [*_progress().columns[:2], BarColumn(), MofNCompleteColumn(), TimeElapsedColumn()]
    with Progress(*columns, console=console_err, transient=True) as progress:
        task = progress.add_task("Model runs", total=runs)
        result = run_sensitivity(
            scores,
            fw,
            year=year,
            spec=spec,
            progress=lambda done, total: progress.update(task, completed=done, total=total),
        )
        progress.update(task, description=f"Writing {out}")
        write_sensitivity(result, out, is_synthetic=synthetic)
    _print_sensitivity(result, fw, synthetic, out)


def _print_sensitivity(result, fw, synthetic: bool, out: Path) -> None:
    settings = result.settings
    if synthetic:
        console.print(SYNTHETIC_BANNER)
    console.print(fw.describe())
    console.print(
        f"{settings['runs']:,} runs ({settings['design']}) for {settings['countries']} countries "
        f"in {result.year}; factors: {', '.join(settings['factors']) or 'none'}.",
        highlight=False,
    )
    if result.sobol is not None:
        table = Table(title="Sobol indices: share of the variance of the mean rank shift")
        for col in ("factor", "first order S1", "total order ST"):
            table.add_column(col, justify="left" if col == "factor" else "right")
        for r in result.sobol.itertuples():
            s1, st = f"{r.S1:.2f} ± {r.S1_conf:.2f}", f"{r.ST:.2f} ± {r.ST_conf:.2f}"
            table.add_row(r.factor, s1, st)
        console.print(table)
    widest = result.summary.assign(width=lambda f: f.rank_p95 - f.rank_p05)
    widest = widest.sort_values(["width", "nominal_rank"], ascending=[False, True]).head(5)
    console.print("Widest rank intervals (nominal rank, median, 5–95%):", highlight=False)
    for r in widest.itertuples():
        console.print(
            f"  {r.iso3}: {r.nominal_rank} (median {r.median_rank}, {r.rank_p05}–{r.rank_p95})",
            highlight=False,
        )
    written = ", ".join(sorted(p.name for p in out.iterdir()))
    console.print(f"Wrote {out}/: {written}", highlight=False)
