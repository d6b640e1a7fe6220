"""State changes and the review/dispute/decision steps.

The allowed changes and who may make them are the table
:data:`migdex.web.survey.models.TRANSITIONS`; this module adds the guards (a
submission must be complete, a dispute needs every disagreement decided) and the
side effects (rounds, notifications, publishing into the explorer).
"""

from __future__ import annotations

import datetime as dt

from django.db import transaction
from django.utils.translation import gettext as _

from migdex.index.framework import NOT_APPLICABLE
from migdex.web.explorer.loading import framework_row
from migdex.web.survey import notifications
from migdex.web.survey.answering import (
    WorkflowError,
    check_choice,
    framework_of,
    missing_answers,
)
from migdex.web.survey.models import (
    CENTRAL,
    EXPERT,
    MODERATOR,
    REVIEWER,
    TRANSITIONS,
    Answer,
    Assignment,
    DiscussionMessage,
    ModeratorDecision,
    Participant,
    Review,
    State,
    StateChange,
)


class IncompleteError(WorkflowError):
    """A submission with unanswered indicators; ``missing`` lists them."""

    def __init__(self, missing: list[str]):
        super().__init__(_("The questionnaire is not complete."))
        self.missing = missing


FINISHED = (State.FINAL, State.PUBLISHED)


@transaction.atomic
def create_assignment(
    *,
    framework: str,
    iso3: str,
    year: int,
    expert,
    reviewers: list,
    answer_deadline: dt.date | None = None,
    review_deadline: dt.date | None = None,
) -> Assignment:
    """Create an assignment, its pseudonyms and its answers, pre-filled from last year's final."""
    row, fw = framework_row(framework)
    assignment = Assignment.objects.create(
        framework=row,
        framework_version=fw.spec.version,
        iso3=iso3.upper(),
        year=year,
        answer_deadline=answer_deadline,
        review_deadline=review_deadline,
    )
    Participant.objects.create(assignment=assignment, user=expert, role=EXPERT, label="A")
    for n, reviewer in enumerate(reviewers, start=1):
        Participant.objects.create(
            assignment=assignment, user=reviewer, role=REVIEWER, label=str(n)
        )
    previous = previous_final(assignment)
    before = {a.indicator: a for a in previous.answers.all()} if previous else {}
    for place in fw.places:
        old = before.get(place.indicator.code)
        Answer.objects.create(
            assignment=assignment,
            indicator=place.indicator.code,
            option=old.option if old else "",
            value=old.value if old else None,
            justification=old.justification if old else "",
            sources=list(old.sources) if old else [],
            is_prefilled=old is not None and old.is_answered,
            prefilled_from_year=previous.year if old else None,
        )
    transaction.on_commit(lambda: notifications.assignment_created(assignment))
    return assignment


def previous_final(assignment: Assignment) -> Assignment | None:
    """The same framework and country's latest earlier final (or published) assignment."""
    return (
        Assignment.objects.filter(
            framework=assignment.framework,
            iso3=assignment.iso3,
            year__lt=assignment.year,
            state__in=FINISHED,
        )
        .order_by("-year")
        .first()
    )


def allowed_transitions(assignment: Assignment, roles: set[str]) -> list[str]:
    """The states ``roles`` may move the assignment to now (guards are checked on the move)."""
    return [
        to
        for (frm, to), allowed in TRANSITIONS.items()
        if frm == assignment.state and roles & allowed
    ]


@transaction.atomic
def transition(assignment: Assignment, to_state: str, user, roles: set[str]) -> Assignment:
    """Move the assignment to ``to_state`` if the table, the roles and the guards allow it."""
    locked = Assignment.objects.select_for_update().get(pk=assignment.pk)
    assignment.state, assignment.round = locked.state, locked.round
    key = (assignment.state, to_state)
    if key not in TRANSITIONS:
        raise WorkflowError(
            _("An assignment cannot go from %(frm)s to %(to)s.")
            % {"frm": State(assignment.state).label, "to": _state_label(to_state)}
        )
    if not roles & TRANSITIONS[key]:
        raise WorkflowError(_("Your role does not allow this step."))
    _check_guard(assignment, to_state)
    frm = assignment.state
    if to_state == State.SUBMITTED:
        assignment.round += 1
    assignment.state = to_state
    assignment._history_user = user
    assignment.save()
    StateChange.objects.create(
        assignment=assignment, from_state=frm, to_state=to_state, round=assignment.round, by=user
    )
    if to_state == State.PUBLISHED:
        from migdex.web.survey.publishing import publish_framework

        publish_framework(assignment.framework)
    transaction.on_commit(lambda: notifications.state_changed(assignment, frm, to_state))
    return assignment


