"""``migdex framework validate|show|list``."""

from __future__ import annotations

from pathlib import Path

import typer
from rich.tree import Tree

from migdex.commands import console

app = typer.Typer(help="Framework files: validate, show, list.", no_args_is_help=True)


@app.command("validate")
def validate(file: Path = typer.Argument(..., help="Framework YAML file.")) -> None:
    """Validate a framework file; every problem names the file and the path inside it."""
    from migdex.index.framework import load_framework

    fw = load_framework(file)
    n_dims = sum(len(a.dimensions) for a in fw.areas)
    console.print(
        f"{file}: valid — {len(fw.areas)} areas, {n_dims} dimensions, "
        f"{len(fw.indicators)} indicators, languages {', '.join(fw.spec.languages)}",
        highlight=False,
    )
    if fw.spec.reconstruction:
        console.print(f"[yellow]Note:[/yellow] {fw.text(fw.spec.notice)}", highlight=False)


@app.command("list")
def list_frameworks() -> None:
    """List the bundled frameworks."""
    from migdex.index.framework import bundled_frameworks, load_framework

    for name in sorted(bundled_frameworks()):
        console.print(load_framework(name).describe(), highlight=False)


@app.command("show")
def show(
    name: str = typer.Argument(..., help="Bundled framework name or a YAML file."),
    lang: str = typer.Option("en", help="Language of the texts (en, ru)."),
    indicators: bool = typer.Option(True, help="Show indicators under each area/dimension."),
) -> None:
    """Print the framework as a tree: areas, dimensions, indicators and their options."""
    from migdex.index.framework import load_framework

    fw = load_framework(name)
    tree = Tree(fw.describe(lang), highlight=False)
    for area in fw.areas:
        node = tree.add(f"[bold]{area.code}[/bold] {fw.text(area.title, lang)}")
        groups = [(f"{d.code} {fw.text(d.title, lang)}", d.indicators) for d in area.dimensions]
        if area.indicators:
            groups.append(("", area.indicators))
        for label, inds in groups:
            parent = node.add(label) if label else node
            if not indicators:
                continue
            for ind in inds:
                opts = ", ".join(f"{o.code}={o.value:g}" for o in ind.options)
                if ind.is_numeric:
                    better = "higher" if ind.is_higher_better else "lower"
                    opts = f"numeric, {ind.method}, {better} is better"
                na = ", na" if ind.not_applicable_allowed else ""
                parent.add(f"{ind.code}. {fw.text(ind.title, lang)} [dim]({opts}{na})[/dim]")
    console.print(tree)
