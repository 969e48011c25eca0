"""
Every public page loads cleanly: no error in the console, no request that fails (the icons
included), no Content-Security-Policy violation (the JSON-LD data elements are data, not
script); and the header's search works without JavaScript.
"""

import pytest
from playwright.sync_api import expect

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

VISIT_SLUG = "ambassador-and-brest-oblast-delegation-in-stara-zagora-2021"
PAGES = [
    "/bg/",
    "/bg/cooperation/",
    "/bg/cooperation/agreements/",
    "/bg/cooperation/regions/brest-oblast/",
    f"/bg/cooperation/visits/{VISIT_SLUG}/",
    f"/en/news/{VISIT_SLUG}/",
    "/ru/search/?q=Gabrovo",
]
RECORD_VIOLATIONS = """
window.cspViolations = [];
document.addEventListener("securitypolicyviolation", (event) => {
  window.cspViolations.push(`${event.violatedDirective} ${event.blockedURI}`);
});
"""


def test_public_pages_log_no_error_fail_no_request_and_violate_no_policy(browser_context, site):
    browser_context.add_init_script(RECORD_VIOLATIONS)
    page = browser_context.new_page()
    problems = []
    page.on("console", lambda message: message.type == "error" and problems.append(message.text))
    page.on("pageerror", lambda error: problems.append(str(error)))
    page.on(
        "requestfailed",
        lambda request: problems.append(f"failed: {request.url} ({request.failure})"),
    )
    page.on(
        "response",
        lambda response: (
            response.status >= 400 and problems.append(f"{response.status}: {response.url}")
        ),
    )
    for path in PAGES:
        page.goto(f"{site.url}{path}")
        # The icon is fetched after "load": the next page would cancel it, which is no failure.
        page.wait_for_load_state("networkidle")
        problems.extend(f"{path}: {found}" for found in page.evaluate("window.cspViolations"))
        assert page.locator('script[type="application/ld+json"]').count() == 1 or path in {
            "/bg/cooperation/",
            "/bg/cooperation/agreements/",
            "/ru/search/?q=Gabrovo",
        }
    assert problems == []


def test_the_missing_page_is_the_sites_own_and_asks_for_nothing_missing(browser_context, site):
    page = browser_context.new_page()
    failed = []
    page.on("response", lambda response: response.status >= 400 and failed.append(response.url))
    response = page.goto(f"{site.url}/en/no-such-page/")
    assert response.status == 404
    expect(page.locator("h1")).to_have_text("Page not found")
    assert failed == [f"{site.url}/en/no-such-page/"]


def test_the_header_search_works_without_javascript(chromium, site):
    context = chromium.new_context(java_script_enabled=False, locale="bg-BG")
    page = context.new_page()
    page.goto(f"{site.url}/bg/cooperation/")
    page.get_by_role("searchbox", name="Търсене в сайта").fill("Gabrovo")
    page.get_by_role("searchbox", name="Търсене в сайта").press("Enter")
    expect(page).to_have_url(f"{site.url}/bg/search/?q=Gabrovo")
    results = page.locator("#results-regions + ul")
    expect(results.get_by_role("link", name="Габрово", exact=True)).to_be_visible()
    context.close()
