"""The synthetic demo run used by ``migdex demo`` and the web site's demo data."""

from __future__ import annotations

from migdex.index.framework import load_framework
from migdex.index.pipeline import IndexRun, run_index
from migdex.index.synthetic import make_synthetic_answers

DEMO_FRAMEWORK = "mipex-2015-reconstructed"


def demo_run(*, framework: str = DEMO_FRAMEWORK, seed: int = 2020) -> IndexRun:
    """Score the synthetic answers (56 countries × 2007–2019) on the reconstructed framework."""
    fw = load_framework(framework)
    answers = make_synthetic_answers(fw, seed=seed)
    return run_index(answers, fw, source="synthetic demo answers")
