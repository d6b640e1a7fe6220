"""``migdex mobility ...``: classify crossings, summarise them, categorise persons.

Each command parses its options, calls one function of :mod:`migdex.mobility`
and prints a short Rich summary; the library does the work.
"""

from __future__ import annotations

import datetime as dt
from contextlib import contextmanager
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.progress import BarColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from migdex.commands import console, console_err
from migdex.errors import InputError

app = typer.Typer(
    help="Migration statistics from border crossings: the 12/16-month rule, counts, categories.",
    no_args_is_help=True,
)

ObsEnd = Annotated[
    str, typer.Option("--obs-end", help="First date with no data (exclusive), YYYY-MM-DD.")
]
ObsStart = Annotated[
    str | None,
    typer.Option("--obs-start", help="Start of the data (default: earliest crossing), YYYY-MM-DD."),
]
Threshold = Annotated[
    int, typer.Option("--threshold-days", help="V: days that make a stay long-term.")
]
Window = Annotated[int, typer.Option("--window-days", help="W: window in which V is counted.")]
GapPolicy = Annotated[
    str, typer.Option("--gap-policy", help="Same direction twice in a row: midpoint or reject.")
]
Engine = Annotated[str, typer.Option("--engine", help="duckdb (default) or spark.")]


def parse_date(value: str | None, option: str) -> dt.date | None:
    """A ``YYYY-MM-DD`` option value; a clear input error otherwise.

    Examples
    --------
    >>> parse_date("2024-12-31", "--obs-end")
    datetime.date(2024, 12, 31)
    """
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value.strip())
    except ValueError:
        raise InputError(f'{option} = "{value}"; expected a date as YYYY-MM-DD') from None


@contextmanager
def progress_bar(label: str):
    """A Rich progress bar on stderr, yielding a ``(step, done, total)`` callback."""
    columns = (TextColumn("{task.description}"), BarColumn(), TimeElapsedColumn())
    shown = console_err.is_terminal
    with Progress(*columns, console=console_err, transient=True, disable=not shown) as bar:
        task = bar.add_task(label, total=None)

        def update(step: str, done: int, total: int) -> None:
            bar.update(task, description=f"{label}: {step}", completed=done, total=total)

        yield update


def print_run_summary(metadata: dict[str, Any], written: list[Path]) -> None:
    """Counts a statistician checks after a run, and the files written."""
    counts = metadata["counts"]
    table = Table(title="mobility classify", show_header=False, title_justify="left")
    rows = [
        ("rule", f"{metadata['rule']['threshold_days']}/{metadata['rule']['window_days']} days"),
        ("rows read", f"{counts['rows_read']:,}"),
        ("duplicates removed", f"{counts['duplicates_removed']:,}"),
        ("crossings classified", f"{counts['crossings']:,}"),
        ("persons", f"{counts['persons']:,}"),
        ("long-term crossings", f"{counts['long_term']:,}"),
        ("persons affected by gaps", f"{metadata['gaps']['persons_affected']:,}"),
        ("initial status", metadata["initial_status"]["method"]),
        ("provisional share", f"{metadata['provisional_share']:.2%}"),
    ]
    for name, value in rows:
        table.add_row(name, value)
    console.print(table)
    for path in written:
        console.print(f"wrote {path}", highlight=False)


@app.command()
def classify(
    crossings: Annotated[
        Path, typer.Argument(help="CSV or Parquet: person_id,date,direction,seq.")
    ],
    obs_end: ObsEnd,
    out: Annotated[
        Path, typer.Option("--out", help="Output CSV or Parquet, one row per crossing.")
    ],
    initial_status: Annotated[
        Path | None,
        typer.Option("--initial-status", help="CSV or Parquet: person_id,status (1, 0 or empty)."),
    ] = None,
    threshold_days: Threshold = 365,
    window_days: Window = 487,
    obs_start: ObsStart = None,
    gap_policy: GapPolicy = "midpoint",
    engine: Engine = "duckdb",
) -> None:
    """Classify every crossing with the 12/16-month rule (status before/after, long_term)."""
    from migdex.mobility import RuleSettings, classify_file
    from migdex.mobility.metadata import sidecar_path

    settings = RuleSettings(
        threshold_days=threshold_days, window_days=window_days, gap_policy=gap_policy
    )
    with progress_bar("classifying") as progress:
        metadata = classify_file(
            crossings,
            out=out,
            obs_end=parse_date(obs_end, "--obs-end"),
            initial_status=initial_status,
            obs_start=parse_date(obs_start, "--obs-start"),
            settings=settings,
            engine=engine,
            progress=progress,
        )
    print_run_summary(metadata, [out, sidecar_path(out)])


