"""Docs stay true to the code: every CLI command has help text and appears in a guide."""

from __future__ import annotations

from pathlib import Path

import pytest
import typer.main

from migdex.cli import app

ROOT = Path(__file__).resolve().parents[1]
GUIDES = "\n".join(
    p.read_text(encoding="utf-8")
    for p in [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]
)


def _commands(group, prefix: str = "migdex"):
    for name, cmd in sorted(getattr(group, "commands", {}).items()):
        path = f"{prefix} {name}"
        if getattr(cmd, "commands", None):
            yield from _commands(cmd, path)
        else:
            yield path, cmd


COMMANDS = list(_commands(typer.main.get_command(app)))


@pytest.mark.parametrize(("path", "cmd"), COMMANDS, ids=[p for p, _ in COMMANDS])
def test_command_has_help_and_a_guide(path, cmd):
    assert (cmd.help or "").strip(), f"{path} has no help text"
    assert path in GUIDES, f"`{path}` is not shown in README.md or docs/*.md"
