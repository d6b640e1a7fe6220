"""``manage.py import_bans AGENCY FILE [--mapping mapping.yaml]``: import one agency's list."""

from __future__ import annotations

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from migdex.errors import InputError
from migdex.web.ombudsman.models import Agency
from migdex.web.ombudsman.services.imports import import_bans, load_mapping, read_table
from migdex.web.ombudsman.services.linking import relink


class Command(BaseCommand):
    help = "Import an agency's ban list (CSV/XLSX) through a column mapping: all or nothing."

    def add_arguments(self, parser) -> None:
        parser.add_argument("agency", help="Agency code, e.g. MVD")
        parser.add_argument("file", type=Path, help="The agency's list (.csv or .xlsx)")
        parser.add_argument("--mapping", type=Path, help="Column mapping (YAML)")
        parser.add_argument("--no-relink", action="store_true", help="Skip re-linking after import")

    def handle(
        self, *args, agency: str, file: Path, mapping: Path | None, no_relink: bool, **options
    ) -> None:
        found = Agency.objects.filter(code=agency).first()
        if found is None:
            raise CommandError(
                f"unknown agency {agency!r}; known: {', '.join(Agency.objects.values_list('code', flat=True))}"  # noqa: E501
            )
        try:
            if not file.exists():
                raise InputError(f"{file}: no such file")
            table = read_table(file.read_bytes(), file.name)
            report = import_bans(
                found, table, load_mapping(mapping or found.column_mapping), source=file.name
            )
        except InputError as exc:
            raise CommandError(str(exc)) from None
        self.stdout.write(report.summary)
        if not no_relink:
            result = relink()
            self.stdout.write(
                f"re-linked: {result['records']} records, {result['persons']} persons"
            )
