"""Rights in plain words: a destination's index areas and scores, read from the explorer.

Read-only: the explorer's datasets hold published figures and a synthetic demo. Real
published figures are preferred; the synthetic demo is used only when nothing else covers the
country, and is labelled. Each area's meaning is said in plain words with the score's band.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

from migdex.web.explorer.models import Dataset, Score
from migdex.web.explorer.services import framework_of

# Series whose areas are not rights (destination attractiveness is compared elsewhere).
NOT_RIGHTS_SERIES = ("destination",)
# What each MIPEX area means for a migrant, in plain words.
PLAIN_WORDS = {
    "labour_market": _(
        "Whether you can take a job, change employer, get training and be treated like local "
        "workers."
    ),
    "family_reunion": _("Whether your spouse and children can join you, and on what conditions."),
    "education": _("Whether your children can go to school and get help to learn the language."),
    "political_participation": _(
        "Whether migrants can vote locally, join associations and be heard by the authorities."
    ),
    "permanent_residence": _("How easily you can get a permanent residence permit and keep it."),
    "access_to_nationality": _("How easily you or your children can become citizens."),
    "anti_discrimination": _(
        "Whether the law protects you against discrimination and helps you complain."
    ),
    "health": _("Whether you can see a doctor and get treatment, and in a language you know."),
}
# MIPEX's own reading of a score (its bands), from the top.
BANDS = [
    (80, _("favourable")),
    (60, _("slightly favourable")),
    (41, _("halfway favourable")),
    (21, _("slightly unfavourable")),
    (1, _("unfavourable")),
    (0, _("critically unfavourable")),
]


@dataclass(frozen=True)
class AreaRight:
    code: str
    title: str
    title_is_fallback: bool
    plain_words: str
    score: float
    band: str


@dataclass(frozen=True)
class Rights:
    """The areas of one destination from one dataset and year, with the dataset's label."""

    iso3: str
    dataset_title: str
    is_synthetic: bool
    label: str
    year: int
    source: str
    areas: list[AreaRight]

    @property
    def titles_fallback(self) -> bool:
        """Some area names are shown in English (the framework lacks the language)."""
        return any(a.title_is_fallback for a in self.areas)


def band_of(score: float) -> str:
    """The MIPEX band of a 0–100 score (rounded half up first, as published)."""
    if not 0 <= score <= 100:
        raise ValueError(f"score {score!r} is out of range; index scores run from 0 to 100")
    rounded = math.floor(score + 0.5)
    return next(str(name) for floor, name in BANDS if rounded >= floor)


def rights_for(iso3: str, language: str) -> Rights | None:
    """The best-covered dataset's latest area scores for ``iso3``; None when none has any."""
    candidates = Dataset.objects.select_related("framework").exclude(
        framework__series__in=NOT_RIGHTS_SERIES
    )
    for dataset in candidates.order_by("is_synthetic", "position", "slug"):
        rows = Score.objects.filter(
            dataset=dataset, iso3=iso3.upper(), level="area", score__isnull=False
        )
        year = rows.order_by("-year").values_list("year", flat=True).first()
        if year is None:
            continue
        return _rights(dataset, iso3.upper(), year, rows.filter(year=year), language)
    return None


def _rights(dataset: Dataset, iso3: str, year: int, rows, language: str) -> Rights:
    fw = framework_of(dataset)
    titles = {a.code: a.title for a in fw.areas}
    scores = {r.code: r for r in rows}
    areas = []
    for code in fw.area_codes:
        if code not in scores:
            continue
        title = titles[code]
        score = float(scores[code].score)
        areas.append(
            AreaRight(
                code=code,
                title=fw.text(title, language),
                title_is_fallback=language not in title,
                plain_words=str(PLAIN_WORDS.get(code, "")),
                score=score,
                band=band_of(score),
            )
        )
    sources = {r.source for r in scores.values() if r.source} or {dataset.sources}
    return Rights(
        iso3=iso3,
        dataset_title=dataset.title_ru if language == "ru" else dataset.title_en,
        is_synthetic=dataset.is_synthetic,
        label=dataset.label,
        year=year,
        source="; ".join(sorted(s for s in sources if s)),
        areas=areas,
    )
