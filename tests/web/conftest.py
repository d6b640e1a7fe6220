"""Web test fixtures: a small demo set loaded once per test database, and helpers."""

from __future__ import annotations

import pytest

# A small but telling subset: Russia, EU members, non-EU countries; six years for changes.
DEMO_COUNTRIES = ["RUS", "SWE", "FIN", "DEU", "FRA", "POL", "TUR", "CAN", "JPN", "NOR", "GBR"]
DEMO_YEARS = (2014, 2015, 2016, 2017, 2018, 2019)


def load_small_demo() -> None:
    from migdex.web.explorer.loading import load_demo

    load_demo(iso3=DEMO_COUNTRIES, years=DEMO_YEARS)


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """Create the test database as usual, then load the small demo once per session."""
    with django_db_blocker.unblock():
        load_small_demo()


@pytest.fixture
def demo(db):
    """The demo data (reloaded when a transactional test flushed the database)."""
    from migdex.web.explorer.models import Dataset

    if not Dataset.objects.filter(slug="synthetic-demo").exists():
        load_small_demo()
