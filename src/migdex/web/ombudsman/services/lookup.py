"""The migrant's own look-up: conservative matching, one-time codes, the notice per ban.

Matching is deliberately strict (a false positive tells someone they are banned
when they are not): the birth date and the document number must be equal, and
the surname and given name must share a :func:`migdex.linkage.skeleton` key
with words of the name typed (any script, any order). The whole person found by
linkage is then shown, so bans filed under other spellings appear together.

Nothing typed is stored: a look-up keeps only keyed hashes.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import secrets
import time
from dataclasses import dataclass

from django.conf import settings
from django.db.models import F
from django.utils import timezone
from django.utils.crypto import constant_time_compare
from django.utils.translation import gettext as _

from migdex.linkage import normalise_document_number, normalise_latin, skeleton
from migdex.web.ombudsman.models import Ban, LookupRequest, Person
from migdex.web.ombudsman.services.notify import send_code

CODE_TTL = dt.timedelta(minutes=10)
MAX_ATTEMPTS = 5
_PATRONYMIC_WORDS = {"UGLI", "OGLI", "OGHLI", "QIZI", "KIZI", "UULU", "KYZY", "KIZY", "ZODA"}


def keyed_hash(*parts: str) -> str:
    """An HMAC of the parts under the site's secret key (for ids that must not be reversible)."""
    message = "\x1f".join(parts).encode()
    return hmac.new(settings.SECRET_KEY.encode(), message, hashlib.sha256).hexdigest()


def normalise_document(number: str) -> str:
    """Capital Latin letters and digits (Cyrillic look-alikes made Latin): linkage's own rule.

    Examples
    --------
    >>> normalise_document(" аа 12-34567 ")
    'AA1234567'
    """
    return normalise_document_number(number) or ""


def name_keys(name: str) -> set[str]:
    """The skeleton of each word typed (MRZ ``<`` as a space; patronymic markers dropped)."""
    words = name.replace("<", " ").replace(",", " ").split()
    return {skeleton(w) for w in words if normalise_latin(w) not in _PATRONYMIC_WORDS} - {""}


def identity_hash(document: str, birth_date: dt.date) -> str:
    """The rate-limit and log key of an identity (no name, date or number is kept)."""
    return keyed_hash("identity", normalise_document(document), birth_date.isoformat())


def record_matches(ban: Ban, keys: set[str], document: str) -> bool:
    """Document number equal and surname (and given name, when recorded) among the name keys."""
    same_document = constant_time_compare(normalise_document(ban.document_number), document)
    surname_ok = skeleton(ban.surname) in keys
    given_ok = not ban.given_name or skeleton(ban.given_name) in keys
    return bool(document) and same_document and surname_ok and given_ok


def match_person(name: str, birth_date: dt.date, document: str) -> Person | None:
    """The one person whose record matches all three; None when none or ambiguous."""
    keys, number = name_keys(name), normalise_document(document)
    candidates = Ban.objects.filter(birth_date=birth_date).select_related("person")
    matches = [ban for ban in candidates if record_matches(ban, keys, number)]
    persons = {ban.person_id for ban in matches}
    if len(persons) != 1 or None in persons:
        return None
    return matches[0].person


def _code_hash(lookup_id: str, code: str) -> str:
    return keyed_hash("code", lookup_id, code)


def start_lookup(name: str, birth_date: dt.date, document: str, *, client: str) -> LookupRequest:
    """Record the look-up and send a one-time code to the contact on file when a record matches.

    The same work is done whether or not a record matches: a code is drawn,
    hashed and a message composed in both cases; only the sending differs.
    """
    person = match_person(name, birth_date, document)
    code = f"{secrets.randbelow(10**6):06d}"
    lookup = LookupRequest(
        client_hash=keyed_hash("client", client),
        identity_hash=identity_hash(document, birth_date),
        expires_at=timezone.now() + CODE_TTL,
        matched=person is not None,
        person=person,
    )
    lookup.code_hash = _code_hash(str(lookup.id), code)
    lookup.save()
    subject = _("Your one-time code for the re-entry ban look-up")
    text = _(
        "Your code is %(code)s. It is valid for 10 minutes. If you did not ask for it, ignore this message."  # noqa: E501
    ) % {"code": code}
    contact = person.bans.exclude(contact_email="", contact_phone="").first() if person else None
    if contact is not None:
        send_code(
            email=contact.contact_email, phone=contact.contact_phone, text=text, subject=subject
        )
    return lookup


def verify_code(lookup: LookupRequest, code: str) -> bool:
    """True once for the right code, before expiry and within :data:`MAX_ATTEMPTS` tries."""
    LookupRequest.objects.filter(pk=lookup.pk).update(attempts=F("attempts") + 1)
    lookup.refresh_from_db()
    expected = _code_hash(str(lookup.id), code.strip())
    right = constant_time_compare(expected, lookup.code_hash)
    usable = lookup.attempts <= MAX_ATTEMPTS and lookup.expires_at > timezone.now()
    if right and usable and lookup.matched and lookup.verified_at is None:
        lookup.verified_at = timezone.now()
        lookup.save(update_fields=["verified_at"])
        return True
    return False


def pad_to(started: float, seconds: float) -> None:
    """Sleep until ``seconds`` have passed since ``started`` (equal timing for every answer)."""
    left = seconds - (time.monotonic() - started)
    if left > 0:
        time.sleep(left)


def effective_end(ban: Ban) -> dt.date | None:
    """The end date as decided, or the start date plus the length in years."""
    if ban.end_date:
        return ban.end_date
    if ban.length_years is None:
        return None
    try:
        return ban.start_date.replace(year=ban.start_date.year + ban.length_years)
    except ValueError:  # 29 February
        return ban.start_date.replace(year=ban.start_date.year + ban.length_years, day=28)


@dataclass(frozen=True)
class Notice:
    """What a migrant must be told about one ban."""

    ban: Ban
    end: dt.date | None
    length_explained: str
    appeal_deadline: dt.date | None


def explain_length(ban: Ban) -> str:
    """How the length of the ban is calculated, in plain words."""
    end = effective_end(ban)
    if ban.length_years is not None:
        text = _(
            "%(years)s years counted from the start date %(start)s, so it ends on %(end)s."
        ) % {
            "years": ban.length_years,
            "start": ban.start_date.isoformat(),
            "end": end.isoformat() if end else "-",
        }
    else:
        text = _(
            "The decision sets the end date %(end)s (%(days)s days after the start date %(start)s)."
        ) % {
            "end": end.isoformat() if end else "-",
            "days": (end - ban.start_date).days if end else "-",
            "start": ban.start_date.isoformat(),
        }
    return f"{text} {ban.length_rule}".strip()


def notice_for(ban: Ban) -> Notice:
    deadline = None
    if ban.appeal_deadline_days is not None:
        deadline = ban.start_date + dt.timedelta(days=ban.appeal_deadline_days)
    return Notice(
        ban=ban,
        end=effective_end(ban),
        length_explained=explain_length(ban),
        appeal_deadline=deadline,
    )


def notices_for(person: Person) -> list[Notice]:
    """One notice per ban of the person, oldest first."""
    bans = person.bans.select_related("agency").order_by("start_date", "agency__code")
    return [notice_for(ban) for ban in bans]
