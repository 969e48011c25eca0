"""
Page weight as Chromium downloads it: Debian's Chromium, headless, driven by Playwright, loads
each page from the gunicorn server with an empty browser cache and records its network log.

"Eager" is what has arrived once the page has loaded and the network is idle, before any
scrolling; "after scrolling" adds what arrives while the page is scrolled to its end (images
with loading="lazy"). Bytes are as transferred: the response headers and the body as sent
(compressed when the server compressed it).
"""

import contextlib
import subprocess
from urllib.parse import urlsplit

from .environment import require_command

PAGES = {
    "home": "/bg/",
    "cooperation": "/bg/cooperation/",
    "agreements": "/bg/cooperation/agreements/",
    "region (an oblast)": "/bg/cooperation/regions/brest-oblast/",
    "news": "/bg/news/",
}
VIEWPORTS = {
    "390 px, 3×": {"width": 390, "height": 844, "scale": 3, "mobile": True},
    "1280 px, 1×": {"width": 1280, "height": 900, "scale": 1, "mobile": False},
}
# Chromium makes no requests of its own beside the page's (updates, sync, first-run pages).
QUIET = [
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
# The flags the browser tests launch it with (tests/browser/conftest.py).
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", *QUIET]
TYPES = ("document", "stylesheet", "script", "font", "image")


@contextlib.contextmanager
def chromium():
    executable = require_command("chromium", "chromium", "fonts-dejavu-core")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=executable, headless=True, args=CHROMIUM_ARGS
        )
        try:
            yield browser
        finally:
            browser.close()


def transferred(request):
    sizes = request.sizes()
    return sizes["responseHeadersSize"] + sizes["responseBodySize"]


def totals(requests):
    """Bytes by resource type (the rest as "other"), and the number of requests."""
    by_type = dict.fromkeys((*TYPES, "other"), 0)
    for request in requests:
        kind = request.resource_type if request.resource_type in TYPES else "other"
        by_type[kind] += transferred(request)
    return {**by_type, "total": sum(by_type.values()), "requests": len(requests)}


def scroll_to_end(page, steps=200):
    """Scroll a screen at a time, as a reader does, until the end of the page (or `steps`)."""
    for _step in range(steps):
        at_end = page.evaluate(
            "() => { window.scrollBy(0, window.innerHeight);"
            " return window.scrollY + window.innerHeight >= document.body.scrollHeight; }"
        )
        page.wait_for_timeout(50)
        if at_end:
            break
    page.wait_for_load_state("networkidle")


def page_weight(browser, url, viewport):
    """The network log of one page load at one viewport: eager, then after scrolling."""
    context = browser.new_context(
        viewport={"width": viewport["width"], "height": viewport["height"]},
        device_scale_factor=viewport["scale"],
        is_mobile=viewport["mobile"],
        has_touch=viewport["mobile"],
        locale="bg-BG",
    )
    page = context.new_page()
    finished, failed = [], []

    def on_finished(request):
        finished.append(request)

    def on_response(response):
        if response.status >= 400:
            failed.append(f"{urlsplit(response.url).path} ({response.status})")

    def on_failed(request):
        failed.append(f"{urlsplit(request.url).path} ({request.failure})")

    page.on("requestfinished", on_finished)
    page.on("response", on_response)
    page.on("requestfailed", on_failed)
    try:
        page.goto(url, wait_until="networkidle")
        eager = list(finished)
        scroll_to_end(page)
        return {
            "eager": totals(eager),
            "after_scrolling": totals(finished),
            "failed": failed,
        }
    finally:
        context.close()


def measure(server_url):
    """Every page at every viewport."""
    results = []
    with chromium() as browser:
        for label, path in PAGES.items():
            for viewport_label, viewport in VIEWPORTS.items():
                weight = page_weight(browser, server_url + path, viewport)
                results.append({"page": label, "path": path, "viewport": viewport_label, **weight})
    return results


def chromium_version():
    output = subprocess.run(["chromium", "--version"], capture_output=True, text=True).stdout
    return output.strip()
