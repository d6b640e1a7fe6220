"""The shipped synthetic example for the destination-attractiveness framework — never real data.

``src/migdex/data/destination_example.csv`` is made by
:func:`make_destination_example` (seeded, so it can be regenerated and a test
checks that it is): 12 destinations × 2015–2019 as seen from one origin
(Uzbekistan), every row labelled SYNTHETIC. Each destination gets a latent
attractiveness per area; each numeric indicator maps it into a plausible range
(in the indicator's good direction) with noise and a slow drift; option
indicators pick their option from the same latent value.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from migdex.index.framework import Framework, load_framework

FRAMEWORK = "destination-attractiveness"
EXAMPLE_LABEL = "SYNTHETIC example (migdex generator) - not real data"
ORIGIN = "UZB"
DESTINATIONS = ("RUS", "TUR", "ARE", "KOR", "DEU", "POL", "GBR", "USA", "JPN", "CZE", "SAU", "FIN")
YEARS = tuple(range(2015, 2020))
# Plausible raw ranges (worst, best) per numeric indicator; invented for the example.
RANGES = {
    "wage_ratio": (1.5, 8.0),
    "remittance_cost": (9.0, 1.5),
    "permit_cost": (300.0, 20.0),
    "permit_days": (120.0, 7.0),
    "informal_share": (65.0, 5.0),
    "reentry_bans": (40.0, 0.5),
    "job_satisfaction": (4.0, 8.5),
    "skill_match": (20.0, 80.0),
    "xenophobia": (55.0, 5.0),
    "language_share": (5.0, 90.0),
    "housing_standard": (30.0, 95.0),
    "years_to_permanent": (12.0, 3.0),
    "family_join": (5.0, 60.0),
}


def make_destination_example(framework: Framework | None = None, *, seed: int = 7) -> pd.DataFrame:
    """Answers (``iso3, year, indicator, option, value, origin, dataset``) for the example.

    Examples
    --------
    >>> ex = make_destination_example()
    >>> len(ex), ex["iso3"].nunique(), ex["dataset"].eq(EXAMPLE_LABEL).all()
    (900, 12, np.True_)
    """
    fw = framework or load_framework(FRAMEWORK)
    rng = np.random.default_rng(seed)
    places = fw.places
    area_of = np.array([fw.area_codes.index(p.area) for p in places])
    level = rng.normal(0, 1, (len(DESTINATIONS), len(fw.area_codes)))[:, area_of]
    noise = rng.normal(0, 0.35, (len(DESTINATIONS), 1, len(places)))
    drift = rng.normal(0.08, 0.05, (len(DESTINATIONS), 1, 1)) * np.arange(len(YEARS))[None, :, None]
    latent = level[:, None, :] + noise + drift + rng.normal(0, 0.1, (1, len(YEARS), len(places)))
    share = 1 / (1 + np.exp(-latent))  # 0 = worst, 1 = best
    rows = []
    for j, place in enumerate(places):
        ind = place.indicator
        for d, iso3 in enumerate(DESTINATIONS):
            for y, year in enumerate(YEARS):
                rows.append((iso3, year, ind.code, *_answer(ind, share[d, y, j])))
    frame = pd.DataFrame(rows, columns=["iso3", "year", "indicator", "option", "value"])
    return frame.assign(origin=ORIGIN, dataset=EXAMPLE_LABEL)


def _answer(indicator, share: float) -> tuple[str | None, float | None]:
    """An option code, or a raw value rounded as a statistic would be published."""
    if not indicator.is_numeric:
        ordered = sorted(indicator.options, key=lambda o: o.value)
        return ordered[min(int(share * len(ordered)), len(ordered) - 1)].code, None
    worst, best = RANGES[indicator.code]
    return None, round(worst + share * (best - worst), 1)


OUTCOMES_SOURCE = "SYNTHETIC outcomes (migdex generator) - not real data"


def make_outcomes_example(scores: pd.DataFrame, *, seed: int = 11) -> pd.DataFrame:
    """Synthetic outcomes with known effects of the overall policy score (per point):

    - ``perceived_threat`` (0–10) = 7 − 0.04·policy + country effect + noise;
    - ``generalised_trust`` (0–10) = 6.5 − 0.5·threat + 0.01·policy + noise, so the
      indirect effect policy → threat → trust is (−0.04)·(−0.5) = +0.02;
    - ``employment_gap`` (points) = 20 − 0.10·policy + 0.15·(policy in the first year)
      + noise: within a country the effect is −0.10, across countries it is confounded
      (+0.05), which is what fixed effects remove.

    Examples
    --------
    >>> from migdex.index.demo import demo_run
    >>> ex = make_outcomes_example(demo_run().scores)
    >>> sorted(ex["variable"].unique()), ex["dataset"].str.startswith("SYNTHETIC").all()
    (['employment_gap', 'generalised_trust', 'perceived_threat'], np.True_)
    """
    rng = np.random.default_rng(seed)
    pol = scores[(scores["level"] == "overall") & (scores["code"] == "overall")]
    pol = pol[["iso3", "year", "score"]].rename(columns={"score": "policy"}).reset_index(drop=True)
    first = pol.groupby("iso3")["policy"].transform("first")
    effect = pol["iso3"].map(dict(zip(pol["iso3"].unique(), rng.normal(0, 0.6, 500))))
    n = len(pol)
    threat = 7 - 0.04 * pol["policy"] + effect + rng.normal(0, 0.4, n)
    trust = 6.5 - 0.5 * threat + 0.01 * pol["policy"] + rng.normal(0, 0.4, n)
    gap = 20 - 0.10 * pol["policy"] + 0.15 * first + rng.normal(0, 1.0, n)
    wide = pol.assign(perceived_threat=threat, generalised_trust=trust, employment_gap=gap)
    long = wide.melt(
        id_vars=["iso3", "year"],
        value_vars=list(wide.columns[3:]),
        var_name="variable",
        value_name="value",
    )
    long["value"] = long["value"].round(2)
    return long.assign(source="migdex generator", dataset=OUTCOMES_SOURCE).reset_index(drop=True)
