"""Each persona sees exactly what it should, and the expert and the reviewer only ever see
each other's pseudonym: in pages, in emails and in exports."""

from __future__ import annotations

import io

import pytest
from openpyxl import load_workbook
from survey_helpers import answer_all, review_all

from migdex.web.survey import workflow
from migdex.web.survey.models import EXPERT, State

pytestmark = pytest.mark.django_db


def _identity(user) -> list[str]:
    return [user.username, user.email]


def _pages(assignment) -> list[str]:
    base = f"/en/survey/{assignment.pk}"
    return [f"{base}/", f"{base}/i/1/", f"{base}/history/", f"{base}/diff/"]


def _disputed(assignment, people):
    answer_all(assignment, people.expert_x)
    workflow.transition(assignment, State.SUBMITTED, people.expert_x, {EXPERT})
    review_all(assignment, people.reviewer, {"1": ("b", "Restricted by art. 13.")})
    workflow.finish_review(assignment, people.reviewer)
    workflow.post_message(assignment, "1", people.expert_x, {EXPERT}, "See art. 13.1.")


def test_login_is_required(client, assignment):
    response = client.get(f"/en/survey/{assignment.pk}/")
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_dashboard_lists_only_ones_own_assignments(
    people, assignment, other_assignment, client_for
):
    def listed(user) -> set[int]:
        html = client_for(user).get("/en/survey/").content.decode()
        return {a.pk for a in (assignment, other_assignment) if f'data-assignment="{a.pk}"' in html}

    assert listed(people.central) == {assignment.pk, other_assignment.pk}
    assert listed(people.moderator) == {assignment.pk, other_assignment.pk}
    assert listed(people.expert_x) == {assignment.pk}
    assert listed(people.expert_y) == {other_assignment.pk}
    assert listed(people.reviewer) == {assignment.pk}
    assert listed(people.outsider) == set()


@pytest.mark.parametrize("who", ["expert_y", "outsider"])
def test_strangers_get_404_everywhere(people, assignment, client_for, who):
    c = client_for(getattr(people, who))
    for url in [*_pages(assignment), f"/en/survey/{assignment.pk}/export.xlsx"]:
        assert c.get(url).status_code == 404, url
    assert c.post(f"/en/survey/{assignment.pk}/move/", {"to": "submitted"}).status_code == 404


def test_reviewer_sees_no_draft_answers(people, assignment, client_for):
    answer_all(assignment, people.expert_x)
    c = client_for(people.reviewer)
    html = c.get(f"/en/survey/{assignment.pk}/i/1/").content.decode()
    assert "Law 115-FZ" not in html and "has not submitted" in html
    assert c.get(f"/en/survey/{assignment.pk}/export.xlsx").status_code == 404
    workflow.transition(assignment, State.SUBMITTED, people.expert_x, {EXPERT})
    assert "Law 115-FZ" in c.get(f"/en/survey/{assignment.pk}/i/1/").content.decode()


def test_only_central_team_creates_assignments(people, client_for):
    assert client_for(people.expert_x).get("/en/survey/new/").status_code == 403
    assert client_for(people.moderator).get("/en/survey/new/").status_code == 403
    assert client_for(people.central).get("/en/survey/new/").status_code == 200


def test_create_assignment_form(people, client_for):
    from survey_helpers import TOY

    response = client_for(people.central).post(
        "/en/survey/new/",
        {
            "framework": TOY,
            "iso3": "fin",
            "year": "2020",
            "expert": people.expert_y.pk,
            "reviewers": [people.reviewer.pk],
            "answer_deadline": "2030-01-31",
        },
    )
    assert response.status_code == 302
    from migdex.web.survey.models import Assignment

    a = Assignment.objects.get(iso3="FIN", year=2020)
    assert a.answers.count() == 7 and a.participants.count() == 2


def test_identities_stay_hidden_between_expert_and_reviewer(
    people, assignment, client_for, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        _disputed(assignment, people)
    expert, reviewer = client_for(people.expert_x), client_for(people.reviewer)
    for url in _pages(assignment):
        seen_by_expert = expert.get(url).content.decode()
        seen_by_reviewer = reviewer.get(url).content.decode()
        for secret in _identity(people.reviewer) + _identity(people.moderator):
            assert secret not in seen_by_expert, (url, secret)
        for secret in _identity(people.expert_x) + _identity(people.moderator):
            assert secret not in seen_by_reviewer, (url, secret)
    thread = expert.get(f"/en/survey/{assignment.pk}/i/1/").content.decode()
    assert "Reviewer 1" in thread and "Expert A" in thread
    # Emails: one recipient each, pseudonyms only.
    assert mailoutbox
    for mail in mailoutbox:
        assert len(mail.to) == 1
        others = {people.expert_x.email, people.reviewer.email} - set(mail.to)
        text = mail.subject + mail.body
        for secret in others | {people.expert_x.username, people.reviewer.username}:
            assert secret not in text
    # The export an expert or reviewer can download names nobody.
    data = reviewer.get(f"/en/survey/{assignment.pk}/export.xlsx").content
    wb = load_workbook(io.BytesIO(data))
    cells = " ".join(str(c) for ws in wb for row in ws.iter_rows(values_only=True) for c in row)
    for secret in _identity(people.expert_x) + _identity(people.reviewer):
        assert secret not in cells


def test_moderator_and_central_team_see_identities(people, assignment, client_for):
    _disputed(assignment, people)
    for user in (people.moderator, people.central):
        html = client_for(user).get(f"/en/survey/{assignment.pk}/i/1/").content.decode()
        assert people.reviewer.username in html and people.expert_x.username in html


def test_reviewer_cannot_edit_and_expert_cannot_review_or_decide(people, assignment, client_for):
    answer_all(assignment, people.expert_x)
    a1 = assignment.answers.get(indicator="1")
    r = client_for(people.reviewer).post(
        f"/en/survey/{assignment.pk}/i/1/save/",
        {"version": a1.version, "option": "c", "justification": "mine"},
    )
    assert r.status_code == 400
    workflow.transition(assignment, State.SUBMITTED, people.expert_x, {EXPERT})
    e = client_for(people.expert_x)
    assert e.post(f"/en/survey/{assignment.pk}/i/1/review/", {"agrees": "1"}).status_code == 400
    r = e.post(f"/en/survey/{assignment.pk}/i/1/decide/", {"option": "c", "reason": "x"})
    assert r.status_code == 400
    a1.refresh_from_db()
    assert a1.option == "a" and not a1.reviews.exists()
