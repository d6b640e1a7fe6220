"""``import_published``: check and store a published score table (all or nothing)."""

from __future__ import annotations

from ._table_import import TableImportCommand


class Command(TableImportCommand):
    help = (
        "Import a published score table (wide: iso3, year, overall, area columns; optional "
        "edition, series, approach, source), checked like `migdex index check`."
    )
    path_help = "Wide table (CSV/XLSX)."

    def add_import_arguments(self, parser) -> None:
        parser.add_argument("--series", default=None, help="Series (or a 'series' column).")
        parser.add_argument("--framework", default=None, help="Framework for titles and bands.")
        parser.add_argument(
            "--accept-findings",
            action="store_true",
            help="Store despite consistency findings (they are kept and shown).",
        )

    def store(self, table, source: str, o: dict):
        from migdex.web.explorer.loading import import_published

        return import_published(
            table,
            slug=o["dataset"],
            series=o["series"],
            framework=o["framework"],
            title_en=o["title"],
            title_ru=o["title_ru"],
            accept_findings=o["accept_findings"],
            source=source,
        )
