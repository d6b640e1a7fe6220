"""Analysis charts and model tables are worded by the caller: English by default, any language
when labels are passed, and an unknown label key is refused rather than silently ignored."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from migdex.index import charts
from migdex.index.mediation import LABELS, mediate
from migdex.index.outcomes import MODEL_LABELS, OutcomesError, analyse_outcomes, read_outcomes

EXAMPLE = Path(__file__).resolve().parents[2] / "src/migdex/data/outcomes_example.csv"
RANKS = pd.DataFrame(
    {
        "iso3": ["SWE", "RUS"],
        "nominal_rank": [1, 2],
        "median_rank": [1, 2],
        "rank_p05": [1, 1],
        "rank_p95": [2, 2],
    }
)


def _tooltip_titles(spec: dict) -> set[str]:
    layers = spec.get("layer", [spec])
    return {t.get("title") for layer in layers for t in layer["encoding"].get("tooltip", [])}


def test_rank_chart_tooltips_take_the_given_words():
    default = _tooltip_titles(charts.rank_uncertainty_chart(RANKS))
    assert {"nominal", "median", "5%", "95%"} <= default
    ru = {"nominal": "номинальное", "median": "медиана", "p05": "5-й", "p95": "95-й"}
    spec = charts.rank_uncertainty_chart(RANKS, y_title="Страна", labels=ru)
    assert _tooltip_titles(spec) == {"Страна", *ru.values()}
    with pytest.raises(KeyError, match="unknown chart label"):
        charts.rank_uncertainty_chart(RANKS, labels={"nominl": "x"})


def test_scatter_tooltip_names_the_point_in_the_given_language():
    points = pd.DataFrame({"x": [10.0, 50, 90], "y": [1.0, 2, 3], "label": ["A", "B", "C"]})
    fit = pd.DataFrame({"x": [10.0, 90], "fit": [1.0, 3], "lower": [0.5, 2.5], "upper": [1.5, 3.5]})
    assert "Country" in _tooltip_titles(charts.scatter_fit_chart(points, fit))
    spec = charts.scatter_fit_chart(points, fit, x_title="Балл", labels={"label": "Страна"})
    assert "Страна" in _tooltip_titles(spec) and "Country" not in _tooltip_titles(spec)
    # every layer's axes carry the caller's titles, never a field name
    assert {layer["encoding"]["x"]["title"] for layer in spec["layer"]} == {"Балл"}


def test_score_grid_keeps_row_and_column_order_and_scores():
    frame = pd.DataFrame(
        {"label": ["B", "B", "A", "A"], "item": ["y", "x", "y", "x"], "score": [1, 2, 3, 99.96]}
    )
    spec = charts.score_grid_chart(frame, score_title="Балл", validate=True)
    cells = spec["layer"][0]["encoding"]
    assert cells["y"]["sort"] == ["B", "A"] and cells["x"]["sort"] == ["y", "x"]
    assert cells["color"]["scale"]["domain"] == [0, 100]
    data = spec["datasets"][spec["data"]["name"]]
    assert [d["score"] for d in data] == [1.0, 2.0, 3.0, 100.0]


def test_models_are_named_in_the_given_language_with_the_year():
    from migdex.index.demo import demo_run

    words = {
        "ols_cross_section": "МНК, {year}",
        "ols_pooled": "МНК, все годы",
        "fixed_effects": "ФЭ",
    }
    a = analyse_outcomes(
        read_outcomes(EXAMPLE), demo_run().scores, outcome="perceived_threat", labels=words
    )
    assert [f.name for f in a.fits] == [f"МНК, {a.year}", "МНК, все годы", "ФЭ"]
    assert [f.code for f in a.fits] == list(MODEL_LABELS)
    assert set(a.coefficients["model"]) == {f"МНК, {a.year}", "МНК, все годы", "ФЭ"}
    with pytest.raises(OutcomesError, match="unknown model label"):
        analyse_outcomes(read_outcomes(EXAMPLE), demo_run().scores, outcome="x", labels={"o": ""})


def test_mediation_effects_are_worded_by_the_caller():
    rng = np.random.default_rng(3)
    x = rng.uniform(0, 100, 300)
    m = 0.5 * x + rng.normal(0, 5, 300)
    d = pd.DataFrame({"policy": x, "m": m, "y": -0.3 * m + rng.normal(0, 5, 300)})
    english = mediate(d, mediator="m", outcome="y", n_boot=50)
    assert english.table["label"].tolist() == [LABELS[e] for e in english.table["effect"]]
    ru = mediate(d, mediator="m", outcome="y", n_boot=50, labels={"indirect": "косвенный"})
    assert ru.table.set_index("effect").loc["indirect", "label"] == "косвенный"
    assert ru.table.set_index("effect").loc["total", "label"] == LABELS["total"]
    np.testing.assert_array_equal(ru.table["estimate"], english.table["estimate"])
    with pytest.raises(OutcomesError, match="unknown effect label"):
        mediate(d, mediator="m", outcome="y", n_boot=50, labels={"indirekt": "x"})


@settings(max_examples=40, deadline=None)
@given(
    st.dictionaries(
        st.sampled_from(sorted(charts.RANK_LABELS)), st.text(min_size=1, max_size=20), max_size=4
    )
)
def test_any_partial_translation_replaces_exactly_the_given_words(words):
    spec = charts.rank_uncertainty_chart(RANKS, y_title="Y", labels=words)
    expected = {**charts.RANK_LABELS, **words}
    assert _tooltip_titles(spec) == {"Y", *expected.values()}
