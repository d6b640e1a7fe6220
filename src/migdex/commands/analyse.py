"""``migdex analyse outcomes``: policy scores against outcome indicators.

A thin shell over :mod:`migdex.index.outcomes` and :mod:`migdex.index.mediation`.
"""

from __future__ import annotations

from pathlib import Path

import typer
from rich.table import Table

from migdex.commands import SYNTHETIC_BANNER, console
from migdex.errors import InputError

app = typer.Typer(help="Analyses: policy scores against outcomes.", no_args_is_help=True)


@app.command("outcomes")
def outcomes(
    outcomes_file: Path = typer.Argument(
        ..., help="Outcomes CSV/XLSX: iso3, year, variable, value, source."
    ),
    outcome: str = typer.Option(..., "--outcome", "-y", help="Outcome variable to explain."),
    out: Path = typer.Option(..., "--out", "-o", help="Output directory (whole or nothing)."),
    scores: Path = typer.Option(None, help="Scores: a `migdex index compute` dir or scores file."),
    demo: bool = typer.Option(False, help="Use the synthetic demo scores instead of --scores."),
    policy: str = typer.Option("overall", help="Policy score: overall, a variant or an area code."),
    mediator: str = typer.Option(None, help="Mediator variable (policy → mediator → outcome)."),
    controls: str = typer.Option("", help="Comma-separated control variables from the outcomes."),
    year: int = typer.Option(None, help="Year of the cross-section (default: the latest)."),
    lag: int = typer.Option(0, help="Outcome in year t against the policy in t − lag."),
    n_boot: int = typer.Option(2000, help="Bootstrap replicates for the mediation intervals."),
    seed: int = typer.Option(0, help="Bootstrap seed."),
) -> None:
    """Scatter with fit, OLS and fixed-effects coefficients, and optional mediation."""
    from migdex.index.outcomes import analyse_outcomes, read_outcomes, write_outcome_analysis
    from migdex.index.synthetic import SYNTHETIC_LABEL, is_synthetic

    table = read_outcomes(outcomes_file)
    tidy, scores_synthetic = _load_scores(scores, demo)
    analysis = analyse_outcomes(
        table,
        tidy,
        outcome=outcome,
        policy=policy,
        mediator=mediator,
        controls=tuple(c.strip() for c in controls.split(",") if c.strip()),
        year=year,
        lag=lag,
        n_boot=n_boot,
        seed=seed,
    )
    synthetic = scores_synthetic or is_synthetic(table)
    label = _label(table) if is_synthetic(table) else (SYNTHETIC_LABEL if synthetic else "")
    write_outcome_analysis(analysis, out, dataset=label)
    _print(analysis, synthetic, out)


def _load_scores(scores: Path | None, demo: bool):
    if demo:
        from migdex.index.demo import demo_run

        run = demo_run()
        return run.scores, run.is_synthetic
    if scores is None:
        raise InputError("give --scores DIR_OR_FILE (from `migdex index compute`) or --demo")
    from migdex.index.tables import load_scores

    return load_scores(scores)


def _label(table) -> str:
    labels = table["dataset"].astype(str)
    return str(labels[labels.str.contains("SYNTHETIC")].iloc[0])


def _print(analysis, synthetic: bool, out: Path) -> None:
    if synthetic:
        console.print(SYNTHETIC_BANNER)
    console.print(
        f"{analysis.outcome} against policy score {analysis.policy!r}: "
        f"{len(analysis.merged)} country-years merged; cross-section {analysis.year}.",
        highlight=False,
    )
    coefs = Table(title="Coefficients (95% confidence intervals)")
    for col in ("model", "term", "coef", "95% CI", "p", "n", "R²"):
        coefs.add_column(col, justify="left" if col in ("model", "term") else "right")
    for r in analysis.coefficients.itertuples():
        coefs.add_row(
            r.model,
            r.term,
            f"{r.coef:.4g}",
            f"{r.ci_low:.4g} to {r.ci_high:.4g}",
            f"{r.p_value:.3f}",
            str(r.n),
            f"{r.r2:.2f}",
        )
    console.print(coefs)
    if analysis.mediation is not None:
        med = Table(title=f"Mediation via {analysis.mediation.mediator} (bootstrap percentiles)")
        for col in ("effect", "estimate", "95% CI", "p"):
            med.add_column(col, justify="left" if col == "effect" else "right")
        for r in analysis.mediation.table.itertuples():
            ci = f"{r.ci_low:.4g} to {r.ci_high:.4g}"
            med.add_row(r.label, f"{r.estimate:.4g}", ci, f"{r.p_value:.3f}")
        console.print(med)
    written = ", ".join(sorted(p.name for p in out.iterdir()))
    console.print(f"Wrote {out}/: {written}", highlight=False)
