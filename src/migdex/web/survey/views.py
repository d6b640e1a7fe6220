"""Survey pages: plain functions that check who may act, call the workflow and render.

Every page needs a login; an assignment the user takes no part in is a 404.
"""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.files.storage import default_storage
from django.http import FileResponse, Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from migdex.errors import InputError
from migdex.web.explorer.services import language
from migdex.web.survey import answering, history, workflow, xlsx
from migdex.web.survey.forms import (
    AnswerForm,
    AssignmentForm,
    DecisionForm,
    ImportForm,
    MessageForm,
    ReviewForm,
    option_choices,
    sources_from_post,
)
from migdex.web.survey.models import (
    CENTRAL,
    EXPERT,
    MODERATOR,
    REVIEWER,
    Answer,
    Assignment,
    State,
)
from migdex.web.survey.publishing import dataset_slug, format_sources
from migdex.web.survey.roles import get_assignment, is_central, name_for, roles_in
from migdex.web.survey.roles import visible_assignments as _visible

STAFF = {MODERATOR, CENTRAL}


def _can_see_answers(assignment: Assignment, roles: set[str]) -> bool:
    """Reviewers see answers only once submitted; the expert and the staff always."""
    return bool(roles & (STAFF | {EXPERT})) or assignment.state != State.DRAFT


@login_required
def dashboard(request: HttpRequest) -> HttpResponse:
    rows = []
    for a in _visible(request.user):
        roles = roles_in(request.user, a)
        rows.append(
            {
                "assignment": a,
                "roles": sorted(roles),
                "progress": answering.progress(a, language()) if roles & (STAFF | {EXPERT}) else [],
            }
        )
    return render(
        request,
        "survey/dashboard.html",
        {"rows": rows, "can_create": is_central(request.user)},
    )


@login_required
def create(request: HttpRequest) -> HttpResponse:
    if not is_central(request.user):
        raise PermissionDenied
    form = AssignmentForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        d = form.cleaned_data
        try:
            a = workflow.create_assignment(
                framework=d["framework"],
                iso3=d["iso3"],
                year=d["year"],
                expert=d["expert"],
                reviewers=list(d["reviewers"]),
                answer_deadline=d["answer_deadline"],
                review_deadline=d["review_deadline"],
            )
        except InputError as exc:
            form.add_error("framework", str(exc))
        else:
            return redirect("survey:assignment", a.pk)
    return render(request, "survey/assignment_form.html", {"form": form})


@login_required
def assignment(request: HttpRequest, pk: int) -> HttpResponse:
    a = get_assignment(request.user, pk)
    roles = roles_in(request.user, a)
    lang = language()
    fw = answering.framework_of(a)
    shows = _can_see_answers(a, roles)
    answers = {x.indicator: x for x in a.answers.all()} if shows else {}
    disputed = set(workflow.disputed_indicators(a))
    decided = set(a.decisions.values_list("indicator", flat=True))
    areas = []
    for area in fw.areas:
        items = [
            {
                "code": p.indicator.code,
                "title": fw.text(p.indicator.title, lang),
                "answer": answers.get(p.indicator.code),
                "is_complete": answering.is_complete(answers.get(p.indicator.code)),
                "is_disputed": p.indicator.code in disputed,
                "is_decided": p.indicator.code in decided,
            }
            for p in fw.places
            if p.area == area.code
        ]
        areas.append({"title": fw.text(area.title, lang), "items": items})
    me = [p.pseudonym for p in a.participants.filter(user_id=request.user.pk)]
    context = {
        "a": a,
        "roles": roles,
        "me": me,
        "framework_title": fw.describe(lang),
        "areas": areas,
        "progress": answering.progress(a, lang) if shows else [],
        "moves": [
            to
            for to in workflow.allowed_transitions(a, roles)
            if not (a.state == State.IN_REVIEW and to in (State.DISPUTED, State.RESOLVED))
        ],
        "is_reviewer": REVIEWER in roles,
        "is_expert": EXPERT in roles,
        "missing": request.session.pop(f"survey-missing-{a.pk}", []),
        "dataset_slug": dataset_slug(a.framework),
        "participants": [name_for(request.user, p.user_id, a) for p in a.participants.all()],
    }
    return render(request, "survey/assignment.html", context)


