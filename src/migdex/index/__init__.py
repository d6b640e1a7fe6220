"""Composite-index engine (no Django): frameworks, scoring, comparisons, approaches, checks."""

from migdex.index.framework import Framework, FrameworkError, load_framework

__all__ = ["Framework", "FrameworkError", "load_framework"]
