"""``manage.py load_ombudsman_demo``: the SYNTHETIC nine-agency register and demo users."""

from __future__ import annotations

from django.core.management.base import BaseCommand

from migdex.web.ombudsman import demo


class Command(BaseCommand):
    help = "Load the synthetic demo register (nine invented agencies) and demo users; idempotent."

    def handle(self, *args, **options) -> None:
        for line in demo.load_register():
            self.stdout.write(line)
        for username, password in demo.load_users():
            self.stdout.write(f"created demo user {username} with password {password} (shown once)")
        self.stdout.write("SYNTHETIC demo register loaded: invented people, not real bans.")
