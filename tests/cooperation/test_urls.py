"""The addresses of the section's pages and feeds: read only."""

import pytest
from django.test import Client

from tests.factories import (
    TownFactory,
    VisitFactory,
)

pytestmark = pytest.mark.django_db

PAGES = [
    "/bg/",
    "/bg/cooperation/",
    "/bg/cooperation/agreements/",
    "/bg/cooperation/map/",
    "/bg/cooperation/regions/",
    "/bg/cooperation/visits/",
    "/bg/news/",
]
FEEDS = [
    "/bg/news/feed/rss/",
    "/ru/news/feed/atom/",
    "/bg/cooperation/visits/feed/rss/",
    "/en/cooperation/visits/feed/atom/",
]


@pytest.mark.parametrize("url", PAGES + FEEDS)
@pytest.mark.parametrize("method", ["POST", "PUT", "PATCH", "DELETE", "OPTIONS", "TRACE"])
def test_pages_and_feeds_answer_other_methods_than_get_with_405(url, method):
    """TRACE on the feeds was a 200, and a POST without a CSRF token was a 403."""
    response = Client(enforce_csrf_checks=True).generic(method, url)
    assert response.status_code == 405
    assert response["Allow"] == "GET, HEAD"


@pytest.mark.parametrize("url", PAGES + FEEDS)
def test_pages_and_feeds_still_answer_get_and_head(client, url):
    assert client.get(url).status_code == 200
    head = client.head(url)
    assert head.status_code == 200 and head.content == b""


@pytest.mark.parametrize("method", ["POST", "DELETE", "TRACE"])
def test_detail_pages_answer_other_methods_than_get_with_405(method):
    visitor = Client(enforce_csrf_checks=True)
    for entry in (TownFactory(), VisitFactory()):
        assert visitor.get(entry.get_absolute_url()).status_code == 200
        response = visitor.generic(method, entry.get_absolute_url())
        assert response.status_code == 405
        assert response["Allow"] == "GET, HEAD"


def test_unknown_slugs_are_404(client):
    for url in (
        "/bg/cooperation/regions/atlantis/",
        "/bg/cooperation/visits/atlantis/",
        "/bg/news/atlantis/",
        "/bg/pages/atlantis/",
    ):
        assert client.get(url).status_code == 404
