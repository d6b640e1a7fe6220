"""``import_answers``: validate, score and store an answers table (all or nothing)."""

from __future__ import annotations

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError


class Command(BaseCommand):
    help = (
        "Import indicator answers (CSV/XLSX: iso3, year, indicator, option|value, "
        "justification, source) as a dataset; validated like `migdex index compute`."
    )

    def add_arguments(self, parser):
        parser.add_argument("path", help="Answers file.")
        parser.add_argument("--dataset", required=True, help="Dataset identifier (slug).")
        parser.add_argument("--framework", default="mipex-2015-reconstructed")
        parser.add_argument("--title", default="", help="Title shown on the site (English).")
        parser.add_argument("--title-ru", default="", help="Title in Russian.")
        parser.add_argument("--missing-rule", default=None, help="renormalise, zero or refuse.")

    def handle(self, *args, **o):
        from migdex.errors import InputError
        from migdex.io import read_table
        from migdex.web.explorer.loading import import_answers

        path = Path(o["path"])
        try:
            report = import_answers(
                read_table(path),
                slug=o["dataset"],
                framework=o["framework"],
                title_en=o["title"],
                title_ru=o["title_ru"],
                missing_rule=o["missing_rule"],
                source=path.name,
            )
        except InputError as exc:
            raise CommandError(str(exc)) from None
        for line in report.lines():
            self.stdout.write(line)
