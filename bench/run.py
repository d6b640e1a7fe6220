"""Run every benchmark package under ``bench/`` (``make bench`` / ``python -m bench.run``).

A benchmark is a package ``bench/NAME/`` with a ``__main__.py``; each runs as
``python -m bench.NAME`` would, with its default options, one after the other.
Pass names to run only some: ``python -m bench.run mobility index``.
"""

from __future__ import annotations

import runpy
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent


def discover() -> list[str]:
    """Names of the benchmark packages, sorted."""
    return sorted(p.parent.name for p in HERE.glob("*/__main__.py"))


def main(argv: list[str] | None = None) -> int:
    """Run the named benchmarks (all by default); return the number that failed."""
    names = (argv if argv is not None else sys.argv[1:]) or discover()
    failed = 0
    for name in names:
        print(f"== bench.{name}", flush=True)
        saved = sys.argv
        sys.argv = [f"bench.{name}"]
        try:
            runpy.run_module(f"bench.{name}", run_name="__main__", alter_sys=True)
        except SystemExit as exc:
            failed += exc.code not in (None, 0)
        except Exception as exc:  # report and go on with the next benchmark
            print(f"bench.{name} failed: {exc!r}", file=sys.stderr)
            failed += 1
        finally:
            sys.argv = saved
    return failed


if __name__ == "__main__":
    sys.exit(main())
