"""Re-link the register with :func:`migdex.linkage.link_records`, then apply staff decisions.

Records are keyed ``AGENCY:record_id`` (stable across imports). Staff decisions
are must-link / cannot-link constraints on those keys; :func:`resolve_persons`
(pure) re-applies them after every run, so a manual merge or split survives
re-linking.
"""

from __future__ import annotations

from collections.abc import Iterable

import pandas as pd
from django.db import transaction
from django.utils import timezone

from migdex.linkage import LinkageSettings, link_records
from migdex.web.ombudsman.models import Ban, Case, LinkConstraint, LookupRequest, Person
from migdex.web.ombudsman.services.audit import record_event

PERSON_PREFIX = "P-"


class _UnionFind:
    def __init__(self, keys: Iterable[str]):
        self.parent = {k: k for k in keys}

    def find(self, key: str) -> str:
        while self.parent[key] != key:
            self.parent[key] = self.parent[self.parent[key]]
            key = self.parent[key]
        return key

    def union(self, a: str, b: str) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)


def _pair(a: str, b: str) -> tuple[str, str]:
    return (a, b) if a <= b else (b, a)


def resolve_persons(
    keys: list[str],
    links: pd.DataFrame,
    *,
    must: Iterable[tuple[str, str]] = (),
    cannot: Iterable[tuple[str, str]] = (),
    match_probability: float,
) -> pd.DataFrame:
    """Persons from the scored links and the staff decisions.

    Automatic links at or above ``match_probability`` join records, except a pair
    staff said are different persons; must-link pairs always join. When a
    cannot-link pair ``(a, b)`` is still joined through other records, the
    automatic links of ``b`` (the record staff split off) are dropped. Returns
    one row per key: ``record_key``,
    ``person_key`` (``P-`` + smallest key), ``match_probability`` (its strongest
    link inside its person) and ``review_with`` (a review-band record in another
    person that no staff decision covers, else empty).

    Examples
    --------
    >>> links = pd.DataFrame({"record_id_l": ["A:1"], "record_id_r": ["B:1"],
    ...                       "match_probability": [0.99]})
    >>> out = resolve_persons(["A:1", "B:1"], links, cannot=[("A:1", "B:1")], match_probability=0.9)
    >>> out["person_key"].tolist()
    ['P-A:1', 'P-B:1']
    """
    ordered_cannot = list(dict.fromkeys(tuple(p) for p in cannot))
    must, cannot = {_pair(*p) for p in must}, {_pair(*p) for p in ordered_cannot}
    key_set = set(keys)
    pairs = [
        (left, right, p)
        for left, right, p in zip(
            links["record_id_l"], links["record_id_r"], links["match_probability"]
        )
        if left in key_set and right in key_set
    ]
    dropped: set[str] = set()
    while True:
        uf = _UnionFind(keys)
        for a, b in must:
            if a in key_set and b in key_set:
                uf.union(a, b)
        for a, b, p in pairs:
            if p >= match_probability and _pair(a, b) not in cannot and not {a, b} & dropped:
                uf.union(a, b)
        violated = [
            b
            for a, b in ordered_cannot
            if a in key_set and b in key_set and uf.find(a) == uf.find(b)
        ]
        new = [b for b in violated if b not in dropped]
        if not new:
            break
        dropped.add(new[0])
    person = {k: PERSON_PREFIX + uf.find(k) for k in keys}
    strongest: dict[str, float] = {}
    review: dict[str, str] = {}
    decided = must | cannot
    for a, b, p in sorted(pairs, key=lambda t: -t[2]):
        if person[a] == person[b]:
            strongest[a] = max(strongest.get(a, 0.0), p)
            strongest[b] = max(strongest.get(b, 0.0), p)
        elif _pair(a, b) not in decided:
            review.setdefault(a, b)
            review.setdefault(b, a)
    return pd.DataFrame(
        {
            "record_key": keys,
            "person_key": [person[k] for k in keys],
            "match_probability": [strongest.get(k) for k in keys],
            "review_with": [review.get(k, "") for k in keys],
        }
    )


def register_frame(bans: list[Ban]) -> pd.DataFrame:
    """The register in :data:`migdex.linkage.REGISTER_COLUMNS` layout, keyed by record key."""
    return pd.DataFrame(
        [
            {
                "record_id": ban.record_key,
                "agency": ban.agency.code,
                "surname": ban.surname or None,
                "given_name": ban.given_name or None,
                "patronymic": ban.patronymic or None,
                "birth_date": ban.birth_date.isoformat() if ban.birth_date else None,
                "citizenship": ban.citizenship or None,
                "document_number": ban.document_number or None,
            }
            for ban in bans
        ],
        columns=[
            "record_id",
            "agency",
            "surname",
            "given_name",
            "patronymic",
            "birth_date",
            "citizenship",
            "document_number",
        ],
        dtype=object,
    )


