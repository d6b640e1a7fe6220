"""The ombudsman staff's dashboard: who sees it, and what it counts."""

from __future__ import annotations

import pytest

from migdex.web.dialogue.models import Report

from .conftest import url

pytestmark = pytest.mark.django_db


def test_only_staff_and_moderators_see_the_dashboard(client, login, community):
    assert client.get(url("dashboard")).status_code == 302
    assert login(community.member).get(url("dashboard")).status_code == 403
    assert login(community.staff).get(url("dashboard")).status_code == 200
    assert login(community.moderator).get(url("dashboard")).status_code == 200


def test_dashboard_counts_topics_tags_and_open_reports(login, community):
    Report.objects.create(post=community.answer, reporter=community.question.author, reason="spam")
    Report.objects.create(
        post=community.answer, reporter=community.answer.author, reason="spam", status="dismissed"
    )
    response = login(community.staff).get(url("dashboard", lang="ru"))
    context = response.context
    assert context["totals"] == [("Работа", 1, 2)]
    assert context["tags"] == [("wages", 1)]
    reports = dict(context["reports"])
    assert sum(reports.values()) == 1 and list(reports.values()).count(1) == 1
    assert [(r["topic"], r["posts"]) for r in context["months"]] == [("Работа", 2)]
    assert context["chart"]["spec"]["mark"]["type"] == "bar"
    assert 'id="chart-topics-spec"' in response.content.decode()
