"""Wall and CPU seconds per stage of one ``classify_file`` run (DuckDB, array kernel).

On a shared machine wall-clock time says little; CPU seconds per stage, taken
back to back for two versions (``PYTHONPATH=old/src`` for the other one), do.

Run ``python -m bench.mobility.profile crossings.parquet out.parquet``.
"""

from __future__ import annotations

import argparse
import datetime as dt
import functools
import resource
import time
from pathlib import Path
from typing import Any

OBS_END = dt.date(2025, 1, 1)


def timed(owner: Any, name: str, stages: dict[str, list[float]], label: str) -> None:
    """Wrap ``owner.name`` so that its wall and CPU seconds add up under ``label``."""
    original = getattr(owner, name)

    @functools.wraps(original)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        wall, cpu = time.perf_counter(), time.process_time()
        try:
            return original(*args, **kwargs)
        finally:
            total = stages.setdefault(label, [0.0, 0.0])
            total[0] += time.perf_counter() - wall
            total[1] += time.process_time() - cpu

    setattr(owner, name, wrapper)


def profile(data: Path, out: Path, *, threads: int, memory_limit: str) -> dict[str, list[float]]:
    """Classify ``data`` into ``out``; return ``{stage: [wall, cpu]}`` and the totals."""
    from migdex.mobility import classify_file, duckdb_engine, pipeline, sinks
    from migdex.mobility.duckdb_engine import DuckDBEngine

    stages: dict[str, list[float]] = {}
    timed(pipeline, "stage_crossings", stages, "stage and check input")
    timed(DuckDBEngine, "classify_table", stages, "sort, kernel, output columns")
    timed(duckdb_engine, "classify_sorted_parallel", stages, "  of which the kernel")
    timed(DuckDBEngine, "copy_to", stages, "write a part file")
    timed(sinks.FileSink, "finish", stages, "finish the output file")
    wall, cpu = time.perf_counter(), time.process_time()
    engine = DuckDBEngine(threads=threads, memory_limit=memory_limit)
    try:
        classify_file(data, out=out, obs_end=OBS_END, engine=engine)
    finally:
        engine.close()
    stages["total"] = [time.perf_counter() - wall, time.process_time() - cpu]
    return stages


def main(argv: list[str] | None = None) -> None:
    """Print one line per stage, then the peak RSS."""
    parser = argparse.ArgumentParser(prog="python -m bench.mobility.profile")
    parser.add_argument("data", type=Path)
    parser.add_argument("out", type=Path)
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--memory-limit", default="6GB")
    args = parser.parse_args(argv)
    stages = profile(args.data, args.out, threads=args.threads, memory_limit=args.memory_limit)
    for label, (wall, cpu) in stages.items():
        print(f"{label:30s} wall {wall:6.2f} s  CPU {cpu:6.2f} s")
    print(f"peak RSS {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:,.0f} MB")


if __name__ == "__main__":
    main()
