"""Survey personas and a toy-framework assignment: central team, moderator, experts X and Y,
a reviewer, an outsider. Usernames and emails are distinctive so tests can assert that
pages, emails and exports never show them to the other side.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))

from survey_helpers import People, make_user, new_assignment


@pytest.fixture(autouse=True)
def _fast_passwords(settings):
    """Six personas per test: a fast hasher keeps the suite quick (tests only)."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def people(db) -> People:
    return People(
        central=make_user("olga_central", "central_team"),
        moderator=make_user("marat_moderator", "moderator"),
        expert_x=make_user("xenia_expert", "expert"),
        expert_y=make_user("yuri_expert", "expert"),
        reviewer=make_user("rustam_reviewer", "reviewer"),
        outsider=make_user("oscar_outsider"),
    )


@pytest.fixture
def assignment(people):
    return new_assignment(people)


@pytest.fixture
def other_assignment(people):
    return new_assignment(people, iso3="FIN", expert=people.expert_y, reviewers=[])


@pytest.fixture
def client_for(client):
    from django.test import Client

    def _client(user):
        c = Client()
        c.force_login(user)
        return c

    return _client
