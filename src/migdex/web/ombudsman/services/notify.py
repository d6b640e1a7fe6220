"""Sending the one-time code: e-mail through Django's backend, SMS through a pluggable one."""

from __future__ import annotations

import sys

from django.conf import settings
from django.core.mail import send_mail
from django.utils.module_loading import import_string


class ConsoleSMSBackend:
    """Writes the SMS to standard output (development); never to the application log."""

    def send(self, phone: str, text: str) -> None:
        masked = phone[:3] + "…" + phone[-2:] if len(phone) > 5 else "…"
        sys.stdout.write(f"SMS to {masked}: {text}\n")


class LocmemSMSBackend:
    """Keeps sent messages in ``outbox`` (tests)."""

    outbox: list[tuple[str, str]] = []

    def send(self, phone: str, text: str) -> None:
        self.outbox.append((phone, text))


def send_code(*, email: str, phone: str, text: str, subject: str) -> str:
    """Send ``text`` to the contact on file; returns the channel used (``""`` when none)."""
    if email:
        send_mail(subject, text, settings.DEFAULT_FROM_EMAIL, [email])
        return "email"
    if phone:
        import_string(settings.OMBUDSMAN_SMS_BACKEND)().send(phone, text)
        return "sms"
    return ""