def write_table(frame, out: Path, metadata: dict[str, Any]) -> list[Path]:
    """Write ``frame`` to ``out`` (CSV or Parquet) and its metadata beside it, atomically."""
    from migdex.io import atomic_output
    from migdex.mobility.metadata import write_sidecar
    from migdex.mobility.sinks import output_format

    fmt = output_format(out)
    with atomic_output(out) as tmp:
        frame.to_parquet(tmp, index=False) if fmt == "parquet" else frame.to_csv(tmp, index=False)
    return [out, write_sidecar(out, metadata)]


def parse_dates(values: list[str], option: str) -> list[dt.date]:
    """Dates given as repeated options or comma-separated lists."""
    return [parse_date(v, option) for text in values for v in text.split(",") if v.strip()]


@app.command()
def summarise(
    classified: Annotated[
        Path, typer.Argument(help="Output of `classify` (or anonymous counts with --counts).")
    ],
    out: Annotated[Path, typer.Option("--out", help="Summary CSV or Parquet, one row per period.")],
    period: Annotated[str, typer.Option("--period", help="month, quarter or year.")] = "month",
    residents_on: Annotated[
        list[str],
        typer.Option("--residents-on", help="Dates (YYYY-MM-DD) to count residents on."),
    ] = [],  # noqa: B006 (Typer reads the default)
    counts: Annotated[
        bool, typer.Option("--counts", help="Input is date,direction,count without person ids.")
    ] = False,
) -> None:
    """Long-term arrivals, departures and net migration by period, in crossings and persons."""
    from migdex.mobility import summarise as summarise_classified
    from migdex.mobility import summarise_counts

    if counts:
        summary = summarise_counts(classified, period=period)
    else:
        summary = summarise_classified(
            classified, period=period, residents_on=parse_dates(residents_on, "--residents-on")
        )
    metadata = {**summary.metadata, "residents": summary.residents.astype(str).to_dict("records")}
    written = write_table(summary.periods, out, metadata)
    console.print(summary.periods.to_string(index=False), highlight=False)
    if not summary.metadata.get("person_ids", True):
        console.print(f"note: {summary.metadata['not_available']}", highlight=False, soft_wrap=True)
    if len(summary.residents):
        console.print(summary.residents.to_string(index=False), highlight=False)
    for path in written:
        console.print(f"wrote {path}", highlight=False)


@app.command()
def categorise(
    classified: Annotated[Path, typer.Argument(help="Output of `classify`.")],
    obs_end: ObsEnd,
    out: Annotated[Path, typer.Option("--out", help="CSV or Parquet, one row per person.")],
    visitor_max_days: int = 90,
    season_tolerance_days: int = 45,
    min_seasons: int = 2,
    commuter_every_days: int = 7,
    commuter_min_trips: int = 8,
) -> None:
    """Put every person in a category: visitor, short-term, seasonal, commuter, migrant."""
    from migdex.mobility import CategorySettings
    from migdex.mobility import categorise as categorise_persons

    settings = CategorySettings(
        visitor_max_days=visitor_max_days,
        season_tolerance_days=season_tolerance_days,
        min_seasons=min_seasons,
        commuter_every_days=commuter_every_days,
        commuter_min_trips=commuter_min_trips,
    )
    persons = categorise_persons(
        classified, obs_end=parse_date(obs_end, "--obs-end"), settings=settings
    )
    metadata = {"unit": "person", "categories": settings.as_dict(), "obs_end": obs_end}
    written = write_table(persons, out, metadata)
    console.print(persons["category"].value_counts().to_string(), highlight=False)
    for path in written:
        console.print(f"wrote {path}", highlight=False)


@app.command("from-stays")
def from_stays(
    stays: Annotated[Path, typer.Argument(help="Register of stays: person_id,start,end.")],
    out: Annotated[Path, typer.Option("--out", help="Crossings CSV or Parquet for `classify`.")],
) -> None:
    """Turn a register of stays into crossings, so the rule decides seasonal vs permanent."""
    from migdex.mobility import stays_to_crossings
    from migdex.mobility.harmonise import PRACTICES

    crossings = stays_to_crossings(stays)
    metadata = {"recording_practice": "stay register", "note": PRACTICES["stay register"]}
    for path in write_table(crossings, out, metadata):
        console.print(f"wrote {path}", highlight=False)
