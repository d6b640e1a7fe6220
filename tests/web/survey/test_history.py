"""Audit trail (who, when, old → new) and the diffs between rounds and between years."""

from __future__ import annotations

import pytest
from survey_helpers import answer_all, new_assignment, review_all

from migdex.web.survey import workflow
from migdex.web.survey.models import EXPERT, MODERATOR, State

pytestmark = pytest.mark.django_db


def _decided(assignment, people):
    answer_all(assignment, people.expert_x)
    workflow.transition(assignment, State.SUBMITTED, people.expert_x, {EXPERT})
    review_all(assignment, people.reviewer, {"2": ("c", "No access to training.")})
    workflow.finish_review(assignment, people.reviewer)
    workflow.decide(assignment, "2", people.moderator, {MODERATOR}, option="c", reason="Art. 5.")


def test_history_records_who_when_old_and_new(people, assignment, client_for):
    _decided(assignment, people)
    rec = assignment.answers.get(indicator="2").history.first()
    assert rec.option == "c" and rec.prev_record.option == "a"
    html = client_for(people.expert_x).get(f"/en/survey/{assignment.pk}/history/").content.decode()
    assert "option: a → c" in html
    assert "Moderator" in html and people.moderator.username not in html


def test_diff_between_rounds_shows_the_moderators_change(people, assignment, client_for):
    _decided(assignment, people)
    html = client_for(people.moderator).get(f"/en/survey/{assignment.pk}/diff/").content.decode()
    assert html.count("data-changed") == 1
    assert 'data-indicator="2" class="changed"' in html


def test_diff_between_years(people, assignment, client_for):
    answer_all(assignment, people.expert_x, {"5": "c"})
    assignment.state = State.FINAL
    assignment.save()
    nxt = new_assignment(people, year=2020)
    a5 = nxt.answers.get(indicator="5")
    from migdex.web.survey.answering import save_answer

    save_answer(
        nxt,
        "5",
        people.expert_x,
        {EXPERT},
        version=a5.version,
        option="a",
        value=None,
        justification="New equality body (2020).",
        sources=[],
    )
    html = client_for(people.expert_x).get(f"/en/survey/{nxt.pk}/diff-years/").content.decode()
    assert "Final answers of 2019" in html
    assert html.count("data-changed") == 1 and 'data-indicator="5" class="changed"' in html
