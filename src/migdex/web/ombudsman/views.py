"""Staff pages: the register, imports, persons and link decisions, conflicts, cases, statistics.

Agency officers see their own agency's records only (another agency's record
answers 404, as if it did not exist); ombudsman staff and administrators see
all. Every read of a person's data writes an access-log row.
"""

from __future__ import annotations

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from migdex.errors import InputError
from migdex.web.ombudsman import forms
from migdex.web.ombudsman.models import AuditEvent, Ban, Case, Person
from migdex.web.ombudsman.services import cases, stats
from migdex.web.ombudsman.services.audit import log_access
from migdex.web.ombudsman.services.conflicts import KIND_LABELS, register_conflicts
from migdex.web.ombudsman.services.imports import (
    BanImportError,
    import_bans,
    load_mapping,
    read_table,
)
from migdex.web.ombudsman.services.linking import decide_link, relink
from migdex.web.ombudsman.services.roles import (
    is_ombudsman_staff,
    register_required,
    staff_required,
    visible_agencies,
    visible_bans,
)


@never_cache
@require_safe
@register_required
def register(request: HttpRequest) -> HttpResponse:
    """The ban list (own agency for an officer), filterable by agency and status."""
    bans = visible_bans(request.user)
    agency, status = request.GET.get("agency", ""), request.GET.get("status", "")
    if agency:
        bans = bans.filter(agency__code=agency)
    if status:
        bans = bans.filter(status=status)
    bans = list(bans[:500])
    log_access(bans, purpose="register list", actor=request.user)
    context = {
        "bans": bans,
        "agencies": visible_agencies(request.user),
        "agency": agency,
        "status": status,
        "statuses": Ban.Status.choices,
        "is_staff_role": is_ombudsman_staff(request.user),
    }
    return render(request, "ombudsman/register.html", context)


@never_cache
@require_safe
@register_required
def ban_detail(request: HttpRequest, pk: int) -> HttpResponse:
    ban = get_object_or_404(visible_bans(request.user), pk=pk)
    log_access([ban], purpose="record view", actor=request.user)
    history = ban.history.all()[:20]
    return render(request, "ombudsman/ban.html", {"ban": ban, "history": history})


@never_cache
@require_http_methods(["GET", "POST"])
@register_required
def import_list(request: HttpRequest) -> HttpResponse:
    """Upload an agency's list with its column mapping; all or nothing, then re-link."""
    form = forms.ImportForm(
        request.POST or None, request.FILES or None, agencies=visible_agencies(request.user)
    )
    report = None
    if request.method == "POST" and form.is_valid():
        agency, upload = form.cleaned_data["agency"], form.cleaned_data["file"]
        try:
            mapping_file = form.cleaned_data["mapping"]
            mapping = load_mapping(
                mapping_file.read().decode("utf-8") + "\n"
                if mapping_file
                else agency.column_mapping
            )
            frame = read_table(upload.read(), upload.name)
            report = import_bans(agency, frame, mapping, source=upload.name, actor=request.user)
        except BanImportError as exc:
            report = exc.report
        except InputError as exc:
            form.add_error(None, str(exc))
        if report is not None and report.ok:
            relink(actor=request.user)
            messages.success(request, report.summary)
            return redirect("ombudsman:register")
    status = 400 if report is not None or form.errors else 200
    return render(request, "ombudsman/import.html", {"form": form, "report": report}, status=status)


@never_cache
@require_safe
@staff_required
def person_detail(request: HttpRequest, pk: int) -> HttpResponse:
    """One person: their records, the evidence linking them, and merge/split decisions."""
    person = get_object_or_404(Person, pk=pk)
    bans = list(person.bans.select_related("agency"))
    log_access(bans, purpose="person view", actor=request.user)
    keys = {b.record_key for b in bans}
    context = {
        "person": person,
        "bans": bans,
        "form": forms.DecisionForm(),
        "evidence": person.evidence,
        "cases": cases.visible_cases(request.user).filter(person=person),
        "constraints": _constraints_for(keys),
    }
    return render(request, "ombudsman/person.html", context)


def _constraints_for(keys: set[str]):
    from django.db.models import Q

    from migdex.web.ombudsman.models import LinkConstraint

    return LinkConstraint.objects.filter(Q(key_a__in=keys) | Q(key_b__in=keys))


@never_cache
@require_POST
@staff_required
def decide(request: HttpRequest) -> HttpResponse:
    """Record a merge or split decision (audited, kept across re-linking) and re-link."""
    form = forms.DecisionForm(request.POST)
    keys = {b.record_key: b for b in visible_bans(request.user)}
    if not form.is_valid() or not {form.cleaned_data["key_a"], form.cleaned_data["key_b"]} <= set(
        keys
    ):
        return render(
            request,
            "ombudsman/bad_request.html",
            {"message": _("Give two record keys and a reason.")},
            status=400,
        )
    data = form.cleaned_data
    decide_link(
        data["kind"], data["key_a"], data["key_b"], reason=data["reason"], actor=request.user
    )
    keys[data["key_a"]].refresh_from_db()
    messages.success(request, _("Decision recorded and the register re-linked."))
    return redirect("ombudsman:person", pk=keys[data["key_a"]].person_id)


@never_cache
@require_safe
@staff_required
def conflicts(request: HttpRequest) -> HttpResponse:
    found = register_conflicts(today=timezone.localdate())
    persons = {p.person_key: p for p in Person.objects.all()}
    rows = [(c, persons.get(c.person_key), KIND_LABELS.get(c.kind, c.kind)) for c in found]
    return render(request, "ombudsman/conflicts.html", {"rows": rows})


