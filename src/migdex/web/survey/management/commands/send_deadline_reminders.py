"""``manage.py send_deadline_reminders [--days N]``: for a daily scheduler (cron, systemd)."""

from __future__ import annotations

from django.core.management.base import BaseCommand
from django.utils import timezone

from migdex.web.survey.notifications import send_deadline_reminders


class Command(BaseCommand):
    help = "Email experts and reviewers whose deadline falls within --days days (once a day)."

    def add_arguments(self, parser):
        parser.add_argument("--days", type=int, default=3, help="days before the deadline")

    def handle(self, *args, days: int, **options):
        sent = send_deadline_reminders(timezone.localdate(), days_before=days)
        self.stdout.write(f"{sent} reminder(s) sent")
