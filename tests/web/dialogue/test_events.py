"""Local events: listing by city, RSVP counts, one answer per participant."""

from __future__ import annotations

import datetime as dt

import pytest
from django.utils import timezone

from .conftest import url

pytestmark = pytest.mark.django_db


@pytest.fixture
def event(community):
    from migdex.web.dialogue.models import Event

    soon = timezone.now() + dt.timedelta(days=3)
    Event.objects.create(
        title="Old meeting", city="Kazan", place="Library", language="ru",
        starts_at=timezone.now() - dt.timedelta(days=3), organiser=community.thread.author,
    )  # fmt: skip
    return Event.objects.create(
        title="Legal advice evening", city="Moscow", place="Community centre", language="ru",
        starts_at=soon, organiser=community.thread.author,
    )  # fmt: skip


def test_list_shows_upcoming_and_filters_by_city(client, event):
    assert [e.title for e in client.get(url("events")).context["events"]] == [event.title]
    past = client.get(url("events", query="past=1")).context["events"]
    assert [e.title for e in past] == ["Old meeting"]
    assert client.get(url("events", query="city=kazan")).context["events"] == []
    assert client.get(url("events", query="city=moscow")).context["events"] == [event]


def test_rsvp_counts_and_changing_ones_answer(login, client, community, event):
    rsvp = url("rsvp", event.pk)
    assert client.post(rsvp, {"answer": "going"}).status_code == 302  # to login
    login(community.member).post(rsvp, {"answer": "going"})
    other = login(community.other)
    other.post(rsvp, {"answer": "going"})
    assert client.get(url("event", event.pk)).context["counts"] == {"going": 2, "not_going": 0}
    other.post(rsvp, {"answer": "not_going"})
    page = other.get(url("event", event.pk))
    assert page.context["counts"] == {"going": 1, "not_going": 1}
    assert page.context["mine"] == "not_going"
    other.post(rsvp, {"answer": "maybe"})
    assert event.rsvps.count() == 2


def test_new_event_goes_through_the_personal_data_guard(login, community):
    client = login(community.member)
    data = {
        "title": "Football on Sunday", "city": "Saint Petersburg", "place": "Park",
        "starts_at": "2027-05-01T12:00", "language": "tg",
        "description": "Call +7 921 555 44 33 to join",
    }  # fmt: skip
    refused = client.post(url("event_new"), data)
    assert refused.status_code == 400 and "personal data" in refused.content.decode()
    data["description"] = "Everyone welcome."
    past = client.post(url("event_new"), {**data, "starts_at": "2020-05-01T12:00"})
    assert past.status_code == 400 and "in the future" in past.content.decode()
    assert client.post(url("event_new"), data).status_code == 302
    from migdex.web.dialogue.models import Event

    assert Event.objects.get(title="Football on Sunday").organiser.user == community.member


def test_moderator_hides_an_event_and_it_is_audited(client, login, community, event):
    from migdex.web.dialogue.models import ModerationAction

    assert (
        login(community.member)
        .post(url("act"), {"kind": "hide_event", "event": event.pk})
        .status_code
        == 403
    )
    moderator = login(community.moderator)
    response = moderator.post(
        url("act"), {"kind": "hide_event", "event": event.pk, "reason": "spam"}
    )
    assert response.status_code == 302
    assert client.get(url("event", event.pk)).status_code == 404
    assert event not in client.get(url("events")).context["events"]
    assert "hidden from the public" in moderator.get(url("event", event.pk)).content.decode()
    action = ModerationAction.objects.get()
    assert (action.kind, action.event, action.participant) == ("hide_event", event, event.organiser)
    assert event.title in moderator.get(url("audit")).content.decode()
    moderator.post(url("act"), {"kind": "restore_event", "event": event.pk})
    assert client.get(url("event", event.pk)).status_code == 200
    assert moderator.post(url("act"), {"kind": "hide_event"}).status_code == 400
