"""Top-level ``migdex demo`` and ``migdex serve``.

Until the web site lands, ``demo`` runs the index engine on the synthetic
demo answers and prints the Russia story; ``serve`` says the site is not
built yet.
"""

from __future__ import annotations

import typer

from migdex.commands import console
from migdex.errors import MigdexError


def register(app: typer.Typer) -> None:
    """Add ``demo`` and ``serve`` to the root app."""

    @app.command("demo")
    def demo(
        port: int = typer.Option(8000, help="Port to serve on, once the web site exists."),
        country: str = typer.Option("RUS", help="Country (ISO3) whose story the demo tells."),
    ) -> None:
        """Compute the index on the synthetic demo answers and show one country's story."""
        from migdex.commands.index import print_country_story
        from migdex.index.demo import demo_run

        with console.status("Scoring 56 countries × 2007–2019 of synthetic answers"):
            run = demo_run()
        console.print(run.framework.describe())
        print_country_story(run.scores, country=country, is_synthetic=True)
        if run.approaches is not None:
            latest = run.approaches[
                (run.approaches["iso3"] == country.upper())
                & (run.approaches["year"] == run.approaches["year"].max())
            ]
            for r in latest.itertuples():
                console.print(f"Approach: {r.group} — {r.reason}", highlight=False)
        console.print(
            f"\n(The web site on http://127.0.0.1:{port} arrives with the explorer; "
            "this is the command-line demo.)"
        )

    @app.command("serve")
    def serve(
        host: str = typer.Option("127.0.0.1", help="Interface to listen on."),
        port: int = typer.Option(8000, help="Port to listen on."),
    ) -> None:
        """Serve the web site (explorer, survey, ombudsman)."""
        raise MigdexError(
            f"the web site is not part of this build yet; nothing to serve on {host}:{port}. "
            "Run `migdex demo` for the command-line demo."
        )
