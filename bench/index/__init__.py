"""Benchmark of the index cascade against a straightforward pandas groupby."""
