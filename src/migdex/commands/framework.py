"""``migdex framework validate|show``."""

from __future__ import annotations

import typer

app = typer.Typer(help="Framework files: validate and show.", no_args_is_help=True)
