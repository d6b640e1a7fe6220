"""``load_destinations``: the synthetic destination example, or one origin's own answers."""

from __future__ import annotations

from django.core.management.base import CommandError

from ._table_import import TableImportCommand


class Command(TableImportCommand):
    help = (
        "Load destinations compared from one origin for the explorer's destinations page. "
        "Without a file: the SYNTHETIC example (12 destinations seen from Uzbekistan; "
        "idempotent). With a file (iso3 = destination, year, indicator, option|value): "
        "validated like `migdex index compute`, stored all or nothing."
    )
    path_help = "Answers file (CSV/XLSX) of one origin."
    path_optional = True

    def add_import_arguments(self, parser) -> None:
        parser.add_argument("--origin", help="ISO3 code of the origin country (with a file).")
        parser.add_argument("--origin-name", default="", help="The origin's name (English).")
        parser.add_argument("--origin-name-ru", default="", help="The origin's name in Russian.")
        parser.add_argument("--framework", default="destination-attractiveness")

    def store(self, table, source: str, o: dict):
        from migdex.web.explorer import destinations
        from migdex.web.explorer.loading import ensure_reference_data

        ensure_reference_data()
        if table is None:
            return destinations.load_destination_example()
        if not o["origin"] or not o["dataset"]:
            raise CommandError("with a file, give --origin ISO3 and --dataset SLUG")
        return destinations.load_destination_answers(
            table,
            slug=o["dataset"],
            framework=o["framework"],
            origin=o["origin"],
            origin_names=(o["origin_name"], o["origin_name_ru"]),
            title_en=o["title"] or o["dataset"],
            title_ru=o["title_ru"],
            source=source,
        )