def _state_label(code: str) -> str:
    try:
        return str(State(code).label)
    except ValueError:
        return code


def _check_guard(assignment: Assignment, to_state: str) -> None:
    if to_state == State.SUBMITTED:
        missing = missing_answers(assignment, _lang())
        if missing:
            raise IncompleteError(missing)
    if assignment.state == State.IN_REVIEW and to_state in (State.DISPUTED, State.RESOLVED):
        unreviewed = [p.pseudonym for p in reviewers_pending(assignment)]
        if unreviewed:
            raise WorkflowError(
                _("Not every answer has been reviewed yet (%(who)s).")
                % {"who": ", ".join(unreviewed)}
            )
        has_dispute = bool(disputed_indicators(assignment))
        if has_dispute != (to_state == State.DISPUTED):
            raise WorkflowError(
                _("The review has disagreements: the assignment goes to a dispute.")
                if has_dispute
                else _("The reviewers agree with every answer: nothing to dispute.")
            )
    if to_state == State.RESOLVED and assignment.state == State.DISPUTED:
        open_ = undecided_indicators(assignment)
        if open_:
            raise WorkflowError(
                _("Disputed indicators without a moderator's decision: %(codes)s.")
                % {"codes": ", ".join(open_)}
            )


def _lang() -> str:
    from migdex.web.explorer.services import language

    return language()


# --- review ----------------------------------------------------------------------------------


def reviewers_pending(assignment: Assignment) -> list[Participant]:
    """Reviewers who have not yet reviewed every answer of the current round."""
    n_answers = assignment.answers.count()
    pending = []
    for p in assignment.participants.filter(role=REVIEWER):
        done = Review.objects.filter(reviewer=p, round=assignment.round).count()
        if done < n_answers:
            pending.append(p)
    return pending


def disputed_indicators(assignment: Assignment) -> list[str]:
    codes = Review.objects.filter(
        answer__assignment=assignment, round=assignment.round, agrees=False
    ).values_list("answer__indicator", flat=True)
    return sorted(set(codes), key=_order(assignment))


def undecided_indicators(assignment: Assignment) -> list[str]:
    decided = set(assignment.decisions.values_list("indicator", flat=True))
    return [c for c in disputed_indicators(assignment) if c not in decided]


def _order(assignment: Assignment):
    position = {code: i for i, code in enumerate(framework_of(assignment).indicators)}
    return lambda code: position.get(code, len(position))


@transaction.atomic
def save_review(
    assignment: Assignment,
    indicator: str,
    user,
    *,
    agrees: bool,
    comment: str,
    proposed_option: str,
) -> Review:
    """Record one reviewer's verdict; a disagreement opens the indicator's discussion thread."""
    assignment.refresh_from_db(fields=["state", "round"])
    reviewer = assignment.participants.filter(user_id=user.pk, role=REVIEWER).first()
    if reviewer is None:
        raise WorkflowError(_("Only the assignment's reviewers can review it."))
    if assignment.state == State.SUBMITTED:
        assignment = transition(assignment, State.IN_REVIEW, user, {REVIEWER})
    if assignment.state != State.IN_REVIEW:
        raise WorkflowError(_("The assignment is not open for review."))
    answer = Answer.objects.get(assignment=assignment, indicator=indicator)
    if not agrees:
        if not comment.strip() or not proposed_option:
            raise WorkflowError(_("A disagreement needs a comment and a proposed option."))
        ind = framework_of(assignment).indicators[indicator]
        check_choice(ind, proposed_option, None)
    review = Review.objects.filter(answer=answer, reviewer=reviewer, round=assignment.round).first()
    review = review or Review(answer=answer, reviewer=reviewer, round=assignment.round)
    review.agrees, review.comment = agrees, comment.strip()
    review.proposed_option = "" if agrees else proposed_option
    review._history_user = user
    review.save()
    if not agrees and not assignment.messages.filter(indicator=indicator, author=user).exists():
        opening = DiscussionMessage(
            assignment=assignment,
            indicator=indicator,
            author=user,
            author_pseudonym=reviewer.pseudonym,
            text=comment.strip(),
        )
        opening._history_user = user
        opening.save()
    return review


