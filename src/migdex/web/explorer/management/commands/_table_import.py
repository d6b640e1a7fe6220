"""What the explorer's import commands share: the file, the dataset's titles, all-or-nothing.

Each command names its own options and says how to store the table (:meth:`store`); reading
the file, turning refusals into a ``CommandError`` listing every problem, and printing the
report are the same for all. (Django does not list modules starting with ``_`` as commands.)
"""

from __future__ import annotations

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError


class TableImportCommand(BaseCommand):
    """Read ``path`` (CSV/XLSX), hand it to :meth:`store`, print the import report."""

    path_help = "Table (CSV/XLSX)."
    path_optional = False

    def add_arguments(self, parser):
        parser.add_argument("path", nargs="?" if self.path_optional else None, help=self.path_help)
        parser.add_argument("--dataset", required=not self.path_optional, help="Dataset (slug).")
        parser.add_argument("--title", default="", help="Title shown on the site (English).")
        parser.add_argument("--title-ru", default="", help="Title in Russian.")
        self.add_import_arguments(parser)

    def add_import_arguments(self, parser) -> None:
        """The command's own options."""

    def store(self, table, source: str, options: dict):
        """Validate and store ``table`` (read from ``source``); returns an ImportReport."""
        raise NotImplementedError

    def handle(self, *args, **options):
        from migdex.errors import InputError
        from migdex.io import read_table

        path = options["path"]
        try:
            if path is None:
                report = self.store(None, "", options)
            else:
                report = self.store(read_table(Path(path)), Path(path).name, options)
        except InputError as exc:
            raise CommandError(str(exc)) from None
        for line in report.lines():
            self.stdout.write(line)
