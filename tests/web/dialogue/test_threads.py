"""Reading, posting, the guards on posting, language filter, accepted answers, pseudonyms."""

from __future__ import annotations

import pytest

from .conftest import url

pytestmark = pytest.mark.django_db


def _reply(client, thread, body, language="en", **extra):
    return client.post(url("reply", thread.pk), {"body": body, "language": language, **extra})


def test_reading_is_public_and_shows_pseudonyms_only(client, community):
    for page in (url("index"), url("topic", "work"), url("thread", community.thread.pk)):
        response = client.get(page)
        assert response.status_code == 200
        html = response.content.decode()
        assert "Unpaid wages" in html
        for secret in ("ivan.petrov", "olga", "@example.org"):
            assert secret not in html, (page, secret)
    pseudonym = community.thread.author.pseudonym
    assert pseudonym in client.get(url("thread", community.thread.pk)).content.decode()


def test_public_pages_are_never_served_from_the_shared_page_cache(client, community):
    assert "no-store" in client.get(url("thread", community.thread.pk))["Cache-Control"]


def test_posting_needs_login(client, community):
    response = _reply(client, community.thread, "hello")
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]
    assert community.thread.posts.count() == 2


def test_new_thread_is_stored_with_language_and_tags(login, community):
    client = login(community.other)
    response = client.post(
        url("thread_new"),
        {"topic": community.topic.pk, "kind": "discussion", "title": "Ish haqida",
         "body": "Ish haqida savol.", "language": "uz", "tags": "Wages, night shift"},
    )  # fmt: skip
    assert response.status_code == 302
    thread = community.topic.threads.get(title="Ish haqida")
    assert thread.language == "uz" and thread.posts.get().language == "uz"
    assert sorted(thread.tags.values_list("name", flat=True)) == ["night-shift", "wages"]
    tagged = client.post(
        url("thread_new"),
        {"topic": community.topic.pk, "kind": "discussion", "title": "Another",
         "body": "Other text.", "language": "en", "tags": "call 89161234567"},
    )  # fmt: skip
    assert tagged.status_code == 400 and "a phone number" in tagged.content.decode()


def test_reply_is_added(login, community):
    response = _reply(login(community.member), community.thread, "Thank you, I will try.")
    assert response.status_code == 302
    assert community.thread.posts.last().body == "Thank you, I will try."


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ("Call me: +7 916 123 45 67", "a phone number"),
        ("Mail me at ivan@mail.example", "an e-mail address"),
        ("My passport AB5555555 was taken", "a passport or document number"),
    ],
)
def test_personal_data_is_refused_with_a_clear_message(login, community, body, message):
    response = _reply(login(community.member), community.thread, body)
    assert response.status_code == 400
    html = response.content.decode()
    assert "personal data" in html and message in html
    assert not community.thread.posts.filter(body=body).exists()


def test_spam_guard_honeypot_links_and_duplicates(login, community):
    client = login(community.member)
    bot = _reply(client, community.thread, "Buy now", honeypot="http://spam.example")
    assert bot.status_code == 400 and "automated" in bot.content.decode()
    links = "see https://a.example https://b.example https://c.example"
    assert "At most 2 links" in _reply(client, community.thread, links).content.decode()
    assert _reply(client, community.thread, "Same text twice").status_code == 302
    again = _reply(client, community.thread, "same   TEXT twice")
    assert again.status_code == 400 and "already posted" in again.content.decode()
    assert community.thread.posts.count() == 3


def test_posting_is_rate_limited(login, community, settings):
    settings.DIALOGUE_POST_RATE = "3/h"
    client = login(community.member)
    codes = [_reply(client, community.thread, f"message number {i}").status_code for i in range(5)]
    assert codes == [302, 302, 302, 429, 429]
    assert community.thread.posts.count() == 5  # 2 + 3 accepted


def test_language_filter(client, community):
    ru = client.get(url("thread", community.thread.pk, query="lang=ru")).content.decode()
    assert "трудовую инспекцию" in ru and "has not paid me" not in ru
    in_ru = client.get(url("index", query="lang=ru")).context["threads"]
    assert in_ru == [community.thread] and in_ru[0].n_posts == 2  # the count is not filtered
    assert client.get(url("index", query="lang=ky")).context["threads"] == []
    unknown = client.get(url("index", query="lang=xx-nonsense"))
    assert unknown.context["lang"] == "" and len(unknown.context["threads"]) == 1


def test_only_the_asker_marks_the_accepted_answer(login, community):
    accept = url("accept", community.thread.pk, community.answer.pk)
    own_question = url("accept", community.thread.pk, community.question.pk)
    assert login(community.member).post(own_question).status_code == 404
    assert login(community.other).post(accept).status_code == 403
    assert login(community.member).post(accept).status_code == 302
    community.thread.refresh_from_db()
    assert community.thread.accepted_post == community.answer
    page = login(community.member).get(url("thread", community.thread.pk)).content.decode()
    assert "Accepted answer" in page


def test_pseudonym_cannot_be_the_username_or_personal_data(login, community):
    client = login(community.member)
    for bad in ("IVAN.PETROV.PRIVATE", "ivan@example.org"):
        assert client.post(url("profile"), {"pseudonym": bad}).status_code == 200
    client.post(url("profile"), {"pseudonym": "Vanya"})
    community.member.dialogue_participant.refresh_from_db()
    assert community.member.dialogue_participant.pseudonym == "Vanya"


def test_suspended_participant_cannot_post(login, community):
    import datetime as dt

    from django.utils import timezone

    participant = community.member.dialogue_participant
    participant.suspended_until = timezone.now() + dt.timedelta(days=1)
    participant.save()
    response = _reply(login(community.member), community.thread, "let me in")
    assert response.status_code == 403 and "suspended" in response.content.decode()


def test_topic_pages_hold_thirty_threads_each(client, community):
    from migdex.web.dialogue import posting

    for i in range(30):
        posting.start_thread(
            community.thread.author, topic=community.topic, title=f"Thread {i}",
            kind="discussion", body=f"Body {i}", language="ky",
        )  # fmt: skip
    first = client.get(url("topic", "work"))
    assert len(first.context["threads"]) == 30 and 'rel="next"' in first.content.decode()
    second = client.get(url("topic", "work", query="page=2"))
    assert [t.title for t in second.context["threads"]] == ["Unpaid wages"]
    only_ky = client.get(url("topic", "work", query="lang=ky"))
    assert not only_ky.context["page"].has_other_pages()
