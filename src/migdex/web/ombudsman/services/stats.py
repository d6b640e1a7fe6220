"""Yearly statistics (SIS Art 54 template plus the ombudsman's own), exports and a chart.

:func:`yearly_statistics` is pure pandas over one row per case; :func:`cases_frame`
reads the cases from the database.
"""

from __future__ import annotations

import io

import pandas as pd

CASE_COLUMNS = (
    "reference",
    "kind",
    "complaint_type",
    "stage",
    "outcome",
    "opened_at",
    "closed_at",
    "agency",
    "country_of_origin",
    "children_involved",
)
WON = ("granted", "partly")


def yearly_statistics(cases: pd.DataFrame, year: int) -> dict[str, pd.DataFrame]:
    """Tables for one year (cases opened that year), each a small frame ready to show or export.

    ``headline`` counts access requests and how many were granted, correction or
    erasure requests and how many succeeded, appeals and how many the applicant
    won; the other tables break complaints down by type, stage, outcome, agency,
    country of origin and children involved, with the mean days to close.

    Examples
    --------
    >>> cases = pd.DataFrame({"reference": ["a", "b"], "kind": ["access", "appeal"],
    ...     "complaint_type": ["", ""], "stage": ["closed", "closed"],
    ...     "outcome": ["granted", "rejected"],
    ...     "opened_at": pd.to_datetime(["2026-01-01", "2026-02-01"], utc=True),
    ...     "closed_at": pd.to_datetime(["2026-01-11", "2026-03-01"], utc=True),
    ...     "agency": ["FMS", "MVD"], "country_of_origin": ["UZB", "TJK"],
    ...     "children_involved": [False, True]})
    >>> yearly_statistics(cases, 2026)["headline"].set_index("measure")["value"].to_dict()["access requests granted"]
    1
    """  # noqa: E501
    year_cases = cases[pd.to_datetime(cases["opened_at"], utc=True).dt.year == year].copy()
    won = year_cases["outcome"].isin(WON)
    kind = year_cases["kind"]
    fix = kind.isin(["correction", "erasure"])
    headline = pd.DataFrame(
        {
            "measure": [
                "access requests",
                "access requests granted",
                "correction or erasure requests",
                "correction or erasure requests that succeeded",
                "appeals",
                "appeals the applicant won",
                "complaints",
                "cases with children involved",
            ],
            "value": [
                int((kind == "access").sum()),
                int(((kind == "access") & won).sum()),
                int(fix.sum()),
                int((fix & won).sum()),
                int((kind == "appeal").sum()),
                int(((kind == "appeal") & won).sum()),
                int((kind == "complaint").sum()),
                int(year_cases["children_involved"].astype(bool).sum()),
            ],
        }
    )
    closed = year_cases[year_cases["closed_at"].notna()]
    days = (
        pd.to_datetime(closed["closed_at"], utc=True)
        - pd.to_datetime(closed["opened_at"], utc=True)
    ).dt.days
    time_to_close = (
        pd.DataFrame(
            {
                "kind": closed["kind"],
                "days": days,
            }
        )
        .groupby("kind", as_index=False)["days"]
        .agg(["count", "mean", "median"])
        .round(1)
    )
    complaints = year_cases[kind == "complaint"].assign(
        complaint_type=lambda f: f["complaint_type"].replace("", "unspecified"),
        outcome=lambda f: f["outcome"].replace("", "open"),
    )
    tables = {"headline": headline, "time_to_close": time_to_close}
    for column in (
        "complaint_type",
        "stage",
        "outcome",
        "agency",
        "country_of_origin",
        "children_involved",
    ):
        tables[f"complaints_by_{column}"] = _counts(complaints, column)
    tables["cases_by_kind_and_stage"] = (
        year_cases.groupby(["kind", "stage"]).size().rename("cases").reset_index()
    )
    return tables


def _counts(frame: pd.DataFrame, column: str) -> pd.DataFrame:
    values = frame[column].astype(str).replace({"": "unknown"})
    counts = values.value_counts().rename_axis(column).rename("complaints").reset_index()
    return counts.sort_values([column], ignore_index=True)