def finish_review(assignment: Assignment, user) -> Assignment:
    """A reviewer is done: when every reviewer is done, go to disputed or resolved."""
    assignment.refresh_from_db(fields=["state", "round"])
    if reviewers_pending(assignment):
        mine = assignment.participants.filter(user_id=user.pk, role=REVIEWER).first()
        if mine in reviewers_pending(assignment):
            raise WorkflowError(_("Review every answer before finishing the review."))
        return assignment
    to = State.DISPUTED if disputed_indicators(assignment) else State.RESOLVED
    return transition(assignment, to, user, {REVIEWER})


# --- discussion and decisions ----------------------------------------------------------------


def post_message(assignment: Assignment, indicator: str, user, roles: set[str], text: str):
    """Add a message to the indicator's anonymous thread (participants and moderators)."""
    assignment.refresh_from_db(fields=["state", "round"])
    if not text.strip():
        raise WorkflowError(_("The message is empty."))
    if assignment.state not in (State.IN_REVIEW, State.DISPUTED):
        raise WorkflowError(_("The discussion is closed."))
    mine = assignment.participants.filter(user_id=user.pk).first()
    if mine is not None:
        pseudonym = mine.pseudonym
    elif roles & {MODERATOR, CENTRAL}:
        pseudonym = "Moderator" if MODERATOR in roles else "Central team"
    else:
        raise WorkflowError(_("You take no part in this assignment."))
    message = DiscussionMessage(
        assignment=assignment,
        indicator=indicator,
        author=user,
        author_pseudonym=pseudonym,
        text=text.strip(),
    )
    message._history_user = user
    message.save()
    transaction.on_commit(lambda: notifications.message_posted(message))
    return message


@transaction.atomic
def decide(
    assignment: Assignment,
    indicator: str,
    user,
    roles: set[str],
    *,
    option: str,
    reason: str,
) -> ModeratorDecision:
    """The moderator's final word on a disputed indicator; the answer takes the decided option."""
    assignment.refresh_from_db(fields=["state", "round"])
    if not roles & {MODERATOR, CENTRAL}:
        raise WorkflowError(_("Only a moderator decides disputes."))
    if assignment.state != State.DISPUTED:
        raise WorkflowError(_("The assignment has no open dispute."))
    if indicator not in disputed_indicators(assignment):
        raise WorkflowError(_("Indicator %(code)s is not disputed.") % {"code": indicator})
    if not reason.strip():
        raise WorkflowError(_("A decision needs its reason."))
    ind = framework_of(assignment).indicators[indicator]
    value = None
    if ind.is_numeric and option != NOT_APPLICABLE:
        try:
            value, option = float(option), ""
        except ValueError:
            msg = _("Indicator %(code)s takes a number.") % {"code": indicator}
            raise WorkflowError(msg) from None
    check_choice(ind, option, value)
    if not option and value is None:
        raise WorkflowError(_("Choose the decided option."))
    decision = ModeratorDecision.objects.filter(assignment=assignment, indicator=indicator).first()
    decision = decision or ModeratorDecision(assignment=assignment, indicator=indicator)
    decision.option, decision.value, decision.reason = option, value, reason.strip()
    decision.decided_by = user
    decision._history_user = user
    decision.save()
    answer = Answer.objects.select_for_update().get(assignment=assignment, indicator=indicator)
    if (answer.option, answer.value) != (option, value):
        answer.option, answer.value = option, value
        answer.version += 1
        answer.updated_by = user
        answer._history_user = user
        answer.save()
    transaction.on_commit(lambda: notifications.decision_made(decision))
    return decision
