"""
Browser tests: Debian's Chromium driven by Playwright against a live server.

They use pytest-django's `live_server`, whose tests commit their rows and flush the database
afterwards, so pytest-django runs them after the others. Each test loads the initial content
itself (the `site` fixture), as `make run` does: the pages are walked, photographed and checked
as visitors see them, while the other tests build their own rows with `tests.factories`.
"""

import io
import os
import shutil
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from django.conf import settings
from django.core.management import call_command

# Playwright's synchronous API keeps an event loop running in the test's thread; the test's own
# database queries are still synchronous, so Django's guard against queries from async code
# must stand aside.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
SCREENSHOT_DIR = Path(os.environ.get("SCREENSHOT_DIR", settings.BASE_DIR / "bench" / "screenshots"))
DESKTOP = {"width": 1280, "height": 900}


@pytest.fixture(scope="session")
def chromium():
    """One headless Chromium for the whole session."""
    if not (Path(CHROMIUM).exists() or shutil.which(CHROMIUM)):
        message = f"Chromium not found at {CHROMIUM}: `make chromium` installs Debian's package."
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS
        )
        yield browser
        browser.close()


@pytest.fixture
def site(live_server):
    """The live server, with the initial content loaded for this test."""
    call_command("load_initial_data", stdout=io.StringIO())
    return live_server


@pytest.fixture
def requests_elsewhere():
    """Addresses the pages asked for on other hosts; they are answered with a stub page."""
    return []


@pytest.fixture
def browser_context(chromium, site, requests_elsewhere):
    """A fresh browser profile speaking English, kept on the live server's own host."""
    context = chromium.new_context(viewport=DESKTOP, locale="en-US")
    own_host = urlsplit(site.url).netloc

    def stay_home(route):
        if urlsplit(route.request.url).netloc == own_host:
            route.continue_()
        else:
            requests_elsewhere.append(route.request.url)
            route.fulfill(status=200, content_type="text/html", body="<title>Elsewhere</title>")

    context.route("**/*", stay_home)
    context.set_default_timeout(15_000)
    yield context
    context.close()


@pytest.fixture
def page(browser_context):
    return browser_context.new_page()
