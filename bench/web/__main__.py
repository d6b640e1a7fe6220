"""Load-test the explorer under gunicorn with the production settings, on loopback only.

Run: ``python -m bench.web`` (or ``make bench``). Steps: a database in
``var/bench-web/`` with the full demo (56 countries × 13 years; loaded once,
idempotent), gunicorn on a free 127.0.0.1 port with the arguments ``migdex web
serve`` uses, then for each target 50 concurrent clients send requests until a
request count or a time limit is reached (whichever first). Reports requests/s,
p50/p95/p99 latency, the server's CPU time per request and the load average per
target, cache mode and connection mode into ``bench/results/web.md``.
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

import psutil

from bench.web.client import load

ROOT = Path(__file__).resolve().parents[2]
RESULTS = ROOT / "bench" / "results" / "web.md"
VAR = ROOT / "var" / "bench-web"
REDIS_URL = "redis://127.0.0.1:6379/7"
NOTES = "<!-- notes: kept when the table is rewritten -->"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def environment(*, cache_seconds: int, backend: str = "locmem") -> dict[str, str]:
    key_file = VAR / "bench-secret"
    VAR.mkdir(parents=True, exist_ok=True)
    if not key_file.exists():
        key_file.write_text(secrets.token_urlsafe(50), encoding="utf-8")
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "migdex.web.settings_production",
        "MIGDEX_SECRET_KEY": key_file.read_text(encoding="utf-8"),
        "MIGDEX_VAR_DIR": str(VAR),
        "MIGDEX_ALLOWED_HOSTS": "127.0.0.1",
        "MIGDEX_PAGE_CACHE_SECONDS": str(cache_seconds),
        "DATABASE_URL": os.environ.get("BENCH_DATABASE_URL", f"sqlite:///{VAR / 'bench.sqlite3'}"),
    }
    env.pop("REDIS_URL", None)
    if backend == "redis":
        env["REDIS_URL"] = os.environ.get("BENCH_REDIS_URL", REDIS_URL)
    return env


def prepare(env: dict[str, str]) -> None:
    """Migrate and load the full demo (idempotent: a second run changes nothing)."""
    for args in (["migrate", "-v0"], ["load_demo"]):
        subprocess.run([sys.executable, "-m", "django", *args], env=env, check=True, cwd=ROOT)


def clear_redis(env: dict[str, str]) -> None:
    """Empty the bench's own Redis database, so a pass starts with no cached answers."""
    if "REDIS_URL" in env:
        import redis

        redis.Redis.from_url(env["REDIS_URL"]).flushdb()


