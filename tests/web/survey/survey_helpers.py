"""Helpers shared by the survey tests (conftest puts this folder on sys.path)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

TOY = str(Path(__file__).resolve().parents[2] / "fixtures" / "index" / "toy-framework.yaml")
TOY_CODES = ["1", "2", "3", "4", "5", "6", "7"]


@dataclass
class People:
    central: object
    moderator: object
    expert_x: object
    expert_y: object
    reviewer: object
    outsider: object


def make_user(username: str, *groups: str):
    from django.contrib.auth.models import Group, User

    user = User.objects.create_user(username, f"{username}@mail.example", "pw-Secret-123")
    for name in groups:
        user.groups.add(Group.objects.get_or_create(name=name)[0])
    return user


def new_assignment(people: People, *, iso3="RUS", year=2019, expert=None, reviewers=None):
    from migdex.web.survey.workflow import create_assignment

    return create_assignment(
        framework=TOY,
        iso3=iso3,
        year=year,
        expert=expert or people.expert_x,
        reviewers=reviewers if reviewers is not None else [people.reviewer],
    )


def answer_all(assignment, user, options=None, *, skip=()):
    """Answer every toy indicator (``options`` maps code → option; 'a' otherwise)."""
    from migdex.web.survey.answering import save_answer

    options = options or {}
    for a in assignment.answers.order_by("pk"):
        if a.indicator in skip:
            continue
        save_answer(
            assignment,
            a.indicator,
            user,
            {"expert"},
            version=a.version,
            option=options.get(a.indicator, "a"),
            value=None,
            justification=f"Law 115-FZ covers indicator {a.indicator}.",
            sources=[{"law": "115-FZ", "article": "13", "date": "2002-07-25", "url": ""}],
        )


def review_all(assignment, user, disagree=None):
    """Review every answer: agree, except ``disagree`` = {code: (proposed, comment)}."""
    from migdex.web.survey.workflow import save_review

    disagree = disagree or {}
    for code in TOY_CODES:
        proposed, comment = disagree.get(code, ("", ""))
        save_review(
            assignment,
            code,
            user,
            agrees=code not in disagree,
            comment=comment,
            proposed_option=proposed,
        )
