"""The RSS and Atom feeds of news photos and visits, as a feed reader reads them."""

import datetime
import xml.etree.ElementTree as ET
from urllib.parse import urlsplit

import pytest
from django.core.files.storage import default_storage
from django.utils import timezone

from cooperation.models import NewsPhoto, Visit
from tests.cooperation.test_query_counts import LARGE, SMALL, add_content, count_queries
from tests.factories import NewsPhotoFactory, VisitFactory

pytestmark = pytest.mark.django_db

ATOM = "{http://www.w3.org/2005/Atom}"


def parse(response, content_type):
    assert response.status_code == 200
    assert response["Content-Type"] == f"{content_type}; charset=utf-8"
    return ET.fromstring(response.content)


def assert_is_a_page_of_the_site(client, url):
    parts = urlsplit(url)
    assert parts.scheme == "http" and parts.netloc == "testserver", url
    assert client.get(parts.path).status_code == 200, url


def test_news_rss_links_each_published_photo_with_its_image(client):
    photo = NewsPhotoFactory()
    NewsPhotoFactory(status=NewsPhoto.Status.DRAFT)
    channel = parse(client.get("/bg/news/feed/rss/"), "application/rss+xml").find("channel")
    assert channel.findtext("language") == "bg"
    assert_is_a_page_of_the_site(client, channel.findtext("link"))
    items = channel.findall("item")
    assert len(items) == 1
    assert items[0].findtext("title") == photo.title_bg
    assert items[0].findtext("link") == f"http://testserver/bg/news/{photo.slug}/"
    assert_is_a_page_of_the_site(client, items[0].findtext("link"))
    enclosure = items[0].find("enclosure")
    assert enclosure.get("type") == "image/jpeg"
    assert enclosure.get("url") == f"http://testserver{photo.image.renditions.shared.url}"
    shared = photo.image.renditions.shared
    assert int(enclosure.get("length")) == default_storage.size(shared.name) > 0
    assert f'<img src="http://testserver{shared.url}"' in items[0].findtext("description")


def test_news_atom_feed_in_english(client):
    photo = NewsPhotoFactory()
    feed = parse(client.get("/en/news/feed/atom/"), "application/atom+xml")
    assert feed.get("{http://www.w3.org/XML/1998/namespace}lang") == "en"
    entries = feed.findall(f"{ATOM}entry")
    assert [entry.findtext(f"{ATOM}title") for entry in entries] == [photo.title_en]
    link = entries[0].find(f"{ATOM}link[@rel='alternate']").get("href")
    assert link == f"http://testserver/en/news/{photo.slug}/"
    assert_is_a_page_of_the_site(client, link)


@pytest.mark.parametrize(
    ("url", "content_type"),
    [
        ("/ru/cooperation/visits/feed/rss/", "application/rss+xml"),
        ("/ru/cooperation/visits/feed/atom/", "application/atom+xml"),
    ],
)
def test_visit_feeds_link_every_published_visit_newest_published_first(client, url, content_type):
    def published_on(day):
        return datetime.datetime.combine(day, datetime.time(12), tzinfo=datetime.UTC)

    # The meeting of 2000 was written up for the site after the visit of 2021.
    visit_of_2021 = VisitFactory(
        start_date=datetime.date(2021, 9, 6), publish_at=published_on(datetime.date(2021, 9, 6))
    )
    meeting_of_2000 = VisitFactory(
        start_date=datetime.date(2000, 11, 1), publish_at=published_on(datetime.date(2022, 1, 10))
    )
    VisitFactory(status=Visit.Status.DRAFT)
    feed = parse(client.get(url), content_type)
    if content_type == "application/rss+xml":
        links = [item.findtext("link") for item in feed.iter("item")]
    else:
        links = [
            entry.find(f"{ATOM}link[@rel='alternate']").get("href")
            for entry in feed.iter(f"{ATOM}entry")
        ]
    assert links == [
        f"http://testserver/ru/cooperation/visits/{meeting_of_2000.slug}/",
        f"http://testserver/ru/cooperation/visits/{visit_of_2021.slug}/",
    ]
    for link in links:
        assert_is_a_page_of_the_site(client, link)


def test_scheduled_photos_stay_out_of_the_feeds_until_their_time(client):
    NewsPhotoFactory(publish_at=timezone.now() + datetime.timedelta(hours=1))
    channel = parse(client.get("/bg/news/feed/rss/"), "application/rss+xml").find("channel")
    assert channel.findall("item") == []


def test_every_page_links_the_feeds_of_its_language_in_its_head(client):
    head = client.get("/ru/cooperation/agreements/").content.decode().split("</head>")[0]
    for feed_type, path in [
        ("application/rss+xml", "/ru/news/feed/rss/"),
        ("application/atom+xml", "/ru/news/feed/atom/"),
        ("application/rss+xml", "/ru/cooperation/visits/feed/rss/"),
        ("application/atom+xml", "/ru/cooperation/visits/feed/atom/"),
    ]:
        assert f'type="{feed_type}"' in head
        assert f'href="{path}"' in head
        assert client.get(path).status_code == 200


@pytest.mark.parametrize("url", ["/bg/news/feed/rss/", "/bg/cooperation/visits/feed/atom/"])
def test_feeds_cost_one_query_whatever_the_amount_of_content(client, url, site_read):
    add_content(SMALL)
    assert count_queries(client, url) == 1
    add_content(LARGE - SMALL)
    assert count_queries(client, url) == 1
