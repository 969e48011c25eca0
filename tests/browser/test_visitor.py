"""A visitor finds the partners of an oblast, reads a region, changes language, leaves."""

import re

import pytest
from playwright.sync_api import expect

from embassy.models import MissionLink

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_visitor_filters_by_oblast_follows_a_party_switches_language_and_leaves(
    page, site, requests_elsewhere
):
    page.goto(f"{site.url}/bg/cooperation/")
    expect(page.locator("svg.agreement-map a.map-line")).to_have_count(48)
    expect(page.locator("svg.timeline a.timeline-bar")).to_have_count(16)

    page.get_by_role("link", name="Търсене и филтриране на споразуменията").click()
    page.locator("select[name=region]").select_option("brest-oblast")
    page.locator("form.filters button[type=submit]").click()
    expect(page).to_have_url(re.compile(r"/bg/cooperation/agreements/\?.*region=brest-oblast"))
    expect(page.locator("table.agreements tbody tr")).to_have_count(10)

    page.locator("table.agreements").get_by_role("link", name="Пинск", exact=True).click()
    expect(page).to_have_url(f"{site.url}/bg/cooperation/regions/pinsk/")
    expect(page.locator("h1")).to_have_text("Пинск")

    page.locator("nav.languages a[hreflang=en]").click()
    expect(page).to_have_url(f"{site.url}/en/cooperation/regions/pinsk/")
    expect(page.locator("h1")).to_have_text("Pinsk")
    expect(page.locator("html")).to_have_attribute("lang", "en")

    ministry = MissionLink.objects.get(url="https://mfa.gov.by/en/")
    page.locator("select[name=mission]").select_option(str(ministry.pk))
    page.locator("form.missions button[type=submit]").click()
    expect(page).to_have_url(ministry.url)
    assert requests_elsewhere == [ministry.url]


def test_map_names_the_pair_on_focus_and_a_point_opens_its_region(page, site):
    page.goto(f"{site.url}/bg/cooperation/map/?region=svetlogorsk")
    lines = page.locator("svg.agreement-map a.map-line")
    expect(lines).to_have_count(2)
    label = lines.first.locator(".map-label")
    expect(label).to_be_hidden()
    lines.first.focus()
    expect(label).to_be_visible()
    expect(label).to_contain_text("Светлогорск")

    page.locator("svg.agreement-map a.map-point[href$='/regions/sliven/'] circle").click()
    expect(page).to_have_url(f"{site.url}/bg/cooperation/regions/sliven/")
    expect(page.locator("h1")).to_have_text("Сливен")


def test_a_timeline_bar_opens_the_list_of_its_year(page, site):
    page.goto(f"{site.url}/en/cooperation/")
    page.locator("svg.timeline a.timeline-bar[href$='year_min=2000&year_max=2000']").click()
    expect(page).to_have_url(
        re.compile(r"/en/cooperation/agreements/\?year_min=2000&year_max=2000$")
    )
    expect(page.locator("table.agreements tbody tr")).to_have_count(11)
