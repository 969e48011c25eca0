"""sitemap.xml, as a search engine reads it: every public page in every language."""

import xml.etree.ElementTree as ET
from urllib.parse import urlsplit

import pytest
from django.conf import settings

from cooperation.models import NewsPhoto, Region, Visit
from tests.cooperation.test_query_counts import LARGE, SMALL, add_content, count_queries
from tests.factories import NewsPhotoFactory, RegionFactory, VisitFactory, twinned_regions

pytestmark = pytest.mark.django_db

SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
XHTML = "{http://www.w3.org/1999/xhtml}"
LANGUAGES = [code for code, _name in settings.LANGUAGES]


def sitemap_entries(client):
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/xml"
    urlset = ET.fromstring(response.content)
    return {
        url.findtext(f"{SITEMAP}loc"): {
            link.get("hreflang"): link.get("href") for link in url.findall(f"{XHTML}link")
        }
        for url in urlset.findall(f"{SITEMAP}url")
    }


def path_of(url):
    parts = urlsplit(url)
    assert parts.scheme == "http" and parts.netloc == "testserver", url
    return parts.path


def test_sitemap_lists_every_public_page_in_every_language(client):
    twinned_regions()
    VisitFactory.create_batch(2)
    NewsPhotoFactory()
    paths = {path_of(url) for url in sitemap_entries(client)}
    expected_bulgarian = {
        "/bg/",
        "/bg/cooperation/",
        "/bg/cooperation/agreements/",
        "/bg/cooperation/regions/",
        "/bg/cooperation/visits/",
        "/bg/news/",
        *(
            f"/bg/cooperation/regions/{slug}/"
            for slug in Region.objects.values_list("slug", flat=True)
        ),
        *(
            f"/bg/cooperation/visits/{slug}/"
            for slug in Visit.objects.values_list("slug", flat=True)
        ),
        *(f"/bg/news/{slug}/" for slug in NewsPhoto.objects.values_list("slug", flat=True)),
    }
    assert paths == {
        path.replace("/bg/", f"/{code}/", 1) for path in expected_bulgarian for code in LANGUAGES
    }


def test_every_address_in_the_sitemap_is_a_page(client):
    RegionFactory()
    VisitFactory()
    NewsPhotoFactory()
    for url in sitemap_entries(client):
        path = path_of(url)
        if path.startswith("/bg/"):  # The other languages are the same views.
            assert client.get(path).status_code == 200, path


def test_each_page_names_its_other_languages_and_a_default(client):
    RegionFactory(slug="brest")
    alternates = sitemap_entries(client)["http://testserver/ru/cooperation/regions/brest/"]
    assert alternates == {
        "bg": "http://testserver/bg/cooperation/regions/brest/",
        "ru": "http://testserver/ru/cooperation/regions/brest/",
        "be": "http://testserver/be/cooperation/regions/brest/",
        "en": "http://testserver/en/cooperation/regions/brest/",
        "x-default": "http://testserver/cooperation/regions/brest/",
    }
    # The default address sends each visitor to the page in their language.
    response = client.get("/cooperation/regions/brest/", headers={"accept-language": "en"})
    assert response.status_code == 302 and response["Location"] == "/en/cooperation/regions/brest/"


def test_drafts_are_not_in_the_sitemap(client):
    draft = VisitFactory(status=Visit.Status.DRAFT)
    published = VisitFactory()
    draft_photo = NewsPhotoFactory(status=NewsPhoto.Status.DRAFT)
    paths = {path_of(url) for url in sitemap_entries(client)}
    assert f"/bg/cooperation/visits/{draft.slug}/" not in paths
    assert f"/bg/news/{draft_photo.slug}/" not in paths
    assert f"/bg/cooperation/visits/{published.slug}/" in paths


def test_sitemap_costs_the_same_few_queries_with_ten_times_the_content(client):
    add_content(SMALL)
    with_little = count_queries(client, "/sitemap.xml")
    add_content(LARGE - SMALL)
    assert count_queries(client, "/sitemap.xml") == with_little <= 5
