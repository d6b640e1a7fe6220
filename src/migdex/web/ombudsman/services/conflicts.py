"""Conflicts between agencies' lists that staff must look at (pure pandas + one ORM adapter).

Each conflict's message is written in the active language (staff read it on the conflicts
page); its ``kind`` is a stable code, with a translated label in :data:`KIND_LABELS`.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import pandas as pd
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

END_DATES_DIFFER = "end_dates_differ"
LIFTED_ELSEWHERE = "lifted_elsewhere"
EXPIRED_ACTIVE = "expired_active"
REVIEW_BAND = "review_band"
KINDS = (END_DATES_DIFFER, LIFTED_ELSEWHERE, EXPIRED_ACTIVE, REVIEW_BAND)
KIND_LABELS = {
    END_DATES_DIFFER: gettext_lazy("end dates differ"),
    LIFTED_ELSEWHERE: gettext_lazy("lifted in one list, active in another"),
    EXPIRED_ACTIVE: gettext_lazy("past its end date, still active"),
    REVIEW_BAND: gettext_lazy("possible same person"),
}


@dataclass(frozen=True)
class Conflict:
    kind: str
    person_key: str
    record_keys: tuple[str, ...]
    message: str


def detect_conflicts(bans: pd.DataFrame, *, today: dt.date) -> list[Conflict]:
    """Flag what staff must check, person by person.

    ``bans`` has ``record_key, person_key, agency, status, end_date, review_with``.
    Kinds: different end dates for one person's active bans in several agencies;
    a ban lifted by one agency but still active in another; a ban past its end
    date still listed as active; a record in the review band.

    Examples
    --------
    >>> bans = pd.DataFrame({"record_key": ["A:1", "B:1"], "person_key": ["P-A:1"] * 2,
    ...     "agency": ["A", "B"], "status": ["active", "lifted"],
    ...     "end_date": [dt.date(2030, 1, 1), dt.date(2029, 1, 1)], "review_with": ["", ""]})
    >>> [c.kind for c in detect_conflicts(bans, today=dt.date(2026, 1, 1))]
    ['lifted_elsewhere']
    """
    found: list[Conflict] = []
    seen_pairs: set[frozenset[str]] = set()
    for person_key, group in bans.groupby("person_key", sort=True):
        active = group[group["status"] == "active"]
        ends = active.dropna(subset=["end_date"])
        if ends["agency"].nunique() > 1 and ends["end_date"].nunique() > 1:
            dates = ", ".join(f"{a}: {d}" for a, d in zip(ends["agency"], ends["end_date"]))
            found.append(
                Conflict(
                    END_DATES_DIFFER,
                    person_key,
                    tuple(ends["record_key"]),
                    _("end dates differ (%(dates)s)") % {"dates": dates},
                )
            )
        lifted = group[group["status"] == "lifted"]
        still = active[~active["agency"].isin(lifted["agency"])]
        if len(lifted) and len(still):
            found.append(
                Conflict(
                    LIFTED_ELSEWHERE,
                    person_key,
                    tuple(lifted["record_key"]) + tuple(still["record_key"]),
                    _("lifted by %(lifted)s but still active in %(active)s")
                    % {
                        "lifted": ", ".join(sorted(set(lifted["agency"]))),
                        "active": ", ".join(sorted(set(still["agency"]))),
                    },
                )
            )
        expired = active[active["end_date"].notna() & (active["end_date"] < today)]
        for row in expired.itertuples():
            found.append(
                Conflict(
                    EXPIRED_ACTIVE,
                    person_key,
                    (row.record_key,),
                    _("ended on %(date)s but still active") % {"date": row.end_date},
                )
            )
        for row in group[group["review_with"] != ""].itertuples():
            pair = frozenset((row.record_key, row.review_with))
            if pair not in seen_pairs:
                seen_pairs.add(pair)
                found.append(
                    Conflict(
                        REVIEW_BAND,
                        person_key,
                        (row.record_key, row.review_with),
                        _("may be the same person as %(record)s: review")
                        % {"record": row.review_with},
                    )
                )
    return found


def register_conflicts(*, today: dt.date) -> list[Conflict]:
    """:func:`detect_conflicts` over the stored register."""
    from migdex.web.ombudsman.models import Ban
    from migdex.web.ombudsman.services.lookup import effective_end

    rows = [
        {
            "record_key": b.record_key,
            "person_key": b.person.person_key if b.person else f"?{b.record_key}",
            "agency": b.agency.code,
            "status": b.status,
            "end_date": effective_end(b),
            "review_with": b.review_with,
        }
        for b in Ban.objects.select_related("agency", "person")
    ]
    frame = pd.DataFrame(
        rows, columns=["record_key", "person_key", "agency", "status", "end_date", "review_with"]
    )
    return detect_conflicts(frame, today=today)
