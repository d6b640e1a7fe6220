"""Benchmarks: one package per library, each with its own data generator and baseline."""
