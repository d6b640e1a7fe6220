"""A reproducible synthetic answer set for demos and benchmarks — never real data.

Each country gets a latent policy level and per-area offsets; each indicator
a difficulty; the option follows the latent score, and policies improve
slowly over the years (rarely worsen). Where a 2019 overall score is
published, the country's level is set so that its synthetic 2019 overall
lands near it (so the demo tells a plausible story); the answers themselves
remain invented. Every row's ``dataset`` column says
``SYNTHETIC``, and so does every output computed from it.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from migdex.index.compare import countries
from migdex.index.framework import Framework

SYNTHETIC_LABEL = "SYNTHETIC demo data (migdex generator) - not real MIPEX answers"
DEFAULT_YEARS = tuple(range(2007, 2020))


def make_synthetic_answers(
    framework: Framework,
    *,
    iso3: list[str] | None = None,
    years: tuple[int, ...] = DEFAULT_YEARS,
    seed: int = 2020,
    missing_share: float = 0.0,
) -> pd.DataFrame:
    """Answers for every country × year × indicator of ``framework`` (56 countries by default).

    Examples
    --------
    >>> from migdex.index.framework import load_framework
    >>> fw = load_framework("mipex-2015-reconstructed")
    >>> a = make_synthetic_answers(fw, iso3=["RUS", "SWE"], years=(2018, 2019))
    >>> len(a), a["dataset"].str.startswith("SYNTHETIC").all()
    (668, np.True_)
    """
    rng = np.random.default_rng(seed)
    iso3 = iso3 or countries()["iso3"].tolist()
    places = framework.places
    n_c, n_y, n_i = len(iso3), len(years), len(places)
    area_index = {a: k for k, a in enumerate(framework.area_codes)}
    area_of = np.array([area_index[p.area] for p in places])
    anchors = published_anchors()
    target = np.array([anchors.get(c, np.nan) for c in iso3])
    target = np.where(np.isnan(target), rng.normal(50, 15, n_c).clip(10, 90), target)
    slope = rng.gamma(2.0, 0.006, n_c)  # latent units per year; about +2 points in 5 years
    centre = target / 100 * 2.4 - 1.2 - slope * (n_y - 1)
    level = centre[:, None] + rng.normal(0, 0.45, (n_c, len(area_index)))[:, area_of]
    difficulty = rng.normal(0.0, 0.6, n_i)
    difficulty -= difficulty.mean()
    # Slow improvement: a country's latent level drifts up by its per-year slope.
    trend = slope[:, None, None] * np.arange(n_y)[None, :, None]
    noise = rng.normal(0, 0.15, (n_c, 1, n_i))
    latent = level[:, None, :] - difficulty[None, None, :] + trend + noise
    # Three-level options by latent thresholds; generalises to any number of options.
    n_opt = np.array([len(p.indicator.options) for p in places])
    cut = np.clip((latent + 1.2) / 2.4, 0, 0.999)
    choice = np.floor(cut * n_opt[None, None, :]).astype(int)  # 0 = least favourable
    ordered = [sorted(p.indicator.options, key=lambda o: o.value) for p in places]
    codes = np.array(
        [[o.code for o in opts] + [""] * (n_opt.max() - len(opts)) for opts in ordered]
    )
    option = codes[np.arange(n_i)[None, None, :], choice]
    frame = pd.DataFrame(
        {
            "iso3": np.repeat(iso3, n_y * n_i),
            "year": np.tile(np.repeat(np.array(years), n_i), n_c),
            "indicator": np.tile([p.indicator.code for p in places], n_c * n_y),
            "option": option.ravel(),
            "dataset": SYNTHETIC_LABEL,
        }
    )
    if missing_share > 0:
        keep = rng.random(len(frame)) >= missing_share
        frame = frame[keep].reset_index(drop=True)
    return frame


def published_anchors() -> dict[str, float]:
    """Published 2019 overall scores (core series) used to place synthetic countries."""
    from migdex.index.published import published_scores

    p = published_scores(series="core")
    p = p[(p["year"] == 2019) & p["overall"].notna()]
    return dict(zip(p["iso3"], p["overall"].astype(float)))


def is_synthetic(frame: pd.DataFrame) -> bool:
    """True when any row of ``frame`` is labelled synthetic."""
    return "dataset" in frame.columns and bool(
        frame["dataset"].astype("string").str.contains("SYNTHETIC", na=False).any()
    )
