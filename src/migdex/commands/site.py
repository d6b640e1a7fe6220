"""``migdex demo``, ``migdex serve`` and ``migdex web ...``: the web site from the command line.

Django is imported only when one of these commands runs, so ``migdex --help``
and the library commands never load it.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import typer

from migdex.commands import console

SETTINGS = "migdex.web.settings"

web_app = typer.Typer(
    help="The web site's data: load the demo, import answers or published tables.",
    no_args_is_help=True,
)


def setup_django(settings: str = SETTINGS) -> None:
    """Configure Django for a command (settings from the environment, see web/settings.py)."""
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", settings)
    import django

    django.setup()


def _migrate() -> None:
    from django.core.management import call_command

    call_command("migrate", interactive=False, verbosity=0)


def _print_reports(reports) -> None:
    for report in reports:
        console.print(report.summary, highlight=False, soft_wrap=True)
        for note in report.notes:
            console.print(f"  note: {note}", highlight=False, soft_wrap=True)


def _load_ombudsman_demo() -> None:
    """The synthetic ban register of nine agencies and demo staff accounts (idempotent)."""
    from migdex.web.ombudsman.demo import load_register, load_users

    with console.status("Loading the synthetic ban register and linking it"):
        for line in load_register():
            console.print(f"ombudsman: {line}", highlight=False, soft_wrap=True)
    for username, password in load_users():
        console.print(
            f"demo account created: {username} / {password} (shown once; SYNTHETIC demo only)",
            highlight=False,
        )


# Apps whose ``demo.load_demo()`` adds their synthetic content (each returns lines to print).
DEMO_APPS = ("portal", "dialogue", "terminology")


def _load_app_demos() -> None:
    """Each migrants'-side app's synthetic demo content (idempotent; labelled synthetic)."""
    import importlib

    for app_name in DEMO_APPS:
        module_name = f"migdex.web.{app_name}.demo"
        try:
            module = importlib.import_module(module_name)
        except ModuleNotFoundError as exc:
            if exc.name != module_name:
                raise  # the demo module exists but something it imports does not
            continue
        with console.status(f"Loading the {app_name} demo content"):
            for line in module.load_demo():
                console.print(f"{app_name}: {line}", highlight=False, soft_wrap=True)


def register(app: typer.Typer) -> None:
    """Add ``demo``, ``serve`` and the ``web`` group to the root app."""

    @app.command("demo")
    def demo(
        port: int = typer.Option(8000, help="Port to serve on (127.0.0.1)."),
        no_serve: bool = typer.Option(False, help="Migrate and load the demo data, then stop."),
    ) -> None:
        """Migrate, load the published figures and the synthetic demo (idempotent), then serve."""
        setup_django()
        from migdex.web.explorer.assets import vega_javascript
        from migdex.web.explorer.loading import load_demo

        with console.status("Migrating the database"):
            _migrate()
        with console.status("Loading published figures and scoring the synthetic demo answers"):
            reports = load_demo()
        _print_reports(reports)
        _load_ombudsman_demo()
        _load_app_demos()
        with console.status("Preparing the chart library (first run only)"):
            vega_javascript()
        if no_serve:
            return
        _runserver("127.0.0.1", port)

    @app.command("serve")
    def serve(
        host: str = typer.Option("127.0.0.1", help="Interface to listen on."),
        port: int = typer.Option(8000, help="Port to listen on."),
        workers: int = typer.Option(0, help="gunicorn workers (0: Django's server, one process)."),
    ) -> None:
        """Serve the web site (explorer pages and API) on HOST:PORT."""
        setup_django()
        from migdex.web.explorer.assets import vega_javascript

        _migrate()
        vega_javascript()
        if workers > 0:
            os.execv(sys.executable, gunicorn_args(host, port, workers))
        _runserver(host, port)

    app.add_typer(web_app, name="web")


def gunicorn_args(host: str, port: int, workers: int, *, worker_class: str = "gthread") -> list:
    """The gunicorn command line ``serve`` runs (``bench/web`` measures the same one).

    Threaded workers keep connections alive, so 50 clients do not queue on connection
    set-up behind a few sync workers (bench/results/web.md has the numbers).
    """
    args = [
        sys.executable,
        "-m",
        "gunicorn",
        "migdex.web.wsgi:application",
        f"--bind={host}:{port}",
        f"--workers={workers}",
        f"--worker-class={worker_class}",
        "--backlog=2048",
    ]
    if worker_class == "gthread":  # sync workers given threads would turn into gthread ones
        args += ["--threads=4", "--keep-alive=5", "--worker-connections=1000"]
    return args


def _runserver(host: str, port: int) -> None:
    from django.core.management import call_command

    console.print(f"Serving on http://{host}:{port}/ (Ctrl+C to stop)", highlight=False)
    call_command("runserver", f"{host}:{port}", use_reloader=False, skip_checks=True)


@web_app.command("load-demo")
def load_demo_cmd() -> None:
    """Migrate and load the demo data (published figures + synthetic run); idempotent."""
    setup_django()
    from migdex.web.explorer.loading import load_demo

    _migrate()
    _print_reports(load_demo())


@web_app.command("import-answers")
def import_answers_cmd(
    answers: Path = typer.Argument(..., help="Answers CSV/XLSX: iso3, year, indicator, option."),
    dataset: str = typer.Option(..., help="Dataset identifier (slug) on the site."),
    framework: str = typer.Option("mipex-2015-reconstructed", help="Framework name or file."),
    title: str = typer.Option("", help="Title shown on the site (English)."),
    title_ru: str = typer.Option("", help="Title shown on the site (Russian)."),
    missing_rule: str = typer.Option(None, help="renormalise, zero or refuse."),
) -> None:
    """Validate, score and store answers as a dataset: all rows or none, with a report."""
    setup_django()
    from migdex.io import read_table
    from migdex.web.explorer.loading import import_answers

    _migrate()
    report = import_answers(
        read_table(answers),
        slug=dataset,
        framework=framework,
        title_en=title,
        title_ru=title_ru,
        missing_rule=missing_rule,
        source=answers.name,
    )
    _print_reports([report])


@web_app.command("import-published")
def import_published_cmd(
    table: Path = typer.Argument(..., help="Wide table: iso3, year, overall, area columns."),
    dataset: str = typer.Option(..., help="Dataset identifier (slug) on the site."),
    series: str = typer.Option(None, help="Series (or one value in a 'series' column)."),
    title: str = typer.Option("", help="Title shown on the site (English)."),
    title_ru: str = typer.Option("", help="Title shown on the site (Russian)."),
    accept_findings: bool = typer.Option(
        False, help="Store despite consistency findings (kept and shown)."
    ),
) -> None:
    """Check a published table like `migdex index check` and store it: all rows or none."""
    setup_django()
    from migdex.io import read_table
    from migdex.web.explorer.loading import import_published

    _migrate()
    report = import_published(
        read_table(table),
        slug=dataset,
        series=series,
        title_en=title,
        title_ru=title_ru,
        accept_findings=accept_findings,
        source=table.name,
    )
    _print_reports([report])
