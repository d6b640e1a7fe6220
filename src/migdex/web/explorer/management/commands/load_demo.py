"""``load_demo``: countries, groups, frameworks, published figures and the synthetic demo run."""

from __future__ import annotations

from django.core.management.base import BaseCommand

from migdex.index.synthetic import DEFAULT_YEARS


class Command(BaseCommand):
    help = (
        "Load the demo data (idempotent): countries, EU groups, bundled frameworks, the "
        "published figures and the synthetic demo run (56 countries × 2007–2019)."
    )

    def add_arguments(self, parser):
        parser.add_argument("--countries", help="Comma-separated ISO3 codes (default: all 56).")
        parser.add_argument("--years", help="Comma-separated years (default: 2007–2019).")
        parser.add_argument("--seed", type=int, default=2020, help="Seed of the generator.")

    def handle(self, *args, countries=None, years=None, seed=2020, **options):
        from migdex.web.explorer.loading import load_demo

        iso3 = [c.strip().upper() for c in countries.split(",")] if countries else None
        years_ = tuple(int(y) for y in years.split(",")) if years else DEFAULT_YEARS
        for report in load_demo(iso3=iso3, years=years_, seed=seed):
            self.stdout.write(report.summary)
            for note in report.notes:
                self.stdout.write(f"  note: {note}")