def _indicator_context(request, a: Assignment, code: str, roles: set[str], **extra) -> dict:
    lang = language()
    fw = answering.framework_of(a)
    ind = fw.indicators.get(code)
    if ind is None:
        raise Http404("no such indicator")
    shows = _can_see_answers(a, roles)
    answer = a.answers.get(indicator=code) if shows else None
    choices = option_choices(fw, ind, lang)
    reviews = []
    if answer is not None and (
        roles & (STAFF | {REVIEWER}) or a.state not in (State.SUBMITTED, State.IN_REVIEW)
    ):
        for r in answer.reviews.select_related("reviewer").order_by("round", "reviewer"):
            reviews.append({"r": r, "who": name_for(request.user, r.reviewer.user_id, a)})
    thread = [
        {"m": m, "who": name_for(request.user, m.author_id, a)}
        for m in a.messages.filter(indicator=code)
    ]
    disputed = code in workflow.disputed_indicators(a)
    mine = None
    if REVIEWER in roles and answer is not None:
        me = a.participants.filter(user_id=request.user.pk, role=REVIEWER).first()
        mine = answer.reviews.filter(reviewer=me, round=a.round).first()
    decision = a.decisions.filter(indicator=code).first()
    codes = list(fw.indicators)
    i = codes.index(code)
    sources = [
        {**s, "name": (s.get("attachment") or "").rsplit("/", 1)[-1]}
        for s in (answer.sources if answer else [])
    ]
    ctx = {
        "a": a,
        "roles": roles,
        "ind": ind,
        "code": code,
        "title": fw.text(ind.title, lang),
        "question": fw.text(ind.question, lang) if ind.question else "",
        "guidance": fw.text(ind.guidance, lang) if ind.guidance else "",
        "choices": choices,
        "answer": answer,
        "answer_label": dict(choices).get(answer.option, answer.option) if answer else "",
        "sources": [*sources, {}],
        "shown_sources": sources,
        "can_edit": EXPERT in roles and a.state == State.DRAFT,
        "can_review": REVIEWER in roles and a.state in (State.SUBMITTED, State.IN_REVIEW),
        "can_discuss": bool(thread or disputed)
        and a.state in (State.IN_REVIEW, State.DISPUTED)
        and bool(roles),
        "can_decide": bool(roles & STAFF) and a.state == State.DISPUTED and disputed,
        "reviews": reviews,
        "thread": thread,
        "decision": decision,
        "decided_by": name_for(request.user, decision.decided_by_id, a) if decision else "",
        "confirmed_by": name_for(request.user, answer.confirmed_unchanged_by_id, a)
        if answer and answer.confirmed_unchanged_by_id
        else "",
        "review_form": ReviewForm(
            choices=choices,
            initial={
                "agrees": "1" if mine is None or mine.agrees else "0",
                "comment": mine.comment if mine else "",
                "proposed_option": mine.proposed_option if mine else "",
            },
        ),
        "message_form": MessageForm(),
        "decision_form": DecisionForm(choices=None if ind.is_numeric else choices),
        "previous": codes[i - 1] if i else None,
        "next": codes[i + 1] if i + 1 < len(codes) else None,
    }
    ctx.update(extra)
    return ctx


@login_required
def indicator(request: HttpRequest, pk: int, code: str) -> HttpResponse:
    a = get_assignment(request.user, pk)
    roles = roles_in(request.user, a)
    return render(request, "survey/indicator.html", _indicator_context(request, a, code, roles))


