"""``import_published``: check and store a published score table (all or nothing)."""

from __future__ import annotations

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError


class Command(BaseCommand):
    help = (
        "Import a published score table (wide: iso3, year, overall, area columns; optional "
        "edition, series, approach, source), checked like `migdex index check`."
    )

    def add_arguments(self, parser):
        parser.add_argument("path", help="Wide table (CSV/XLSX).")
        parser.add_argument("--dataset", required=True, help="Dataset identifier (slug).")
        parser.add_argument("--series", default=None, help="Series (or a 'series' column).")
        parser.add_argument("--framework", default=None, help="Framework for titles and bands.")
        parser.add_argument("--title", default="", help="Title shown on the site (English).")
        parser.add_argument("--title-ru", default="", help="Title in Russian.")
        parser.add_argument(
            "--accept-findings",
            action="store_true",
            help="Store despite consistency findings (they are kept and shown).",
        )

    def handle(self, *args, **o):
        from migdex.errors import InputError
        from migdex.io import read_table
        from migdex.web.explorer.loading import import_published

        path = Path(o["path"])
        try:
            report = import_published(
                read_table(path),
                slug=o["dataset"],
                series=o["series"],
                framework=o["framework"],
                title_en=o["title"],
                title_ru=o["title_ru"],
                accept_findings=o["accept_findings"],
                source=path.name,
            )
        except InputError as exc:
            raise CommandError(str(exc)) from None
        for line in report.lines():
            self.stdout.write(line)
