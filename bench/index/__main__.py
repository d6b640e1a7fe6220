"""Full cascade for 56 countries × 13 years × 167 indicators, against a pandas groupby baseline.

Run: ``python -m bench.index`` (or ``make bench``). Writes bench/results/index.md.
Both implementations run in the same process on the same synthetic answers;
the result is reported as a ratio, with input sizes.
"""

from __future__ import annotations

import argparse
import platform
import time
from pathlib import Path

import numpy as np
import pandas as pd

from migdex.index.answers import validate_answers
from migdex.index.framework import load_framework
from migdex.index.scoring import score_answers
from migdex.index.synthetic import make_synthetic_answers

RESULTS = Path(__file__).resolve().parent.parent / "results" / "index.md"


def pandas_cascade(answers: pd.DataFrame, framework) -> pd.DataFrame:
    """The obvious implementation: merge the structure, then groupby-mean level by level."""
    structure = pd.DataFrame(
        [(p.indicator.code, p.area, p.dimension or p.area) for p in framework.places],
        columns=["indicator", "area", "dimension"],
    )
    df = answers.merge(structure, on="indicator")
    dims = df.groupby(["iso3", "year", "area", "dimension"], as_index=False)["score"].mean()
    areas = dims.groupby(["iso3", "year", "area"], as_index=False)["score"].mean()
    overall = areas.groupby(["iso3", "year"], as_index=False)["score"].mean()
    return overall


def best_of(fn, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return min(times)


def main(argv: list[str] | None = None) -> str:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args(argv)
    fw = load_framework("mipex-2015-reconstructed")
    raw = make_synthetic_answers(fw)
    clean = validate_answers(raw, fw)
    n_cy = clean[["iso3", "year"]].drop_duplicates().shape[0]
    ours = score_answers(clean, fw)
    base = pandas_cascade(clean, fw)
    mine = ours[ours["code"] == "overall"].set_index(["iso3", "year"])["score"]
    np.testing.assert_allclose(
        mine.sort_index(), base.set_index(["iso3", "year"])["score"].sort_index()
    )
    t_score = best_of(lambda: score_answers(clean, fw), args.repeat)
    t_pandas = best_of(lambda: pandas_cascade(clean, fw), args.repeat)
    t_full = best_of(lambda: score_answers(validate_answers(raw, fw), fw), args.repeat)
    lines = [
        "# Index cascade benchmark",
        "",
        f"Input: {n_cy} country-years ({raw['iso3'].nunique()} countries × {raw['year'].nunique()}"
        f" years) × {len(fw.indicators)} indicators = {len(raw):,} answers (synthetic).",
        f"Machine: {platform.machine()}, Python {platform.python_version()};"
        f" best of {args.repeat}.",
        "",
        "| step | seconds | pandas time ÷ this time |",
        "|---|---|---|",
        "| pandas groupby cascade (baseline: overall score only, no coverage) |"
        f" {t_pandas:.4f} | 1.00 |",
        f"| migdex score_answers (all levels, coverage, variants, approach dims) | {t_score:.4f} |"
        f" {t_pandas / t_score:.2f} |",
        f"| migdex validate + score (end to end from raw answers) | {t_full:.4f} |"
        f" {t_pandas / t_full:.2f} |",
        "",
        f"Goal: full cascade under 0.5 s on 2 cores — {'met' if t_full < 0.5 else 'NOT met'}"
        f" ({t_full:.3f} s end to end).",
    ]
    report = "\n".join(lines) + "\n"
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(report, encoding="utf-8")
    print(report)
    return report


if __name__ == "__main__":
    main()
