"""The state machine, submission completeness, review → dispute → decision → final → published."""

from __future__ import annotations

import pytest
from survey_helpers import TOY_CODES, answer_all, new_assignment, review_all

from migdex.web.survey import workflow
from migdex.web.survey.answering import WorkflowError, confirm_unchanged, missing_answers
from migdex.web.survey.models import CENTRAL, EXPERT, MODERATOR, REVIEWER, State

pytestmark = pytest.mark.django_db


def test_new_assignment_has_one_answer_per_indicator_and_pseudonyms(assignment):
    assert sorted(assignment.answers.values_list("indicator", flat=True)) == sorted(TOY_CODES)
    names = sorted(p.pseudonym for p in assignment.participants.all())
    assert names == ["Expert A", "Reviewer 1"]
    assert assignment.state == State.DRAFT


def test_incomplete_submission_is_refused_with_what_is_missing(assignment, people):
    answer_all(assignment, people.expert_x, skip={"3", "6"})
    with pytest.raises(workflow.IncompleteError) as exc:
        workflow.transition(assignment, State.SUBMITTED, people.expert_x, {EXPERT})
    assert [m.split(" (")[0] for m in exc.value.missing] == ["Indicator 3", "Indicator 6"]
    assert "Residence period" in exc.value.missing[0]
    assignment.refresh_from_db()
    assert assignment.state == State.DRAFT


def test_incomplete_submission_in_the_browser_lists_missing(assignment, people, client_for):
    answer_all(assignment, people.expert_x, skip={"7"})
    c = client_for(people.expert_x)
    response = c.post(f"/en/survey/{assignment.pk}/move/", {"to": "submitted"}, follow=True)
    html = response.content.decode()
    assert "Still missing:" in html and "Indicator 7 (Interpreters): no option chosen" in html
    assert 'data-state="draft"' in html


@pytest.mark.parametrize(
    ("state", "to", "roles"),
    [
        (State.DRAFT, State.PUBLISHED, {CENTRAL}),
        (State.DRAFT, State.FINAL, {MODERATOR}),
        (State.SUBMITTED, State.RESOLVED, {REVIEWER}),
        (State.FINAL, State.PUBLISHED, {MODERATOR}),
        (State.DRAFT, State.SUBMITTED, {REVIEWER}),
        (State.PUBLISHED, State.DRAFT, {CENTRAL}),
    ],
)
def test_illegal_transitions_are_refused(assignment, people, state, to, roles):
    assignment.state = state
    assignment.save()
    with pytest.raises(WorkflowError):
        workflow.transition(assignment, to, people.central, roles)
    assignment.refresh_from_db()
    assert assignment.state == state
    assert not assignment.state_changes.exists()


def test_a_dispute_cannot_be_resolved_before_every_decision(assignment, people):
    answer_all(assignment, people.expert_x)
    workflow.transition(assignment, State.SUBMITTED, people.expert_x, {EXPERT})
    review_all(assignment, people.reviewer, {"1": ("b", "Only with restrictions.")})
    assignment = workflow.finish_review(assignment, people.reviewer)
    assert assignment.state == State.DISPUTED
    with pytest.raises(WorkflowError, match="without a moderator's decision: 1"):
        workflow.transition(assignment, State.RESOLVED, people.moderator, {MODERATOR})
    with pytest.raises(WorkflowError, match="reason"):
        workflow.decide(assignment, "1", people.moderator, {MODERATOR}, option="b", reason=" ")
    with pytest.raises(WorkflowError, match="not disputed"):
        workflow.decide(assignment, "2", people.moderator, {MODERATOR}, option="b", reason="x")
    with pytest.raises(WorkflowError, match="moderator"):
        workflow.decide(assignment, "1", people.expert_x, {EXPERT}, option="b", reason="x")


def test_full_cycle_publishes_into_the_explorer(assignment, people, client, client_for):
    from migdex.web.explorer.models import Dataset, Score

    answer_all(assignment, people.expert_x)
    workflow.transition(assignment, State.SUBMITTED, people.expert_x, {EXPERT})
    review_all(assignment, people.reviewer, {"1": ("c", "Work permits are restricted.")})
    # The disagreement opened the anonymous thread.
    first = assignment.messages.get(indicator="1")
    assert first.author_pseudonym == "Reviewer 1"
    workflow.finish_review(assignment, people.reviewer)
    workflow.post_message(assignment, "1", people.expert_x, {EXPERT}, "Art. 13 says otherwise.")
    workflow.decide(
        assignment, "1", people.moderator, {MODERATOR}, option="c", reason="Art. 13.4 restricts."
    )
    assert assignment.answers.get(indicator="1").option == "c"
    assert not Dataset.objects.filter(slug="survey-toy").exists()  # nothing public yet
    for to, who, roles in [
        (State.RESOLVED, people.moderator, {MODERATOR}),
        (State.FINAL, people.moderator, {MODERATOR}),
    ]:
        workflow.transition(assignment, to, who, roles)
    assert not Dataset.objects.filter(slug="survey-toy").exists()
    assert client.get("/api/v1/datasets").content.decode().count("survey-toy") == 0
    workflow.transition(assignment, State.PUBLISHED, people.central, {CENTRAL})
    overall = Score.objects.get(
        dataset__slug="survey-toy", iso3="RUS", year=2019, level="overall", code="overall"
    )
    # a1: d1 = (0 + 100)/2 = 50, d2 = 100 → 75; a2 = 100; overall = 87.5
    assert overall.score == pytest.approx(87.5)
    page = client.get("/en/country/RUS/?dataset=survey-toy&year=2019")
    assert page.status_code == 200
    assert "88" in page.content.decode() or "87.5" in page.content.decode()
    states = list(assignment.state_changes.values_list("to_state", flat=True))
    assert states == ["submitted", "in_review", "disputed", "resolved", "final", "published"]


def test_agreement_everywhere_goes_straight_to_resolved(assignment, people):
    answer_all(assignment, people.expert_x)
    workflow.transition(assignment, State.SUBMITTED, people.expert_x, {EXPERT})
    review_all(assignment, people.reviewer)
    assert workflow.finish_review(assignment, people.reviewer).state == State.RESOLVED


def test_finishing_before_reviewing_everything_is_refused(assignment, people):
    from migdex.web.survey.workflow import save_review

    answer_all(assignment, people.expert_x)
    workflow.transition(assignment, State.SUBMITTED, people.expert_x, {EXPERT})
    save_review(assignment, "1", people.reviewer, agrees=True, comment="", proposed_option="")
    with pytest.raises(WorkflowError, match="Review every answer"):
        workflow.finish_review(assignment, people.reviewer)


def test_last_years_final_answer_is_prefilled_and_confirmed_with_who(assignment, people):
    answer_all(assignment, people.expert_x, {"2": "b"})
    assignment.state = State.FINAL
    assignment.save()
    nxt = new_assignment(people, year=2020)
    two = nxt.answers.get(indicator="2")
    assert (two.option, two.is_prefilled, two.prefilled_from_year) == ("b", True, 2019)
    assert "not yet confirmed" in " ".join(missing_answers(nxt))
    confirm_unchanged(nxt, "2", people.expert_x, {EXPERT}, version=two.version)
    two.refresh_from_db()
    assert two.confirmed_unchanged_by == people.expert_x and two.confirmed_unchanged_at
    assert not two.is_prefilled
    assert not any(m.startswith("Indicator 2 ") for m in missing_answers(nxt))
