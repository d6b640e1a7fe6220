"""``migdex report country ISO3 --year YEAR --lang en|ru --out report.pdf``.

A thin shell over :mod:`migdex.reports`: load scores, build the report, write the PDF.
"""

from __future__ import annotations

from pathlib import Path

import typer

from migdex.commands import SYNTHETIC_BANNER, console, console_err
from migdex.errors import InputError

app = typer.Typer(help="Reports: a PDF per country and year.", no_args_is_help=True)


@app.command("country")
def country(
    iso3: str = typer.Argument(..., help="ISO3 code of the country, e.g. RUS."),
    out: Path = typer.Option(..., "--out", "-o", help="PDF file to write (whole or not at all)."),
    year: int = typer.Option(None, help="Year of the report (default: the latest)."),
    lang: str = typer.Option("en", help="Language: en or ru."),
    from_year: int = typer.Option(None, help="Earlier year for changes (default: 5 years back)."),
    scores: Path = typer.Option(None, help="A `migdex index compute` directory or scores file."),
    answers: Path = typer.Option(None, help="An answers file, scored with --framework."),
    framework: str = typer.Option(
        None,
        "--framework",
        "-f",
        help="Framework (default: the scores dir's own, else MIPEX 2015).",
    ),
    demo: bool = typer.Option(False, help="Use the synthetic demo data."),
    uncertainty_runs: int = typer.Option(
        0, help="Add the rank interval and chart from this many sensitivity runs (0: none)."
    ),
) -> None:
    """A country's PDF report: areas against means, rank, change, approach, charts, methods."""
    from migdex.reports import build_country_report, write_country_pdf
    from migdex.reports.i18n import LANGUAGES

    if lang not in LANGUAGES:
        raise InputError(f"language {lang!r}; choose one of {', '.join(LANGUAGES)}")
    tidy, fw, synthetic, source = _load(scores, answers, framework, demo)
    with console_err.status("Building the report"):
        uncertainty = _uncertainty(tidy, fw, year, uncertainty_runs)
        report = build_country_report(
            tidy,
            fw,
            iso3=iso3,
            year=year,
            lang=lang,
            from_year=from_year,
            is_synthetic=synthetic,
            source=source,
            uncertainty=uncertainty,
        )
        write_country_pdf(report, out)
    if synthetic:
        console.print(SYNTHETIC_BANNER)
    console.print(f"Wrote {out} ({report.country}, {report.year}, {lang})", highlight=False)


def _load(scores: Path | None, answers: Path | None, framework: str | None, demo: bool):
    """Tidy scores, framework, synthetic flag and a line saying where the data came from."""
    from migdex.index.framework import load_framework

    if sum(x is not None and x is not False for x in (scores, answers, demo)) != 1:
        raise InputError(
            "give exactly one of --scores DIR (from `migdex index compute`), "
            "--answers FILE (with --framework) or --demo (synthetic demo data)"
        )
    if demo:
        from migdex.index.demo import demo_run

        run = demo_run(**({"framework": framework} if framework else {}))
        return run.scores, run.framework, True, run.dataset_label
    if answers is not None:
        from migdex.index.pipeline import run_index
        from migdex.io import read_table

        fw = load_framework(framework or "mipex-2015-reconstructed")
        run = run_index(read_table(answers), fw, source=answers.name)
        return run.scores, fw, run.is_synthetic, run.dataset_label or answers.name
    from migdex.index.tables import load_scores

    saved = scores / "framework.yaml" if scores.is_dir() else None
    default = saved if saved is not None and saved.exists() else "mipex-2015-reconstructed"
    tidy, synthetic = load_scores(scores)
    label = tidy["dataset"].dropna().astype(str) if "dataset" in tidy.columns else None
    source = label.iloc[0] if label is not None and len(label) else str(scores)
    return tidy, load_framework(framework or default), synthetic, source


def _uncertainty(tidy, fw, year: int | None, runs: int):
    if runs <= 0:
        return None
    from migdex.index.sensitivity import SensitivitySpec, run_sensitivity

    return run_sensitivity(tidy, fw, year=year, spec=SensitivitySpec(runs=runs, sobol=False))
