"""A text in the reader's language, or English marked as such; review state travels with it."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from migdex.web.portal.models import Destination, ReviewStatus

FIELDS = ["summary", "entry_steps", "registration", "work_routes"]
texts = st.text(st.characters(categories=["L"]), min_size=1, max_size=8)


def _place(uzbek: dict[str, str], status: str) -> Destination:
    place = Destination(iso3="RUS")
    place.set_current_language("en")
    place.name = "Russia"
    for field in FIELDS:
        setattr(place, field, f"en-{field}")
    place.review_status = ReviewStatus.REVIEWED
    place.set_current_language("uz")
    place.name = "Rossiya"
    for field, value in uzbek.items():
        setattr(place, field, value)
    place.review_status = status
    place.save()
    return Destination.objects.get(pk=place.pk)


@pytest.mark.django_db
@settings(
    max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    uzbek=st.dictionaries(st.sampled_from(FIELDS), texts),
    status=st.sampled_from(list(ReviewStatus)),
)
def test_a_field_is_never_blank_when_english_has_it(uzbek, status):
    Destination.objects.all().delete()
    place = _place(uzbek, status)
    for field in FIELDS:
        shown = place.shown(field, "uz")
        if field in uzbek:
            assert (shown.text, shown.language, shown.is_fallback) == (uzbek[field], "uz", False)
            assert shown.is_unreviewed == (status != ReviewStatus.REVIEWED)
        else:
            assert (shown.text, shown.language, shown.is_fallback) == (f"en-{field}", "en", True)
            assert not shown.is_unreviewed  # the English text was reviewed


@pytest.mark.django_db
def test_a_language_without_any_row_falls_back_to_english():
    place = _place({}, ReviewStatus.MACHINE)
    shown = place.shown("entry_steps", "ky")
    assert (shown.text, shown.is_fallback) == ("en-entry_steps", True)
    assert not place.shown("entry_steps", "en").is_fallback
