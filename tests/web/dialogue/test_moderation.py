"""Reporting, the moderation queue, moderator actions and their audit."""

from __future__ import annotations

import pytest

from migdex.web.dialogue.models import ModerationAction, Report

from .conftest import url

pytestmark = pytest.mark.django_db


def _report(client, post, reason="hate_speech", note=""):
    return client.post(url("report", post.pk), {"reason": reason, "note": note})


def _act(client, kind, **fields):
    return client.post(url("act"), {"kind": kind, **fields})


@pytest.mark.parametrize("page", ["queue", "audit"])
def test_only_moderators_open_the_queue_and_audit(client, login, community, page):
    assert client.get(url(page)).status_code == 302  # anonymous: to the login page
    for user in (community.member, community.staff):
        assert login(user).get(url(page)).status_code == 403
    assert login(community.moderator).get(url(page)).status_code == 200


def test_a_non_moderator_cannot_hide(login, community):
    response = _act(login(community.member), "hide_thread", thread=community.thread.pk)
    assert response.status_code == 403
    community.thread.refresh_from_db()
    assert not community.thread.is_hidden and not ModerationAction.objects.exists()


def test_report_reaches_the_queue_with_its_reason(login, community):
    response = _report(login(community.member), community.answer, "personal_data", "my name")
    assert response.status_code == 302
    report = Report.objects.get()
    assert (report.reason, report.status, report.note) == ("personal_data", "open", "my name")
    queue = login(community.moderator).get(url("queue", query="reason=personal_data"))
    assert list(queue.context["reports"]) == [report]
    spam = login(community.moderator).get(url("queue", query="reason=spam"))
    assert spam.context["reports"] == []


def test_report_needs_login_and_a_coded_reason(client, login, community):
    assert _report(client, community.answer).status_code == 302
    assert _report(login(community.member), community.answer, "rude").status_code == 400
    assert not Report.objects.exists()


def test_reporting_is_rate_limited(login, community, settings):
    settings.DIALOGUE_REPORT_RATE = "2/h"
    client = login(community.member)
    codes = [_report(client, community.answer, "spam").status_code for _ in range(3)]
    assert codes == [302, 302, 429]


def test_hiding_a_reported_thread_hides_it_from_the_public_and_is_audited(
    client, login, community, settings
):
    settings.MIGDEX_PAGE_CACHE_SECONDS = 600  # the shared page cache must not keep it visible
    thread_url = url("thread", community.thread.pk)
    assert "Unpaid wages" in client.get(thread_url).content.decode()
    _report(login(community.other), community.question, "hate_speech")
    report = Report.objects.get()
    moderator = login(community.moderator)
    response = _act(moderator, "hide_thread", report=report.pk, note="insults in title")
    assert response.status_code == 302
    public = client.get(thread_url).content.decode()
    assert "hidden by a moderator" in public and "has not paid me" not in public
    assert community.thread not in client.get(url("index")).context["threads"]
    report.refresh_from_db()
    assert report.status == "actioned"
    action = ModerationAction.objects.get()
    assert (action.kind, action.reason, action.note, action.moderator) == (
        "hide_thread", "hate_speech", "insults in title", community.moderator,
    )  # fmt: skip
    assert action.thread == community.thread and action.report == report
    audit = moderator.get(url("audit")).content.decode()
    assert "Hide thread" in audit and "insults in title" in audit and "mod.user" in audit


def test_hidden_post_shows_a_placeholder_and_can_be_restored(client, login, community):
    moderator = login(community.moderator)
    _act(moderator, "hide_post", post=community.answer.pk, reason="off_topic")
    page = client.get(url("thread", community.thread.pk)).content.decode()
    assert "трудовую инспекцию" not in page and "This post was hidden by a moderator." in page
    assert (
        "трудовую инспекцию" in moderator.get(url("thread", community.thread.pk)).content.decode()
    )
    _act(moderator, "restore_post", post=community.answer.pk)
    assert "трудовую инспекцию" in client.get(url("thread", community.thread.pk)).content.decode()
    kinds = list(ModerationAction.objects.order_by("id").values_list("kind", flat=True))
    assert kinds == ["hide_post", "restore_post"]


