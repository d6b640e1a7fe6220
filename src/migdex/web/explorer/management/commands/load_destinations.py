"""``load_destinations``: the synthetic destination example, or one origin's own answers."""

from __future__ import annotations

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError


class Command(BaseCommand):
    help = (
        "Load destinations compared from one origin for the explorer's destinations page. "
        "Without a file: the SYNTHETIC example (12 destinations seen from Uzbekistan; "
        "idempotent). With a file (iso3 = destination, year, indicator, option|value): "
        "validated like `migdex index compute`, stored all or nothing."
    )

    def add_arguments(self, parser):
        parser.add_argument("path", nargs="?", help="Answers file (CSV/XLSX) of one origin.")
        parser.add_argument("--origin", help="ISO3 code of the origin country (with a file).")
        parser.add_argument("--origin-name", default="", help="The origin's name (English).")
        parser.add_argument("--origin-name-ru", default="", help="The origin's name in Russian.")
        parser.add_argument("--dataset", help="Dataset identifier (slug), with a file.")
        parser.add_argument("--framework", default="destination-attractiveness")
        parser.add_argument("--title", default="", help="Title shown on the site (English).")
        parser.add_argument("--title-ru", default="", help="Title in Russian.")

    def handle(self, *args, **o):
        from migdex.errors import InputError
        from migdex.io import read_table
        from migdex.web.explorer import destinations
        from migdex.web.explorer.loading import ensure_reference_data

        ensure_reference_data()
        try:
            if o["path"] is None:
                report = destinations.load_destination_example()
            else:
                if not o["origin"] or not o["dataset"]:
                    raise CommandError("with a file, give --origin ISO3 and --dataset SLUG")
                path = Path(o["path"])
                report = destinations.load_destination_answers(
                    read_table(path),
                    slug=o["dataset"],
                    framework=o["framework"],
                    origin=o["origin"],
                    origin_names=(o["origin_name"], o["origin_name_ru"]),
                    title_en=o["title"] or o["dataset"],
                    title_ru=o["title_ru"],
                    source=path.name,
                )
        except InputError as exc:
            raise CommandError(str(exc)) from None
        for line in report.lines():
            self.stdout.write(line)
