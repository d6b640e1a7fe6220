"""Throughput and peak memory of ``classify_file`` at 10^6, 10^7 (and 10^8) crossings.

Run ``python -m bench.mobility --sizes 1e6,1e7`` (or ``make bench``). Each size
runs in a fresh process limited to the given threads (2 by default) so that
its peak RSS is its own; the pandas per-person baseline runs at 10^6 in the
same invocation. Writes ``bench/results/mobility.md``. ``--old-src DIR`` runs
another checkout's ``src`` right before each run of this one, for a fair
comparison on a shared machine; ``python -m bench.mobility.profile`` splits one
run into stages.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

KINDS = {
    "pandas": "pandas per-person baseline",
    "duckdb": "DuckDB, array kernel (default)",
    "duckdb-sql": "DuckDB, SQL window passes",
}
RESULTS = Path(__file__).resolve().parent.parent / "results" / "mobility.md"
OBS_END = dt.date(2025, 1, 1)


def measure(kind: str, data: Path, out: Path, threads: int, memory_limit: str) -> dict:
    """Run one classification in this process; return seconds, rows and peak RSS.

    ``kind`` is ``pandas`` (the baseline), ``duckdb`` (the array kernel) or
    ``duckdb-sql`` (DuckDB running the window-pass SQL that Spark runs).
    """
    start = time.perf_counter()
    before = resource.getrusage(resource.RUSAGE_SELF)
    cpu_start = before.ru_utime + before.ru_stime
    if kind == "pandas":
        from bench.mobility.baseline import classify_with_pandas

        rows = classify_with_pandas(data, out, obs_end=OBS_END)
    else:
        from migdex.mobility import classify_file
        from migdex.mobility.duckdb_engine import DuckDBEngine

        engine = DuckDBEngine(
            threads=threads,
            memory_limit=memory_limit,
            temp_directory=out.parent / "spill",
            kernel="sql" if kind == "duckdb-sql" else "arrays",
        )
        rows = classify_file(data, out=out, obs_end=OBS_END, engine=engine)["counts"]["rows_read"]
        engine.close()
    seconds = time.perf_counter() - start
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return {
        "kind": kind,
        "rows": rows,
        "seconds": seconds,
        "cpu_seconds": usage.ru_utime + usage.ru_stime - cpu_start,
        "peak_mb": usage.ru_maxrss / 1024,
    }


def run_child(
    kind: str, data: Path, out: Path, threads: int, memory_limit: str, src: str | None = None
) -> dict:
    """:func:`measure` in a fresh interpreter, so that peak memory is this run's alone.

    ``src`` puts another copy of the ``migdex`` sources first on the path (an
    older checkout's ``src``), to compare two versions back to back.
    """
    env = {**os.environ, "OMP_NUM_THREADS": str(threads)}
    if src:
        env["PYTHONPATH"] = os.pathsep.join([src, env.get("PYTHONPATH", "")]).rstrip(os.pathsep)
    cmd = [
        sys.executable,
        "-m",
        "bench.mobility",
        "--child",
        kind,
        str(data),
        str(out),
        "--threads",
        str(threads),
        "--memory-limit",
        memory_limit,
    ]
    done = subprocess.run(cmd, check=True, capture_output=True, text=True, env=env)
    result = json.loads(done.stdout.strip().splitlines()[-1])
    return {**result, "src": src} if src else result


def parse_sizes(text: str) -> list[int]:
    """``"1e6,1e7"`` → ``[1000000, 10000000]``."""
    return [int(float(s)) for s in text.split(",") if s.strip()]


def table(results: list[dict], baseline: dict | None, args: argparse.Namespace) -> str:
    """The markdown report."""
    lines = [
        "# bench/mobility: 12/16-month rule, end to end (Parquet in, Parquet out)",
        "",
        f"Command: `python -m bench.mobility --sizes {args.sizes} --threads {args.threads}"
        f" --memory-limit {args.memory_limit} --kernels {args.kernels}"
        f"{' --no-baseline' if args.no_baseline else ''}"
        f"{f' --old-src {args.old_src}' if args.old_src else ''}`  ",
        f"Machine: {platform.machine()}, {os.cpu_count()} CPUs visible, DuckDB threads "
        f"{args.threads}, Python {platform.python_version()}. Data: bench/mobility/generate.py "
        "(tourists, residents' trips, seasonal workers, migrants, daily commuters; 0.2 % gaps, "
        "0.5 % duplicates; censored at 2025-01-01).",
        "",
        "| engine | crossings | seconds | CPU seconds | crossings/s | peak RSS (MB) "
        "| ratio vs pandas |",
        "|---|---:|---:|---:|---:|---:|---:|",
    ]
    for r in results:
        ratio = ""
        if baseline and baseline["rows"] == r["rows"]:
            ratio = f"{baseline['seconds'] / r['seconds']:.1f}×"
        name = KINDS[r["kind"]] + (f" (old code: {r['src']})" if r.get("src") else "")
        lines.append(
            f"| {name} | {r['rows']:,} | {r['seconds']:.1f} "
            f"| {r.get('cpu_seconds', float('nan')):.1f} "
            f"| {r['rows'] / r['seconds']:,.0f} | {r['peak_mb']:,.0f} | {ratio} |"
        )
    if baseline:
        lines += [
            "",
            f"pandas per-person baseline at {baseline['rows']:,} crossings: "
            f"{baseline['seconds']:.1f} s ({baseline['rows'] / baseline['seconds']:,.0f} "
            f"crossings/s), peak RSS {baseline['peak_mb']:,.0f} MB.",
        ]
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> None:
    """Generate data per size, run the engine (and the baseline at 10^6), write the report."""
    parser = argparse.ArgumentParser(prog="python -m bench.mobility")
    parser.add_argument("--sizes", default="1e6,1e7")
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--memory-limit", default="6GB")
    parser.add_argument("--no-baseline", action="store_true")
    parser.add_argument(
        "--kernels",
        default="duckdb",
        help="comma-separated: duckdb (array kernel), duckdb-sql (the SQL window passes)",
    )
    parser.add_argument("--workdir", default=None)
    parser.add_argument(
        "--old-src",
        default=None,
        help="another checkout's src/ directory: run it right before each kernel to compare",
    )
    parser.add_argument("--child", nargs=3, metavar=("KIND", "DATA", "OUT"))
    args = parser.parse_args(argv)
    if args.child:
        kind, data, out = args.child
        print(json.dumps(measure(kind, Path(data), Path(out), args.threads, args.memory_limit)))
        return
    from bench.mobility.generate import generate

    work = Path(args.workdir or tempfile.mkdtemp(prefix="bench-mobility-"))
    work.mkdir(parents=True, exist_ok=True)
    results, baseline = [], None
    for size in parse_sizes(args.sizes):
        data = work / f"crossings-{size:.0e}.parquet"
        if not data.exists():
            generate(size, data, threads=args.threads)
        for kind in args.kernels.split(","):
            for src in [args.old_src, None] if args.old_src else [None]:
                result = run_child(
                    kind,
                    data,
                    work / f"out-{size:.0e}.parquet",
                    args.threads,
                    args.memory_limit,
                    src=src,
                )
                print(json.dumps(result), flush=True)
                results.append(result)
        if size == 1_000_000 and not args.no_baseline:
            baseline = run_child(
                "pandas", data, work / "out-pandas.parquet", args.threads, args.memory_limit
            )
            print(json.dumps(baseline), flush=True)
        RESULTS.write_text(table(results, baseline, args), encoding="utf-8")
    print(RESULTS.read_text(encoding="utf-8"))


if __name__ == "__main__":
    main()
