"""SYNTHETIC demo community: topics, threads in five languages, an event, a verified
organisation, one open report and a moderator account. Every item says it is synthetic.

Loading is idempotent: a second run finds everything and changes nothing.
"""

from __future__ import annotations

import datetime as dt
import os
import secrets
from collections.abc import Iterable

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.utils import timezone

from migdex.web.dialogue import posting
from migdex.web.dialogue.models import MODERATOR_GROUP, Event, Participant, Report, Thread, Topic
from migdex.web.dialogue.moderation import verify_organisation

MODERATOR = "dialogue_moderator"
TOPICS = [
    ("work", "Work and pay", {"ru": "Работа и зарплата", "uz": "Ish va maosh",
                              "tg": "Кор ва музд", "ky": "Иш жана айлык"}),
    ("documents", "Documents and permits", {"ru": "Документы и патенты", "uz": "Hujjatlar",
                                            "tg": "Ҳуҷҷатҳо", "ky": "Документтер"}),
    ("housing", "Housing", {"ru": "Жильё", "uz": "Uy-joy", "tg": "Манзил", "ky": "Турак жай"}),
]  # fmt: skip
MEMBERS = [
    ("demo_member_1", "Anvar-demo"),
    ("demo_member_2", "Gulnora-demo"),
    ("demo_member_3", "Timur-demo"),
]
ORG = ("demo_org", "org-demo", "Synthetic Diaspora Association (demo)")
# topic, kind, language, author, title, [(author, language, body)], tags
THREADS = [
    ("documents", "question", "ru", "Anvar-demo", "Как продлить патент? (синтетический пример)",
     [("Anvar-demo", "ru", "Патент заканчивается через месяц. Куда идти? (синтетический текст)"),
      ("org-demo", "ru", "Подайте документы в МВД заранее, мы поможем (синтетический ответ)."),
      ("Timur-demo", "uz", "Men ham shu savolni bergandim (sintetik matn).")],
     ["patent", "mvd"]),
    ("work", "discussion", "en", "Gulnora-demo", "Unpaid wages: what worked for you? (synthetic)",
     [("Gulnora-demo", "en", "My employer delayed pay for two months (synthetic example)."),
      ("Timur-demo", "tg", "Ман ба прокуратура шикоят кардам (матни синтетикӣ)."),
      ("Anvar-demo", "ky", "Биз профсоюзга кайрылдык (синтетикалык текст).")],
     ["wages", "employer"]),
    ("housing", "discussion", "uz", "Timur-demo", "Ijara shartnomasi (sintetik misol)",
     [("Timur-demo", "uz", "Uy egasi shartnoma bermayapti. Nima qilish kerak? (sintetik)"),
      ("Gulnora-demo", "ru", "Просите письменный договор найма (синтетический текст).")],
     ["rent", "patent"]),
]  # fmt: skip


def _user(username: str, *, password: str | None = None):
    """A demo user (members and the organisation cannot log in; the moderator can)."""
    user, is_new = get_user_model().objects.get_or_create(username=username)
    if is_new:
        if password:
            user.set_password(password)
        else:
            user.set_unusable_password()
        user.save()
    return user, is_new


def _participant(username: str, pseudonym: str, **extra) -> Participant:
    user, _new = _user(username)
    participant, _created = Participant.objects.get_or_create(
        user=user, defaults={"pseudonym": pseudonym, "is_synthetic": True, **extra}
    )
    return participant


def load_moderator(password: str | None = None) -> list[str]:
    """The moderator account; a new one gets ``MIGDEX_DEMO_PASSWORD`` or a random password."""
    group, _ = Group.objects.get_or_create(name=MODERATOR_GROUP)
    secret = password or os.environ.get("MIGDEX_DEMO_PASSWORD") or secrets.token_urlsafe(12)
    user, is_new = _user(MODERATOR, password=secret)
    user.groups.add(group)
    _participant(MODERATOR, "moderator-demo")
    line = (
        f"demo moderator account created: {MODERATOR} / {secret} (shown once; SYNTHETIC demo only)"
    )
    return [line] if is_new else []


def _load_threads(people: dict[str, Participant], topics: dict[str, Topic]) -> int:
    created = 0
    for slug, kind, language, author, title, posts, tags in THREADS:
        if Thread.objects.filter(title=title, is_synthetic=True).exists():
            continue
        _first_author, first_lang, first_body = posts[0]
        thread = posting.start_thread(
            people[author], topic=topics[slug], title=title, kind=kind,
            body=first_body, language=first_lang, tags=tags,
        )  # fmt: skip
        for who, lang, body in posts[1:]:
            posting.add_post(thread, people[who], body, lang)
        thread.posts.update(is_synthetic=True)
        Thread.objects.filter(pk=thread.pk).update(is_synthetic=True, language=language)
        created += 1
    return created


def _load_event(organiser: Participant) -> None:
    title = "Legal advice evening for migrant workers (synthetic demo event)"
    Event.objects.get_or_create(
        title=title,
        is_synthetic=True,
        defaults={
            "city": "Moscow",
            "place": "Community centre, room 2 (synthetic address)",
            "starts_at": timezone.now().replace(minute=0, second=0, microsecond=0)
            + dt.timedelta(days=14),
            "description": "Free consultations in Russian, Uzbek and Tajik (synthetic).",
            "language": "ru",
            "organiser": organiser,
        },
    )


def load_demo(password: str | None = None) -> Iterable[str]:
    """Load the synthetic community; returns lines for ``migdex demo`` to print."""
    lines = load_moderator(password)
    moderator = get_user_model().objects.get(username=MODERATOR)
    topics = {}
    for slug, name, names in TOPICS:
        topics[slug], _ = Topic.objects.get_or_create(
            slug=slug, defaults={"name": name, "names": names, "is_synthetic": True}
        )
    people = {pseudonym: _participant(username, pseudonym) for username, pseudonym in MEMBERS}
    org = _participant(ORG[0], ORG[1], organisation_name=ORG[2], is_organisation=True)
    if org.verified_at is None:
        verify_organisation(moderator, org, note="synthetic demo organisation")
    people[org.pseudonym] = org
    created = _load_threads(people, topics)
    _load_event(org)
    if created and not Report.objects.filter(post__is_synthetic=True).exists():
        post = Thread.objects.get(title=THREADS[1][4]).posts.last()
        posting.report_post(post, people["Gulnora-demo"], "off_topic", "synthetic demo report")
    lines.append(
        f"synthetic community: {Topic.objects.count()} topics, "
        f"{Thread.objects.filter(is_synthetic=True).count()} threads, "
        f"{Event.objects.filter(is_synthetic=True).count()} event(s)"
    )
    return lines
