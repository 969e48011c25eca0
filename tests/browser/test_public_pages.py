"""Every public page, as a phone and a desktop show it: screenshots, and axe-core's checks."""

import pytest
from axe_playwright_python.sync_playwright import Axe

from embassy.models import Page

from .conftest import SCREENSHOT_DIR

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

VISIT_SLUG = "ambassador-and-brest-oblast-delegation-in-stara-zagora-2021"
PUBLIC_PAGES = {
    "home": "/bg/",
    "cooperation": "/bg/cooperation/",
    "agreements": "/bg/cooperation/agreements/",
    "agreements-filtered": "/bg/cooperation/agreements/?region=brest-oblast&kind=twinning",
    "map": "/bg/cooperation/map/",
    "map-filtered": "/bg/cooperation/map/?region=stara-zagora-oblast",
    "regions": "/bg/cooperation/regions/",
    "region": "/bg/cooperation/regions/brest-oblast/",
    "visits": "/bg/cooperation/visits/",
    "visit": f"/bg/cooperation/visits/{VISIT_SLUG}/",
    "news": "/bg/news/",
    "news-entry": f"/bg/news/{VISIT_SLUG}/",
    "page": "/bg/pages/about/",
    "cooperation-en": "/en/cooperation/",
}
WIDTHS = {"phone": 320, "desktop": 1280}


@pytest.fixture(autouse=True)
def site_page(site):
    Page.objects.create(
        title="За посолството",
        slug="about",
        body="<h2>Посолство</h2><p>Посолството на Беларус в България.</p>",
        status=Page.Status.PUBLISHED,
    )


def visit(page, site, path):
    response = page.goto(f"{site.url}{path}")
    assert response.status == 200, path


def test_every_public_page_is_photographed_at_320_and_1280_pixels(page, site, requests_elsewhere):
    SCREENSHOT_DIR.mkdir(parents=True, exist_ok=True)
    for width in WIDTHS.values():
        page.set_viewport_size({"width": width, "height": 900})
        for name, path in PUBLIC_PAGES.items():
            visit(page, site, path)
            page.screenshot(path=SCREENSHOT_DIR / f"{name}-{width}.png", full_page=True)
            # Nothing wider than the window: a phone never scrolls sideways.
            overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
            assert overflow <= 0, f"{path} is {overflow}px too wide at {width}px"
    assert requests_elsewhere == []


def test_axe_finds_no_accessibility_violations_on_any_public_page(page, site):
    axe = Axe()
    reports = {}
    for width in WIDTHS.values():
        page.set_viewport_size({"width": width, "height": 900})
        for path in PUBLIC_PAGES.values():
            visit(page, site, path)
            results = axe.run(page)
            if results.violations_count:
                reports[f"{path} at {width}px"] = results.generate_report()
    assert not reports, "\n\n".join(f"{where}: {report}" for where, report in reports.items())
