"""The shared cache on Redis (Django's backend): pages served from it until content changes."""

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


@pytest.fixture
def redis_url():
    """A throwaway Redis server on loopback, stopped after the test."""
    server = shutil.which("redis-server")
    if server is None:
        pytest.skip("redis-server is not installed (apt-get install redis-server)")
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    process = subprocess.Popen(
        [server, "--bind", "127.0.0.1", "--port", str(port), "--save", "", "--appendonly", "no"],
        stdout=subprocess.DEVNULL,
    )
    try:
        for _attempt in range(100):
            try:
                socket.create_connection(("127.0.0.1", port), timeout=0.1).close()
                break
            except OSError:
                time.sleep(0.05)
        yield f"redis://127.0.0.1:{port}/0"
    finally:
        process.terminate()
        process.wait(timeout=10)


def test_pages_are_served_from_redis_until_the_content_changes(redis_url, settings, client):
    settings.CACHES = {"default": cache_from_url(redis_url)}
    town = TownFactory(name_bg="Стар град")
    assert "Стар град" in client.get(town.get_absolute_url()).content.decode()
    for _ in range(2):
        with CaptureQueriesContext(connection) as queries:
            cached = client.get(town.get_absolute_url())
        assert len(queries) == 0 and "Стар град" in cached.content.decode()
    gzipped = client.get(town.get_absolute_url(), headers={"accept-encoding": "gzip"})
    assert gzipped["Content-Encoding"] == "gzip"
    town.name_bg = "Нов град"
    town.save()
    assert "Нов град" in client.get(town.get_absolute_url()).content.decode()
