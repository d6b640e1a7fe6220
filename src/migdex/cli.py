"""The ``migdex`` command line: a thin Typer shell over the libraries.

Each domain's commands live in :mod:`migdex.commands`; this module only
assembles them and turns expected errors into one line and exit code 2.
"""

from __future__ import annotations

import sys

import typer

try:  # typer vendors click from 0.29 on
    from typer._click.exceptions import ClickException
except ImportError:  # pragma: no cover - older typer with click installed
    from click.exceptions import ClickException

from migdex.commands import console_err
from migdex.commands.framework import app as framework_app
from migdex.commands.index import app as index_app
from migdex.commands.site import register as register_site_commands
from migdex.errors import MigdexError

app = typer.Typer(
    name="migdex",
    help="migdex: migrant-integration policy index, ban register, migration statistics.",
    no_args_is_help=True,
    pretty_exceptions_show_locals=False,
    add_completion=False,
)
app.add_typer(index_app, name="index")
app.add_typer(framework_app, name="framework")
register_site_commands(app)


def _register_optional(name: str, module: str) -> None:
    """Add a domain's commands when its module exists (domains land one by one)."""
    import importlib

    try:
        mod = importlib.import_module(module)
    except ModuleNotFoundError as exc:
        if exc.name != module:
            raise
        return
    mod.register(app) if hasattr(mod, "register") else app.add_typer(mod.app, name=name)


_register_optional("mobility", "migdex.commands.mobility")
_register_optional("link", "migdex.commands.linkage")
_register_optional("media", "migdex.commands.media")
_register_optional("report", "migdex.commands.report")
_register_optional("analyse", "migdex.commands.analyse")


def main() -> None:
    """Entry point: run the app; user errors print ``Error: ...`` and exit 2, no traceback."""
    try:
        result = app(standalone_mode=False)
    except MigdexError as exc:
        console_err.print(f"[red]Error:[/red] {exc}", highlight=False, soft_wrap=True)
        sys.exit(2)
    except typer.Exit as exc:
        sys.exit(exc.exit_code)
    except typer.Abort:
        console_err.print("Aborted.")
        sys.exit(130)
    except ClickException as exc:  # usage errors: bad option, missing argument
        exc.show()
        sys.exit(exc.exit_code)
    sys.exit(result if isinstance(result, int) else 0)


if __name__ == "__main__":
    main()