def _evidence(links: pd.DataFrame, members: set[str]) -> list[dict]:
    """The scored links touching a person, with each field's level and weight (for staff)."""
    touching = links[links["record_id_l"].isin(members) | links["record_id_r"].isin(members)]
    fields = [
        c[: -len("_weight")] for c in links.columns if c.endswith("_weight") and c != "match_weight"
    ]
    out = []
    for row in touching.to_dict("records"):
        out.append(
            {
                "a": row["record_id_l"],
                "b": row["record_id_r"],
                "probability": float(row["match_probability"]),
                "decision": str(row.get("decision", "")),
                "fields": [
                    {
                        "name": f,
                        "level": str(row.get(f, "")),
                        "weight": float(row.get(f"{f}_weight") or 0),
                    }
                    for f in fields
                ],
            }
        )
    return out


def relink(*, actor=None, settings: LinkageSettings | None = None) -> dict[str, int]:
    """Link every ban record into persons, re-apply staff decisions and store the result."""
    settings = settings or LinkageSettings.load()
    bans = list(Ban.objects.select_related("agency"))
    keys = [b.record_key for b in bans]
    links = pd.DataFrame(columns=["record_id_l", "record_id_r", "match_probability"])
    if len(bans) >= 2:
        links = link_records(register_frame(bans), settings, source="ombudsman register").links
    constraints = list(LinkConstraint.objects.all())
    resolved = resolve_persons(
        keys,
        links,
        must=[(c.key_a, c.key_b) for c in constraints if c.kind == LinkConstraint.Kind.MUST],
        cannot=[(c.key_a, c.key_b) for c in constraints if c.kind == LinkConstraint.Kind.CANNOT],
        match_probability=settings.match_probability,
    )
    return _store(bans, resolved, links, actor=actor)


def _store(
    bans: list[Ban], resolved: pd.DataFrame, links: pd.DataFrame, *, actor
) -> dict[str, int]:
    now = timezone.now()
    by_key = {b.record_key: b for b in bans}
    members = resolved.groupby("person_key")["record_key"].apply(set).to_dict()
    with transaction.atomic():
        persons = {}
        for person_key, keys in members.items():
            review = any(resolved.loc[resolved["record_key"].isin(keys), "review_with"] != "")
            person, _ = Person.objects.update_or_create(
                person_key=person_key,
                defaults={
                    "needs_review": review,
                    "evidence": _evidence(links, keys),
                    "linked_at": now,
                },
            )
            persons[person_key] = person
        for row in resolved.to_dict("records"):
            ban = by_key[row["record_key"]]
            probability = row["match_probability"]
            Ban.objects.filter(pk=ban.pk).update(
                person=persons[row["person_key"]],
                match_probability=None if pd.isna(probability) else probability,
                review_with=row["review_with"],
            )
        for case in Case.objects.filter(ban__isnull=False).select_related("ban"):
            Case.objects.filter(pk=case.pk).update(person_id=case.ban.person_id)
        LookupRequest.objects.exclude(person__person_key__in=list(members)).update(person=None)
        Person.objects.exclude(person_key__in=list(members)).delete()
        record_event(actor, "relink", "register", records=len(bans), persons=len(members))
    return {"records": len(bans), "persons": len(members)}


def decide_link(kind: str, key_a: str, key_b: str, *, reason: str, actor) -> LinkConstraint:
    """Record a staff merge (``must``) or split (``cannot``) of two records, audit it, re-link."""
    a, b = key_a, key_b  # kept in this order: for a split, ``b`` is the record split off
    LinkConstraint.objects.filter(key_a=b, key_b=a).delete()
    constraint, _ = LinkConstraint.objects.update_or_create(
        key_a=a,
        key_b=b,
        defaults={
            "kind": kind,
            "reason": reason,
            "decided_by": actor,
            "decided_at": timezone.now(),
        },
    )
    action = "merge" if kind == LinkConstraint.Kind.MUST else "split"
    record_event(actor, action, f"{a} / {b}", reason=reason, constraint=constraint.pk)
    relink(actor=actor)
    return constraint
