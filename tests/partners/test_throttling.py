"""The board's hourly allowance holds when posts arrive together, and when a flood of requests
empties the page cache."""

import os
import subprocess
import sys

import pytest
from django.test import Client

from tests.factories import PartnerRequestFactory

pytestmark = pytest.mark.django_db

ANSWER = {
    "name": "Гомел",
    "email": "answer@gomel.example",
    "message": "Здравствуйте.",
    "website": "",
}

# Twenty posts from one address at once, each in a thread of its own.
POSTS_AT_ONCE = """
from concurrent.futures import ThreadPoolExecutor
from threading import Barrier
from django.core.management import call_command
from django.db import connection
from django.test import RequestFactory
from partners.throttling import allow_board_post

call_command("migrate", verbosity=0)
start = Barrier(20)

def post(number):
    start.wait()
    try:
        return allow_board_post(RequestFactory().post("/", REMOTE_ADDR="192.0.2.9"))
    finally:
        connection.close()

with ThreadPoolExecutor(20) as pool:
    print(sum(pool.map(post, range(20))))
"""


def test_posts_released_at_once_never_pass_the_allowance(settings, tmp_path):
    # A database and a cache in files, as `make serve` has them, shared by the threads.
    env = {
        **os.environ,
        "DATABASE_URL": f"sqlite:///{tmp_path / 'db.sqlite3'}",
        "DJANGO_CACHE_URL": f"file://{tmp_path / 'cache'}",
        "COOPERATION_PARTNER_POSTS_PER_HOUR": "5",
    }
    accepted = subprocess.run(
        [sys.executable, "manage.py", "shell", "-v0", "-c", POSTS_AT_ONCE],
        cwd=settings.BASE_DIR,
        env=env,
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    assert accepted.strip() == "5"


def test_a_flood_that_empties_the_page_cache_leaves_the_allowance_as_it_was(client, settings):
    settings.COOPERATION_PARTNER_POSTS_PER_HOUR = 1
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "OPTIONS": {"MAX_ENTRIES": 30},
        }
    }
    url = PartnerRequestFactory().get_absolute_url()
    assert client.post(url, ANSWER).status_code == 302
    flood = Client()
    for number in range(60):
        assert flood.get("/bg/cooperation/partners/", {"junk": number}).status_code == 200
    assert client.post(url, ANSWER).status_code == 429
