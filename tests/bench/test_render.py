"""bench/render.py finds the public pages and API lists, and times them with a cold cache."""

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from bench.render import PAGES, api_lists, detail_pages, time_cold
from tests.factories import NewsPhotoFactory, PageFactory, VisitFactory


@pytest.mark.django_db
def test_finds_a_detail_page_of_each_kind_and_every_api_list(client):
    visit, photo, page = VisitFactory(), NewsPhotoFactory(), PageFactory()
    assert detail_pages(client) == {
        "a visit": f"/bg/cooperation/visits/{visit.slug}/",
        "a news entry": f"/bg/news/{photo.slug}/",
        "a content page": f"/bg/pages/{page.slug}/",
    }
    assert "/api/agreements/" in api_lists(client)


@pytest.mark.django_db
def test_every_request_renders_the_page_afresh(client):
    path = PAGES["cooperation"]
    client.get(path)
    cache.clear()
    with CaptureQueriesContext(connection) as one_request:
        client.get(path)
    with CaptureQueriesContext(connection) as timed_requests:
        timed = time_cold(client, cache, path, repeat=2)
    # The warm-up and the two timed requests each query the database as the first one did.
    assert len(timed_requests) == 3 * len(one_request) > 0
    assert timed["bytes"] == len(client.get(path).content)
    assert timed["runs"] == 2
    assert timed["cpu_ms"] > 0


@pytest.mark.django_db
def test_a_page_that_fails_is_reported_not_timed(client):
    assert time_cold(client, cache, "/bg/cooperation/regions/no-such-region/", repeat=2) == {
        "error": "status 404"
    }
