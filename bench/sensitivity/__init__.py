"""Benchmark of the sensitivity analysis: vectorised runs against a plain loop over runs."""
