"""Rights in plain words: MIPEX bands, and which dataset a destination's areas come from."""

from __future__ import annotations

import pytest
from django.utils import translation
from hypothesis import given
from hypothesis import strategies as st

from migdex.web.portal.rights import BANDS, band_of

ORDER = [str(name) for _floor, name in reversed(BANDS)]


@pytest.fixture(autouse=True)
def _english():
    with translation.override("en"):
        yield


@pytest.mark.parametrize(
    "score, band",
    [
        (0, "critically unfavourable"),
        (0.4, "critically unfavourable"),
        (0.5, "unfavourable"),
        (20.4, "unfavourable"),
        (20.5, "slightly unfavourable"),
        (40.5, "halfway favourable"),
        (59.4, "halfway favourable"),
        (60, "slightly favourable"),
        (80, "favourable"),
        (100, "favourable"),
    ],
)
def test_known_bands(score, band):
    assert band_of(score) == band


@given(st.floats(0, 100), st.floats(0, 100))
def test_a_higher_score_never_reads_worse(a, b):
    low, high = sorted([a, b])
    assert ORDER.index(band_of(low)) <= ORDER.index(band_of(high))


@pytest.mark.parametrize("score", [-0.1, 100.5, float("nan")])
def test_out_of_range_score_is_refused_with_the_range(score):
    with pytest.raises(ValueError, match="index scores run from 0 to 100"):
        band_of(score)


def test_destination_attractiveness_datasets_are_not_rights(portal):
    from migdex.web.explorer.destinations import load_destination_example
    from migdex.web.explorer.models import Dataset
    from migdex.web.portal.rights import rights_for

    load_destination_example()
    Dataset.objects.filter(slug="destination-example-uzb").update(position=0)  # listed first
    # Published figures give Germany only an overall score: its areas come from the MIPEX
    # synthetic demo, never from the destination example (which also covers Germany).
    rights = rights_for("DEU", "en")
    assert rights is not None and rights.is_synthetic
    assert "Destinations seen from" not in rights.dataset_title
    assert {a.code for a in rights.areas} <= {
        "labour_market",
        "family_reunion",
        "education",
        "political_participation",
        "permanent_residence",
        "access_to_nationality",
        "anti_discrimination",
        "health",
    }
