"""CLI commands, one module per domain; each is a thin shell over a library."""

from __future__ import annotations

from rich.console import Console

console = Console()
console_err = Console(stderr=True)

SYNTHETIC_BANNER = (
    "[bold yellow]SYNTHETIC DATA[/bold yellow] — generated for demonstration, not real answers."
)
