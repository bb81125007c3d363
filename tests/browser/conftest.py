"""Browser tests: Debian's Chromium driven by Playwright against Django's live server.

Skipped (with the reason) where /usr/bin/chromium is missing, except on CI, where `.ci/run`
installs it and a missing browser is a failure.
"""

from __future__ import annotations

import os
import shutil

import pytest

# Fixtures of the apps' own test folders that the browser flows reuse.
from tests.bodies.conftest import reference_bodies  # noqa: F401
from tests.coordination.conftest import coordination_council, kofi, make_round  # noqa: F401

CHROMIUM = os.environ.get("POLYCENTRIC_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_FLAGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--no-first-run",
]


@pytest.fixture(scope="session")
def chromium():
    if not shutil.which(CHROMIUM):
        if os.environ.get("CI"):
            pytest.fail(f"Chromium not found at {CHROMIUM}; .ci/run installs it")
        pytest.skip(f"Chromium not found at {CHROMIUM}")
    # Playwright's sync API runs an event loop in this thread; Django's live server runs in
    # another thread, and the test's own ORM calls are plain synchronous ones.
    os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_FLAGS)
        yield browser
        browser.close()


@pytest.fixture
def page(chromium, live_server):
    context = chromium.new_context(base_url=live_server.url, locale="en")
    page = context.new_page()
    page.set_default_timeout(15_000)
    yield page
    context.close()