@never_cache
@require_safe
@staff_required
def dashboard(request: HttpRequest) -> HttpResponse:
    """My cases, overdue cases, open cases by agency."""
    visible = cases.visible_cases(request.user)
    open_cases = visible.exclude(stage=Case.Stage.CLOSED)
    by_agency: dict[str, int] = {}
    for case in open_cases:
        name = case.agency.code if case.agency else "-"
        by_agency[name] = by_agency.get(name, 0) + 1
    context = {
        "mine": open_cases.filter(assigned_to=request.user),
        "overdue": cases.overdue(visible),
        "unassigned": open_cases.filter(assigned_to__isnull=True),
        "by_agency": sorted(by_agency.items()),
        "recent_events": AuditEvent.objects.all()[:15],
    }
    return render(request, "ombudsman/dashboard.html", context)


@never_cache
@require_http_methods(["GET", "POST"])
@staff_required
def case_new(request: HttpRequest) -> HttpResponse:
    form = forms.StaffCaseForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        case = cases.open_case(actor=request.user, **form.cleaned_data)
        return redirect("ombudsman:case", reference=case.reference)
    return render(request, "ombudsman/case_new.html", {"form": form})


ACTIONS = {
    "assign": forms.AssignForm,
    "stage": forms.StageForm,
    "hearing": forms.HearingForm,
    "close": forms.CloseForm,
    "attach": forms.AttachForm,
    "confidential": forms.ConfidentialForm,
}
ACTION_LABELS = {
    "assign": gettext_lazy("Assign"),
    "stage": gettext_lazy("Move to a stage"),
    "hearing": gettext_lazy("Schedule a hearing"),
    "close": gettext_lazy("Close the case"),
    "attach": gettext_lazy("Attach a file"),
    "confidential": gettext_lazy("Confidentiality"),
}


def _apply(case: Case, action: str, data: dict, user) -> None:
    if action == "assign":
        cases.assign(case, data["assignee"], actor=user)
    elif action == "stage":
        cases.move_to(case, data["stage"], actor=user, reason=data["reason"])
    elif action == "hearing":
        cases.schedule_hearing(case, data["hearing_at"], data["hearing_link"], actor=user)
    elif action == "close":
        cases.close(case, data["outcome"], data["closure_reason"], actor=user, note=data["note"])
    elif action == "attach":
        cases.attach(case, data["file"], data["description"], actor=user)
    elif action == "confidential":
        cases.set_confidential(case, data["confidential"], actor=user)


@never_cache
@require_http_methods(["GET", "POST"])
@staff_required
def case_detail(request: HttpRequest, reference: str) -> HttpResponse:
    """A case with its actions: assign, move on, schedule a hearing, attach, close."""
    case = cases.visible_cases(request.user).filter(reference=reference).first()
    if case is None:
        raise Http404
    if case.ban:
        log_access([case.ban], purpose=f"case {case.reference}", actor=request.user)
    bound = None
    if request.method == "POST":
        action = request.POST.get("action", "")
        if action not in ACTIONS:
            raise Http404
        bound = ACTIONS[action](request.POST, request.FILES)
        if bound.is_valid():
            try:
                _apply(case, action, bound.cleaned_data, request.user)
            except cases.CaseError as exc:
                messages.error(request, str(exc))
            return redirect("ombudsman:case", reference=case.reference)
    action_forms = {
        name: (
            ACTION_LABELS[name],
            bound if bound is not None and request.POST.get("action") == name else form_class(),
        )
        for name, form_class in ACTIONS.items()
    }
    context = {
        "case": case,
        "forms": action_forms,
        "history": case.history.all()[:30],
        "events": AuditEvent.objects.filter(target=case.reference),
    }
    return render(request, "ombudsman/case.html", context, status=400 if bound is not None else 200)


def _year(request: HttpRequest) -> int:
    try:
        return int(request.GET.get("year", timezone.localdate().year))
    except ValueError:
        raise Http404 from None


@never_cache
@require_safe
@staff_required
def statistics(request: HttpRequest) -> HttpResponse:
    """The year's figures, a chart, and CSV/XLSX exports."""
    from migdex.web.explorer.views import chart_block

    year = _year(request)
    tables = stats.yearly_statistics(stats.cases_frame(), year)
    shown = {name: stats.shown_table(name, t) for name, t in tables.items()}
    data = shown["cases_by_kind_and_stage"]
    chart = chart_block(
        "cases-by-stage",
        _("Cases by kind and stage, %(year)s") % {"year": year},
        stats.stage_outcome_chart(data, title=""),
        data["columns"],
        data["rows"],
        filename=f"ombudsman-cases-{year}.csv",
    )
    return render(
        request, "ombudsman/statistics.html", {"year": year, "tables": shown, "chart": chart}
    )


@never_cache
@require_safe
@staff_required
def statistics_export(request: HttpRequest, fmt: str) -> HttpResponse:
    year = _year(request)
    tables = stats.yearly_statistics(stats.cases_frame(), year)
    if fmt == "csv":
        response = HttpResponse(stats.to_csv(tables), content_type="text/csv; charset=utf-8")
    elif fmt == "xlsx":
        response = HttpResponse(
            stats.to_xlsx(tables),
            content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        )
    else:
        raise Http404
    response["Content-Disposition"] = f'attachment; filename="ombudsman-statistics-{year}.{fmt}"'
    return response
