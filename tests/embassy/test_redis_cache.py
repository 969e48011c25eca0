"""The shared cache on Redis: pages served from it, and served without it while it is down."""

import shutil
import socket
import subprocess
import time

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from embassy.settings import cache_from_url
from tests.factories import TownFactory

pytestmark = pytest.mark.django_db

# Issue 21, case 7: each of these was a 500 while Redis was down.
PAGES = [
    "/bg/",
    "/bg/cooperation/",
    "/api/regions/",
    "/sitemap.xml",
    "/sitemap-regions.xml",
    "/bg/search/?q=град",
    "/bg/cooperation/partners/",
]


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class RedisServer:
    """A throwaway Redis server on loopback, which a test may stop and start again."""

    def __init__(self, executable):
        self.executable = executable
        self.port = free_port()
        self.url = f"redis://127.0.0.1:{self.port}/0"
        self.process = None

    def start(self):
        self.process = subprocess.Popen(
            [self.executable, "--bind", "127.0.0.1", "--port", str(self.port)]
            + ["--save", "", "--appendonly", "no"],
            stdout=subprocess.DEVNULL,
        )
        for _attempt in range(100):
            try:
                socket.create_connection(("127.0.0.1", self.port), timeout=0.1).close()
                return
            except OSError:
                time.sleep(0.05)

    def stop(self):
        self.process.terminate()
        self.process.wait(timeout=10)


@pytest.fixture
def redis(settings):
    """The site's cache on a Redis server of the test's own, stopped after it."""
    executable = shutil.which("redis-server")
    if executable is None:
        pytest.skip("redis-server is not installed (apt-get install redis-server)")
    server = RedisServer(executable)
    server.start()
    settings.CACHES = {"default": cache_from_url(server.url)}
    yield server
    if server.process.poll() is None:
        server.stop()


def queries_of(client, url):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200, url
    return response, len(queries)


def test_pages_are_served_from_redis_until_the_content_changes(redis, client):
    town = TownFactory(name_bg="Стар град")
    assert "Стар град" in client.get(town.get_absolute_url()).content.decode()
    for _ in range(2):
        cached, queries = queries_of(client, town.get_absolute_url())
        assert queries == 0 and "Стар град" in cached.content.decode()
    gzipped = client.get(town.get_absolute_url(), headers={"accept-encoding": "gzip"})
    assert gzipped["Content-Encoding"] == "gzip"
    town.name_bg = "Нов град"
    town.save()
    assert "Нов град" in client.get(town.get_absolute_url()).content.decode()


def test_with_redis_down_pages_are_made_anew_and_the_fault_logged(
    redis, client, staff_client, caplog
):
    town = TownFactory(name_bg="Стар град")
    for url in PAGES:
        client.get(url)  # Each now in the cache.
    redis.stop()
    for url in PAGES:
        response, queries = queries_of(client, url)
        assert queries > 0, f"{url} came from a cache that is down"
    assert "Стар град" in client.get(town.get_absolute_url()).content.decode()
    assert staff_client.get("/admin/").status_code == 200
    health = client.get("/healthz")
    assert health.status_code == 200 and "cache: unreachable\n" in health.content.decode()
    assert any("Connection refused" in record.exc_text for record in caplog.records)

    # Saving while Redis is down, then Redis back: pages are cached again.
    town.name_bg = "Нов град"
    town.save()
    redis.start()
    assert "Нов град" in client.get(town.get_absolute_url()).content.decode()
    assert queries_of(client, town.get_absolute_url())[1] == 0
    assert "cache: ok\n" in client.get("/healthz").content.decode()


def test_a_redis_that_never_answered_leaves_the_site_working(client, settings):
    settings.CACHES = {"default": cache_from_url(f"redis://127.0.0.1:{free_port()}/0")}
    for url in PAGES:
        assert client.get(url).status_code == 200, url