def shown_table(name: str, table: pd.DataFrame) -> dict:
    """A table as the statistics page shows it: title, headers and category values in the
    active language (the exports keep the codes, see :func:`to_csv`)."""
    from django.utils.translation import gettext as _

    from migdex.web.ombudsman.models import Case

    titles = {
        "headline": _("Headline figures"),
        "time_to_close": _("Days from opening to closing, by kind of case"),
        "complaints_by_complaint_type": _("Complaints by type"),
        "complaints_by_stage": _("Complaints by stage"),
        "complaints_by_outcome": _("Complaints by outcome"),
        "complaints_by_agency": _("Complaints by agency"),
        "complaints_by_country_of_origin": _("Complaints by country of origin"),
        "complaints_by_children_involved": _("Complaints by whether children are involved"),
        "cases_by_kind_and_stage": _("Cases by kind and stage"),
    }
    headers = {
        "measure": _("measure"),
        "value": _("value"),
        "kind": _("kind"),
        "count": _("closed cases"),
        "mean": _("mean days"),
        "median": _("median days"),
        "complaints": _("complaints"),
        "cases": _("cases"),
        "complaint_type": _("complaint type"),
        "stage": _("stage"),
        "outcome": _("outcome"),
        "agency": _("agency"),
        "country_of_origin": _("country of origin"),
        "children_involved": _("children involved"),
    }
    words = {
        "access requests": _("access requests"),
        "access requests granted": _("access requests granted"),
        "correction or erasure requests": _("correction or erasure requests"),
        "correction or erasure requests that succeeded": _(
            "correction or erasure requests that succeeded"
        ),
        "appeals": _("appeals"),
        "appeals the applicant won": _("appeals the applicant won"),
        "complaints": _("complaints"),
        "cases with children involved": _("cases with children involved"),
        "open": _("open"),
        "unknown": _("unknown"),
        "unspecified": _("unspecified"),
        "True": _("yes"),
        "False": _("no"),
        **{
            str(v): str(label)
            for choices in (Case.Kind, Case.Stage, Case.Outcome)
            for v, label in choices.choices
        },
    }
    rows = [
        [words.get(str(c), c) if isinstance(c, str | bool) else c for c in row]
        for row in table.values.tolist()
    ]
    return {
        "title": titles.get(name, name),
        "columns": [headers.get(c, c) for c in table.columns],
        "rows": rows,
    }


def to_csv(tables: dict[str, pd.DataFrame]) -> str:
    """All tables in one long CSV: ``table,category,measure,value``."""
    rows = []
    for name, table in tables.items():
        key = table.columns[0]
        for record in table.to_dict("records"):
            for measure, value in record.items():
                if measure != key:
                    rows.append(
                        {"table": name, "category": record[key], "measure": measure, "value": value}
                    )
    return pd.DataFrame(rows, columns=["table", "category", "measure", "value"]).to_csv(index=False)


def to_xlsx(tables: dict[str, pd.DataFrame]) -> bytes:
    """One sheet per table."""
    buffer = io.BytesIO()
    with pd.ExcelWriter(buffer, engine="openpyxl") as writer:
        for name, table in tables.items():
            table.to_excel(writer, sheet_name=name[:31], index=False)
    return buffer.getvalue()


def stage_outcome_chart(shown: dict, *, title: str) -> dict:
    """A Vega-Lite bar chart (altair) of cases by kind and stage, from the page's
    :func:`shown_table` of ``cases_by_kind_and_stage`` (so labelled in its language)."""
    import altair as alt

    data = pd.DataFrame(shown["rows"], columns=["kind", "stage", "cases"])
    kind, stage, cases = shown["columns"]
    chart = (
        alt.Chart(data, title=title)
        .mark_bar()
        .encode(
            x=alt.X("cases:Q", title=cases),
            y=alt.Y("kind:N", title=None),
            color=alt.Color("stage:N", title=stage),
            tooltip=[
                alt.Tooltip("kind:N", title=kind),
                alt.Tooltip("stage:N", title=stage),
                alt.Tooltip("cases:Q", title=cases),
            ],
        )
        .properties(width="container", height=180)
    )
    return chart.to_dict()


def cases_frame() -> pd.DataFrame:
    """One row per case from the database, in :data:`CASE_COLUMNS` layout."""
    from migdex.web.ombudsman.models import Case

    rows = [
        {
            "reference": c.reference,
            "kind": c.kind,
            "complaint_type": c.complaint_type,
            "stage": c.stage,
            "outcome": c.outcome,
            "opened_at": c.opened_at,
            "closed_at": c.closed_at,
            "agency": c.agency.code if c.agency else "",
            "country_of_origin": c.country_of_origin,
            "children_involved": c.children_involved,
        }
        for c in Case.objects.select_related("agency")
    ]
    return pd.DataFrame(rows, columns=list(CASE_COLUMNS))
