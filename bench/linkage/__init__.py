"""Benchmark of ``migdex.linkage`` on synthetic nine-agency ban lists with known truth.

Run ``python -m bench.linkage --records 10000 100000`` from the repository root.
"""
