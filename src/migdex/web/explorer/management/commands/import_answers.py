"""``import_answers``: validate, score and store an answers table (all or nothing)."""

from __future__ import annotations

from ._table_import import TableImportCommand


class Command(TableImportCommand):
    help = (
        "Import indicator answers (CSV/XLSX: iso3, year, indicator, option|value, "
        "justification, source) as a dataset; validated like `migdex index compute`."
    )
    path_help = "Answers file."

    def add_import_arguments(self, parser) -> None:
        parser.add_argument("--framework", default="mipex-2015-reconstructed")
        parser.add_argument("--missing-rule", default=None, help="renormalise, zero or refuse.")

    def store(self, table, source: str, o: dict):
        from migdex.web.explorer.loading import import_answers

        return import_answers(
            table,
            slug=o["dataset"],
            framework=o["framework"],
            title_en=o["title"],
            title_ru=o["title_ru"],
            missing_rule=o["missing_rule"],
            source=source,
        )