@login_required
@require_POST
def save(request: HttpRequest, pk: int, code: str) -> HttpResponse:
    """Save an answer (form post or autosave); a stale version gets the conflict screen (409)."""
    a = get_assignment(request.user, pk)
    roles = roles_in(request.user, a)
    fw = answering.framework_of(a)
    ind = fw.indicators.get(code)
    if ind is None:
        raise Http404("no such indicator")
    is_autosave = request.headers.get("X-Autosave") == "1"
    form = AnswerForm(request.POST, fw=fw, indicator=ind, lang=language())
    if not form.is_valid():
        return _refused(request, a, code, roles, form.errors.as_text(), is_autosave)
    d = form.cleaned_data
    try:
        answer = answering.save_answer(
            a,
            code,
            request.user,
            roles,
            version=d["version"],
            option=d.get("option") or "",
            value=d.get("value"),
            justification=d["justification"],
            sources=sources_from_post(request.POST, request.FILES, a.pk),
        )
    except answering.ConflictError as conflict:
        return _conflict(request, a, code, conflict, is_autosave)
    except InputError as exc:
        return _refused(request, a, code, roles, str(exc), is_autosave)
    if is_autosave:
        return JsonResponse({"ok": True, "version": answer.version})
    messages.success(request, _("Answer saved."))
    return redirect("survey:indicator", a.pk, code)


def _refused(request, a, code, roles, message: str, is_autosave: bool) -> HttpResponse:
    if is_autosave:
        return JsonResponse({"ok": False, "error": message}, status=400)
    ctx = _indicator_context(request, a, code, roles, error=message)
    return render(request, "survey/indicator.html", ctx, status=400)


def _conflict(request, a, code, conflict: answering.ConflictError, is_autosave) -> HttpResponse:
    theirs = answering.answer_fields(conflict.current)
    if is_autosave:
        return JsonResponse(
            {
                "ok": False,
                "conflict": True,
                "version": conflict.current.version,
                "yours": conflict.yours,
                "theirs": theirs,
            },
            status=409,
        )
    ctx = {
        "a": a,
        "code": code,
        "current": conflict.current,
        "who": name_for(request.user, conflict.current.updated_by_id, a),
        "yours": {**conflict.yours, "sources_text": format_sources(conflict.yours["sources"])},
        "theirs": {**theirs, "sources_text": format_sources(theirs["sources"])},
        "yours_sources": conflict.yours["sources"],
    }
    return render(request, "survey/conflict.html", ctx, status=409)


@login_required
@require_POST
def confirm(request: HttpRequest, pk: int, code: str) -> HttpResponse:
    a = get_assignment(request.user, pk)
    roles = roles_in(request.user, a)
    try:
        version = int(request.POST.get("version", "0"))
        answering.confirm_unchanged(a, code, request.user, roles, version=version)
    except answering.ConflictError as conflict:
        return _conflict(request, a, code, conflict, False)
    except (InputError, ValueError, Answer.DoesNotExist) as exc:
        return _refused(request, a, code, roles, str(exc), False)
    messages.success(request, _("Confirmed unchanged."))
    return redirect("survey:indicator", a.pk, code)


@login_required
@require_POST
def review(request: HttpRequest, pk: int, code: str) -> HttpResponse:
    a = get_assignment(request.user, pk)
    roles = roles_in(request.user, a)
    fw = answering.framework_of(a)
    if code not in fw.indicators:
        raise Http404("no such indicator")
    form = ReviewForm(request.POST, choices=option_choices(fw, fw.indicators[code], language()))
    if not form.is_valid():
        return _refused(request, a, code, roles, form.errors.as_text(), False)
    try:
        workflow.save_review(a, code, request.user, **form.cleaned_data)
    except InputError as exc:
        return _refused(request, a, code, roles, str(exc), False)
    messages.success(request, _("Review saved."))
    return redirect("survey:indicator", a.pk, code)


@login_required
@require_POST
def message(request: HttpRequest, pk: int, code: str) -> HttpResponse:
    a = get_assignment(request.user, pk)
    roles = roles_in(request.user, a)
    try:
        workflow.post_message(a, code, request.user, roles, request.POST.get("text", ""))
    except InputError as exc:
        return _refused(request, a, code, roles, str(exc), False)
    return redirect("survey:indicator", a.pk, code)


@login_required
@require_POST
def decide(request: HttpRequest, pk: int, code: str) -> HttpResponse:
    a = get_assignment(request.user, pk)
    roles = roles_in(request.user, a)
    try:
        workflow.decide(
            a,
            code,
            request.user,
            roles,
            option=request.POST.get("option", "").strip(),
            reason=request.POST.get("reason", ""),
        )
    except InputError as exc:
        return _refused(request, a, code, roles, str(exc), False)
    messages.success(request, _("Decision recorded."))
    return redirect("survey:indicator", a.pk, code)


