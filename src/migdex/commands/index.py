"""``migdex index ...``: compute, check, compare, classify, export, published."""

from __future__ import annotations

import typer

app = typer.Typer(help="Composite policy index: compute, check, compare, classify, export.",
                  no_args_is_help=True)
