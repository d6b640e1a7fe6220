"""``manage.py relink``: link the whole register again, re-applying staff decisions."""

from __future__ import annotations

from django.core.management.base import BaseCommand

from migdex.web.ombudsman.services.linking import relink


class Command(BaseCommand):
    help = "Re-link every ban record into persons (staff merge/split decisions are kept)."

    def handle(self, *args, **options) -> None:
        result = relink()
        self.stdout.write(f"re-linked: {result['records']} records, {result['persons']} persons")
