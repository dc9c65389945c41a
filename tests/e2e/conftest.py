"""Browser tests: pytest-playwright's fixtures, driving Debian's Chromium against a live server."""

from pathlib import Path

import pytest
from django.db import connections

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    # Never a browser that Playwright downloads: only the distribution's, as in CI.
    if not CHROMIUM.exists():
        pytest.skip(
            f"{CHROMIUM} is missing: install Debian's chromium (apt-get install chromium) to run browser tests"
        )
    return {**browser_type_launch_args, "executable_path": str(CHROMIUM), "args": CHROMIUM_ARGS}


@pytest.fixture(scope="session")
def base_url(live_server):
    return live_server.url


@pytest.fixture(scope="session")
def _django_connection_under_playwright(browser, django_db_setup):
    """Keep using the connection pytest-django set up once Playwright's event loop runs.

    Playwright's sync API runs an asyncio loop in this thread; from then on Django keeps database
    connections in per-context storage and would open a fresh one, without the serialized
    migration data that serialized rollback restores (nor, on SQLite, the in-memory database
    shared with the live server thread).
    """
    connections["default"] = django_db_setup


@pytest.fixture
def site(_django_connection_under_playwright, demo_content, live_server):
    """The demo site, served by the live server that `page` browses (base_url)."""
    return live_server
