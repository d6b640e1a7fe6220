"""Load-test the explorer under gunicorn with the production settings, on loopback only.

Run: ``python -m bench.web`` (or ``make bench``). Steps: a database in
``var/bench-web/`` with the full demo (56 countries × 13 years; loaded once,
idempotent), gunicorn on a free 127.0.0.1 port, then for each target 50
concurrent clients send requests until a request count or a time limit is
reached (whichever first). Reports requests/s and p50/p95/p99 latency per
target and cache mode into ``bench/results/web.md``.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import platform
import secrets
import socket
import subprocess
import sys
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[2]
RESULTS = ROOT / "bench" / "results" / "web.md"
VAR = ROOT / "var" / "bench-web"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def environment(*, cache_seconds: int) -> dict[str, str]:
    key_file = VAR / "bench-secret"
    VAR.mkdir(parents=True, exist_ok=True)
    if not key_file.exists():
        key_file.write_text(secrets.token_urlsafe(50), encoding="utf-8")
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "migdex.web.settings_production",
        "MIGDEX_SECRET_KEY": key_file.read_text(encoding="utf-8"),
        "MIGDEX_VAR_DIR": str(VAR),
        "MIGDEX_ALLOWED_HOSTS": "127.0.0.1",
        "MIGDEX_PAGE_CACHE_SECONDS": str(cache_seconds),
        "DATABASE_URL": os.environ.get("BENCH_DATABASE_URL", f"sqlite:///{VAR / 'bench.sqlite3'}"),
    }


def prepare(env: dict[str, str]) -> None:
    """Migrate and load the full demo (idempotent: a second run changes nothing)."""
    for args in (["migrate", "-v0"], ["load_demo"]):
        subprocess.run([sys.executable, "-m", "django", *args], env=env, check=True, cwd=ROOT)


def start_gunicorn(env: dict[str, str], port: int, workers: int) -> subprocess.Popen:
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "gunicorn",
            "migdex.web.wsgi:application",
            f"--bind=127.0.0.1:{port}",
            f"--workers={workers}",
            "--backlog=2048",
            "--log-level=warning",
        ],
        env=env,
        cwd=ROOT,
    )
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            socket.create_connection(("127.0.0.1", port), 1).close()
            return proc
        except OSError:
            time.sleep(0.2)
    proc.kill()
    raise RuntimeError("gunicorn did not start within 60 s")


async def fetch(port: int, path: str) -> tuple[int, float]:
    """One GET over a fresh connection (gunicorn's sync workers close after each answer)."""
    start = time.perf_counter()
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    writer.write(f"GET {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n".encode())
    await writer.drain()
    data = await reader.read()
    writer.close()
    status = int(data[9:12]) if len(data) > 12 else 0
    return status, time.perf_counter() - start


async def load(port: int, paths: list[str], *, clients: int, max_requests: int, max_seconds: float):
    """``clients`` concurrent loops cycling through ``paths``; bounded in count and time."""
    latencies: list[float] = []
    errors = 0
    issued = 0
    deadline = time.perf_counter() + max_seconds

    async def client(k: int) -> None:
        nonlocal issued, errors
        i = k
        while issued < max_requests and time.perf_counter() < deadline:
            issued += 1
            try:
                status, elapsed = await fetch(port, paths[i % len(paths)])
            except OSError:
                errors += 1
                continue
            i += clients
            if status == 200:
                latencies.append(elapsed)
            else:
                errors += 1

    t0 = time.perf_counter()
    await asyncio.gather(*(client(k) for k in range(clients)))
    wall = time.perf_counter() - t0
    lat = np.array(latencies) * 1000
    return {
        "requests": len(latencies),
        "errors": errors,
        "seconds": wall,
        "rps": len(latencies) / wall if wall else 0.0,
        "p50": float(np.percentile(lat, 50)) if len(lat) else float("nan"),
        "p95": float(np.percentile(lat, 95)) if len(lat) else float("nan"),
        "p99": float(np.percentile(lat, 99)) if len(lat) else float("nan"),
    }


def targets() -> dict[str, list[str]]:
    from migdex.index.compare import countries

    iso3 = countries()["iso3"].tolist()
    return {
        "country page": [f"/en/country/{c}/?dataset=synthetic-demo&year=2019" for c in iso3],
        "scores API": [
            f"/api/v1/scores?dataset=synthetic-demo&country={c}&year=2019&limit=100" for c in iso3
        ],
    }


def run(args) -> list[dict]:
    rows = []
    for cache_seconds in args.cache:
        env = environment(cache_seconds=cache_seconds)
        prepare(env)
        port = free_port()
        proc = start_gunicorn(env, port, args.workers)
        try:
            for name, paths in targets().items():
                # Warm-up: every path once per worker (imports, framework parse, frames).
                asyncio.run(
                    load(
                        port,
                        paths,
                        clients=4,
                        max_requests=len(paths) * args.workers,
                        max_seconds=120,
                    )
                )
                result = asyncio.run(
                    load(
                        port,
                        paths,
                        clients=args.clients,
                        max_requests=args.requests,
                        max_seconds=args.seconds,
                    )
                )
                result.update(target=name, cache="on" if cache_seconds else "off")
                rows.append(result)
                print(
                    f"{name:13s} cache {result['cache']:3s}: {result['rps']:7.1f} req/s  "
                    f"p50 {result['p50']:6.1f} ms  p95 {result['p95']:6.1f} ms  "
                    f"p99 {result['p99']:6.1f} ms  ({result['requests']} ok, "
                    f"{result['errors']} errors, {result['seconds']:.1f} s)",
                    flush=True,
                )
        finally:
            proc.terminate()
            proc.wait(timeout=30)
    return rows


def write(rows: list[dict], args) -> None:
    lines = [
        "# bench/web: the explorer under gunicorn (production settings), loopback load",
        "",
        f"Machine: {platform.platform()}, {os.cpu_count()} CPU(s) seen by the process "
        "(shared with the load generator and with other work).",
        f"Data: full demo, 56 countries × 13 years (154,336 scores, 121,576 answers), "
        f"{'PostgreSQL' if os.environ.get('BENCH_DATABASE_URL') else 'SQLite'}.",
        f"Server: gunicorn, {args.workers} sync workers, DEBUG off, WhiteNoise, LocMem cache.",
        f"Load: {args.clients} concurrent clients on 127.0.0.1, a new connection per request "
        f"(sync workers close it), each target's paths cycling through the 56 countries; at most "
        f"{args.requests} requests or {args.seconds:g} s per row, after one warm-up pass.",
        "`cache on` = rendered answers reused (keyed on URL and data version), the default; "
        "`cache off` = every request renders (MIGDEX_PAGE_CACHE_SECONDS=0).",
        "",
        "| target | cache | requests/s | p50 ms | p95 ms | p99 ms | ok | errors |",
        "|---|---|---:|---:|---:|---:|---:|---:|",
    ]
    for r in rows:
        lines.append(
            f"| {r['target']} | {r['cache']} | {r['rps']:.1f} | {r['p50']:.1f} | "
            f"{r['p95']:.1f} | {r['p99']:.1f} | {r['requests']} | {r['errors']} |"
        )
    lines += [
        "",
        "Goal (issue): API p95 < 50 ms, pages < 150 ms on 2 cores. Command: `python -m bench.web`.",
        "",
    ]
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text("\n".join(lines), encoding="utf-8")
    print(f"Wrote {RESULTS.relative_to(ROOT)}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.web", description=__doc__)
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--requests", type=int, default=3000, help="At most this many per row.")
    parser.add_argument("--seconds", type=float, default=30.0, help="At most this long per row.")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument(
        "--cache", type=int, nargs="+", default=[600, 0], help="Cache seconds per pass (0: off)."
    )
    args = parser.parse_args(argv)
    rows = run(args)
    write(rows, args)
    return 0


if __name__ == "__main__":
    sys.exit(main())