@login_required
@require_POST
def move(request: HttpRequest, pk: int) -> HttpResponse:
    """Change the assignment's state (submit, start review, return, finish, publish)."""
    a = get_assignment(request.user, pk)
    roles = roles_in(request.user, a)
    to = request.POST.get("to", "")
    try:
        if to == "finish_review":
            workflow.finish_review(a, request.user)
        else:
            workflow.transition(a, to, request.user, roles)
    except workflow.IncompleteError as exc:
        request.session[f"survey-missing-{a.pk}"] = exc.missing
        messages.error(request, str(exc))
    except InputError as exc:
        messages.error(request, str(exc))
    else:
        messages.success(request, _("Done."))
    return redirect("survey:assignment", a.pk)


@login_required
def audit(request: HttpRequest, pk: int) -> HttpResponse:
    a = get_assignment(request.user, pk)
    roles = roles_in(request.user, a)
    if not _can_see_answers(a, roles):
        raise Http404("not submitted yet")
    rows = history.audit_trail(a, request.user)
    return render(request, "survey/history.html", {"a": a, "rows": rows})


@login_required
def diff(request: HttpRequest, pk: int) -> HttpResponse:
    """Answers at one checkpoint (a state change) against another, or against now."""
    a = get_assignment(request.user, pk)
    if not _can_see_answers(a, roles_in(request.user, a)):
        raise Http404("not submitted yet")
    points = {str(c.pk): c for c in history.checkpoints(a)}
    submissions = [c for c in points.values() if c.to_state == State.SUBMITTED]
    start = points.get(request.GET.get("from", "")) or (submissions[0] if submissions else None)
    end = points.get(request.GET.get("to", ""))
    before = history.answers_as_of(a, start.at) if start else {}
    after = history.answers_as_of(a, end.at if end else None)
    rows = history.diff_rows(a, before, after, language())
    context = {
        "a": a,
        "rows": rows,
        "points": list(points.values()),
        "start": start,
        "end": end,
        "mode": "rounds",
    }
    return render(request, "survey/diff.html", context)


@login_required
def diff_years(request: HttpRequest, pk: int) -> HttpResponse:
    a = get_assignment(request.user, pk)
    if not _can_see_answers(a, roles_in(request.user, a)):
        raise Http404("not submitted yet")
    prev = workflow.previous_final(a)
    before = history.answers_as_of(prev, None) if prev else {}
    rows = history.diff_rows(a, before, history.answers_as_of(a, None), language())
    context = {"a": a, "rows": rows, "previous": prev, "mode": "years"}
    return render(request, "survey/diff.html", context)


@login_required
def export(request: HttpRequest, pk: int) -> HttpResponse:
    a = get_assignment(request.user, pk)
    if not _can_see_answers(a, roles_in(request.user, a)):
        raise Http404("not submitted yet")
    data = xlsx.export_workbook(a, language())
    response = HttpResponse(
        data, content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    )
    name = f"questionnaire-{a.framework.name}-{a.iso3}-{a.year}.xlsx"
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


@login_required
def import_(request: HttpRequest, pk: int) -> HttpResponse:
    a = get_assignment(request.user, pk)
    roles = roles_in(request.user, a)
    if EXPERT not in roles:
        raise PermissionDenied
    form = ImportForm(request.POST or None, request.FILES or None)
    result, status = None, 200
    if request.method == "POST" and form.is_valid():
        try:
            result = xlsx.import_workbook(a, form.cleaned_data["file"].read(), request.user, roles)
        except InputError as exc:
            result = xlsx.ImportResult(problems=[str(exc)])
        status = 200 if result.is_applied else 400
    return render(
        request, "survey/import.html", {"a": a, "form": form, "result": result}, status=status
    )


@login_required
def attachment(request: HttpRequest, pk: int, name: str) -> FileResponse:
    a = get_assignment(request.user, pk)
    if not _can_see_answers(a, roles_in(request.user, a)):
        raise Http404("not submitted yet")
    path = f"survey/{a.pk}/{name}"
    if "/" in name or not default_storage.exists(path):
        raise Http404("no such file")
    return FileResponse(default_storage.open(path), as_attachment=True, filename=name)
