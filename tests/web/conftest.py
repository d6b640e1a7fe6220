"""Web test fixtures: a small demo set loaded once per test database, and helpers."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

# Browser tests (marker ``browser``) drive Debian's Chromium: Playwright cannot download its own.
CHROMIUM = os.environ.get("MIGDEX_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def pytest_collection_modifyitems(config, items):
    """Skip browser tests, saying why, when Chromium is not installed (CI installs it)."""
    if Path(CHROMIUM).exists() or shutil.which(CHROMIUM):
        return
    skip = pytest.mark.skip(reason=f"Chromium not found at {CHROMIUM}: run `make sysdeps` as root")
    for item in items:
        if item.get_closest_marker("browser"):
            item.add_marker(skip)


@pytest.fixture(scope="session")
def browser_type_launch_args():
    """pytest-playwright (and the hand-launched tests) start the system Chromium."""
    return {"executable_path": CHROMIUM, "args": CHROMIUM_ARGS, "headless": True}


@pytest.fixture(scope="session")
def allow_django_in_playwright_loop():
    """Let the ORM run beside Playwright's event loop in this thread (the loop is not ours).

    Kept for the session: the database flush after each live-server test runs beside the
    loop too.
    """
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"


# A small but telling subset: Russia, EU members, non-EU countries; six years for changes.
DEMO_COUNTRIES = ["RUS", "SWE", "FIN", "DEU", "FRA", "POL", "TUR", "CAN", "JPN", "NOR", "GBR"]
DEMO_YEARS = (2014, 2015, 2016, 2017, 2018, 2019)


def load_small_demo() -> None:
    from migdex.web.explorer.loading import load_demo

    load_demo(iso3=DEMO_COUNTRIES, years=DEMO_YEARS)


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """Create the test database as usual, then load the small demo once per session.

    At the end, sessions other than ours are ended first: a live server's keep-alive threads
    and connections opened beside Playwright's event loop would otherwise still hold the
    PostgreSQL test database when it is dropped ("is being accessed by other users").
    """
    with django_db_blocker.unblock():
        load_small_demo()
    yield
    with django_db_blocker.unblock():
        _end_other_sessions()


def _end_other_sessions() -> None:
    """End what still holds the PostgreSQL test database (a live server's idle keep-alive
    threads) so that pytest-django can drop it; SQLite needs nothing."""
    from django.db import connection

    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                "WHERE datname = current_database() AND pid <> pg_backend_pid()"
            )


@pytest.fixture
def demo(db):
    """The demo data (reloaded when a transactional test flushed the database)."""
    from migdex.web.explorer.models import Dataset

    if not Dataset.objects.filter(slug="synthetic-demo").exists():
        load_small_demo()


@pytest.fixture(autouse=True)
def _demo_back_after_a_flush(request):
    """Put the session's reference data back for tests that run after a live-server test.

    Live-server (transactional) tests flush the whole database when they end; the tests that
    run after them in the same worker would otherwise find no countries or datasets.
    """
    marker = request.node.get_closest_marker("django_db")
    names = set(request.fixturenames)
    is_transactional = bool(marker and marker.kwargs.get("transaction")) or bool(
        {"transactional_db", "live_server"} & names
    )
    if (marker is not None or "db" in names) and not is_transactional:
        request.getfixturevalue("demo")