def start_gunicorn(env: dict[str, str], port: int, args) -> subprocess.Popen:
    """gunicorn with ``migdex web serve``'s arguments (or sync workers, for comparison)."""
    from migdex.commands.site import gunicorn_args

    command = gunicorn_args("127.0.0.1", port, args.workers, worker_class=args.worker_class)
    proc = subprocess.Popen(
        [sys.executable, *command[1:], "--log-level=warning"], env=env, cwd=ROOT
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


def server_cpu(proc: subprocess.Popen) -> float:
    """CPU seconds (user + system) used so far by gunicorn's master and workers."""
    total = 0.0
    try:
        master = psutil.Process(proc.pid)
        for p in [master, *master.children(recursive=True)]:
            times = p.cpu_times()
            total += times.user + times.system
    except psutil.NoSuchProcess:
        pass
    return total


def targets() -> dict[str, list[str]]:
    from migdex.index.compare import countries

    iso3 = countries()["iso3"].tolist()
    return {
        "country page": [f"/en/country/{c}/?dataset=synthetic-demo&year=2019" for c in iso3],
        "scores API": [
            f"/api/v1/scores?dataset=synthetic-demo&country={c}&year=2019&limit=100" for c in iso3
        ],
    }


def measure(proc, port: int, paths: list[str], args, *, keep_alive: bool) -> dict:
    """One bounded run; with the server's CPU time per answered request and the load."""
    cpu0, own0 = server_cpu(proc), time.process_time()
    result = asyncio.run(
        load(
            port,
            paths,
            clients=args.clients,
            max_requests=args.requests,
            max_seconds=args.seconds,
            keep_alive=keep_alive,
        )
    )
    spent, own = server_cpu(proc) - cpu0, time.process_time() - own0
    n = result["requests"] or float("nan")
    result["cpu_ms"], result["client_cpu_ms"] = spent / n * 1000, own / n * 1000
    result["load"] = os.getloadavg()[0]
    return result


def run_pass(cache_seconds: int, backend: str, args) -> list[dict]:
    """Start a server for one cache setting and measure every target and connection mode."""
    env = environment(cache_seconds=cache_seconds, backend=backend)
    prepare(env)
    clear_redis(env)
    port = free_port()
    proc = start_gunicorn(env, port, args)
    rows = []
    try:
        for name, paths in targets().items():
            # Warm-up: every path once per worker (imports, framework parse, frames, cache).
            asyncio.run(
                load(
                    port,
                    paths,
                    clients=4,
                    max_requests=len(paths) * args.workers,
                    max_seconds=120,
                    keep_alive=False,
                )
            )
            modes = args.connections if cache_seconds else args.connections[:1]
            for mode in modes:
                result = measure(proc, port, paths, args, keep_alive=mode == "keep-alive")
                result.update(
                    target=name,
                    cache=f"on ({backend})" if cache_seconds else "off",
                    connections=mode,
                )
                rows.append(result)
                report(result)
    finally:
        proc.terminate()
        proc.wait(timeout=30)
    return rows


def report(r: dict) -> None:
    print(
        f"{r['target']:13s} cache {r['cache']:13s} {r['connections']:10s}: "
        f"{r['rps']:7.1f} req/s  p50 {r['p50']:6.1f} ms  p95 {r['p95']:6.1f} ms  "
        f"p99 {r['p99']:6.1f} ms  server CPU {r['cpu_ms']:5.1f} ms/req  "
        f"client CPU {r['client_cpu_ms']:4.1f} ms/req  load {r['load']:.1f}  "
        f"({r['requests']} ok, {r['errors']} errors, {r['seconds']:.1f} s)",
        flush=True,
    )


def redis_answers() -> bool:
    try:
        import redis

        return bool(redis.Redis.from_url(os.environ.get("BENCH_REDIS_URL", REDIS_URL)).ping())
    except Exception:  # no server, no package: measure LocMem only
        return False


def run(args) -> list[dict]:
    backends = [b for b in args.backend if b != "redis" or redis_answers()]
    if len(backends) < len(args.backend):
        print("Redis does not answer: skipping the Redis pass", flush=True)
    rows = []
    for cache_seconds in args.cache:
        for backend in backends if cache_seconds else backends[:1]:
            rows += run_pass(cache_seconds, backend, args)
    return rows


def write(rows: list[dict], args, path: Path) -> None:
    workers = (
        f"{args.workers} gthread workers × 4 threads, keep-alive 5 s"
        if args.worker_class == "gthread"
        else f"{args.workers} sync workers"
    )
    lines = [
        "# bench/web: the explorer under gunicorn (production settings), loopback load",
        "",
        f"Machine: {platform.platform()}, {os.cpu_count()} CPU(s) seen by the process "
        "(shared with the load generator and with other work).",
        "Data: full demo, 56 countries × 13 years (154,336 scores, 121,576 answers), "
        f"{'PostgreSQL' if os.environ.get('BENCH_DATABASE_URL') else 'SQLite'}.",
        f"Server: gunicorn, {workers}, DEBUG off, WhiteNoise.",
        f"Load: {args.clients} concurrent clients on 127.0.0.1, each target's paths cycling "
        f"through the 56 countries; at most {args.requests} requests or {args.seconds:g} s per "
        "row, after one warm-up pass. `keep-alive`: each client keeps one connection open "
        "(as browsers and HTTP libraries do); `close`: a new connection per request.",
        "`cache on` = rendered answers reused (keyed on URL and data version), the default; "
        "`cache off` = every request renders (MIGDEX_PAGE_CACHE_SECONDS=0). "
        "`server CPU` = CPU time of gunicorn's processes during the row / answers "
        "(`client CPU`: the same for the load generator, on the same cores); "
        "`load` = 1-minute load average at the end of the row.",
        "",
        "| target | cache | connections | requests/s | p50 ms | p95 ms | p99 ms "
        "| server CPU ms/req | client CPU ms/req | load | ok | errors |",
        "|---|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for r in rows:
        lines.append(
            f"| {r['target']} | {r['cache']} | {r['connections']} | {r['rps']:.1f} | "
            f"{r['p50']:.1f} | {r['p95']:.1f} | {r['p99']:.1f} | {r['cpu_ms']:.1f} | "
            f"{r['client_cpu_ms']:.1f} | "
            f"{r['load']:.1f} | {r['requests']} | {r['errors']} |"
        )
    lines += [
        "",
        "Goal (issue): API p95 < 50 ms, pages < 150 ms on 2 cores. Command: `python -m bench.web`.",
        "",
    ]
    path.parent.mkdir(parents=True, exist_ok=True)
    old = path.read_text(encoding="utf-8") if path.exists() else ""
    if NOTES in old:  # the hand-written notes below the table survive a re-run
        lines += [NOTES + old.split(NOTES, 1)[1].rstrip("\n"), ""]
    path.write_text("\n".join(lines), encoding="utf-8")
    print(f"Wrote {path}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.web", description=__doc__)
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--requests", type=int, default=10000, help="At most this many per row.")
    parser.add_argument("--seconds", type=float, default=20.0, help="At most this long per row.")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--worker-class", choices=["gthread", "sync"], default="gthread")
    parser.add_argument(
        "--cache", type=int, nargs="+", default=[600, 0], help="Cache seconds per pass (0: off)."
    )
    parser.add_argument(
        "--backend",
        nargs="+",
        choices=["locmem", "redis"],
        default=["locmem", "redis"],
        help="Cache backend(s) for the cached pass; redis uses BENCH_REDIS_URL "
        f"(default {REDIS_URL}, flushed before the pass; skipped when it does not answer).",
    )
    parser.add_argument(
        "--connections",
        nargs="+",
        choices=["keep-alive", "close"],
        default=["keep-alive", "close"],
        help="Connection modes measured with the cache on (the first also with it off).",
    )
    parser.add_argument("--output", type=Path, default=None, help="Write the table here instead.")
    args = parser.parse_args(argv)
    rows = run(args)
    write(rows, args, args.output or RESULTS)
    return 0


if __name__ == "__main__":
    sys.exit(main())
