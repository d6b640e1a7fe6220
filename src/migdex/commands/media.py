"""``migdex media ...``: check a text for stigmatising terms, show the glossary, monitor outlets.

Thin shell over :mod:`migdex.media`: parse options, call one library function, print.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from migdex.commands import console_err

app = typer.Typer(
    help="Terminology and media monitor: flag stigmatising terms, glossary, article counts.",
    no_args_is_help=True,
)

Lang = Annotated[
    str | None,
    typer.Option("--lang", help="ru or en; left out, both languages' rules apply."),
]


@app.command()
def check(
    file: Annotated[Path, typer.Argument(help="UTF-8 text file to check; - reads stdin.")],
    lang: Lang = None,
) -> None:
    """Flag stigmatising terms and origin-naming crime reports, like a linter.

    Prints `LINE:COL  found  →  suggested` per finding; exits 1 when there are findings,
    0 when the text is clean (or empty), 2 when the file cannot be read.
    """
    from migdex.media import check_file, check_lines, require_text_file
    from migdex.media.checker import resolve_lang

    resolve_lang(lang)
    if str(file) == "-":
        findings = check_lines(_stdin_lines(), lang=lang)
    elif not require_text_file(file):
        console_err.print(
            f"{file}: no text to check (the file is empty)", highlight=False, soft_wrap=True
        )
        raise typer.Exit(0)
    else:
        findings = check_file(file, lang=lang)
    counts: dict[str, int] = {}
    for finding in findings:
        typer.echo(finding.format())
        counts[finding.kind] = counts.get(finding.kind, 0) + 1
    if counts:
        detail = ", ".join(f"{n} {kind}" for kind, n in sorted(counts.items()))
        total = sum(counts.values())
        console_err.print(
            f"{total} finding{'s' if total != 1 else ''} ({detail}); "
            "`migdex media glossary` explains each term",
            highlight=False,
        )
        raise typer.Exit(1)


def _stdin_lines():
    from migdex.errors import InputFileError

    stream = open(sys.stdin.fileno(), encoding="utf-8-sig", closefd=False)  # noqa: SIM115
    try:
        yield from stream
    except UnicodeDecodeError:
        raise InputFileError("stdin: not UTF-8 text; send UTF-8 and check it again") from None


@app.command()
def glossary(
    lang: Annotated[
        str | None, typer.Option("--lang", help="One of ru, en, uz, tg, ky; all when left out.")
    ] = None,
    find: Annotated[
        str | None, typer.Option("--find", help="Only entries whose wording contains this.")
    ] = None,
) -> None:
    """Show the terminology glossary: preferred terms, terms to avoid, review status, sources."""
    from rich.table import Table

    from migdex.commands import console
    from migdex.errors import InputError
    from migdex.media import load_glossary

    book = load_glossary()
    if lang is not None and lang not in book.languages:
        raise InputError(f'--lang "{lang}"; the glossary has {", ".join(book.languages)}')
    entries = book.find(find) if find else list(book.entries)
    table = Table(
        title=f"{book.version} (reviewed = checked by a native speaker)", title_justify="left"
    )
    for column in ("id", "lang", "preferred", "avoid", "reviewed"):
        table.add_column(column)
    for entry in entries:
        for code, term in entry.terms.items():
            if lang in (None, code):
                table.add_row(
                    entry.id,
                    code,
                    "; ".join(term.preferred),
                    "; ".join(term.avoid),
                    "yes" if term.reviewed else "no",
                )
    console.print(table)
    if len(entries) == 1:
        explanation = entries[0].explanation(lang or "en")
        marker = "" if explanation.translated else f"[{explanation.lang}, not yet translated] "
        console.print(marker + explanation.text, highlight=False, markup=False)
        for source in entries[0].sources:
            console.print(f"  source: {source}", highlight=False)


@app.command()
def monitor(
    inputs: Annotated[
        list[Path],
        typer.Argument(help="RSS/Atom feeds and/or CSV/XLSX tables date,outlet,title,text."),
    ],
    out: Annotated[Path, typer.Option("--out", help="Monthly summary CSV per outlet.")],
    findings: Annotated[
        Path | None, typer.Option("--findings", help="Also write every finding to this CSV.")
    ] = None,
    chart: Annotated[
        Path | None,
        typer.Option("--chart", help="Also write the charts as Vega-Lite JSON (.json) or .html."),
    ] = None,
    lang: Lang = None,
) -> None:
    """Count flagged terms per outlet and month, with a rough portrayal indicator."""

    from migdex.io import atomic_output
    from migdex.media import chart_portrayal, chart_term_counts, read_articles, run_monitor

    result = run_monitor(read_articles(inputs), lang=lang)
    with atomic_output(out) as tmp:
        result.summary.to_csv(tmp, index=False)
    if findings is not None:
        with atomic_output(findings) as tmp:
            result.findings.to_csv(tmp, index=False)
    if chart is not None:
        spec = {"vconcat": [chart_term_counts(result.term_counts), chart_portrayal(result.summary)]}
        with atomic_output(chart) as tmp:
            _write_chart(spec, tmp, html=chart.suffix.lower() == ".html")
    n = len(result.articles)
    console_err.print(
        f"{n} articles, {len(result.findings)} findings → {out}\nportrayal_rough: {result.note}",
        highlight=False,
    )


def _write_chart(spec: dict, path: Path, *, html: bool) -> None:
    import json

    if not html:
        path.write_text(json.dumps(spec, ensure_ascii=False, indent=1), encoding="utf-8")
        return
    import altair as alt

    alt.VConcatChart.from_dict(spec).save(str(path), format="html")
