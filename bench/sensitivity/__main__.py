"""Sensitivity analysis, 10,000 runs × 56 countries × 167 indicators, against a plain loop.

Run: ``python -m bench.sensitivity`` (or ``python -m bench.run sensitivity``). Writes
``bench/results/sensitivity.md``. Both implementations run in the same process on
the same synthetic demo scores (2019) and the same drawn assumptions:

- vectorised: :meth:`migdex.index.sensitivity_model.RankModel.evaluate` (chunks of
  runs as matrix products), and the whole :func:`run_sensitivity` (design,
  runs, summaries, Sobol indices overall and per country);
- loop: :func:`migdex.index.sensitivity_model.loop_ranks`, one ``score_answers``
  call per run. It is timed on the first ``--loop-runs`` runs only and
  extrapolated linearly to all runs (each run costs the same); its ranks are
  checked to equal the vectorised ones on those runs.
"""

from __future__ import annotations

import argparse
import os
import platform
import time
from pathlib import Path

import numpy as np

from migdex.index.demo import demo_run
from migdex.index.sensitivity import (
    SensitivitySpec,
    as_indicator_table,
    decode_design,
    draw_design,
    run_sensitivity,
)
from migdex.index.sensitivity_model import build_model, loop_ranks

RESULTS = Path(__file__).resolve().parent.parent / "results" / "sensitivity.md"


def timed(fn):
    t0 = time.perf_counter()
    value = fn()
    return value, time.perf_counter() - t0


def main(argv: list[str] | None = None) -> str:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=10_000)
    parser.add_argument("--loop-runs", type=int, default=100)
    parser.add_argument("--out", type=Path, default=RESULTS)
    args = parser.parse_args(argv)
    run = demo_run()
    spec = SensitivitySpec(runs=args.runs)
    model = build_model(as_indicator_table(run.scores), run.framework, year=2019, spec=spec)
    assumptions = decode_design(draw_design(model, spec)[0], model, spec)
    n_runs = len(assumptions)
    (ranks, _), t_vec = timed(lambda: model.evaluate(assumptions))
    result, t_full = timed(lambda: run_sensitivity(run.scores, run.framework, spec=spec))
    k = min(args.loop_runs, n_runs)
    loop, t_loop_k = timed(lambda: loop_ranks(model, assumptions.take(slice(0, k))))
    np.testing.assert_array_equal(loop, ranks[:k])
    t_loop = t_loop_k / k * n_runs
    n_c, n_i = model.values.shape
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    lines = [
        "# Sensitivity analysis benchmark",
        "",
        f"Input: {n_c} countries × {n_i} indicators (synthetic demo scores, 2019, "
        f"{run.framework.name}); {n_runs:,} runs (Saltelli design for {args.runs:,} requested, "
        f"factors: {', '.join(result.settings['factors'])}; area weights ±25%).",
        f"Machine: {platform.machine()}, {cores} cores available, Python "
        f"{platform.python_version()}, NumPy {np.__version__}.",
        "",
        "| step | seconds | loop time ÷ this time |",
        "|---|---|---|",
        f"| plain loop over runs, `score_answers` per run (timed on {k} runs, extrapolated "
        f"linearly to {n_runs:,}) | {t_loop:.1f} | 1.0 |",
        f"| vectorised runs (`RankModel.evaluate`) | {t_vec:.2f} | {t_loop / t_vec:.0f} |",
        f"| whole `run_sensitivity` (runs + summaries + Sobol indices overall and per "
        f"country) | {t_full:.2f} | {t_loop / t_full:.0f} |",
        "",
        f"The loop's ranks equal the vectorised ranks on the {k} runs it made. Target: "
        f"{args.runs:,} runs in under 20 s on 2 cores.",
        "",
    ]
    text = "\n".join(lines)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(text, encoding="utf-8")
    print(text)
    return text


if __name__ == "__main__":
    main()
