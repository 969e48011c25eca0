"""The site's one public address: no request's Host gets into a page, cached or not."""

import pytest

from tests.factories import NewsPhotoFactory, TownFactory

pytestmark = pytest.mark.django_db

OTHER_ALLOWED_HOST = "localhost:6661"


@pytest.mark.parametrize(
    ("url", "link"),
    [
        ("/sitemap.xml?x=1", "<loc>http://testserver/sitemap-regions.xml</loc>"),
        ("/sitemap-regions.xml", 'hreflang="en" href="http://testserver/en/cooperation/regions/'),
        ("/bg/", '<meta property="og:url" content="http://testserver/bg/">'),
        ("/bg/", '<link rel="alternate" hreflang="en" href="http://testserver/en/">'),
        ("/api/regions/?page_size=1", '"next":"http://testserver/api/regions/?page=2&page_size=1"'),
        ("/api/news/", '"url":"http://testserver/bg/news/'),
        ("/bg/news/feed/rss/", "<link>http://testserver/bg/news/</link>"),
        ("/robots.txt", "Sitemap: http://testserver/sitemap.xml"),
    ],
)
def test_links_name_the_sites_address_whatever_host_was_asked_first(client, url, link):
    """Issue 21, case 2: after `Host: localhost:6661`, a clean request got that host's links."""
    TownFactory.create_batch(2)
    NewsPhotoFactory()
    first = client.get(url, headers={"host": OTHER_ALLOWED_HOST})
    assert first.status_code == 200
    assert "6661" not in first.content.decode()
    assert link in client.get(url).content.decode()


def test_a_host_that_is_not_allowed_is_refused_before_the_page_cache(client):
    assert client.get("/bg/").status_code == 200  # Now in the page cache.
    refused = client.get("/bg/", headers={"host": "evil.example"})
    assert refused.status_code == 400
    assert "evil.example" not in refused.content.decode()
