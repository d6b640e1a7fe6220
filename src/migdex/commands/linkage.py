"""``migdex link REGISTER --out CLUSTERS.csv``: link agency ban lists into persons.

A thin shell over :func:`migdex.linkage.link_records`: read, call, write
atomically (the clusters, an optional explanation of every link, and the
resolved settings with the trained model beside the output), print a summary.
"""

from __future__ import annotations

import json
from contextlib import ExitStack
from pathlib import Path
from typing import TYPE_CHECKING

import typer
from rich.table import Table

from migdex.commands import console, console_err
from migdex.io import atomic_output, read_table

if TYPE_CHECKING:
    from migdex.linkage import Clusters

BACKEND_CHOICES = ("duckdb", "spark")


def register(app: typer.Typer) -> None:
    """Add the top-level ``link`` command to the root app."""

    @app.command("link")
    def link(
        register_path: Path = typer.Argument(
            ...,
            metavar="REGISTER",
            help="Ban records (CSV, XLSX or Parquet) with columns "
            "record_id,agency,surname,given_name,patronymic,birth_date,citizenship,document_number.",
        ),
        out: Path = typer.Option(
            ..., "--out", help="Where to write CLUSTERS.csv: one row per record."
        ),
        explain: Path | None = typer.Option(
            None,
            "--explain",
            help="Also write every scored link with per-field levels and weights.",
        ),
        settings: Path | None = typer.Option(
            None,
            "--settings",
            help="A linkage settings file (YAML); default: the bundled linkage-v1.",
        ),
        backend: str = typer.Option("duckdb", "--backend", help="Engine: duckdb or spark."),
    ) -> None:
        """Link ban records across agencies and scripts into persons (one row per record)."""
        from migdex.linkage import LinkageSettings, link_records

        if backend not in BACKEND_CHOICES:
            raise typer.BadParameter(
                f"use one of {', '.join(BACKEND_CHOICES)}", param_hint="--backend"
            )
        model_settings = LinkageSettings.load(settings)
        frame = read_table(register_path)
        with console_err.status("Linking...") as status:
            clusters = link_records(
                frame, model_settings, backend=backend, source=register_path.name,
                progress=lambda step: status.update(f"Linking: {step}..."),
            )  # fmt: skip
        _write_outputs(clusters, out=out, explain=explain)
        _print_summary(clusters.summary(), out=out, explain=explain)


def _write_outputs(clusters: Clusters, *, out: Path, explain: Path | None) -> None:
    """Write every output or none: each goes to a temporary file, renamed only at the end."""
    targets = {out: clusters.records, Path(f"{out}.settings.yaml"): clusters.settings.to_yaml()}
    targets[Path(f"{out}.model.json")] = json.dumps(clusters.model, indent=2, ensure_ascii=False)
    if explain is not None:
        targets[explain] = clusters.links
    with ExitStack() as stack:
        for target, content in targets.items():
            tmp = stack.enter_context(atomic_output(target))
            if isinstance(content, str):
                tmp.write_text(content, encoding="utf-8")
            else:
                content.to_csv(tmp, index=False)


def _print_summary(summary: dict[str, int], *, out: Path, explain: Path | None) -> None:
    table = Table(title="Linkage", show_header=False)
    for key, label in [
        ("records", "Records"),
        ("persons", "Persons (clusters)"),
        ("persons_with_several_records", "Persons with several records"),
        ("records_to_review", "Records to review (review band)"),
    ]:
        table.add_row(label, f"{summary[key]:,}")
    console.print(table)
    console.print(f"Wrote {out}" + (f" and {explain}" if explain else ""))