def test_dismiss_warn_and_suspend(login, community):
    reporter = login(community.member)
    moderator = login(community.moderator)
    _report(reporter, community.answer, "spam")
    _act(moderator, "dismiss", report=Report.objects.get().pk, note="not spam")
    assert Report.objects.get().status == "dismissed"
    _report(reporter, community.answer, "hate_speech")
    report = Report.objects.get(status="open")
    _act(moderator, "warn", report=report.pk)
    author = community.answer.author
    author.refresh_from_db()
    assert author.warnings == 1 and not author.is_suspended()
    _act(moderator, "suspend", post=community.answer.pk, reason="hate_speech")
    author.refresh_from_db()
    assert author.is_suspended()
    kinds = sorted(ModerationAction.objects.values_list("kind", flat=True))
    assert kinds == ["dismiss", "suspend", "warn"]
    assert all(a.participant == author for a in ModerationAction.objects.exclude(kind="dismiss"))


@pytest.mark.parametrize(
    "fields",
    [{"kind": "dismiss"}, {"kind": "hide_post"}, {"kind": "explode", "post": 1}],
)
def test_incomplete_actions_are_refused_and_not_audited(login, community, fields):
    response = login(community.moderator).post(url("act"), fields)
    assert response.status_code == 400
    assert not ModerationAction.objects.exists()


def test_next_must_stay_on_the_site(login, community):
    response = _act(
        login(community.moderator), "hide_post", post=community.answer.pk,
        next="https://evil.example/",
    )  # fmt: skip
    assert response["Location"] == url("queue")


def test_verifying_an_organisation_is_audited_and_shows_a_badge(client, community):
    from migdex.web.dialogue.moderation import verify_organisation

    participant = community.answer.author
    participant.organisation_name = "Tajik Community Union"
    participant.save()
    verify_organisation(community.moderator, participant, note="documents checked")
    page = client.get(url("thread", community.thread.pk)).content.decode()
    assert "Tajik Community Union" in page and "verified organisation" in page
    action = ModerationAction.objects.get()
    assert action.kind == "verify_org" and action.participant == participant
    latest = participant.history.first()  # simple-history keeps each change too
    assert latest.verified_by_id == community.moderator.pk and latest.verified_at is not None


def test_admin_action_verifies_named_organisations_only(community):
    from django.contrib.auth import get_user_model
    from django.test import Client

    admin = get_user_model().objects.create_superuser("root", "root@example.org", "pw-12345678")
    named, unnamed = community.answer.author, community.question.author
    named.organisation_name = "Kyrgyz Diaspora"
    named.save()
    client = Client()
    client.force_login(admin)
    client.post(
        "/admin/dialogue/participant/",
        {"action": "verify", "_selected_action": [named.pk, unnamed.pk]},
    )
    named.refresh_from_db()
    unnamed.refresh_from_db()
    assert named.is_verified_organisation and unnamed.verified_at is None
    assert ModerationAction.objects.get().moderator == admin


def test_the_migration_creates_the_moderators_group(login, db):
    """(Called directly: a browser test's flush may have emptied the tables since migrate.)"""
    import importlib

    from django.apps import apps
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group

    from migdex.web.dialogue.models import MODERATOR_GROUP

    migration = importlib.import_module("migdex.web.dialogue.migrations.0002_moderators_group")
    Group.objects.filter(name=MODERATOR_GROUP).delete()
    migration.create_group(apps, None)
    migration.create_group(apps, None)  # idempotent
    user = get_user_model().objects.create_user("new.mod", password="pw-12345678")
    user.groups.add(Group.objects.get(name=MODERATOR_GROUP))
    assert login(user).get(url("queue")).status_code == 200
