"""sitemap.xml, as a search engine reads it: an index of files that hold every public page in
every language, each file within the protocol's limits."""

import math
import xml.etree.ElementTree as ET
from urllib.parse import parse_qsl, urlsplit

import pytest
from django.conf import settings

from cooperation.models import NewsPhoto, Region, TwinningAgreement, Visit
from editorial.cache import invalidate_public_pages
from embassy.sitemaps import TranslatedSitemap
from tests.cooperation.test_query_counts import LARGE, SMALL, add_content, count_queries
from tests.factories import (
    NewsPhotoFactory,
    RegionFactory,
    TownFactory,
    VisitFactory,
    twinned_regions,
)

pytestmark = pytest.mark.django_db

SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
XHTML = "{http://www.w3.org/1999/xhtml}"
LANGUAGES = [code for code, _name in settings.LANGUAGES]


def sitemap_files(client):
    """The addresses of the files that the index at /sitemap.xml lists."""
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/xml"
    index = ET.fromstring(response.content)
    assert index.tag == f"{SITEMAP}sitemapindex"
    return [sitemap.findtext(f"{SITEMAP}loc") for sitemap in index.findall(f"{SITEMAP}sitemap")]


def file_entries(client, url):
    """The entries of one sitemap file: {address: {language: alternate address}}."""
    parts = urlsplit(url)
    response = client.get(parts.path, dict(parse_qsl(parts.query)))
    assert response.status_code == 200, url
    assert response["Content-Type"] == "application/xml"
    urlset = ET.fromstring(response.content)
    return [
        (
            entry.findtext(f"{SITEMAP}loc"),
            {link.get("hreflang"): link.get("href") for link in entry.findall(f"{XHTML}link")},
        )
        for entry in urlset.findall(f"{SITEMAP}url")
    ]


def sitemap_entries(client):
    """Every entry of every file of the sitemap."""
    entries = [entry for url in sitemap_files(client) for entry in file_entries(client, url)]
    addresses = dict(entries)
    assert len(addresses) == len(entries), "an address is listed twice"
    return addresses


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
        "/bg/cooperation/partners/",
        *(
            f"/bg/cooperation/agreements/{agreement.pk}-{agreement.address_slug}/"
            for agreement in TwinningAgreement.objects.with_parties()
        ),
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


def test_sitemap_costs_the_same_few_queries_with_ten_times_the_content(client, site_read):
    add_content(SMALL)
    urls = ["/sitemap.xml", *(urlsplit(url).path for url in sitemap_files(client))]
    invalidate_public_pages()
    with_little = {url: count_queries(client, url) for url in urls}
    add_content(LARGE - SMALL)
    with_ten_times = {url: count_queries(client, url) for url in urls}
    assert with_ten_times == with_little
    # The index counts each section's entries and finds its latest change.
    index_queries = with_little.pop("/sitemap.xml")
    assert index_queries <= 2 * len(with_little)
    assert max(with_little.values()) <= 2


def test_the_index_lists_files_within_the_page_size_that_together_hold_every_entry(
    client, monkeypatch
):
    twinned_regions()
    VisitFactory()
    expected = sitemap_entries(client)
    monkeypatch.setattr(TranslatedSitemap, "limit", 30)
    invalidate_public_pages()
    files = sitemap_files(client)
    region_files = [url for url in files if "/sitemap-regions.xml" in url]
    assert len(region_files) == math.ceil(Region.objects.count() * len(LANGUAGES) / 30)
    assert region_files[1] == "http://testserver/sitemap-regions.xml?p=2"
    sizes = [len(file_entries(client, url)) for url in files]
    assert max(sizes) == 30
    assert sitemap_entries(client) == expected


def test_the_protocols_limit_holds_counting_every_alternate_as_an_address():
    # 50,000 addresses a file: an entry's own and its alternates, one per language and x-default.
    assert TranslatedSitemap.limit * (1 + len(LANGUAGES) + 1) <= 50_000


def test_a_file_past_the_last_is_not_found(client):
    RegionFactory()
    assert client.get("/sitemap-regions.xml", {"p": 1000}).status_code == 404
    assert client.get("/sitemap-regions.xml", {"p": "x"}).status_code == 404
    assert client.get("/sitemap-elsewhere.xml").status_code == 404


def test_the_sitemap_is_cached_until_the_content_changes(client, site_read):
    RegionFactory()
    assert "/t-sitemap-town/" not in client.get("/sitemap-regions.xml").content.decode()
    assert count_queries(client, "/sitemap-regions.xml") == 0
    TownFactory(slug="t-sitemap-town")
    assert "/t-sitemap-town/" in client.get("/sitemap-regions.xml").content.decode()
