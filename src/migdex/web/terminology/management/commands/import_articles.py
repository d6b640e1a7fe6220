"""``manage.py import_articles FILE [--outlet NAME]``: import a feed or table into the monitor."""

from __future__ import annotations

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from migdex.errors import InputError
from migdex.web.terminology.importing import import_articles


class Command(BaseCommand):
    help = (
        "Import articles (RSS/Atom feed, or CSV/XLSX with date,outlet,title,text[,url,language]) "
        "into the media monitor: all or nothing; already imported articles are skipped."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument("file", type=Path, help="Feed (.xml/.rss/.atom) or table (.csv/.xlsx)")
        parser.add_argument("--outlet", help="Outlet name for every article (default: from file)")
        parser.add_argument(
            "--synthetic", action="store_true", help="Mark the articles as synthetic (demo data)"
        )

    def handle(self, *args, file: Path, outlet: str | None, synthetic: bool, **options) -> None:
        try:
            report = import_articles([file], outlet=outlet, is_synthetic=synthetic)
        except InputError as exc:
            problems = getattr(exc, "problems", None) or [str(exc)]
            raise CommandError(
                "nothing imported:\n" + "\n".join(f"  {p}" for p in problems)
            ) from None
        self.stdout.write(report.summary)
