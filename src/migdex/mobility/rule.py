"""The 12/16-month rule: its settings and a plain sequential reference implementation.

The reference classifies one person's history crossing by crossing, exactly as
the methodology is written (see ``docs/statistician.md``). It is slow and
obvious on purpose: the set-based engines are tested against it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass
from typing import Literal

from migdex.errors import InputError

ARRIVAL = "arrival"
DEPARTURE = "departure"
DIRECTIONS = (ARRIVAL, DEPARTURE)
GAP_POLICIES = ("midpoint", "reject")
RULE_VERSION = "12/16-v1"


class RuleSettingsError(InputError):
    """The parameters of the rule do not make sense together."""


@dataclass(frozen=True)
class RuleSettings:
    """Parameters of the outcome-based rule, V and W in the methodology.

    Parameters
    ----------
    threshold_days
        V: days in (or out of) the country that make a crossing long-term.
    window_days
        W: the window after a crossing in which those days are counted.
    gap_policy
        What to do with two crossings in the same direction in a row:
        ``"midpoint"`` splits the gap at its midpoint (rounded down),
        ``"reject"`` refuses the input and names the persons.

    Examples
    --------
    >>> RuleSettings().shortcut_days
    243
    >>> RuleSettings(threshold_days=183, window_days=365).label
    '183/365 days'
    """

    threshold_days: int = 365
    window_days: int = 487
    gap_policy: Literal["midpoint", "reject"] = "midpoint"

    def __post_init__(self) -> None:
        if not 0 < self.threshold_days <= self.window_days:
            raise RuleSettingsError(
                f"threshold_days = {self.threshold_days}, window_days = {self.window_days}; "
                "need 0 < threshold_days <= window_days (e.g. 365 and 487)"
            )
        if self.gap_policy not in GAP_POLICIES:
            raise RuleSettingsError(
                f"gap_policy = {self.gap_policy!r}; expected one of {', '.join(GAP_POLICIES)}"
            )

    @property
    def shortcut_days(self) -> int:
        """2V - W: a reverse crossing sooner than this after a migrating one cannot migrate."""
        return 2 * self.threshold_days - self.window_days

    @property
    def label(self) -> str:
        """Short human-readable name of the parameter set."""
        return f"{self.threshold_days}/{self.window_days} days"

    def as_dict(self) -> dict[str, object]:
        """Plain dictionary for metadata sidecars."""
        return {**asdict(self), "shortcut_days": self.shortcut_days, "version": RULE_VERSION}


@dataclass(frozen=True)
class Crossing:
    """One border crossing of one person."""

    person_id: str
    date: dt.date
    direction: str
    seq: int

    @property
    def is_arrival(self) -> bool:
        """True for an arrival, False for a departure."""
        return self.direction == ARRIVAL


@dataclass(frozen=True)
class Classified:
    """A crossing with its outcome; ``None`` means unknown (provisional)."""

    crossing: Crossing
    status_before: int | None
    status_after: int | None
    long_term: int | None


def order_key(crossing: Crossing) -> tuple[dt.date, int, int]:
    """Order within a person: date, then seq as a number, then arrival before departure."""
    return (crossing.date, crossing.seq, 0 if crossing.is_arrival else 1)


def derive_initial_status(
    first: Crossing, *, obs_start: dt.date, settings: RuleSettings
) -> int | None:
    """Resident (1) or not (0) before the first crossing, when the data allow saying so.

    Examples
    --------
    >>> c = Crossing("p", dt.date(2023, 6, 1), "departure", 1)
    >>> derive_initial_status(c, obs_start=dt.date(2022, 1, 1), settings=RuleSettings())
    1
    >>> derive_initial_status(c, obs_start=dt.date(2023, 1, 1), settings=RuleSettings()) is None
    True
    """
    if (first.date - obs_start).days >= settings.threshold_days:
        return 0 if first.is_arrival else 1
    return None


def presence_intervals(
    history: Sequence[Crossing], *, obs_end: dt.date
) -> list[tuple[dt.date, dt.date, bool]]:
    """Spells ``(start, end, in_country)`` covering ``[first date, obs_end)``.

    Two crossings in the same direction in a row are split at the midpoint of
    the gap, rounded down (the imputed crossing gets no output row).
    """
    spells = []
    for here, after in zip(history, [*history[1:], None], strict=True):
        end = obs_end if after is None else after.date
        if after is None or after.direction != here.direction:
            spells.append((here.date, end, here.is_arrival))
            continue
        mid = here.date + dt.timedelta(days=(end - here.date).days // 2)
        spells.append((here.date, mid, here.is_arrival))
        spells.append((mid, end, not here.is_arrival))
    return spells


def days_in_country(
    spells: Iterable[tuple[dt.date, dt.date, bool]], start: dt.date, end: dt.date
) -> int:
    """Days of ``[start, end)`` spent in the country according to ``spells``."""
    total = 0
    for lo, hi, inside in spells:
        if inside:
            total += max(0, (min(hi, end) - max(lo, start)).days)
    return total


def qualification(
    crossing: Crossing, *, home_days: int, observed_days: int, settings: RuleSettings
) -> int | None:
    """q: 1 qualifies as long-term, 0 cannot, ``None`` not known yet (censored)."""
    stay, away = (home_days, observed_days - home_days)
    if not crossing.is_arrival:
        stay, away = away, stay
    if stay >= settings.threshold_days:
        return 1
    if away > settings.window_days - settings.threshold_days:
        return 0
    return None


def classify_history(
    history: Sequence[Crossing],
    *,
    obs_end: dt.date,
    initial_status: int | None,
    settings: RuleSettings = RuleSettings(),
) -> list[Classified]:
    """Classify one person's distinct crossings, sorted with :func:`order_key`.

    Examples
    --------
    >>> tc2 = [Crossing("p", dt.date(2022, 1, 10), "arrival", 1)]
    >>> classify_history(tc2, obs_end=dt.date(2024, 12, 31), initial_status=0)[0].long_term
    1
    """
    spells = presence_intervals(history, obs_end=obs_end)
    status = base = initial_status
    pending: dt.date | None = None  # first undetermined migrating crossing since `base`
    results = []
    for crossing in history:
        observed = min(max((obs_end - crossing.date).days, 0), settings.window_days)
        end = crossing.date + dt.timedelta(days=observed)
        home = days_in_country(spells, crossing.date, end)
        q = qualification(crossing, home_days=home, observed_days=observed, settings=settings)
        target = 1 if crossing.is_arrival else 0
        before = status
        if q == 1:
            after: int | None = target
        elif q == 0 or before == target:
            after = before
        else:
            after = None
        long_term = _long_term(q, before, after, crossing, target, base, pending, settings)
        if q == 1:
            base, pending = target, None
        elif after is None and before is not None:
            pending = crossing.date
        status = after
        results.append(Classified(crossing, before, after, long_term))
    return results


def _long_term(
    q: int | None,
    before: int | None,
    after: int | None,
    crossing: Crossing,
    target: int,
    base: int | None,
    pending: dt.date | None,
    settings: RuleSettings,
) -> int | None:
    """long_term from q and the statuses, with the 2V - W shortcut for reverse crossings."""
    if q == 0:
        return 0
    if before is not None and after is not None:
        return int(before != after)
    if (
        base is not None
        and pending is not None
        and target == base
        and (crossing.date - pending).days < settings.shortcut_days
    ):
        return 0
    return None


def classify_sequential(
    crossings: Iterable[Crossing],
    *,
    obs_end: dt.date,
    initial_status: dict[str, int | None] | None = None,
    obs_start: dt.date | None = None,
    settings: RuleSettings = RuleSettings(),
) -> list[Classified]:
    """Reference classification of many persons: dedupe, order, derive status, classify.

    Persons absent from ``initial_status`` (or all, when it is ``None``) get a
    derived initial status (see :func:`derive_initial_status`).

    Examples
    --------
    >>> rows = [Crossing("a", dt.date(2022, 3, 1), "arrival", 1),
    ...         Crossing("a", dt.date(2022, 3, 15), "departure", 2)]
    >>> [r.long_term for r in classify_sequential(rows, obs_end=dt.date(2024, 12, 31),
    ...                                           initial_status={"a": 0})]
    [0, 0]
    """
    distinct = sorted(set(crossings), key=lambda c: (c.person_id, *order_key(c)))
    if not distinct:
        return []
    start = obs_start or min(c.date for c in distinct)
    given = initial_status or {}
    by_person: dict[str, list[Crossing]] = {}
    for crossing in distinct:
        by_person.setdefault(crossing.person_id, []).append(crossing)
    results = []
    for person, history in by_person.items():
        if person in given:
            initial = given[person]
        else:
            initial = derive_initial_status(history[0], obs_start=start, settings=settings)
        results.extend(
            classify_history(history, obs_end=obs_end, initial_status=initial, settings=settings)
        )
    return results
